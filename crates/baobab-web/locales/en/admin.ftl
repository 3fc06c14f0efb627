# The staff admin: every word staff read on the admin pages.
# Error lines name the field as the form sends it in English (`usage_limit: …`, see
# admin-field-*); other languages name it in words.

## Frame
admin-nav-label = Admin
admin-nav-dashboard = Dashboard
admin-nav-products = Products
admin-nav-import = Import and export
admin-nav-orders = Orders
admin-nav-coupons = Coupons
admin-nav-customers = Customers
admin-nav-staff = Staff
admin-nav-tokens = API tokens
admin-nav-audit = Audit log
admin-log-out = Log out
admin-list-separator = { ", " }
admin-nothing-yet = Nothing yet.
admin-save = Save
admin-saved = Saved.
admin-upload = Upload
admin-yes = yes
admin-no = no
admin-denied-not-staff = has no staff access
admin-denied-role = may not use this page
admin-missing-product = Product not found
admin-missing-order = Order not found
admin-missing-customer = Customer not found
admin-missing-staff = Staff member not found
admin-missing-token = Token not found

## Column headings
admin-col-id = Id
admin-col-title = Title
admin-col-status = Status
admin-col-price-from = From
admin-col-sku = SKU
admin-col-options = Options
admin-col-prices = Prices
admin-col-stock = Stock
admin-col-in-stock = In stock
admin-col-alt = Alt text
admin-col-position = Position
admin-col-size = Size
admin-col-product = Product
admin-col-currency = Currency
admin-col-orders = Orders
admin-col-revenue = Revenue
admin-col-order = Order
admin-col-reference = Reference
admin-col-provider = Provider
admin-col-amount = Amount
admin-col-why = Why
admin-col-email = E-mail
admin-col-total = Total
admin-col-placed = Placed (UTC)
admin-col-item = Item
admin-col-qty = Qty
admin-col-detail = Detail
admin-col-started = Started (UTC)
admin-col-when = When (UTC)
admin-col-status-from = From
admin-col-status-to = To
admin-col-by = By
admin-col-note = Note
admin-col-code = Code
admin-col-off = Off
admin-col-minimum = Minimum
admin-col-last-day = Last day
admin-col-used = Used
admin-col-active = Active
admin-col-name = Name
admin-col-verified = Verified
admin-col-role = Role
admin-col-two-factor = Two-factor
admin-col-created = Created
admin-col-event = Event
admin-col-subject = Subject
admin-col-ip = IP
admin-col-row = Row
admin-col-column = Column
admin-col-problem = Problem
admin-col-warning = Warning
admin-col-created-count = Created
admin-col-updated-count = Updated

## Dashboard
admin-dash-today = Today (UTC)
admin-dash-on-sale =
    { $count ->
        [one] { $n } product on sale.
       *[other] { $n } products on sale.
    }
admin-dash-review = Payments to review
admin-dash-review-text = Money that arrived but could not be applied (after the order expired, another amount, a second payment): refund it with the provider or settle the order by hand.
admin-dash-low-stock = Low stock ({ $n } or fewer)

## Products
admin-products-heading = Products (prices in { $currency })
admin-product-new = New product
admin-product-create = Create product
admin-product-on-shop = On the shop at { $path }
admin-product-variants = Variants
admin-product-images = Images
admin-image-add = Add an image
admin-image-add-text = JPEG, PNG or WebP. Sizes for every screen are made at once.
admin-label-title = Title
admin-label-description = Description
admin-label-category = Category
admin-label-status = Status
admin-label-sku = SKU
admin-label-price = Price
admin-label-price-example = Price (e.g. 12500.00)
admin-label-stock = In stock
admin-label-image = Image
admin-label-alt = Alt text (what the picture shows)
admin-category-none = — none —
admin-status-draft = draft
admin-status-active = active
admin-status-archived = archived
admin-error-price = price: `{ $value }` is not an amount in { $currency }
admin-error-stock = stock: must be a whole number
admin-error-status = status: must be draft, active or archived
admin-error-category = category_id: is not a category
admin-error-image-missing = file: choose an image to upload
admin-error-image-type = file: is not a JPEG, PNG or WebP image
admin-error-file-large = file: is too large
admin-error-not-multipart = file: send the form as multipart/form-data

