# Barua pepe kwa wateja na wafanyakazi: kichwa cha barua, kisha maandishi mstari kwa mstari.
# Viungo na kiasi cha pesa vinakuja kama hoja.

## Kuthibitisha anwani ya barua pepe
email-verify-subject = Thibitisha anwani yako ya barua pepe kwa { $shop }
email-verify-welcome = Karibu { $shop }!
email-verify-open = Tafadhali thibitisha anwani yako ya barua pepe kwa kufungua kiungo hiki ndani ya saa { $hours }:
email-verify-then = Kisha ingia kwenye { $link }.
email-verify-not-you = Ikiwa hukufungua akaunti, puuza ujumbe huu.

## Kujisajili kwa anwani iliyo na akaunti tayari
email-exists-subject = Akaunti yako ya { $shop }
email-exists-body = Mtu fulani alijaribu kufungua akaunti ya { $shop } kwa anwani hii ya barua pepe, ambayo tayari ina akaunti.
email-exists-you = Ikiwa ni wewe: ingia kwenye { $login }, au chagua nenosiri jipya kwenye { $forgot }.
email-exists-not-you = Ikiwa si wewe, puuza ujumbe huu: hakuna kilichobadilika.

## Kuweka upya nenosiri
email-reset-subject = Weka upya nenosiri lako
email-reset-asked = Mtu fulani ameomba kuweka upya nenosiri la akaunti yako ya { $shop }.
email-reset-open = Fungua kiungo hiki ndani ya dakika { $minutes } ili uchague nenosiri jipya:
email-reset-not-you = Ikiwa si wewe, puuza ujumbe huu: nenosiri lako halijabadilika.

## Agizo limewekwa
email-placed-subject = Agizo lako { $number }
email-placed-thanks = Asante kwa agizo lako { $number } kwenye { $shop }.
email-placed-date = Liliwekwa { $date }
email-placed-total = Jumla: { $total }
email-placed-payment = Malipo: { $payment }
email-placed-link = Liangalie kwenye { $link }

## Hali ya agizo imebadilika
email-status-subject = Agizo { $number }: { $status }
email-status-paid = Tumepokea malipo yako ya { $total }. Tunaandaa agizo lako.
email-status-fulfilled = Agizo lako limefungwa na linamsubiri msafirishaji.
email-status-shipped = Agizo lako liko njiani.
email-status-delivered = Agizo lako limefikishwa. Asante kwa kununua kwetu!
email-status-cancelled = Agizo lako limeghairiwa.
email-status-refunded = Hadi sasa tumekurejeshea { $refunded }.
email-status-link = Agizo { $number } kwenye { $shop }: { $link }

## Mfanyakazi amealikwa
email-invite-subject = Akaunti yako ya mfanyakazi ya { $shop }
email-invite-given = Umepewa ruhusa ya “{ $role }” kwenye usimamizi wa { $shop }.
email-invite-choose = Chagua nenosiri lako ndani ya saa { $hours }:
email-invite-then = Kisha ingia kwenye { $link } na uwashe uthibitishaji wa hatua mbili kwa programu ya uthibitishaji.
