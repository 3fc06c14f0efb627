# L’administration de la boutique : tous les mots que lit l’équipe sur les pages d’administration.
# Les lignes d’erreur nomment le champ en toutes lettres (admin-field-*).

## Cadre
admin-nav-label = Administration
admin-nav-dashboard = Tableau de bord
admin-nav-products = Produits
admin-nav-import = Import et export
admin-nav-orders = Commandes
admin-nav-coupons = Codes promo
admin-nav-customers = Clients
admin-nav-staff = Équipe
admin-nav-tokens = Jetons d’API
admin-nav-audit = Journal d’audit
admin-log-out = Se déconnecter
admin-list-separator = { ", " }
admin-nothing-yet = Rien pour l’instant.
admin-save = Enregistrer
admin-saved = Enregistré.
admin-upload = Envoyer
admin-yes = oui
admin-no = non
admin-denied-not-staff = n’a pas accès à l’administration
admin-denied-role = ne permet pas d’ouvrir cette page
admin-missing-product = Produit introuvable
admin-missing-order = Commande introuvable
admin-missing-customer = Client introuvable
admin-missing-staff = Membre de l’équipe introuvable
admin-missing-token = Jeton introuvable

## En-têtes de colonnes
admin-col-id = N°
admin-col-title = Titre
admin-col-status = Statut
admin-col-price-from = À partir de
admin-col-sku = Référence
admin-col-options = Options
admin-col-prices = Prix
admin-col-stock = Stock
admin-col-in-stock = En stock
admin-col-alt = Texte alternatif
admin-col-position = Position
admin-col-size = Dimensions
admin-col-product = Produit
admin-col-currency = Devise
admin-col-orders = Commandes
admin-col-revenue = Chiffre d’affaires
admin-col-order = Commande
admin-col-reference = Référence
admin-col-provider = Prestataire
admin-col-amount = Montant
admin-col-why = Motif
admin-col-email = E-mail
admin-col-total = Total
admin-col-placed = Passée le (UTC)
admin-col-item = Article
admin-col-qty = Qté
admin-col-detail = Détail
admin-col-started = Commencé le (UTC)
admin-col-when = Date (UTC)
admin-col-status-from = De
admin-col-status-to = À
admin-col-by = Par
admin-col-note = Note
admin-col-code = Code
admin-col-off = Remise
admin-col-minimum = Minimum
admin-col-last-day = Dernier jour
admin-col-used = Utilisations
admin-col-active = Actif
admin-col-name = Nom
admin-col-verified = Vérifié
admin-col-role = Rôle
admin-col-two-factor = Double authentification
admin-col-created = Créé le
admin-col-event = Événement
admin-col-subject = Objet
admin-col-ip = IP
admin-col-row = Ligne
admin-col-column = Colonne
admin-col-problem = Problème
admin-col-warning = Avertissement
admin-col-created-count = Créés
admin-col-updated-count = Mis à jour

## Tableau de bord
admin-dash-today = Aujourd’hui (UTC)
admin-dash-on-sale =
    { $count ->
        [one] { $n } produit en vente.
       *[other] { $n } produits en vente.
    }
admin-dash-review = Paiements à examiner
admin-dash-review-text = De l’argent est arrivé mais n’a pas pu être affecté (commande expirée, autre montant, second paiement) : remboursez-le auprès du prestataire ou réglez la commande à la main.
admin-dash-low-stock = Stock faible ({ $n } ou moins)