## Orders
admin-orders-export = Export for the accountants
admin-orders-export-text = One row per order line with the order's totals, as CSV. Days are UTC; leave both empty for every order.
admin-label-from-day = From (first day)
admin-label-to-day = To (last day)
admin-orders-download = Download orders CSV
admin-order-pending-payment = pending payment
admin-order-paid = paid
admin-order-fulfilled = packed
admin-order-shipped = shipped
admin-order-delivered = delivered
admin-order-cancelled = cancelled
admin-order-partially-refunded = partially refunded
admin-order-refunded = refunded
admin-payment-pending = pending
admin-payment-succeeded = succeeded
admin-payment-failed = failed
admin-payment-needs-review = needs review
admin-pay-cash-on-delivery = cash on delivery
admin-pay-bank-transfer = bank transfer
admin-pay-paystack = Paystack
admin-pay-mpesa = M-Pesa
admin-step-pay = Mark paid
admin-step-fulfil = Mark packed
admin-step-ship = Mark shipped
admin-step-deliver = Mark delivered
admin-step-cancel = Cancel
admin-order-summary = { $email } · { $status } · { $total } · paid by { $method }
admin-order-refunded-so-far = Refunded so far: { $amount }
admin-order-delivery = Delivery
admin-order-delivery-text = { $method } ({ $shipping }) · VAT { $tax } · { $address }
admin-order-coupon = { $text } · coupon { $code } (−{ $discount })
admin-order-no-method = no method
admin-order-payments = Payments
admin-order-review = A payment needs review: money arrived that was not applied to the order (see its detail). Refund it with the provider, or settle by hand.
admin-order-history = History
admin-label-note = Note (optional)
admin-order-refund = Refund
admin-label-amount = Amount
admin-label-reason = Reason
admin-order-record-refund = Record refund
admin-bad-order-status = is not an order status
admin-error-amount = amount: `{ $value }` is not an amount in { $currency }
admin-error-event = event: is not an order step
admin-error-note = note: must be at most { $max } characters
admin-error-step = status: the order is { $status }, so “{ $step }” is not possible
admin-error-refund-too-much = amount: { $amount } is more than is left to refund ({ $remaining })

## Coupons
admin-coupon-new = New coupon
admin-coupon-create = Create coupon
admin-coupon-switch = Switch a coupon on or off
admin-coupon-any = any
admin-coupon-used-of = { $used } of { $limit }
admin-coupon-percent-off = { $value }%
admin-coupon-kind-percent = Percent off
admin-coupon-kind-fixed = Amount off
admin-label-coupon-code = Code (letters, digits, - or _)
admin-label-kind = Kind
admin-label-value = Percent or amount
admin-label-coupon-currency = Currency (needed for an amount or a minimum; empty = any)
admin-label-minimum = Minimum order (optional)
admin-label-expires = Last day (YYYY-MM-DD, optional)
admin-label-usage-limit = Usage limit (optional)
admin-label-code = Code
admin-label-active = Active
admin-error-percent = value: `{ $value }` is not a percentage like 10 or 12.5
admin-error-currency-for-amount = currency: is needed for an amount off
admin-error-value-amount = value: `{ $value }` is not an amount
admin-error-kind = kind: choose percent or fixed
admin-error-minimum = minimum: `{ $value }` is not an amount in { $currency }
admin-error-currency-for-minimum = currency: is needed for a minimum order
admin-error-expires = expires: `{ $value }` is not a date like 2026-12-31
admin-error-usage-limit = usage_limit: `{ $value }` is not a whole number
admin-error-active = active: choose yes or no
admin-error-no-coupon = coupon: there is no coupon `{ $code }`

## Customers and staff
admin-customer-active = active
admin-customer-disabled = disabled
admin-two-factor-on = on
admin-two-factor-not-yet = not yet
admin-role-owner = owner
admin-role-catalog-manager = catalog manager
admin-role-order-manager = order manager
admin-role-support = support
admin-staff-add = Add a staff member
admin-staff-add-text = They receive an e-mail with a link to choose a password, then set up two-factor authentication.
admin-label-email = E-mail
admin-label-role = Role
admin-staff-invite = Invite
admin-staff-role-of = Role of { $email }
admin-staff-change-role = Change role
admin-staff-invited = Invited { $email }.
admin-staff-role-changed = { $email } is now { $role }.
admin-error-role = role: choose one of the roles in the list
admin-error-own-role = role: you cannot change your own role

