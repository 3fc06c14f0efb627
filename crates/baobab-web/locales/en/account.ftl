# Account pages: sign-in, registration, password reset, addresses, the account's orders.
# Also what every form of the shop says when something sent is wrong (problems), and the
# headings of the error pages that refuse a form.

## Signing in
account-login-title = Log in
account-email = E-mail
account-password = Password
account-forgot-link = Forgot your password?
account-login-failed = The e-mail address or the password is wrong.

## Registration
account-register-title = Create an account
account-name = Name
account-password-rule = Password (at least { $min } characters)
account-register-submit = Create account
account-have-account = I have an account: log in
account-check-email = Check your e-mail
account-check-email-registered = We sent a message to { $email }. Open the link in it to confirm your address, then log in. If you already have an account, the message tells you how to get back into it.
account-verified-title = E-mail address confirmed
account-verified = Thank you: your e-mail address is confirmed.
account-go-to-account = Go to your account

## Password reset
account-forgot-title = Reset your password
account-forgot-submit = Send me a link
account-forgot-sent =
    { $minutes ->
        [one] If an account exists for that address, we sent it a link to reset the password. It works once, for { $minutes } minute.
       *[other] If an account exists for that address, we sent it a link to reset the password. It works once, for { $minutes } minutes.
    }
account-reset-title = Choose a new password
account-new-password-rule = New password (at least { $min } characters)
account-reset-submit = Save password

## The account page
account-title = Your account
account-saved = Saved.
account-confirm-email = Please confirm your e-mail address: we sent you a link.
account-phone = Phone (with country code)
account-save = Save
account-addresses = Addresses
account-update = Update
account-delete = Delete
account-no-addresses = No addresses yet.
account-add-address-heading = Add an address
account-add-address = Add address
account-orders = Orders
account-no-orders = You have no orders yet.
account-logout = Log out

## A delivery address (the account page and checkout)
address-name = Recipient
address-line1 = Street, building or landmark
address-line2 = More directions (optional)
address-city = Town or city
address-region = State, county or region (optional)
address-postcode = Postcode (if any)
address-country = Country code (e.g. NG, KE, ZA)
address-phone = Phone for the courier (+country code)

## Problems with what a form or a link sent: one line per problem, naming the field.
## English names each field as the form and the API name it (field-…); other languages name
## it in words. The admin uses the same lines and problems, naming fields with admin-field-…
## (admin.ftl, where the rules only staff meet are too: admin-problem-…).
problem = { $field }: { $problem }
field-email = email
field-password = password
field-name = name
field-phone = phone
field-line1 = line1
field-line2 = line2
field-city = city
field-region = region
field-postcode = postcode
field-country = country
field-token = token
field-csrf = csrf
field-form = form
field-origin = origin
field-id = id
field-idempotency-key = idempotency_key
field-quantity = quantity
field-variant = variant_id
field-currency = currency
field-page = page
field-code = code
field-query = query
problem-not-email = is not an e-mail address
problem-mixed-scripts = mixes letters of different alphabets; write it in one
problem-too-short = must be at least { $min } characters
problem-too-long = must be at most { $max } characters
problem-name = must be at most { $max } characters, without control characters
problem-length = must be 1 to { $max } characters
problem-repeated = must not be one character repeated
problem-password-is-email = must not be your e-mail address
problem-phone-plus = must start with + and the country code, e.g. +234 803 123 4567
problem-phone-format = is not a phone number in international format (E.164)
problem-required = is required
problem-control = must not contain control characters
problem-country-code = must be a two-letter country code (ISO 3166-1), e.g. NG
problem-key-reused = was already used with a different request; reload the form
problem-csrf = is missing or wrong: reload the form and try again
problem-form-unreadable = could not be read
problem-form-too-large = is too large
problem-origin = must be this shop
problem-bad-id = is not a valid id
problem-token-verify = is invalid, expired or already used — log in to get a new link
problem-token-bad = is invalid — ask for a new link
problem-token-reset = is invalid, expired or already used — ask for a new link
problem-range = must be between { $min } and { $max }
problem-not-whole-number = “{ $value }” is not a whole number
problem-one-of = must be one of { $valid }
problem-currency = “{ $value }” is not a currency this shop sells in

## Error pages that refuse what was sent
error-refused-heading = This form has expired
error-too-large-heading = That is too much to send at once
error-invalid-heading = Something in the form needs a look
error-too-many-heading = Too many attempts
error-too-many =
    { $seconds ->
        [one] Please wait { $seconds } second before trying again.
       *[other] Please wait { $seconds } seconds before trying again.
    }
error-too-many-minutes =
    { $minutes ->
        [one] Please wait { $minutes } minute before trying again.
       *[other] Please wait { $minutes } minutes before trying again.
    }
error-address-not-found = Address not found
