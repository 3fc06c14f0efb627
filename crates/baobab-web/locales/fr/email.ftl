# E-mails aux clients et à l'équipe : l'objet, puis le texte ligne par ligne. Les liens et les
# montants arrivent en arguments.

## Confirmer une adresse e-mail
email-verify-subject = Confirmez votre adresse e-mail pour { $shop }
email-verify-welcome = Bienvenue chez { $shop } !
email-verify-open =
    { $hours ->
        [one] Merci de confirmer votre adresse e-mail en ouvrant ce lien dans l’heure :
       *[other] Merci de confirmer votre adresse e-mail en ouvrant ce lien dans les { $hours } heures :
    }
email-verify-then = Connectez-vous ensuite sur { $link }.
email-verify-not-you = Si vous n’avez pas créé de compte, ignorez ce message.

## Inscription avec une adresse qui a déjà un compte
email-exists-subject = Votre compte { $shop }
email-exists-body = Quelqu’un a voulu créer un compte { $shop } avec cette adresse e-mail, qui en a déjà un.
email-exists-you = Si c’était vous : connectez-vous sur { $login }, ou choisissez un nouveau mot de passe sur { $forgot }.
email-exists-not-you = Si ce n’était pas vous, ignorez ce message : rien n’a changé.

## Réinitialiser un mot de passe
email-reset-subject = Réinitialisez votre mot de passe
email-reset-asked = Quelqu’un a demandé à réinitialiser le mot de passe de votre compte { $shop }.
email-reset-open =
    { $minutes ->
        [one] Ouvrez ce lien dans la minute pour en choisir un nouveau :
       *[other] Ouvrez ce lien dans les { $minutes } minutes pour en choisir un nouveau :
    }
email-reset-not-you = Si ce n’était pas vous, ignorez ce message : votre mot de passe n’a pas changé.

## Une commande passée
email-placed-subject = Votre commande { $number }
email-placed-thanks = Merci pour votre commande { $number } chez { $shop }.
email-placed-date = Passée le { $date }
email-placed-total = Total : { $total }
email-placed-payment = Paiement : { $payment }
email-placed-link = Retrouvez-la sur { $link }

## Le statut d'une commande a changé
email-status-subject = Commande { $number } : { $status }
email-status-paid = Nous avons bien reçu votre paiement de { $total }. Nous préparons votre commande.
email-status-fulfilled = Votre commande est emballée et attend le livreur.
email-status-shipped = Votre commande est en route.
email-status-delivered = Votre commande a été livrée. Merci de votre confiance !
email-status-cancelled = Votre commande a été annulée.
email-status-refunded = Nous vous avons remboursé { $refunded } à ce jour.
email-status-link = Commande { $number } chez { $shop } : { $link }

## Invitation d'un membre de l'équipe
email-invite-subject = Votre compte d’équipe { $shop }
email-invite-given = Vous avez reçu l’accès « { $role } » à l’administration de { $shop }.
email-invite-choose =
    { $hours ->
        [one] Choisissez votre mot de passe dans l’heure :
       *[other] Choisissez votre mot de passe dans les { $hours } heures :
    }
email-invite-then = Connectez-vous ensuite sur { $link } et activez la double authentification avec une application d’authentification.