## API tokens
admin-token-role-catalog = catalog
admin-token-role-orders = orders
admin-token-live = live
admin-token-revoked-on = revoked { $date }
admin-token-new = New token — copy it now, it is not shown again
admin-token-create-title = Create a token
admin-label-token-name = Name (who uses it)
admin-token-create = Create
admin-token-revoke-title = Revoke “{ $name }”
admin-token-revoke = Revoke
admin-token-revoked = Token revoked.

## Two-factor authentication
admin-2fa-code = 6-digit code from your authenticator app
admin-2fa-setup-heading = Set up two-factor authentication
admin-2fa-setup-text = Add this key to an authenticator app (type it in, or open the otpauth link on your phone), then enter the code it shows.
admin-2fa-link = otpauth link
admin-2fa-turn-on = Turn on two-factor authentication
admin-2fa-heading = Two-factor authentication
admin-2fa-continue = Continue
admin-2fa-too-many = Too many attempts. Try again in { $seconds } s.
admin-2fa-not-set-up = Two-factor authentication is not set up.
admin-2fa-wrong = That code is not right. Check your phone's clock and try the new code.
admin-2fa-replayed = That code was already used. Wait for the next one.

## Import and export
admin-import-title = Import products
admin-import-text = A product CSV exported from Shopify or WooCommerce (or from this shop), up to { $mb } MB. It is checked first: every problem is listed with its row and column, and nothing is written while there is one. Products already in the shop are matched by URL handle, then SKU, and updated, never duplicated. Images must be https:// addresses on public hosts; image file names only work on the server (baobab import products --images FOLDER).
admin-label-csv-file = Product CSV file
admin-label-format = Format
admin-label-currency-prices = Currency of the prices
admin-label-tags = Tags become
admin-label-dry-run = Check only (dry run): write nothing
admin-import-format-auto = Find out from the columns
admin-import-format-shopify = Shopify product CSV
admin-import-format-woocommerce = WooCommerce product CSV
admin-import-tags-attributes = Attributes (Material:Cotton)
admin-import-tags-category = The first tag is the category
admin-export-title = Export products
admin-export-text = Every product, drafts and archived included, in Shopify's product CSV columns with its prices in one currency. The file can be imported here again.
admin-export-download = Download products CSV
admin-currency-option = { $code } — { $name }
admin-currency-ngn = Nigerian naira
admin-currency-kes = Kenyan shilling
admin-currency-zar = South African rand
admin-currency-ghs = Ghanaian cedi
admin-currency-egp = Egyptian pound
admin-currency-usd = US dollar
admin-currency-xof = West African CFA franc
admin-currency-xaf = Central African CFA franc
admin-currency-ugx = Ugandan shilling
admin-currency-tzs = Tanzanian shilling
admin-currency-rwf = Rwandan franc
admin-currency-etb = Ethiopian birr
admin-error-format = format: choose auto, shopify or woocommerce
admin-error-tags = tags: choose attributes or category
admin-error-import-too-large = file: is larger than { $mb } MB; split it into smaller files, or import it on the server with baobab import products
admin-error-import-no-file = file: choose a product CSV file to upload (none was sent, or it was empty)
admin-import-refused = nothing was imported: { $problem }
admin-import-nothing = Nothing was imported
admin-import-has-problems = Nothing was imported: the file has { $problems }. Fix them in the file and upload it again.
admin-import-empty = Nothing was imported: the file holds no products (only a header row?).
admin-import-done-heading = Products imported
admin-import-done = Imported: { $products }, { $products_updated } updated; { $variants }, { $variants_updated } updated; { $categories }; { $images }.
admin-import-checked-heading = The file can be imported
admin-import-checked = Checked only: no problems, and nothing was written. To import it, choose the file again and untick “Check only”.
admin-import-the-file = The file
admin-import-holds-title = What the file holds
admin-import-holds = { $name }: { $format } format, { $encoding }; { $rows } with the header; { $counts }.
admin-import-unknown-format = unknown
admin-import-unknown-encoding = unknown encoding
admin-import-passed =
    { $count ->
        [one] { $n } product passed the checks
       *[other] { $n } products passed the checks
    }
