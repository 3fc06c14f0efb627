# Páginas da conta: entrar, registo, palavra-passe esquecida, moradas, encomendas da conta.
# Também o que dizem todos os formulários da loja quando algo enviado está errado, e os
# títulos das páginas de erro que recusam um formulário.

## Entrar
account-login-title = Entrar
account-email = Endereço de e-mail
account-password = Palavra-passe
account-forgot-link = Esqueceu-se da palavra-passe?
account-login-failed = O endereço de e-mail ou a palavra-passe estão errados.

## Registo
account-register-title = Criar uma conta
account-name = Nome
account-password-rule = Palavra-passe (pelo menos { $min } caracteres)
account-register-submit = Criar conta
account-have-account = Já tenho conta: entrar
account-check-email = Consulte o seu e-mail
account-check-email-registered = Enviámos uma mensagem para { $email }. Abra a ligação que ela contém para confirmar o seu endereço e depois entre. Se já tem conta, a mensagem explica como voltar a entrar nela.
account-verified-title = Endereço de e-mail confirmado
account-verified = Obrigado: o seu endereço de e-mail está confirmado.
account-go-to-account = Ir para a minha conta

## Palavra-passe esquecida
account-forgot-title = Repor a palavra-passe
account-forgot-submit = Enviem-me uma ligação
account-forgot-sent =
    { $minutes ->
        [one] Se existir uma conta com esse endereço, enviámos-lhe uma ligação para repor a palavra-passe. Só funciona uma vez, durante { $minutes } minuto.
       *[other] Se existir uma conta com esse endereço, enviámos-lhe uma ligação para repor a palavra-passe. Só funciona uma vez, durante { $minutes } minutos.
    }
account-reset-title = Escolher uma nova palavra-passe
account-new-password-rule = Nova palavra-passe (pelo menos { $min } caracteres)
account-reset-submit = Guardar palavra-passe

## A página da conta
account-title = A minha conta
account-saved = Guardado.
account-confirm-email = Confirme o seu endereço de e-mail: enviámos-lhe uma ligação.
account-phone = Telefone (com o indicativo do país)
account-save = Guardar
account-addresses = Moradas
account-update = Atualizar
account-delete = Eliminar
account-no-addresses = Ainda não há moradas.
account-add-address-heading = Adicionar uma morada
account-add-address = Adicionar morada
account-orders = Encomendas
account-no-orders = Ainda não fez nenhuma encomenda.
account-logout = Sair

## Uma morada de entrega (página da conta e finalização da compra)
address-name = Destinatário
address-line1 = Rua, edifício ou ponto de referência
address-line2 = Mais indicações (opcional)
address-city = Cidade ou localidade
address-region = Província, estado ou região (opcional)
address-postcode = Código postal (se houver)
address-country = Código do país (p. ex. AO, MZ, NG, KE)
address-phone = Telefone para o estafeta (com o indicativo do país)

## O que está errado num formulário ou numa ligação: uma linha por problema, com o campo.
problem = { $field }: { $problem }
field-email = Endereço de e-mail
field-password = Palavra-passe
field-name = Nome
field-phone = Telefone
field-line1 = Morada
field-line2 = Mais indicações
field-city = Cidade
field-region = Região
field-postcode = Código postal
field-country = País
field-token = Ligação
field-csrf = Formulário
field-form = Formulário
field-origin = Origem
field-id = Identificador
field-idempotency-key = Formulário
field-quantity = Quantidade
field-variant = Artigo
field-currency = Moeda
field-page = Página
field-code = Código
field-query = Ligação
problem-not-email = não é um endereço de e-mail
problem-mixed-scripts = mistura letras de alfabetos diferentes; escreva-o num só
problem-too-short = pelo menos { $min } caracteres
problem-too-long = no máximo { $max } caracteres
problem-name = no máximo { $max } caracteres, sem caracteres de controlo
problem-length = de 1 a { $max } caracteres
problem-repeated = não pode ser um só carácter repetido
problem-password-is-email = não pode ser o seu endereço de e-mail
problem-phone-plus = comece por + e o indicativo do país, p. ex. +244 923 123 456
problem-phone-format = não é um número de telefone em formato internacional (E.164)
problem-required = obrigatório
problem-control = não pode conter caracteres de controlo
problem-country-code = indique o código do país com duas letras (ISO 3166-1), p. ex. AO
problem-key-reused = já foi usado noutro pedido; recarregue a página
problem-csrf = expirado ou incompleto: recarregue a página e tente de novo
problem-form-unreadable = não foi possível ler
problem-form-too-large = demasiado grande
problem-origin = o pedido tem de vir desta loja
problem-bad-id = não é válido
problem-token-verify = ligação inválida, expirada ou já usada — entre na conta para receber outra
problem-token-bad = ligação inválida — peça outra
problem-token-reset = ligação inválida, expirada ou já usada — peça outra
problem-range = tem de estar entre { $min } e { $max }
problem-not-whole-number = «{ $value }» não é um número inteiro
problem-one-of = escolha entre { $valid }
problem-currency = «{ $value }» não é uma moeda aceite por esta loja

## Páginas de erro que recusam o que foi enviado
error-refused-heading = Este formulário expirou
error-too-large-heading = Demasiados dados enviados de uma vez
error-invalid-heading = Há algo no formulário a rever
error-too-many-heading = Demasiadas tentativas
error-too-many =
    { $seconds ->
        [one] Aguarde { $seconds } segundo antes de tentar de novo.
       *[other] Aguarde { $seconds } segundos antes de tentar de novo.
    }
error-too-many-minutes =
    { $minutes ->
        [one] Aguarde { $minutes } minuto antes de tentar de novo.
       *[other] Aguarde { $minutes } minutos antes de tentar de novo.
    }
error-address-not-found = Morada não encontrada