## Produits
admin-products-heading = Produits (prix en { $currency })
admin-product-new = Nouveau produit
admin-product-create = Créer le produit
admin-product-on-shop = Sur la boutique : { $path }
admin-product-variants = Variantes
admin-product-images = Images
admin-image-add = Ajouter une image
admin-image-add-text = JPEG, PNG ou WebP. Les tailles pour chaque écran sont créées en une fois.
admin-label-title = Titre
admin-label-description = Description
admin-label-category = Rayon
admin-label-status = Statut
admin-label-sku = Référence (SKU)
admin-label-price = Prix
admin-label-price-example = Prix (p. ex. 12500.00)
admin-label-stock = En stock
admin-label-image = Image
admin-label-alt = Texte alternatif (ce que montre l’image)
admin-category-none = — aucun —
admin-status-draft = brouillon
admin-status-active = actif
admin-status-archived = archivé
admin-error-price = Prix : « { $value } » n’est pas un montant en { $currency }
admin-error-stock = Stock : doit être un nombre entier
admin-error-status = Statut : choisissez brouillon, actif ou archivé
admin-error-category = Rayon : ce rayon n’existe pas
admin-error-image-missing = Fichier : choisissez une image à envoyer
admin-error-image-type = Fichier : ce n’est pas une image JPEG, PNG ou WebP
admin-error-file-large = Fichier : le fichier est trop volumineux
admin-error-not-multipart = Fichier : envoyez le formulaire en multipart/form-data

## Commandes
admin-orders-export = Export pour la comptabilité
admin-orders-export-text = Une ligne par article commandé avec les totaux de la commande, au format CSV. Les jours sont en UTC ; laissez les deux vides pour toutes les commandes.
admin-label-from-day = Du (premier jour)
admin-label-to-day = Au (dernier jour)
admin-orders-download = Télécharger les commandes (CSV)
admin-order-pending-payment = en attente de paiement
admin-order-paid = payée
admin-order-fulfilled = préparée
admin-order-shipped = expédiée
admin-order-delivered = livrée
admin-order-cancelled = annulée
admin-order-partially-refunded = remboursée en partie
admin-order-refunded = remboursée
admin-payment-pending = en cours
admin-payment-succeeded = réussi
admin-payment-failed = échoué
admin-payment-needs-review = à examiner
admin-pay-cash-on-delivery = paiement à la livraison
admin-pay-bank-transfer = virement bancaire
admin-pay-paystack = Paystack
admin-pay-mpesa = M-Pesa
admin-step-pay = Marquer payée
admin-step-fulfil = Marquer préparée
admin-step-ship = Marquer expédiée
admin-step-deliver = Marquer livrée
admin-step-cancel = Annuler la commande
admin-order-summary = { $email } · { $status } · { $total } · réglée par { $method }
admin-order-refunded-so-far = Déjà remboursé : { $amount }
admin-order-delivery = Livraison
admin-order-delivery-text = { $method } ({ $shipping }) · TVA { $tax } · { $address }
admin-order-coupon = { $text } · code promo { $code } (−{ $discount })
admin-order-no-method = aucun mode de livraison
admin-order-payments = Paiements
admin-order-review = Un paiement est à examiner : de l’argent est arrivé sans être affecté à la commande (voir son détail). Remboursez-le auprès du prestataire ou réglez la commande à la main.
admin-order-history = Historique
admin-label-note = Note (facultative)
admin-order-refund = Remboursement
admin-label-amount = Montant
admin-label-reason = Motif
admin-order-record-refund = Enregistrer le remboursement
admin-bad-order-status = n’est pas un statut de commande
admin-error-amount = Montant : « { $value } » n’est pas un montant en { $currency }
admin-error-event = Étape : cette étape de commande n’existe pas
admin-error-note = Note : { $max } caractères au maximum
admin-error-step = Statut : la commande est { $status }, « { $step } » n’est donc pas possible
admin-error-refund-too-much = Montant : { $amount } dépasse ce qui reste à rembourser ({ $remaining })