admin-import-problems-title = Problems ({ $n })
admin-import-rows-note = Rows are numbered as a spreadsheet shows them: the header is row 1.
admin-import-first-listed = The first { $shown } of { $total } are listed.
admin-import-images-note = Images in an uploaded file must be https:// addresses on public hosts: the shop fetches them itself. Image file names work only on the server, with baobab import products --images FOLDER.
admin-import-warnings-title = Warnings ({ $n })
admin-import-warnings-note = Fixed or skipped; they did not stop the import.
admin-import-done-title = Done
admin-import-images = Images: { $added } added, { $there } already there.
admin-row-products = Products
admin-row-variants = Variants
admin-row-categories = Categories
admin-n-problems =
    { $count ->
        [one] { $n } problem
       *[other] { $n } problems
    }
admin-n-products =
    { $count ->
        [one] { $n } product
       *[other] { $n } products
    }
admin-n-variants =
    { $count ->
        [one] { $n } variant
       *[other] { $n } variants
    }
admin-n-images =
    { $count ->
        [one] { $n } image
       *[other] { $n } images
    }
admin-n-rows =
    { $count ->
        [one] { $n } row
       *[other] { $n } rows
    }
admin-n-products-created =
    { $count ->
        [one] { $n } product created
       *[other] { $n } products created
    }
admin-n-variants-created =
    { $count ->
        [one] { $n } variant created
       *[other] { $n } variants created
    }
admin-n-categories-created =
    { $count ->
        [one] { $n } category created
       *[other] { $n } categories created
    }
admin-n-images-added =
    { $count ->
        [one] { $n } image added
       *[other] { $n } images added
    }
admin-bad-date = `{ $value }` is not a date like 2026-01-31
admin-bad-date-order = `{ $to }` is before from `{ $from }`
admin-bad-currency-code = `{ $value }` is not an ISO 4217 currency code (three capital letters, e.g. NGN)
admin-bad-currency-unsupported = currency `{ $value }` is not supported (supported: { $list })

## Fields, as error lines name them
admin-field-title = title
admin-field-description = description
admin-field-sku = sku
admin-field-slug = slug
admin-field-price = price
admin-field-stock = stock
admin-field-status = status
admin-field-category = category_id
admin-field-alt = alt
admin-field-file = file
admin-field-form = form
admin-field-coupon = coupon
admin-field-code = code
admin-field-percent = percent
admin-field-amount = amount
admin-field-value = value
admin-field-currency = currency
admin-field-minimum = minimum
admin-field-expires = expires
admin-field-usage-limit = usage_limit
admin-field-kind = kind
admin-field-active = active
admin-field-email = email
admin-field-role = role
admin-field-name = name
admin-field-note = note
admin-field-event = event
admin-field-format = format
admin-field-tags = tags
admin-field-from = from
admin-field-to = to
admin-field-account = account
admin-field-position = position
admin-field-options = options
admin-field-variants = variants

## What is wrong with a field only staff fill in (the domain's rules). A line is `problem`
## ("{ $field }: { $problem }"), and rules the shop's forms share are `problem-…`: see account.ftl.
admin-problem-empty = must not be empty
admin-problem-sku = may contain only letters, digits, '.', '_' and '-'
admin-problem-slug = may contain only lowercase letters a-z, digits and single dashes between them
admin-problem-percent = must be more than 0 and at most 100
admin-problem-positive = must be more than 0
admin-problem-negative = must not be negative
admin-problem-usage-limit = must be at least 1 (leave it empty for no limit)
admin-problem-at-most = must be at most { $max }
admin-problem-taken = this { $what } is already taken
admin-problem-coupon-exists = a coupon with this code exists already
admin-problem-email-taken = an account with this address exists
admin-problem-changed = the order changed meanwhile; reload and retry
