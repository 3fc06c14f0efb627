# E-mails to customers and staff: the subject, then the text line by line. Links and amounts
# arrive as arguments.

## Confirming an e-mail address
email-verify-subject = Confirm your e-mail address for { $shop }
email-verify-welcome = Welcome to { $shop }!
email-verify-open =
    { $hours ->
        [one] Please confirm your e-mail address by opening this link within { $hours } hour:
       *[other] Please confirm your e-mail address by opening this link within { $hours } hours:
    }
email-verify-then = Then log in at { $link }.
email-verify-not-you = If you did not create an account, ignore this message.

## Registering an address that has an account
email-exists-subject = Your { $shop } account
email-exists-body = Someone tried to create a { $shop } account with this e-mail address, which already has one.
email-exists-you = If it was you: log in at { $login }, or choose a new password at { $forgot }.
email-exists-not-you = If it was not you, ignore this message: nothing has changed.

## Resetting a password
email-reset-subject = Reset your password
email-reset-asked = Someone asked to reset the password of your { $shop } account.
email-reset-open =
    { $minutes ->
        [one] Open this link within { $minutes } minute to choose a new one:
       *[other] Open this link within { $minutes } minutes to choose a new one:
    }
email-reset-not-you = If it was not you, ignore this message: your password is unchanged.

## An order placed
email-placed-subject = Your order { $number }
email-placed-thanks = Thank you for your order { $number } at { $shop }.
email-placed-date = Placed on { $date }
email-placed-total = Total: { $total }
email-placed-payment = Payment: { $payment }
email-placed-link = See it at { $link }

## An order's status changed
email-status-subject = Order { $number }: { $status }
email-status-paid = We have received your payment of { $total }. We are preparing your order.
email-status-fulfilled = Your order is packed and waiting for the courier.
email-status-shipped = Your order is on its way.
email-status-delivered = Your order has been delivered. Thank you for shopping with us!
email-status-cancelled = Your order has been cancelled.
email-status-refunded = We have refunded { $refunded } so far.
email-status-link = Order { $number } at { $shop }: { $link }

## A staff member invited
email-invite-subject = Your { $shop } staff account
email-invite-given = You have been given { $role } access to the { $shop } admin.
email-invite-choose =
    { $hours ->
        [one] Choose your password within { $hours } hour:
       *[other] Choose your password within { $hours } hours:
    }
email-invite-then = Then log in at { $link } and set up two-factor authentication with an authenticator app.
