# Panier, commande, paiement et page de la commande, et ce que la commande peut refuser.
# Noms des produits, prix et coordonnées bancaires de la boutique viennent du catalogue et des
# réglages de la boutique.

## Panier
cart-title = Mon panier
cart-item = Article
cart-qty = Qté
cart-price = Prix
cart-total = Total
cart-sku = Réf. : { $sku }
cart-quantity = Quantité
cart-update = Modifier
cart-subtotal = Sous-total { $amount }
cart-checkout = Commander
cart-empty = Votre panier est vide.
cart-continue = Continuer mes achats
cart-not-sold = non vendu en { $currency }

## Commande
checkout-title = Commande
checkout-address = Adresse de livraison
checkout-update-delivery = Voir les options de livraison
checkout-delivery = Livraison
checkout-no-delivery = Pas de livraison vers ce pays dans cette devise.
checkout-payment = Paiement
checkout-coupon = Code promo
checkout-coupon-applied = { $code } appliqué
checkout-subtotal = Sous-total { $amount }
checkout-discount = Remise −{ $amount }
checkout-delivery-cost = Livraison { $amount }
checkout-vat = TVA { $rate } % : { $amount }
checkout-vat-included = TVA { $rate } % incluse : { $amount }
checkout-total = Total { $amount }
checkout-review = Mettre à jour le total
checkout-place = Passer la commande

## Options de livraison (noms des méthodes de la boutique de démonstration)
shipping-free = gratuit
shipping-free-over = { $price }, gratuit dès { $amount }
shipping-zone-only = { $zone } uniquement
shipping-lagos-express = Lagos express (le lendemain)
shipping-lagos-pickup = Retrait à notre magasin d’Ikeja
shipping-ng-standard = Coursier dans tout le Nigeria (2 à 5 jours)
shipping-nairobi-rider = Livreur à Nairobi (le jour même)
shipping-nairobi-pickup = Retrait au centre de Nairobi (CBD)
shipping-ke-standard = Coursier dans tout le Kenya (2 à 4 jours)
shipping-gh-standard = Coursier (2 à 4 jours)
shipping-za-courier = Coursier (2 à 4 jours)
shipping-intl-courier = Coursier international (5 à 10 jours)

## Moyens de paiement
payment-cash-on-delivery = Paiement à la livraison
payment-bank-transfer = Virement bancaire
payment-paystack = Carte, banque ou Mobile Money (Paystack)
payment-mpesa = M-Pesa
payment-cash-on-delivery-detail = Payez en espèces à la réception
payment-bank-transfer-detail =
    { $hours ->
        [one] Virement sur notre compte sous { $hours } heure ; nous expédions dès réception
       *[other] Virement sur notre compte sous { $hours } heures ; nous expédions dès réception
    }
payment-paystack-detail = Payez tout de suite sur la page sécurisée de Paystack
payment-mpesa-detail = Une demande s’affiche sur votre téléphone : saisissez votre code M-Pesa
payment-unreachable = { $provider } est injoignable ; réessayez dans une minute
payment-not-in-time = paiement non reçu à temps
payment-charge-failed = le paiement a été refusé

## La page de la commande
order-title = Commande { $number }
order-placed-on = Passée le { $date }
order-status = Statut :
order-continue-payment = Continuer vers le paiement
order-check-payment = J’ai payé — vérifier maintenant
order-pay-now = Payer maintenant
order-discount = Remise ({ $code }) −{ $amount }
order-delivery = Livraison : { $method }, { $amount }
order-vat = TVA { $amount }
order-paid = Merci ! Nous avons bien reçu votre paiement.
order-is = Cette commande est { $status }.
order-mpesa-prompt = Regardez votre téléphone et saisissez votre code M-Pesa pour payer { $amount }. Cette page affichera le résultat dès que M-Pesa l’aura confirmé.
order-paystack-waiting = Nous attendons la confirmation de votre paiement par Paystack.
order-payment-failed = Votre paiement n’a pas abouti : { $reason }. Vous pouvez réessayer.
order-pay-to-confirm = Votre commande est réservée ; payez { $amount } pour la confirmer.
order-bank-transfer =
    { $hours ->
        [one] Merci ! Veuillez virer { $amount } avec la référence { $number } sous { $hours } heure à { $bank } ; nous expédions dès réception.
       *[other] Merci ! Veuillez virer { $amount } avec la référence { $number } sous { $hours } heures à { $bank } ; nous expédions dès réception.
    }
order-cash-on-delivery = Merci ! Vous paierez { $amount } en espèces à la livraison.
order-payment-description = Commande { $number }

## Statut d'une commande
status-pending-payment = en attente de paiement
status-paid = payée
status-fulfilled = préparée
status-shipped = expédiée
status-delivered = livrée
status-cancelled = annulée
status-partially-refunded = partiellement remboursée
status-refunded = remboursée

## Ce que la commande peut refuser (voir « problem » dans account.ftl)
field-coupon = Code promo
field-shipping-method = Livraison
field-payment-method = Paiement
field-lines = Panier
field-stock = Stock
problem-no-delivery = nous ne livrons pas au pays { $country } pour un paiement en { $currency }
problem-method-region = { $method } ne dessert que { $regions } ; choisissez une autre option de livraison
problem-coupon-wait = trop de codes essayés. Réessayez dans { $minutes } min
problem-coupon-refused = le code { $code } ne peut pas servir pour cette commande
problem-coupon-format = de 3 à 32 lettres, chiffres, - ou _
problem-payment-choice = choisissez l’un des moyens de paiement proposés
problem-choose-delivery = choisissez une option de livraison
problem-choose-payment = choisissez comment payer
problem-reload-checkout = rechargez la page de commande et réessayez
problem-reload-order = manquant ou incorrect : rechargez la page de la commande et réessayez
problem-mpesa-phone = M-Pesa demande un numéro de mobile kényan, p. ex. +254 712 345 678
problem-out-of-stock = pas assez de { $sku } en stock : réduisez la quantité et réessayez
problem-not-sold-in = l’article { $variant } n’est pas vendu en { $currency }
problem-not-for-sale = cet article n’est pas en vente
problem-not-an-option = ce n’est pas une option de cet article
problem-not-a-number = indiquez un nombre entier
problem-lines-count = une commande compte de 1 à { $max } articles
problem-reference = référence absente ou trop longue

## Pages d'erreur
error-order-not-found = Commande introuvable
error-payment-not-found = Paiement introuvable
error-cart-not-found = Panier introuvable
