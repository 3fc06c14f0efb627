# Usimamizi wa duka: maneno yote ambayo wafanyakazi husoma kwenye kurasa za usimamizi.
# Mistari ya makosa hutaja sehemu ya fomu kwa maneno (admin-field-*).

## Fremu
admin-nav-label = Usimamizi
admin-nav-dashboard = Dashibodi
admin-nav-products = Bidhaa
admin-nav-import = Kuingiza na kutoa
admin-nav-orders = Oda
admin-nav-coupons = Kuponi
admin-nav-customers = Wateja
admin-nav-staff = Wafanyakazi
admin-nav-tokens = Tokeni za API
admin-nav-audit = Kumbukumbu za ukaguzi
admin-log-out = Toka
admin-list-separator = { ", " }
admin-nothing-yet = Hakuna kitu bado.
admin-save = Hifadhi
admin-saved = Imehifadhiwa.
admin-upload = Pakia
admin-yes = ndiyo
admin-no = hapana
admin-denied-not-staff = haina ruhusa ya kuingia kwenye usimamizi
admin-denied-role = haliruhusu kufungua ukurasa huu
admin-missing-product = Bidhaa haipatikani
admin-missing-order = Oda haipatikani
admin-missing-customer = Mteja hapatikani
admin-missing-staff = Mfanyakazi hapatikani
admin-missing-token = Tokeni haipatikani

## Vichwa vya safu
admin-col-id = Namba
admin-col-title = Jina
admin-col-status = Hali
admin-col-price-from = Kuanzia
admin-col-sku = Namba ya bidhaa
admin-col-options = Chaguo
admin-col-prices = Bei
admin-col-stock = Akiba
admin-col-in-stock = Zilizopo
admin-col-alt = Maelezo ya picha
admin-col-position = Mpangilio
admin-col-size = Vipimo
admin-col-product = Bidhaa
admin-col-currency = Sarafu
admin-col-orders = Oda
admin-col-revenue = Mapato
admin-col-order = Oda
admin-col-reference = Namba ya kumbukumbu
admin-col-provider = Mtoa huduma
admin-col-amount = Kiasi
admin-col-why = Sababu
admin-col-email = Barua pepe
admin-col-total = Jumla
admin-col-placed = Iliwekwa (UTC)
admin-col-item = Bidhaa
admin-col-qty = Idadi
admin-col-detail = Maelezo
admin-col-started = Ilianza (UTC)
admin-col-when = Wakati (UTC)
admin-col-status-from = Kutoka
admin-col-status-to = Hadi
admin-col-by = Aliyefanya
admin-col-note = Dokezo
admin-col-code = Msimbo
admin-col-off = Punguzo
admin-col-minimum = Kiwango cha chini
admin-col-last-day = Siku ya mwisho
admin-col-used = Imetumika
admin-col-active = Inatumika
admin-col-name = Jina
admin-col-verified = Imethibitishwa
admin-col-role = Jukumu
admin-col-two-factor = Uthibitishaji wa hatua mbili
admin-col-created = Iliundwa
admin-col-event = Tukio
admin-col-subject = Kuhusu
admin-col-ip = IP
admin-col-row = Mstari
admin-col-column = Safu
admin-col-problem = Tatizo
admin-col-warning = Onyo
admin-col-created-count = Zilizoundwa
admin-col-updated-count = Zilizosasishwa

## Dashibodi
admin-dash-today = Leo (UTC)
admin-dash-on-sale =
    { $count ->
        [one] Bidhaa { $n } inauzwa.
       *[other] Bidhaa { $n } zinauzwa.
    }
admin-dash-review = Malipo ya kukaguliwa
admin-dash-review-text = Pesa zilizofika lakini hazikuweza kutumika (baada ya oda kuisha muda, kiasi tofauti, malipo ya pili): zirejeshe kupitia mtoa huduma au kamilisha oda kwa mkono.
admin-dash-low-stock = Akiba ndogo ({ $n } au chini)

