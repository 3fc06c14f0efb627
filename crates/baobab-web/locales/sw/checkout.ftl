# Kikapu, kukamilisha agizo, malipo na ukurasa wa agizo, na kile ambacho agizo linaweza kukataa.
# Majina ya bidhaa, bei na maelezo ya benki ya duka yanatoka kwenye katalogi na mipangilio ya duka.

## Kikapu
cart-title = Kikapu chako
cart-item = Bidhaa
cart-qty = Idadi
cart-price = Bei
cart-total = Jumla
cart-sku = Namba ya bidhaa: { $sku }
cart-quantity = Idadi
cart-update = Sasisha
cart-subtotal = Jumla ndogo { $amount }
cart-checkout = Endelea kulipa
cart-empty = Kikapu chako ni tupu.
cart-continue = Endelea kununua
cart-not-sold = haiuzwi kwa { $currency }

## Kukamilisha agizo
checkout-title = Kamilisha agizo
checkout-address = Anwani ya kupelekewa
checkout-update-delivery = Onyesha njia za kupeleka
checkout-delivery = Usafirishaji
checkout-no-delivery = Hatupeleki kwenye nchi hii kwa sarafu hii.
checkout-payment = Malipo
checkout-coupon = Msimbo wa punguzo
checkout-coupon-applied = { $code } umetumika
checkout-subtotal = Jumla ndogo { $amount }
checkout-discount = Punguzo −{ $amount }
checkout-delivery-cost = Usafirishaji { $amount }
checkout-vat = VAT { $rate }%: { $amount }
checkout-vat-included = VAT { $rate }% imejumuishwa: { $amount }
checkout-total = Jumla { $amount }
checkout-review = Sasisha jumla
checkout-place = Weka agizo

## Njia za kupeleka (majina ya njia za duka la mfano)
shipping-free = bure
shipping-free-over = { $price }, bure kwa agizo la zaidi ya { $amount }
shipping-zone-only = { $zone } pekee
shipping-lagos-express = Lagos haraka (siku inayofuata)
shipping-lagos-pickup = Chukua kwenye duka letu la Ikeja
shipping-ng-standard = Msafirishaji Nigeria nzima (siku 2–5)
shipping-nairobi-rider = Msafirishaji wa pikipiki Nairobi (siku hiyo hiyo)
shipping-nairobi-pickup = Chukua katikati ya jiji la Nairobi (CBD)
shipping-ke-standard = Msafirishaji Kenya nzima (siku 2–4)
shipping-gh-standard = Msafirishaji (siku 2–4)
shipping-za-courier = Msafirishaji (siku 2–4)
shipping-intl-courier = Msafirishaji wa kimataifa (siku 5–10)

## Njia za kulipa
payment-cash-on-delivery = Lipa unapopokea
payment-bank-transfer = Uhamisho wa benki
payment-paystack = Kadi, benki au pesa kwa simu (Paystack)
payment-mpesa = M-Pesa
payment-cash-on-delivery-detail = Lipa pesa taslimu mzigo ukifika
payment-bank-transfer-detail = Hamishia pesa kwenye akaunti yetu ndani ya saa { $hours }; tunatuma mzigo pesa ikifika
payment-paystack-detail = Lipa sasa kwenye ukurasa salama wa Paystack
payment-mpesa-detail = Ombi litatokea kwenye simu yako: weka PIN yako ya M-Pesa
payment-unreachable = { $provider } haipatikani kwa sasa; jaribu tena baada ya dakika moja
payment-not-in-time = haikulipwa kwa wakati
payment-charge-failed = malipo yamekataliwa

## Ukurasa wa agizo
order-title = Agizo { $number }
order-placed-on = Liliwekwa { $date }
order-status = Hali:
order-continue-payment = Endelea kulipa
order-check-payment = Nimelipa — kagua sasa
order-pay-now = Lipa sasa
order-discount = Punguzo ({ $code }) −{ $amount }
order-delivery = Usafirishaji: { $method }, { $amount }
order-vat = VAT { $amount }
order-paid = Asante! Malipo yako yamepokelewa.
order-is = Agizo hili { $status }.
order-mpesa-prompt = Angalia simu yako na uweke PIN yako ya M-Pesa ili ulipe { $amount }. Ukurasa huu utaonyesha matokeo mara M-Pesa itakapothibitisha.
order-paystack-waiting = Tunasubiri Paystack ithibitishe malipo yako.
order-payment-failed = Malipo yako hayakufanikiwa: { $reason }. Unaweza kujaribu tena.
order-pay-to-confirm = Agizo lako limehifadhiwa; lipa { $amount } ili kulithibitisha.
order-bank-transfer = Asante! Tafadhali hamisha { $amount } ukitumia kumbukumbu { $number } ndani ya saa { $hours } kwenda { $bank }; tunatuma mzigo pesa ikifika.
order-cash-on-delivery = Asante! Lipa { $amount } taslimu agizo lako likifika.
order-payment-description = Agizo { $number }

## Hali ya agizo
status-pending-payment = linasubiri malipo
status-paid = limelipwa
status-fulfilled = limeandaliwa
status-shipped = limetumwa
status-delivered = limefikishwa
status-cancelled = limeghairiwa
status-partially-refunded = limerejeshewa pesa kiasi
status-refunded = limerejeshewa pesa

## Kile ambacho agizo linaweza kukataa (tazama "problem" katika account.ftl)
field-coupon = Msimbo wa punguzo
field-shipping-method = Usafirishaji
field-payment-method = Malipo
field-lines = Kikapu
field-stock = Akiba
problem-no-delivery = hatupeleki { $country } kwa malipo ya { $currency }
problem-method-region = { $method } ni kwa { $regions } pekee; chagua njia nyingine ya kupeleka
problem-coupon-wait = misimbo mingi mno imejaribiwa. Jaribu tena baada ya dakika { $minutes }
problem-coupon-refused = msimbo { $code } hauwezi kutumika kwa agizo hili
problem-coupon-format = herufi au tarakimu 3 hadi 32, - au _
problem-payment-choice = chagua mojawapo ya njia za malipo zilizopo
problem-choose-delivery = chagua njia ya kupeleka
problem-choose-payment = chagua jinsi ya kulipa
problem-reload-checkout = pakia upya ukurasa wa malipo kisha ujaribu tena
problem-reload-order = haipo au si sahihi: pakia upya ukurasa wa agizo kisha ujaribu tena
problem-mpesa-phone = M-Pesa inahitaji namba ya simu ya mkononi ya Kenya, k.m. +254 712 345 678
problem-out-of-stock = { $sku } haitoshi kwenye akiba: punguza idadi kisha ujaribu tena
problem-not-sold-in = bidhaa { $variant } haiuzwi kwa { $currency }
problem-not-for-sale = bidhaa hii haiuzwi
problem-not-an-option = si chaguo la bidhaa hii
problem-not-a-number = lazima iwe namba kamili
problem-lines-count = agizo lina bidhaa 1 hadi { $max }
problem-reference = kumbukumbu haipo au ni ndefu mno

## Kurasa za hitilafu
error-order-not-found = Agizo halipatikani
error-payment-not-found = Malipo hayapatikani
error-cart-not-found = Kikapu hakipatikani
