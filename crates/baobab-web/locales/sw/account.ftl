# Kurasa za akaunti: kuingia, kujisajili, nenosiri lililosahaulika, anwani, maagizo ya akaunti.
# Pia kile ambacho fomu zote za duka husema kitu kilichotumwa kikiwa na kosa, na vichwa vya
# kurasa za hitilafu zinazokataa fomu.

## Kuingia
account-login-title = Ingia
account-email = Barua pepe
account-password = Nenosiri
account-forgot-link = Umesahau nenosiri lako?
account-login-failed = Barua pepe au nenosiri si sahihi.

## Kujisajili
account-register-title = Fungua akaunti
account-name = Jina
account-password-rule = Nenosiri (angalau herufi { $min })
account-register-submit = Fungua akaunti
account-have-account = Nina akaunti tayari: ingia
account-check-email = Angalia barua pepe yako
account-check-email-registered = Tumetuma ujumbe kwa { $email }. Fungua kiungo kilichomo ili kuthibitisha anwani yako, kisha uingie. Ikiwa tayari una akaunti, ujumbe huo unakueleza jinsi ya kuingia tena.
account-verified-title = Barua pepe imethibitishwa
account-verified = Asante: anwani yako ya barua pepe imethibitishwa.
account-go-to-account = Nenda kwenye akaunti yako

## Nenosiri lililosahaulika
account-forgot-title = Weka upya nenosiri lako
account-forgot-submit = Nitumie kiungo
account-forgot-sent = Ikiwa kuna akaunti ya anwani hiyo, tumeitumia kiungo cha kuweka upya nenosiri. Kinafanya kazi mara moja tu, kwa dakika { $minutes }.
account-reset-title = Chagua nenosiri jipya
account-new-password-rule = Nenosiri jipya (angalau herufi { $min })
account-reset-submit = Hifadhi nenosiri

## Ukurasa wa akaunti
account-title = Akaunti yako
account-saved = Imehifadhiwa.
account-confirm-email = Tafadhali thibitisha anwani yako ya barua pepe: tumekutumia kiungo.
account-phone = Simu (pamoja na msimbo wa nchi)
account-save = Hifadhi
account-addresses = Anwani
account-update = Sasisha
account-delete = Futa
account-no-addresses = Bado hakuna anwani.
account-add-address-heading = Ongeza anwani
account-add-address = Ongeza anwani hii
account-orders = Maagizo
account-no-orders = Bado hujaagiza chochote.
account-logout = Toka

## Anwani ya kupelekewa (ukurasa wa akaunti na malipo)
address-name = Mpokeaji
address-line1 = Mtaa, jengo au alama ya karibu
address-line2 = Maelekezo zaidi (si lazima)
address-city = Mji au jiji
address-region = Kaunti, mkoa au eneo (si lazima)
address-postcode = Msimbo wa posta (ikiwa upo)
address-country = Msimbo wa nchi (k.m. KE, TZ, UG, NG)
address-phone = Simu ya kumpigia msafirishaji (pamoja na msimbo wa nchi)

## Kosa katika fomu au kiungo: mstari mmoja kwa kila kosa, ukitaja sehemu husika.
problem = { $field }: { $problem }
field-email = Barua pepe
field-password = Nenosiri
field-name = Jina
field-phone = Simu
field-line1 = Anwani
field-line2 = Maelekezo zaidi
field-city = Mji
field-region = Eneo
field-postcode = Msimbo wa posta
field-country = Nchi
field-token = Kiungo
field-csrf = Fomu
field-form = Fomu
field-origin = Chanzo
field-id = Kitambulisho
field-idempotency-key = Fomu
field-quantity = Idadi
field-variant = Bidhaa
field-currency = Sarafu
field-page = Ukurasa
field-code = Msimbo
field-query = Kiungo
problem-not-email = si anwani ya barua pepe
problem-mixed-scripts = inachanganya herufi za alfabeti tofauti; tumia alfabeti moja
problem-too-short = angalau herufi { $min }
problem-too-long = isizidi herufi { $max }
problem-name = isizidi herufi { $max }, bila herufi za udhibiti
problem-length = herufi 1 hadi { $max }
problem-repeated = haiwezi kuwa herufi moja iliyorudiwa
problem-password-is-email = haiwezi kuwa anwani yako ya barua pepe
problem-phone-plus = anza na + na msimbo wa nchi, k.m. +255 712 345 678
problem-phone-format = si namba ya simu katika muundo wa kimataifa (E.164)
problem-required = inahitajika
problem-control = isiwe na herufi za udhibiti
problem-country-code = andika msimbo wa nchi wa herufi mbili (ISO 3166-1), k.m. KE
problem-key-reused = imeshatumika kwa ombi jingine; pakia ukurasa upya
problem-csrf = imepitwa na wakati au haijakamilika: pakia ukurasa upya kisha ujaribu tena
problem-form-unreadable = haisomeki
problem-form-too-large = ni kubwa mno
problem-origin = ombi lazima litoke kwenye duka hili
problem-bad-id = si sahihi
problem-token-verify = kiungo si sahihi, kimepitwa na wakati au kimeshatumika — ingia ili upate kipya
problem-token-bad = kiungo si sahihi — omba kipya
problem-token-reset = kiungo si sahihi, kimepitwa na wakati au kimeshatumika — omba kipya
problem-range = lazima iwe kati ya { $min } na { $max }
problem-not-whole-number = “{ $value }” si namba kamili
problem-one-of = chagua mojawapo ya { $valid }
problem-currency = “{ $value }” si sarafu inayokubaliwa na duka hili

## Kurasa za hitilafu zinazokataa kilichotumwa
error-refused-heading = Fomu hii imepitwa na wakati
error-too-large-heading = Umetuma data nyingi mno kwa mara moja
error-invalid-heading = Kuna kitu kwenye fomu cha kuangalia
error-too-many-heading = Majaribio mengi mno
error-too-many =
    { $seconds ->
        [one] Tafadhali subiri sekunde moja kabla ya kujaribu tena.
       *[other] Tafadhali subiri sekunde { $seconds } kabla ya kujaribu tena.
    }
error-too-many-minutes =
    { $minutes ->
        [one] Tafadhali subiri dakika moja kabla ya kujaribu tena.
       *[other] Tafadhali subiri dakika { $minutes } kabla ya kujaribu tena.
    }
error-address-not-found = Anwani haipatikani