## Bidhaa
admin-products-heading = Bidhaa (bei kwa { $currency })
admin-product-new = Bidhaa mpya
admin-product-create = Unda bidhaa
admin-product-on-shop = Dukani: { $path }
admin-product-variants = Aina
admin-product-images = Picha
admin-image-add = Ongeza picha
admin-image-add-text = JPEG, PNG au WebP. Ukubwa kwa kila skrini hutengenezwa mara moja.
admin-label-title = Jina la bidhaa
admin-label-description = Maelezo
admin-label-category = Kundi
admin-label-status = Hali
admin-label-sku = Namba ya bidhaa (SKU)
admin-label-price = Bei
admin-label-price-example = Bei (mfano 12500.00)
admin-label-stock = Zilizopo
admin-label-image = Picha
admin-label-alt = Maelezo ya picha (picha inaonyesha nini)
admin-category-none = — hakuna —
admin-status-draft = rasimu
admin-status-active = inauzwa
admin-status-archived = imewekwa kando
admin-error-price = Bei: “{ $value }” si kiasi kwa { $currency }
admin-error-stock = Akiba: lazima iwe namba kamili
admin-error-status = Hali: chagua rasimu, inauzwa au imewekwa kando
admin-error-category = Kundi: kundi hili halipo
admin-error-image-missing = Faili: chagua picha ya kupakia
admin-error-image-type = Faili: si picha ya JPEG, PNG au WebP
admin-error-file-large = Faili: faili ni kubwa mno
admin-error-not-multipart = Faili: tuma fomu kama multipart/form-data

## Oda
admin-orders-export = Kutoa kwa ajili ya wahasibu
admin-orders-export-text = Mstari mmoja kwa kila bidhaa ya oda pamoja na jumla za oda, kwa CSV. Siku ni kwa UTC; acha zote mbili wazi kupata oda zote.
admin-label-from-day = Kuanzia (siku ya kwanza)
admin-label-to-day = Hadi (siku ya mwisho)
admin-orders-download = Pakua oda (CSV)
admin-order-pending-payment = inasubiri malipo
admin-order-paid = imelipwa
admin-order-fulfilled = imeandaliwa
admin-order-shipped = imetumwa
admin-order-delivered = imefikishwa
admin-order-cancelled = imeghairiwa
admin-order-partially-refunded = imerejeshewa pesa kiasi
admin-order-refunded = imerejeshewa pesa
admin-payment-pending = yanaendelea
admin-payment-succeeded = yamefaulu
admin-payment-failed = yameshindwa
admin-payment-needs-review = yanahitaji ukaguzi
admin-pay-cash-on-delivery = kulipa unapopokea
admin-pay-bank-transfer = uhamisho wa benki
admin-pay-paystack = Paystack
admin-pay-mpesa = M-Pesa
admin-step-pay = Thibitisha imelipwa
admin-step-fulfil = Thibitisha imeandaliwa
admin-step-ship = Thibitisha imetumwa
admin-step-deliver = Thibitisha imefikishwa
admin-step-cancel = Ghairi oda
admin-order-summary = { $email } · { $status } · { $total } · imelipwa kwa { $method }
admin-order-refunded-so-far = Kilichorejeshwa hadi sasa: { $amount }
admin-order-delivery = Usafirishaji
admin-order-delivery-text = { $method } ({ $shipping }) · VAT { $tax } · { $address }
admin-order-coupon = { $text } · kuponi { $code } (−{ $discount })
admin-order-no-method = hakuna njia ya usafirishaji
admin-order-payments = Malipo
admin-order-review = Malipo yanahitaji ukaguzi: pesa zimefika lakini hazikutumika kwa oda (tazama maelezo). Zirejeshe kupitia mtoa huduma, au kamilisha kwa mkono.
admin-order-history = Historia
admin-label-note = Dokezo (si lazima)
admin-order-refund = Kurejesha pesa
admin-label-amount = Kiasi
admin-label-reason = Sababu
admin-order-record-refund = Rekodi marejesho
admin-bad-order-status = si hali ya oda
admin-error-amount = Kiasi: “{ $value }” si kiasi kwa { $currency }
admin-error-event = Hatua: si hatua ya oda
admin-error-note = Dokezo: herufi zisizozidi { $max }
admin-error-step = Hali: oda { $status }, kwa hiyo “{ $step }” haiwezekani
admin-error-refund-too-much = Kiasi: { $amount } ni zaidi ya kilichobaki kurejeshwa ({ $remaining })