## Codes promo
admin-coupon-new = Nouveau code promo
admin-coupon-create = Créer le code promo
admin-coupon-switch = Activer ou désactiver un code promo
admin-coupon-any = toutes
admin-coupon-used-of = { $used } sur { $limit }
admin-coupon-percent-off = { $value } %
admin-coupon-kind-percent = Pourcentage de remise
admin-coupon-kind-fixed = Montant de remise
admin-label-coupon-code = Code (lettres, chiffres, - ou _)
admin-label-kind = Type
admin-label-value = Pourcentage ou montant
admin-label-coupon-currency = Devise (pour un montant ou un minimum ; vide = toutes)
admin-label-minimum = Commande minimum (facultatif)
admin-label-expires = Dernier jour (AAAA-MM-JJ, facultatif)
admin-label-usage-limit = Nombre d’utilisations maximum (facultatif)
admin-label-code = Code
admin-label-active = Actif
admin-error-percent = Valeur : « { $value } » n’est pas un pourcentage comme 10 ou 12.5
admin-error-currency-for-amount = Devise : obligatoire pour un montant de remise
admin-error-value-amount = Valeur : « { $value } » n’est pas un montant
admin-error-kind = Type : choisissez pourcentage ou montant
admin-error-minimum = Minimum : « { $value } » n’est pas un montant en { $currency }
admin-error-currency-for-minimum = Devise : obligatoire pour une commande minimum
admin-error-expires = Dernier jour : « { $value } » n’est pas une date comme 2026-12-31
admin-error-usage-limit = Nombre d’utilisations : « { $value } » n’est pas un nombre entier
admin-error-active = Actif : choisissez oui ou non
admin-error-no-coupon = Code promo : le code « { $code } » n’existe pas

## Clients et équipe
admin-customer-active = actif
admin-customer-disabled = désactivé
admin-two-factor-on = activée
admin-two-factor-not-yet = pas encore
admin-role-owner = propriétaire
admin-role-catalog-manager = gestion du catalogue
admin-role-order-manager = gestion des commandes
admin-role-support = service client
admin-staff-add = Ajouter un membre de l’équipe
admin-staff-add-text = Il ou elle recevra un e-mail avec un lien pour choisir un mot de passe, puis configurera la double authentification.
admin-label-email = E-mail
admin-label-role = Rôle
admin-staff-invite = Inviter
admin-staff-role-of = Rôle de { $email }
admin-staff-change-role = Changer de rôle
admin-staff-invited = Invitation envoyée à { $email }.
admin-staff-role-changed = { $email } a désormais le rôle : { $role }.
admin-error-role = Rôle : choisissez un des rôles de la liste
admin-error-own-role = Rôle : vous ne pouvez pas changer votre propre rôle

## Jetons d’API
admin-token-role-catalog = catalogue
admin-token-role-orders = commandes
admin-token-live = valide
admin-token-revoked-on = révoqué le { $date }
admin-token-new = Nouveau jeton : copiez-le maintenant, il ne sera plus affiché
admin-token-create-title = Créer un jeton
admin-label-token-name = Nom (qui l’utilise)
admin-token-create = Créer
admin-token-revoke-title = Révoquer « { $name } »
admin-token-revoke = Révoquer
admin-token-revoked = Jeton révoqué.

## Double authentification
admin-2fa-code = Code à 6 chiffres de votre application d’authentification
admin-2fa-setup-heading = Configurer la double authentification
admin-2fa-setup-text = Ajoutez cette clé à une application d’authentification (saisissez-la, ou ouvrez le lien otpauth sur votre téléphone), puis entrez le code qu’elle affiche.
admin-2fa-link = Lien otpauth
admin-2fa-turn-on = Activer la double authentification
admin-2fa-heading = Double authentification
admin-2fa-continue = Continuer
admin-2fa-too-many = Trop de tentatives. Réessayez dans { $seconds } s.
admin-2fa-not-set-up = La double authentification n’est pas configurée.
admin-2fa-wrong = Ce code est incorrect. Vérifiez l’heure de votre téléphone et essayez le nouveau code.
admin-2fa-replayed = Ce code a déjà servi. Attendez le suivant.

