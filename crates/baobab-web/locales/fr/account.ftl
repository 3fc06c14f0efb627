# Pages du compte : connexion, inscription, mot de passe oublié, adresses, commandes du compte.
# Aussi ce que disent tous les formulaires de la boutique quand une saisie ne va pas, et les
# titres des pages d'erreur qui refusent un formulaire.

## Connexion
account-login-title = Se connecter
account-email = Adresse e-mail
account-password = Mot de passe
account-forgot-link = Mot de passe oublié ?
account-login-failed = L’adresse e-mail ou le mot de passe est incorrect.

## Inscription
account-register-title = Créer un compte
account-name = Nom
account-password-rule = Mot de passe ({ $min } caractères au moins)
account-register-submit = Créer mon compte
account-have-account = J’ai déjà un compte : me connecter
account-check-email = Consultez votre messagerie
account-check-email-registered = Nous avons envoyé un message à { $email }. Ouvrez le lien qu’il contient pour confirmer votre adresse, puis connectez-vous. Si vous avez déjà un compte, le message vous explique comment y accéder.
account-verified-title = Adresse e-mail confirmée
account-verified = Merci : votre adresse e-mail est confirmée.
account-go-to-account = Aller à mon compte

## Mot de passe oublié
account-forgot-title = Réinitialiser votre mot de passe
account-forgot-submit = M’envoyer un lien
account-forgot-sent =
    { $minutes ->
        [one] Si un compte existe pour cette adresse, nous lui avons envoyé un lien pour réinitialiser le mot de passe. Il ne sert qu’une fois, pendant { $minutes } minute.
       *[other] Si un compte existe pour cette adresse, nous lui avons envoyé un lien pour réinitialiser le mot de passe. Il ne sert qu’une fois, pendant { $minutes } minutes.
    }
account-reset-title = Choisir un nouveau mot de passe
account-new-password-rule = Nouveau mot de passe ({ $min } caractères au moins)
account-reset-submit = Enregistrer le mot de passe

## La page du compte
account-title = Mon compte
account-saved = C’est enregistré.
account-confirm-email = Merci de confirmer votre adresse e-mail : nous vous avons envoyé un lien.
account-phone = Téléphone (avec l’indicatif du pays)
account-save = Enregistrer
account-addresses = Adresses
account-update = Modifier
account-delete = Supprimer
account-no-addresses = Aucune adresse pour le moment.
account-add-address-heading = Ajouter une adresse
account-add-address = Ajouter l’adresse
account-orders = Commandes
account-no-orders = Vous n’avez pas encore passé de commande.
account-logout = Se déconnecter

## Une adresse de livraison (page du compte et commande)
address-name = Destinataire
address-line1 = Rue, immeuble ou point de repère
address-line2 = Indications complémentaires (facultatif)
address-city = Ville ou localité
address-region = Région, État ou département (facultatif)
address-postcode = Code postal (s’il y en a un)
address-country = Code du pays (p. ex. NG, KE, ZA, CI, SN)
address-phone = Téléphone pour le livreur (avec l’indicatif du pays)

## Ce qui ne va pas dans un formulaire ou un lien : une ligne par problème, qui nomme le champ.
problem = { $field } : { $problem }
field-email = Adresse e-mail
field-password = Mot de passe
field-name = Nom
field-phone = Téléphone
field-line1 = Adresse
field-line2 = Indications complémentaires
field-city = Ville
field-region = Région
field-postcode = Code postal
field-country = Pays
field-token = Lien
field-csrf = Formulaire
field-form = Formulaire
field-origin = Provenance
field-id = Identifiant
field-idempotency-key = Formulaire
field-quantity = Quantité
field-variant = Article
field-currency = Devise
field-page = Page
field-code = Code
field-query = Lien
problem-not-email = ce n’est pas une adresse e-mail
problem-mixed-scripts = mélange des lettres de plusieurs alphabets ; écrivez-la dans un seul
problem-too-short = { $min } caractères au moins
problem-too-long = { $max } caractères au plus
problem-name = { $max } caractères au plus, sans caractères de contrôle
problem-length = de 1 à { $max } caractères
problem-repeated = ne doit pas répéter un seul caractère
problem-password-is-email = ne doit pas être votre adresse e-mail
problem-phone-plus = commencez par + et l’indicatif du pays, p. ex. +225 07 12 34 56 78
problem-phone-format = ce n’est pas un numéro au format international (E.164)
problem-required = obligatoire
problem-control = ne doit pas contenir de caractères de contrôle
problem-country-code = indiquez le code du pays en deux lettres (ISO 3166-1), p. ex. NG
problem-key-reused = déjà utilisé pour une autre demande ; rechargez la page
problem-csrf = expiré ou incomplet : rechargez la page et réessayez
problem-form-unreadable = illisible
problem-form-too-large = trop volumineux
problem-origin = la demande doit venir de cette boutique
problem-bad-id = non valable
problem-token-verify = lien non valable, expiré ou déjà utilisé — connectez-vous pour en recevoir un nouveau
problem-token-bad = lien non valable — demandez-en un nouveau
problem-token-reset = lien non valable, expiré ou déjà utilisé — demandez-en un nouveau
problem-range = doit être compris entre { $min } et { $max }
problem-not-whole-number = « { $value } » n’est pas un nombre entier
problem-one-of = choisissez parmi { $valid }
problem-currency = « { $value } » n’est pas une devise acceptée par cette boutique

## Pages d'erreur qui refusent ce qui a été envoyé
error-refused-heading = Ce formulaire a expiré
error-too-large-heading = Trop de données envoyées d’un coup
error-invalid-heading = Un élément du formulaire est à revoir
error-too-many-heading = Trop de tentatives
error-too-many =
    { $seconds ->
        [one] Veuillez patienter { $seconds } seconde avant de réessayer.
       *[other] Veuillez patienter { $seconds } secondes avant de réessayer.
    }
error-too-many-minutes =
    { $minutes ->
        [one] Veuillez patienter { $minutes } minute avant de réessayer.
       *[other] Veuillez patienter { $minutes } minutes avant de réessayer.
    }
error-address-not-found = Adresse introuvable