## Kuponi
admin-coupon-new = Kuponi mpya
admin-coupon-create = Unda kuponi
admin-coupon-switch = Washa au zima kuponi
admin-coupon-any = yoyote
admin-coupon-used-of = { $used } kati ya { $limit }
admin-coupon-percent-off = { $value }%
admin-coupon-kind-percent = Punguzo kwa asilimia
admin-coupon-kind-fixed = Punguzo kwa kiasi
admin-label-coupon-code = Msimbo (herufi, tarakimu, - au _)
admin-label-kind = Aina ya punguzo
admin-label-value = Asilimia au kiasi
admin-label-coupon-currency = Sarafu (inahitajika kwa kiasi au kiwango cha chini; wazi = yoyote)
admin-label-minimum = Oda ya chini kabisa (si lazima)
admin-label-expires = Siku ya mwisho (YYYY-MM-DD, si lazima)
admin-label-usage-limit = Kikomo cha matumizi (si lazima)
admin-label-code = Msimbo
admin-label-active = Inatumika
admin-error-percent = Thamani: “{ $value }” si asilimia kama 10 au 12.5
admin-error-currency-for-amount = Sarafu: inahitajika kwa punguzo la kiasi
admin-error-value-amount = Thamani: “{ $value }” si kiasi
admin-error-kind = Aina ya punguzo: chagua asilimia au kiasi
admin-error-minimum = Kiwango cha chini: “{ $value }” si kiasi kwa { $currency }
admin-error-currency-for-minimum = Sarafu: inahitajika kwa oda ya chini kabisa
admin-error-expires = Siku ya mwisho: “{ $value }” si tarehe kama 2026-12-31
admin-error-usage-limit = Kikomo cha matumizi: “{ $value }” si namba kamili
admin-error-active = Inatumika: chagua ndiyo au hapana
admin-error-no-coupon = Kuponi: hakuna kuponi “{ $code }”

## Wateja na wafanyakazi
admin-customer-active = hai
admin-customer-disabled = imezimwa
admin-two-factor-on = imewashwa
admin-two-factor-not-yet = bado
admin-role-owner = mmiliki
admin-role-catalog-manager = msimamizi wa bidhaa
admin-role-order-manager = msimamizi wa oda
admin-role-support = huduma kwa wateja
admin-staff-add = Ongeza mfanyakazi
admin-staff-add-text = Atapokea barua pepe yenye kiungo cha kuchagua nenosiri, kisha ataweka uthibitishaji wa hatua mbili.
admin-label-email = Barua pepe
admin-label-role = Jukumu
admin-staff-invite = Alika
admin-staff-role-of = Jukumu la { $email }
admin-staff-change-role = Badilisha jukumu
admin-staff-invited = Mwaliko umetumwa kwa { $email }.
admin-staff-role-changed = Jukumu la { $email } sasa ni: { $role }.
admin-error-role = Jukumu: chagua moja ya majukumu yaliyo kwenye orodha
admin-error-own-role = Jukumu: huwezi kubadilisha jukumu lako mwenyewe

## Tokeni za API
admin-token-role-catalog = bidhaa
admin-token-role-orders = oda
admin-token-live = inatumika
admin-token-revoked-on = ilifutwa { $date }
admin-token-new = Tokeni mpya — inakili sasa, haitaonyeshwa tena
admin-token-create-title = Unda tokeni
admin-label-token-name = Jina (nani anaitumia)
admin-token-create = Unda
admin-token-revoke-title = Futa “{ $name }”
admin-token-revoke = Futa tokeni
admin-token-revoked = Tokeni imefutwa.

## Uthibitishaji wa hatua mbili
admin-2fa-code = Namba ya tarakimu 6 kutoka kwenye programu yako ya uthibitishaji
admin-2fa-setup-heading = Weka uthibitishaji wa hatua mbili
admin-2fa-setup-text = Ongeza ufunguo huu kwenye programu ya uthibitishaji (uandike, au fungua kiungo cha otpauth kwenye simu yako), kisha weka namba inayoonyeshwa.
admin-2fa-link = Kiungo cha otpauth
admin-2fa-turn-on = Washa uthibitishaji wa hatua mbili
admin-2fa-heading = Uthibitishaji wa hatua mbili
admin-2fa-continue = Endelea
admin-2fa-too-many = Majaribio mengi mno. Jaribu tena baada ya sekunde { $seconds }.
admin-2fa-not-set-up = Uthibitishaji wa hatua mbili haujawekwa.
admin-2fa-wrong = Namba hiyo si sahihi. Angalia saa ya simu yako na ujaribu namba mpya.
admin-2fa-replayed = Namba hiyo imeshatumika. Subiri inayofuata.

