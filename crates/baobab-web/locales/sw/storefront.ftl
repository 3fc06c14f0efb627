# Maneno ya duka: kichwa, sehemu ya chini, ukurasa wa mwanzo, makundi, bidhaa, utafutaji na
# kurasa za hitilafu. Majina ya bidhaa na makundi na bei hutoka kwenye katalogi.

language-name = Kiswahili

## Kichwa na sehemu ya chini
search-placeholder = Tafuta bidhaa
search-button = Tafuta
currency-label = Sarafu
language-label = Lugha
choose-button = Chagua
crumb-home = Mwanzo
footer-prices = Bei kwa { $currency }
footer-payment = Lipa unapopokea, kwa uhamisho wa benki, kadi au pesa kwa simu
data-saver-on = Kuokoa data: kumewashwa
data-saver-off = Kuokoa data: kumezimwa

## Mwanzo
home-title = Nunua mtandaoni, lipa unapopokea
home-heading = Karibu { $shop }
home-tagline = Mahitaji ya kila siku na bei nafuu, yanakuletewa hadi mlangoni.
home-description = { $shop }: simu, mavazi, vyakula, sola na mengine mengi, tunaleta kote Afrika. Lipa unapopokea, kwa kadi au pesa kwa simu.
home-new = Bidhaa mpya

## Kundi
product-count =
    { $count ->
        [one] Bidhaa { $count }
       *[other] Bidhaa { $count }
    }
category-empty = Bado hakuna bidhaa hapa kwa { $currency }.
category-description = { $category }: bidhaa { $count } kwenye { $shop }, tunaleta kote Afrika. { $about }

## Kupanga
sort-relevance = Zinazolingana zaidi
sort-newest = Mpya zaidi
sort-price-asc = Bei: ya chini kwanza
sort-price-desc = Bei: ya juu kwanza
sort-title-asc = Jina: A hadi Z

## Bidhaa
product-from = Kuanzia { $price }
product-not-sold = Haiuzwi kwa { $currency }. Chagua sarafu nyingine hapo juu.
product-price = Bei
product-sku = Namba ya bidhaa
product-description-from = { $title } kuanzia { $price }. { $about }
stock-in = Ipo
stock-out = Imeisha
stock-few =
    { $count ->
        [one] Imebaki { $count } tu
       *[other] Zimebaki { $count } tu
    }
cart-add = Weka kikapuni
cart-add-variant = Weka kikapuni: { $variant }

## Utafutaji
search-all = Bidhaa zote
search-title = Utafutaji: { $query }
search-results-for = Matokeo ya “{ $query }”
search-description =
    { $count ->
        [one] Bidhaa { $count } imepatikana kwenye { $shop }.
       *[other] Bidhaa { $count } zimepatikana kwenye { $shop }.
    }
search-result-count =
    { $count ->
        [one] Tokeo { $count }
       *[other] Matokeo { $count }
    }
search-category = Kundi
search-price = Bei
search-availability = Upatikanaji
search-in-stock-only = Zilizopo tu ({ $count })
search-clear = Ondoa vichujio
search-nothing = Hakuna kilicholingana. Jaribu maneno machache au mafupi zaidi.

## Kurasa za orodha
pager-previous = ← Iliyotangulia
pager-next = Inayofuata →
pager-page = Ukurasa { $page } kati ya { $pages }

## Kurasa za hitilafu
error-bad-link = Kiungo hiki kina kosa
error-bad-param = Kigezo si sahihi: { $detail }.
error-page-not-found = Ukurasa haupatikani
error-product-not-found = Bidhaa haipatikani
error-category-not-found = Kundi halipatikani
error-not-found = Haipatikani: { $what }
error-gone = Huenda kimehamishwa au kuondolewa.
error-unavailable-heading = Tutarudi punde
error-unavailable = Duka halipatikani kwa muda mfupi. Tafadhali jaribu tena baada ya sekunde chache.
error-failed-heading = Kuna hitilafu
error-failed = Tafadhali jaribu tena.
error-back = Rudi dukani