## Import et export
admin-import-title = Importer des produits
admin-import-text = Un fichier CSV de produits exporté de Shopify ou de WooCommerce (ou de cette boutique), jusqu’à { $mb } Mo. Il est d’abord vérifié : chaque problème est indiqué avec sa ligne et sa colonne, et rien n’est enregistré tant qu’il en reste un. Les produits déjà dans la boutique sont retrouvés par leur identifiant d’URL, puis par leur référence, et mis à jour, jamais dupliqués. Les images doivent être des adresses https:// sur des hôtes publics ; les noms de fichiers d’images ne fonctionnent que sur le serveur (baobab import products --images DOSSIER).
admin-label-csv-file = Fichier CSV de produits
admin-label-format = Format
admin-label-currency-prices = Devise des prix
admin-label-tags = Les étiquettes deviennent
admin-label-dry-run = Vérifier seulement (essai) : ne rien enregistrer
admin-import-format-auto = Le déduire des colonnes
admin-import-format-shopify = CSV de produits Shopify
admin-import-format-woocommerce = CSV de produits WooCommerce
admin-import-tags-attributes = Des caractéristiques (Matière:Coton)
admin-import-tags-category = La première étiquette est le rayon
admin-export-title = Exporter les produits
admin-export-text = Tous les produits, brouillons et archivés compris, dans les colonnes du CSV de produits de Shopify, avec leurs prix dans une devise. Le fichier peut être réimporté ici.
admin-export-download = Télécharger les produits (CSV)
admin-currency-option = { $code } — { $name }
admin-currency-ngn = naira nigérian
admin-currency-kes = shilling kényan
admin-currency-zar = rand sud-africain
admin-currency-ghs = cedi ghanéen
admin-currency-egp = livre égyptienne
admin-currency-usd = dollar des États-Unis
admin-currency-xof = franc CFA (BCEAO)
admin-currency-xaf = franc CFA (BEAC)
admin-currency-ugx = shilling ougandais
admin-currency-tzs = shilling tanzanien
admin-currency-rwf = franc rwandais
admin-currency-etb = birr éthiopien
admin-error-format = Format : choisissez auto, shopify ou woocommerce
admin-error-tags = Étiquettes : choisissez caractéristiques ou rayon
admin-error-import-too-large = Fichier : plus de { $mb } Mo ; découpez-le en fichiers plus petits, ou importez-le sur le serveur avec baobab import products
admin-error-import-no-file = Fichier : choisissez un fichier CSV de produits à envoyer (aucun n’a été reçu, ou il était vide)
admin-import-refused = rien n’a été importé : { $problem }
admin-import-nothing = Rien n’a été importé
admin-import-has-problems = Rien n’a été importé : le fichier contient { $problems }. Corrigez-les dans le fichier et envoyez-le à nouveau.
admin-import-empty = Rien n’a été importé : le fichier ne contient aucun produit (seulement une ligne d’en-tête ?).
admin-import-done-heading = Produits importés
admin-import-done = Import terminé : { $products }, { $products_updated } mis à jour ; { $variants }, { $variants_updated } mises à jour ; { $categories } ; { $images }.
admin-import-checked-heading = Le fichier peut être importé
admin-import-checked = Vérification seule : aucun problème, et rien n’a été enregistré. Pour l’importer, choisissez à nouveau le fichier et décochez « Vérifier seulement ».
admin-import-the-file = Le fichier
admin-import-holds-title = Contenu du fichier
admin-import-holds = { $name } : format { $format }, { $encoding } ; { $rows } avec l’en-tête ; { $counts }.
admin-import-unknown-format = inconnu
admin-import-unknown-encoding = encodage inconnu
admin-import-passed =
    { $count ->
        [one] { $n } produit a passé les vérifications
       *[other] { $n } produits ont passé les vérifications
    }
