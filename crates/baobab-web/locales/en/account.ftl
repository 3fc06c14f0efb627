# Account pages: sign-in, registration, password reset, addresses, the account's orders.
