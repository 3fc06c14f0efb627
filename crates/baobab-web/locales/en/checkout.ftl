# Cart, checkout, payment and the order page, and the problems checkout can find.
# Names of products, prices and the shop's bank details are not here: they come from the
# catalog and the shop's settings.

## Cart
cart-title = Your cart
cart-item = Item
cart-qty = Qty
cart-price = Price
cart-total = Total
cart-sku = SKU: { $sku }
cart-quantity = Quantity
cart-update = Update
cart-subtotal = Subtotal { $amount }
cart-checkout = Checkout
cart-empty = Your cart is empty.
cart-continue = Continue shopping
cart-not-sold = not sold in { $currency }

## Checkout
checkout-title = Checkout
checkout-address = Delivery address
checkout-update-delivery = Update delivery options
checkout-delivery = Delivery
checkout-no-delivery = No delivery to this country in this currency.
checkout-payment = Payment
checkout-coupon = Coupon code
checkout-coupon-applied = { $code } applied
checkout-subtotal = Subtotal { $amount }
checkout-discount = Discount −{ $amount }
checkout-delivery-cost = Delivery { $amount }
checkout-vat = VAT { $rate }%: { $amount }
checkout-vat-included = VAT { $rate }% included: { $amount }
checkout-total = Total { $amount }
checkout-review = Update total
checkout-place = Place order

## Delivery options (names of the demo shop's methods; a shop's own names come from its settings)
shipping-free = free
shipping-free-over = { $price }, free over { $amount }
shipping-zone-only = { $zone } only
shipping-lagos-express = Lagos express (next day)
shipping-lagos-pickup = Pick up at our Ikeja shop
shipping-ng-standard = Nationwide courier (2–5 days)
shipping-nairobi-rider = Nairobi rider (same day)
shipping-nairobi-pickup = Pick up in Nairobi CBD
shipping-ke-standard = Countrywide courier (2–4 days)
shipping-gh-standard = Courier (2–4 days)
shipping-za-courier = Courier (2–4 days)
shipping-intl-courier = International courier (5–10 days)

## Ways to pay
payment-cash-on-delivery = Cash on delivery
payment-bank-transfer = Bank transfer
payment-paystack = Card, bank or mobile money (Paystack)
payment-mpesa = M-Pesa
payment-cash-on-delivery-detail = Pay in cash when it arrives
payment-bank-transfer-detail =
    { $hours ->
        [one] Transfer to our account within { $hours } hour; we ship once it arrives
       *[other] Transfer to our account within { $hours } hours; we ship once it arrives
    }
payment-paystack-detail = Pay now on Paystack's secure page
payment-mpesa-detail = A prompt on your phone: enter your M-Pesa PIN
payment-unreachable = { $provider } could not be reached; try again in a minute
payment-not-in-time = not paid in time
payment-charge-failed = the charge failed

## The order page
order-title = Order { $number }
order-placed-on = Placed on { $date }
order-status = Status:
order-continue-payment = Continue to payment
order-check-payment = I have paid — check now
order-pay-now = Pay now
order-discount = Discount ({ $code }) −{ $amount }
order-delivery = Delivery: { $method }, { $amount }
order-vat = VAT { $amount }
order-paid = Thank you! Your payment was received.
order-is = This order is { $status }.
order-mpesa-prompt = Check your phone and enter your M-Pesa PIN to pay { $amount }. This page shows the result once M-Pesa confirms it.
order-paystack-waiting = We are waiting for Paystack to confirm your payment.
order-payment-failed = Your payment did not go through: { $reason }. You can try again.
order-pay-to-confirm = Your order is reserved; pay { $amount } to confirm it.
order-bank-transfer =
    { $hours ->
        [one] Thank you! Please transfer { $amount } with the reference { $number } within { $hours } hour to { $bank }; we ship once it arrives.
       *[other] Thank you! Please transfer { $amount } with the reference { $number } within { $hours } hours to { $bank }; we ship once it arrives.
    }
order-cash-on-delivery = Thank you! Pay { $amount } in cash when your order is delivered.
order-payment-description = Order { $number }

## An order's status
status-pending-payment = pending payment
status-paid = paid
status-fulfilled = fulfilled
status-shipped = shipped
status-delivered = delivered
status-cancelled = cancelled
status-partially-refunded = partially refunded
status-refunded = refunded

## Problems checkout can find (see "problem" in account.ftl)
field-coupon = coupon
field-shipping-method = shipping_method
field-payment-method = payment_method
field-lines = lines
field-stock = stock
problem-no-delivery = we do not deliver to { $country } for payment in { $currency }
problem-method-region = { $method } is only for { $regions }; choose another delivery option
problem-coupon-wait = too many codes were tried. Try again in { $minutes } min
problem-coupon-refused = { $code } cannot be used for this order
problem-coupon-format = must be 3 to 32 letters, digits, - or _
problem-payment-choice = choose one of { $methods }
problem-choose-delivery = choose a delivery option
problem-choose-payment = choose how to pay
problem-reload-checkout = reload the checkout page and try again
problem-reload-order = is missing or malformed: reload the order page and try again
problem-mpesa-phone = M-Pesa needs a Kenyan mobile number, e.g. +254 712 345 678
problem-out-of-stock = not enough { $sku } in stock: lower the quantity and try again
problem-not-sold-in = variant { $variant } is not for sale in { $currency }
problem-not-for-sale = is not for sale
problem-not-an-option = is not a product option
problem-not-a-number = must be a whole number
problem-lines-count = an order has 1 to { $max } lines
problem-reference = is missing or too long

## Error pages
error-order-not-found = Order not found
error-payment-not-found = Payment not found
error-cart-not-found = Cart not found