## Kuingiza na kutoa
admin-import-title = Ingiza bidhaa
admin-import-text = Faili la CSV la bidhaa lililotolewa kutoka Shopify au WooCommerce (au kutoka duka hili), hadi MB { $mb }. Kwanza linakaguliwa: kila tatizo linaonyeshwa pamoja na mstari na safu yake, na hakuna kinachohifadhiwa maadamu kuna tatizo. Bidhaa zilizopo dukani zinatambuliwa kwa kitambulisho cha URL, kisha kwa namba ya bidhaa, na kusasishwa, bila kurudiwa. Picha lazima ziwe anwani za https:// kwenye seva za umma; majina ya mafaili ya picha hufanya kazi kwenye seva tu (baobab import products --images FOLDA).
admin-label-csv-file = Faili la CSV la bidhaa
admin-label-format = Muundo
admin-label-currency-prices = Sarafu ya bei
admin-label-tags = Lebo ziwe
admin-label-dry-run = Kagua tu (majaribio): usihifadhi chochote
admin-import-format-auto = Tambua kutoka kwenye safu
admin-import-format-shopify = CSV ya bidhaa ya Shopify
admin-import-format-woocommerce = CSV ya bidhaa ya WooCommerce
admin-import-tags-attributes = Sifa (Kitambaa:Pamba)
admin-import-tags-category = Lebo ya kwanza ni kundi
admin-export-title = Toa bidhaa
admin-export-text = Bidhaa zote, pamoja na rasimu na zilizowekwa kando, katika safu za CSV ya bidhaa ya Shopify na bei zake kwa sarafu moja. Faili linaweza kuingizwa hapa tena.
admin-export-download = Pakua bidhaa (CSV)
admin-currency-option = { $code } — { $name }
admin-currency-ngn = naira ya Nigeria
admin-currency-kes = shilingi ya Kenya
admin-currency-zar = randi ya Afrika Kusini
admin-currency-ghs = sedi ya Ghana
admin-currency-egp = pauni ya Misri
admin-currency-usd = dola ya Marekani
admin-currency-xof = faranga CFA ya Afrika Magharibi
admin-currency-xaf = faranga CFA ya Afrika ya Kati
admin-currency-ugx = shilingi ya Uganda
admin-currency-tzs = shilingi ya Tanzania
admin-currency-rwf = faranga ya Rwanda
admin-currency-etb = birr ya Ethiopia
admin-error-format = Muundo: chagua auto, shopify au woocommerce
admin-error-tags = Lebo: chagua sifa au kundi
admin-error-import-too-large = Faili: ni kubwa kuliko MB { $mb }; ligawe katika mafaili madogo, au liingize kwenye seva kwa baobab import products
admin-error-import-no-file = Faili: chagua faili la CSV la bidhaa la kupakia (hakuna lililotumwa, au lilikuwa tupu)
admin-import-refused = hakuna kilichoingizwa: { $problem }
admin-import-nothing = Hakuna kilichoingizwa
admin-import-has-problems = Hakuna kilichoingizwa: faili lina { $problems }. Yarekebishe kwenye faili kisha ulipakie tena.
admin-import-empty = Hakuna kilichoingizwa: faili halina bidhaa yoyote (mstari wa vichwa tu?).
admin-import-done-heading = Bidhaa zimeingizwa
admin-import-done = Imeingizwa: { $products }, { $products_updated } zimesasishwa; { $variants }, { $variants_updated } zimesasishwa; { $categories }; { $images }.
admin-import-checked-heading = Faili linaweza kuingizwa
admin-import-checked = Ukaguzi tu: hakuna matatizo, na hakuna kilichohifadhiwa. Ili kuliingiza, chagua faili tena na uondoe alama kwenye “Kagua tu”.
admin-import-the-file = Faili
admin-import-holds-title = Kilichomo kwenye faili
admin-import-holds = { $name }: muundo wa { $format }, { $encoding }; { $rows } pamoja na vichwa; { $counts }.
admin-import-unknown-format = usiojulikana
admin-import-unknown-encoding = usimbaji usiojulikana
admin-import-passed =
    { $count ->
        [one] Bidhaa { $n } imepita ukaguzi
       *[other] Bidhaa { $n } zimepita ukaguzi
    }
