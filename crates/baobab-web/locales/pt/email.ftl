# E-mails para clientes e equipa: o assunto, depois o texto linha a linha. As ligações e os
# montantes chegam como argumentos.

## Confirmar um endereço de e-mail
email-verify-subject = Confirme o seu endereço de e-mail na { $shop }
email-verify-welcome = Bem-vindo à { $shop }!
email-verify-open =
    { $hours ->
        [one] Confirme o seu endereço de e-mail abrindo esta ligação no prazo de { $hours } hora:
       *[other] Confirme o seu endereço de e-mail abrindo esta ligação no prazo de { $hours } horas:
    }
email-verify-then = Depois, entre em { $link }.
email-verify-not-you = Se não criou nenhuma conta, ignore esta mensagem.

## Registo com um endereço que já tem conta
email-exists-subject = A sua conta na { $shop }
email-exists-body = Alguém tentou criar uma conta na { $shop } com este endereço de e-mail, que já tem uma.
email-exists-you = Se foi você: entre em { $login }, ou escolha uma nova palavra-passe em { $forgot }.
email-exists-not-you = Se não foi você, ignore esta mensagem: nada mudou.

## Repor uma palavra-passe
email-reset-subject = Reponha a sua palavra-passe
email-reset-asked = Alguém pediu para repor a palavra-passe da sua conta na { $shop }.
email-reset-open =
    { $minutes ->
        [one] Abra esta ligação no prazo de { $minutes } minuto para escolher uma nova:
       *[other] Abra esta ligação no prazo de { $minutes } minutos para escolher uma nova:
    }
email-reset-not-you = Se não foi você, ignore esta mensagem: a sua palavra-passe não mudou.

## Uma encomenda feita
email-placed-subject = A sua encomenda { $number }
email-placed-thanks = Obrigado pela sua encomenda { $number } na { $shop }.
email-placed-date = Feita a { $date }
email-placed-total = Total: { $total }
email-placed-payment = Pagamento: { $payment }
email-placed-link = Veja-a em { $link }

## O estado de uma encomenda mudou
email-status-subject = Encomenda { $number }: { $status }
email-status-paid = Recebemos o seu pagamento de { $total }. Estamos a preparar a sua encomenda.
email-status-fulfilled = A sua encomenda está embalada e à espera do estafeta.
email-status-shipped = A sua encomenda está a caminho.
email-status-delivered = A sua encomenda foi entregue. Obrigado por comprar connosco!
email-status-cancelled = A sua encomenda foi cancelada.
email-status-refunded = Até agora reembolsámos { $refunded }.
email-status-link = Encomenda { $number } na { $shop }: { $link }

## Convite a um membro da equipa
email-invite-subject = A sua conta de equipa na { $shop }
email-invite-given = Recebeu acesso «{ $role }» à administração da { $shop }.
email-invite-choose =
    { $hours ->
        [one] Escolha a sua palavra-passe no prazo de { $hours } hora:
       *[other] Escolha a sua palavra-passe no prazo de { $hours } horas:
    }
email-invite-then = Depois, entre em { $link } e configure a autenticação de dois fatores com uma aplicação de autenticação.
