# The storefront's words: page chrome, home, category, product and search pages, error pages.
# Names of products and categories and prices are not here: they come from the catalog.

language-name = English

## Header and footer
search-placeholder = Search products
search-button = Search
currency-label = Currency
language-label = Language
choose-button = Set
crumb-home = Home
footer-prices = Prices in { $currency }
footer-payment = Pay on delivery, bank transfer, card or mobile money
data-saver-on = Data saver: on
data-saver-off = Data saver: off

## Home
home-title = Shop online, pay on delivery
home-heading = Welcome to { $shop }
home-tagline = Everyday essentials and great deals, delivered to your door.
home-description = { $shop }: phones, fashion, groceries, solar and more, delivered across Africa. Pay on delivery, by card or mobile money.
home-new = New arrivals

## Category
product-count =
    { $count ->
        [one] { $count } product
       *[other] { $count } products
    }
category-empty = No products here in { $currency } yet.
category-description = { $category }: { $count } products at { $shop }, delivered across Africa. { $about }

## Sorting
sort-relevance = Best match
sort-newest = Newest
sort-price-asc = Price: low to high
sort-price-desc = Price: high to low
sort-title-asc = Name: A to Z

## Product
product-from = From { $price }
product-not-sold = Not sold in { $currency }. Choose another currency above.
product-price = Price
product-sku = SKU
product-description-from = { $title } from { $price }. { $about }
stock-in = In stock
stock-out = Out of stock
stock-few =
    { $count ->
        [one] Only { $count } left
       *[other] Only { $count } left
    }
cart-add = Add to cart
cart-add-variant = Add to cart: { $variant }

## Search
search-all = All products
search-title = Search: { $query }
search-results-for = Results for “{ $query }”
search-description =
    { $count ->
        [one] { $count } product found at { $shop }.
       *[other] { $count } products found at { $shop }.
    }
search-result-count =
    { $count ->
        [one] { $count } result
       *[other] { $count } results
    }
search-category = Category
search-price = Price
search-availability = Availability
search-in-stock-only = In stock only ({ $count })
search-clear = Clear filters
search-nothing = Nothing matched. Try fewer or shorter words.

## Pages of a list
pager-previous = ← Previous
pager-next = Next →
pager-page = Page { $page } of { $pages }

## Error pages
error-bad-link = That link has a mistake
error-bad-param = The parameter { $detail }.
error-page-not-found = Page not found
error-product-not-found = Product not found
error-category-not-found = Category not found
error-not-found = { $what } not found
error-gone = It may have moved or been removed.
error-unavailable-heading = We'll be right back
error-unavailable = The shop is briefly unavailable. Please try again in a few seconds.
error-failed-heading = Something went wrong
error-failed = Please try again.
error-back = Back to the shop