admin-import-problems-title = Matatizo ({ $n })
admin-import-rows-note = Mistari imehesabiwa kama programu ya jedwali inavyoonyesha: mstari wa vichwa ni mstari wa 1.
admin-import-first-listed = Yanaonyeshwa { $shown } ya kwanza kati ya { $total }.
admin-import-images-note = Picha kwenye faili lililopakiwa lazima ziwe anwani za https:// kwenye seva za umma: duka huzichukua lenyewe. Majina ya mafaili ya picha hufanya kazi kwenye seva tu, kwa baobab import products --images FOLDA.
admin-import-warnings-title = Maonyo ({ $n })
admin-import-warnings-note = Yamerekebishwa au kurukwa; hayakusimamisha uingizaji.
admin-import-done-title = Imekamilika
admin-import-images = Picha: { $added } zimeongezwa, { $there } zilikuwepo tayari.
admin-row-products = Bidhaa
admin-row-variants = Aina
admin-row-categories = Makundi
admin-n-problems =
    { $count ->
        [one] tatizo { $n }
       *[other] matatizo { $n }
    }
admin-n-products =
    { $count ->
        [one] bidhaa { $n }
       *[other] bidhaa { $n }
    }
admin-n-variants =
    { $count ->
        [one] aina { $n }
       *[other] aina { $n }
    }
admin-n-images =
    { $count ->
        [one] picha { $n }
       *[other] picha { $n }
    }
admin-n-rows =
    { $count ->
        [one] mstari { $n }
       *[other] mistari { $n }
    }
admin-n-products-created =
    { $count ->
        [one] bidhaa { $n } imeundwa
       *[other] bidhaa { $n } zimeundwa
    }
admin-n-variants-created =
    { $count ->
        [one] aina { $n } imeundwa
       *[other] aina { $n } zimeundwa
    }
admin-n-categories-created =
    { $count ->
        [one] kundi { $n } limeundwa
       *[other] makundi { $n } yameundwa
    }
admin-n-images-added =
    { $count ->
        [one] picha { $n } imeongezwa
       *[other] picha { $n } zimeongezwa
    }
admin-bad-date = “{ $value }” si tarehe kama 2026-01-31
admin-bad-date-order = { $to } ni kabla ya { $from }
admin-bad-currency-code = “{ $value }” si msimbo wa sarafu wa ISO 4217 (herufi kubwa tatu, mfano NGN)
admin-bad-currency-unsupported = sarafu “{ $value }” haitumiki (zinazotumika: { $list })

## Sehemu za fomu, kama mistari ya makosa inavyozitaja
admin-field-title = Jina la bidhaa
admin-field-description = Maelezo
admin-field-sku = Namba ya bidhaa
admin-field-slug = Kitambulisho cha URL
admin-field-price = Bei
admin-field-stock = Akiba
admin-field-status = Hali
admin-field-category = Kundi
admin-field-alt = Maelezo ya picha
admin-field-file = Faili
admin-field-form = Fomu
admin-field-coupon = Kuponi
admin-field-code = Msimbo
admin-field-percent = Asilimia
admin-field-amount = Kiasi
admin-field-value = Thamani
admin-field-currency = Sarafu
admin-field-minimum = Kiwango cha chini
admin-field-expires = Siku ya mwisho
admin-field-usage-limit = Kikomo cha matumizi
admin-field-kind = Aina ya punguzo
admin-field-active = Inatumika
admin-field-email = Barua pepe
admin-field-role = Jukumu
admin-field-name = Jina
admin-field-note = Dokezo
admin-field-event = Hatua
admin-field-format = Muundo
admin-field-tags = Lebo
admin-field-from = Kuanzia
admin-field-to = Hadi
admin-field-account = Akaunti
admin-field-position = Mpangilio
admin-field-options = Chaguo
admin-field-variants = Aina

## Kosa kwenye sehemu ya fomu (kanuni za duka)
admin-problem-empty = haipaswi kuwa tupu
admin-problem-sku = herufi, tarakimu, “.”, “_” na “-” tu
admin-problem-slug = herufi ndogo a-z, tarakimu na vistari kimoja kimoja kati yake tu
admin-problem-percent = lazima iwe zaidi ya 0 na isizidi 100
admin-problem-positive = lazima iwe zaidi ya 0
admin-problem-negative = haipaswi kuwa hasi
admin-problem-usage-limit = angalau 1 (acha wazi kusiwe na kikomo)
admin-problem-at-most = isizidi { $max }
admin-problem-taken = thamani hii tayari inatumika
admin-problem-coupon-exists = tayari kuna kuponi yenye msimbo huu
admin-problem-email-taken = tayari kuna akaunti yenye anwani hii
admin-problem-changed = oda imebadilika wakati huo huo; pakia ukurasa upya na ujaribu tena