admin-import-problems-title = Problèmes ({ $n })
admin-import-rows-note = Les lignes sont numérotées comme dans un tableur : l’en-tête est la ligne 1.
admin-import-first-listed = Les { $shown } premiers sur { $total } sont affichés.
admin-import-images-note = Dans un fichier envoyé, les images doivent être des adresses https:// sur des hôtes publics : la boutique va les chercher elle-même. Les noms de fichiers d’images ne fonctionnent que sur le serveur, avec baobab import products --images DOSSIER.
admin-import-warnings-title = Avertissements ({ $n })
admin-import-warnings-note = Corrigés ou ignorés ; ils n’ont pas arrêté l’import.
admin-import-done-title = Terminé
admin-import-images = Images : { $added } ajoutées, { $there } déjà présentes.
admin-row-products = Produits
admin-row-variants = Variantes
admin-row-categories = Rayons
admin-n-problems =
    { $count ->
        [one] { $n } problème
       *[other] { $n } problèmes
    }
admin-n-products =
    { $count ->
        [one] { $n } produit
       *[other] { $n } produits
    }
admin-n-variants =
    { $count ->
        [one] { $n } variante
       *[other] { $n } variantes
    }
admin-n-images =
    { $count ->
        [one] { $n } image
       *[other] { $n } images
    }
admin-n-rows =
    { $count ->
        [one] { $n } ligne
       *[other] { $n } lignes
    }
admin-n-products-created =
    { $count ->
        [one] { $n } produit créé
       *[other] { $n } produits créés
    }
admin-n-variants-created =
    { $count ->
        [one] { $n } variante créée
       *[other] { $n } variantes créées
    }
admin-n-categories-created =
    { $count ->
        [one] { $n } rayon créé
       *[other] { $n } rayons créés
    }
admin-n-images-added =
    { $count ->
        [one] { $n } image ajoutée
       *[other] { $n } images ajoutées
    }
admin-bad-date = « { $value } » n’est pas une date comme 2026-01-31
admin-bad-date-order = le { $to } est avant le { $from }
admin-bad-currency-code = « { $value } » n’est pas un code de devise ISO 4217 (trois majuscules, p. ex. NGN)
admin-bad-currency-unsupported = la devise « { $value } » n’est pas prise en charge (devises possibles : { $list })

## Les champs, tels que les nomment les lignes d’erreur
admin-field-title = Titre
admin-field-description = Description
admin-field-sku = Référence
admin-field-slug = Identifiant d’URL
admin-field-price = Prix
admin-field-stock = Stock
admin-field-status = Statut
admin-field-category = Rayon
admin-field-alt = Texte alternatif
admin-field-file = Fichier
admin-field-form = Formulaire
admin-field-coupon = Code promo
admin-field-code = Code
admin-field-percent = Pourcentage
admin-field-amount = Montant
admin-field-value = Valeur
admin-field-currency = Devise
admin-field-minimum = Minimum
admin-field-expires = Dernier jour
admin-field-usage-limit = Nombre d’utilisations
admin-field-kind = Type
admin-field-active = Actif
admin-field-email = E-mail
admin-field-role = Rôle
admin-field-name = Nom
admin-field-note = Note
admin-field-event = Étape
admin-field-format = Format
admin-field-tags = Étiquettes
admin-field-from = Du
admin-field-to = Au
admin-field-account = Compte
admin-field-position = Position
admin-field-options = Options
admin-field-variants = Variantes

## Ce qui ne va pas dans un champ (les règles du domaine)
admin-problem-empty = ne doit pas être vide
admin-problem-sku = uniquement des lettres, des chiffres, « . », « _ » et « - »
admin-problem-slug = uniquement des minuscules a-z, des chiffres et des tirets simples entre eux
admin-problem-percent = doit être supérieur à 0 et au plus 100
admin-problem-positive = doit être supérieur à 0
admin-problem-negative = ne doit pas être négatif
admin-problem-usage-limit = au moins 1 (laissez vide pour ne pas limiter)
admin-problem-at-most = { $max } au maximum
admin-problem-taken = cette valeur est déjà utilisée
admin-problem-coupon-exists = un code promo avec ce code existe déjà
admin-problem-email-taken = un compte existe déjà avec cette adresse
admin-problem-changed = la commande a été modifiée entre-temps ; rechargez la page et réessayez
