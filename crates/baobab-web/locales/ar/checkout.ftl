# Cart, checkout, payment and the order page.
