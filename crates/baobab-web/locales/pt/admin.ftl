# A administração da loja: todas as palavras que a equipa lê nas páginas de administração.
# As linhas de erro nomeiam o campo por extenso (admin-field-*).

## Moldura
admin-nav-label = Administração
admin-nav-dashboard = Painel
admin-nav-products = Produtos
admin-nav-import = Importar e exportar
admin-nav-orders = Encomendas
admin-nav-coupons = Cupões
admin-nav-customers = Clientes
admin-nav-staff = Equipa
admin-nav-tokens = Tokens da API
admin-nav-audit = Registo de auditoria
admin-log-out = Terminar sessão
admin-list-separator = { ", " }
admin-nothing-yet = Ainda não há nada.
admin-save = Guardar
admin-saved = Guardado.
admin-upload = Carregar
admin-yes = sim
admin-no = não
admin-denied-not-staff = não tem acesso à administração
admin-denied-role = não permite abrir esta página
admin-missing-product = Produto não encontrado
admin-missing-order = Encomenda não encontrada
admin-missing-customer = Cliente não encontrado
admin-missing-staff = Membro da equipa não encontrado
admin-missing-token = Token não encontrado

## Cabeçalhos das colunas
admin-col-id = N.º
admin-col-title = Título
admin-col-status = Estado
admin-col-price-from = Desde
admin-col-sku = Referência
admin-col-options = Opções
admin-col-prices = Preços
admin-col-stock = Stock
admin-col-in-stock = Em stock
admin-col-alt = Texto alternativo
admin-col-position = Posição
admin-col-size = Dimensões
admin-col-product = Produto
admin-col-currency = Moeda
admin-col-orders = Encomendas
admin-col-revenue = Receita
admin-col-order = Encomenda
admin-col-reference = Referência
admin-col-provider = Prestador
admin-col-amount = Montante
admin-col-why = Motivo
admin-col-email = E-mail
admin-col-total = Total
admin-col-placed = Feita em (UTC)
admin-col-item = Artigo
admin-col-qty = Qtd.
admin-col-detail = Detalhe
admin-col-started = Iniciado em (UTC)
admin-col-when = Data (UTC)
admin-col-status-from = De
admin-col-status-to = Para
admin-col-by = Por
admin-col-note = Nota
admin-col-code = Código
admin-col-off = Desconto
admin-col-minimum = Mínimo
admin-col-last-day = Último dia
admin-col-used = Utilizações
admin-col-active = Ativo
admin-col-name = Nome
admin-col-verified = Verificado
admin-col-role = Função
admin-col-two-factor = Autenticação de dois fatores
admin-col-created = Criado em
admin-col-event = Evento
admin-col-subject = Objeto
admin-col-ip = IP
admin-col-row = Linha
admin-col-column = Coluna
admin-col-problem = Problema
admin-col-warning = Aviso
admin-col-created-count = Criados
admin-col-updated-count = Atualizados

## Painel
admin-dash-today = Hoje (UTC)
admin-dash-on-sale =
    { $count ->
        [one] { $n } produto à venda.
       *[other] { $n } produtos à venda.
    }
admin-dash-review = Pagamentos a rever
admin-dash-review-text = Dinheiro que chegou mas não pôde ser aplicado (depois de a encomenda expirar, outro montante, um segundo pagamento): devolva-o através do prestador ou regularize a encomenda manualmente.
admin-dash-low-stock = Stock baixo ({ $n } ou menos)

## Produtos
admin-products-heading = Produtos (preços em { $currency })
admin-product-new = Novo produto
admin-product-create = Criar produto
admin-product-on-shop = Na loja em { $path }
admin-product-variants = Variantes
admin-product-images = Imagens
admin-image-add = Adicionar uma imagem
admin-image-add-text = JPEG, PNG ou WebP. Os tamanhos para cada ecrã são criados de uma só vez.
admin-label-title = Título
admin-label-description = Descrição
admin-label-category = Categoria
admin-label-status = Estado
admin-label-sku = Referência (SKU)
admin-label-price = Preço
admin-label-price-example = Preço (p. ex. 12500.00)
admin-label-stock = Em stock
admin-label-image = Imagem
admin-label-alt = Texto alternativo (o que a imagem mostra)
admin-category-none = — nenhuma —
admin-status-draft = rascunho
admin-status-active = ativo
admin-status-archived = arquivado
admin-error-price = Preço: «{ $value }» não é um montante em { $currency }
admin-error-stock = Stock: tem de ser um número inteiro
admin-error-status = Estado: escolha rascunho, ativo ou arquivado
admin-error-category = Categoria: esta categoria não existe
admin-error-image-missing = Ficheiro: escolha uma imagem para carregar
admin-error-image-type = Ficheiro: não é uma imagem JPEG, PNG ou WebP
admin-error-file-large = Ficheiro: o ficheiro é demasiado grande
admin-error-not-multipart = Ficheiro: envie o formulário como multipart/form-data

## Encomendas
admin-orders-export = Exportação para a contabilidade
admin-orders-export-text = Uma linha por artigo encomendado, com os totais da encomenda, em CSV. Os dias são em UTC; deixe ambos vazios para todas as encomendas.
admin-label-from-day = De (primeiro dia)
admin-label-to-day = Até (último dia)
admin-orders-download = Descarregar encomendas (CSV)
admin-order-pending-payment = a aguardar pagamento
admin-order-paid = paga
admin-order-fulfilled = preparada
admin-order-shipped = enviada
admin-order-delivered = entregue
admin-order-cancelled = cancelada
admin-order-partially-refunded = reembolsada em parte
admin-order-refunded = reembolsada
admin-payment-pending = em curso
admin-payment-succeeded = concluído
admin-payment-failed = falhado
admin-payment-needs-review = a rever
admin-pay-cash-on-delivery = pagamento na entrega
admin-pay-bank-transfer = transferência bancária
admin-pay-paystack = Paystack
admin-pay-mpesa = M-Pesa
admin-step-pay = Marcar como paga
admin-step-fulfil = Marcar como preparada
admin-step-ship = Marcar como enviada
admin-step-deliver = Marcar como entregue
admin-step-cancel = Cancelar encomenda
admin-order-summary = { $email } · { $status } · { $total } · paga por { $method }
admin-order-refunded-so-far = Reembolsado até agora: { $amount }
admin-order-delivery = Entrega
admin-order-delivery-text = { $method } ({ $shipping }) · IVA { $tax } · { $address }
admin-order-coupon = { $text } · cupão { $code } (−{ $discount })
admin-order-no-method = sem modo de entrega
admin-order-payments = Pagamentos
admin-order-review = Há um pagamento a rever: chegou dinheiro que não foi aplicado à encomenda (ver o detalhe). Devolva-o através do prestador ou regularize manualmente.
admin-order-history = Histórico
admin-label-note = Nota (opcional)
admin-order-refund = Reembolso
admin-label-amount = Montante
admin-label-reason = Motivo
admin-order-record-refund = Registar reembolso
admin-bad-order-status = não é um estado de encomenda
admin-error-amount = Montante: «{ $value }» não é um montante em { $currency }
admin-error-event = Passo: não é um passo de encomenda
admin-error-note = Nota: no máximo { $max } caracteres
admin-error-step = Estado: a encomenda está { $status }, por isso «{ $step }» não é possível
admin-error-refund-too-much = Montante: { $amount } é mais do que falta reembolsar ({ $remaining })

## Cupões
admin-coupon-new = Novo cupão
admin-coupon-create = Criar cupão
admin-coupon-switch = Ativar ou desativar um cupão
admin-coupon-any = qualquer
admin-coupon-used-of = { $used } de { $limit }
admin-coupon-percent-off = { $value } %
admin-coupon-kind-percent = Percentagem de desconto
admin-coupon-kind-fixed = Montante de desconto
admin-label-coupon-code = Código (letras, algarismos, - ou _)
admin-label-kind = Tipo
admin-label-value = Percentagem ou montante
admin-label-coupon-currency = Moeda (necessária para um montante ou um mínimo; vazia = qualquer)
admin-label-minimum = Encomenda mínima (opcional)
admin-label-expires = Último dia (AAAA-MM-DD, opcional)
admin-label-usage-limit = Limite de utilizações (opcional)
admin-label-code = Código
admin-label-active = Ativo
admin-error-percent = Valor: «{ $value }» não é uma percentagem como 10 ou 12.5
admin-error-currency-for-amount = Moeda: é necessária para um montante de desconto
admin-error-value-amount = Valor: «{ $value }» não é um montante
admin-error-kind = Tipo: escolha percentagem ou montante
admin-error-minimum = Mínimo: «{ $value }» não é um montante em { $currency }
admin-error-currency-for-minimum = Moeda: é necessária para uma encomenda mínima
admin-error-expires = Último dia: «{ $value }» não é uma data como 2026-12-31
admin-error-usage-limit = Limite de utilizações: «{ $value }» não é um número inteiro
admin-error-active = Ativo: escolha sim ou não
admin-error-no-coupon = Cupão: não existe o cupão «{ $code }»

## Clientes e equipa
admin-customer-active = ativo
admin-customer-disabled = desativado
admin-two-factor-on = ativada
admin-two-factor-not-yet = ainda não
admin-role-owner = proprietário
admin-role-catalog-manager = gestão do catálogo
admin-role-order-manager = gestão de encomendas
admin-role-support = apoio ao cliente
admin-staff-add = Adicionar um membro da equipa
admin-staff-add-text = Receberá um e-mail com uma ligação para escolher uma palavra-passe e, depois, configurará a autenticação de dois fatores.
admin-label-email = E-mail
admin-label-role = Função
admin-staff-invite = Convidar
admin-staff-role-of = Função de { $email }
admin-staff-change-role = Mudar de função
admin-staff-invited = Convite enviado para { $email }.
admin-staff-role-changed = { $email } tem agora a função: { $role }.
admin-error-role = Função: escolha uma das funções da lista
admin-error-own-role = Função: não pode mudar a sua própria função

## Tokens da API
admin-token-role-catalog = catálogo
admin-token-role-orders = encomendas
admin-token-live = válido
admin-token-revoked-on = revogado em { $date }
admin-token-new = Novo token: copie-o agora, não voltará a ser mostrado
admin-token-create-title = Criar um token
admin-label-token-name = Nome (quem o utiliza)
admin-token-create = Criar
admin-token-revoke-title = Revogar «{ $name }»
admin-token-revoke = Revogar
admin-token-revoked = Token revogado.

## Autenticação de dois fatores
admin-2fa-code = Código de 6 algarismos da sua aplicação de autenticação
admin-2fa-setup-heading = Configurar a autenticação de dois fatores
admin-2fa-setup-text = Adicione esta chave a uma aplicação de autenticação (escreva-a, ou abra a ligação otpauth no telemóvel) e introduza o código que ela mostrar.
admin-2fa-link = Ligação otpauth
admin-2fa-turn-on = Ativar a autenticação de dois fatores
admin-2fa-heading = Autenticação de dois fatores
admin-2fa-continue = Continuar
admin-2fa-too-many = Demasiadas tentativas. Tente de novo dentro de { $seconds } s.
admin-2fa-not-set-up = A autenticação de dois fatores não está configurada.
admin-2fa-wrong = Este código não está certo. Verifique a hora do telemóvel e experimente o código novo.
admin-2fa-replayed = Este código já foi usado. Aguarde pelo seguinte.

## Importar e exportar
admin-import-title = Importar produtos
admin-import-text = Um ficheiro CSV de produtos exportado do Shopify ou do WooCommerce (ou desta loja), até { $mb } MB. Primeiro é verificado: cada problema é indicado com a linha e a coluna, e nada é guardado enquanto houver algum. Os produtos que já estão na loja são encontrados pelo identificador do URL e depois pela referência, e atualizados, nunca duplicados. As imagens têm de ser endereços https:// em servidores públicos; os nomes de ficheiros de imagem só funcionam no servidor (baobab import products --images PASTA).
admin-label-csv-file = Ficheiro CSV de produtos
admin-label-format = Formato
admin-label-currency-prices = Moeda dos preços
admin-label-tags = As etiquetas passam a ser
admin-label-dry-run = Só verificar (ensaio): não guardar nada
admin-import-format-auto = Deduzir pelas colunas
admin-import-format-shopify = CSV de produtos do Shopify
admin-import-format-woocommerce = CSV de produtos do WooCommerce
admin-import-tags-attributes = Atributos (Material:Algodão)
admin-import-tags-category = A primeira etiqueta é a categoria
admin-export-title = Exportar produtos
admin-export-text = Todos os produtos, incluindo rascunhos e arquivados, nas colunas do CSV de produtos do Shopify, com os preços numa moeda. O ficheiro pode voltar a ser importado aqui.
admin-export-download = Descarregar produtos (CSV)
admin-currency-option = { $code } — { $name }
admin-currency-ngn = naira nigeriana
admin-currency-kes = xelim queniano
admin-currency-zar = rand sul-africano
admin-currency-ghs = cedi ganês
admin-currency-egp = libra egípcia
admin-currency-usd = dólar dos Estados Unidos
admin-currency-xof = franco CFA (BCEAO)
admin-currency-xaf = franco CFA (BEAC)
admin-currency-ugx = xelim ugandês
admin-currency-tzs = xelim tanzaniano
admin-currency-rwf = franco ruandês
admin-currency-etb = birr etíope
admin-error-format = Formato: escolha auto, shopify ou woocommerce
admin-error-tags = Etiquetas: escolha atributos ou categoria
admin-error-import-too-large = Ficheiro: tem mais de { $mb } MB; divida-o em ficheiros mais pequenos ou importe-o no servidor com baobab import products
admin-error-import-no-file = Ficheiro: escolha um ficheiro CSV de produtos para carregar (não foi enviado nenhum, ou estava vazio)
admin-import-refused = nada foi importado: { $problem }
admin-import-nothing = Nada foi importado
admin-import-has-problems = Nada foi importado: o ficheiro tem { $problems }. Corrija-os no ficheiro e carregue-o de novo.
admin-import-empty = Nada foi importado: o ficheiro não tem produtos (só uma linha de cabeçalho?).
admin-import-done-heading = Produtos importados
admin-import-done = Importação concluída: { $products }, { $products_updated } atualizados; { $variants }, { $variants_updated } atualizadas; { $categories }; { $images }.
admin-import-checked-heading = O ficheiro pode ser importado
admin-import-checked = Só verificação: sem problemas, e nada foi guardado. Para o importar, escolha de novo o ficheiro e desmarque «Só verificar».
admin-import-the-file = O ficheiro
admin-import-holds-title = O que o ficheiro contém
admin-import-holds = { $name }: formato { $format }, { $encoding }; { $rows } com o cabeçalho; { $counts }.
admin-import-unknown-format = desconhecido
admin-import-unknown-encoding = codificação desconhecida
admin-import-passed =
    { $count ->
        [one] { $n } produto passou nas verificações
       *[other] { $n } produtos passaram nas verificações
    }
admin-import-problems-title = Problemas ({ $n })
admin-import-rows-note = As linhas estão numeradas como numa folha de cálculo: o cabeçalho é a linha 1.
admin-import-first-listed = São mostrados os primeiros { $shown } de { $total }.
admin-import-images-note = Num ficheiro carregado, as imagens têm de ser endereços https:// em servidores públicos: a loja vai buscá-las ela própria. Os nomes de ficheiros de imagem só funcionam no servidor, com baobab import products --images PASTA.
admin-import-warnings-title = Avisos ({ $n })
admin-import-warnings-note = Corrigidos ou ignorados; não impediram a importação.
admin-import-done-title = Concluído
admin-import-images = Imagens: { $added } adicionadas, { $there } já existentes.
admin-row-products = Produtos
admin-row-variants = Variantes
admin-row-categories = Categorias
admin-n-problems =
    { $count ->
        [one] { $n } problema
       *[other] { $n } problemas
    }
admin-n-products =
    { $count ->
        [one] { $n } produto
       *[other] { $n } produtos
    }
admin-n-variants =
    { $count ->
        [one] { $n } variante
       *[other] { $n } variantes
    }
admin-n-images =
    { $count ->
        [one] { $n } imagem
       *[other] { $n } imagens
    }
admin-n-rows =
    { $count ->
        [one] { $n } linha
       *[other] { $n } linhas
    }
admin-n-products-created =
    { $count ->
        [one] { $n } produto criado
       *[other] { $n } produtos criados
    }
admin-n-variants-created =
    { $count ->
        [one] { $n } variante criada
       *[other] { $n } variantes criadas
    }
admin-n-categories-created =
    { $count ->
        [one] { $n } categoria criada
       *[other] { $n } categorias criadas
    }
admin-n-images-added =
    { $count ->
        [one] { $n } imagem adicionada
       *[other] { $n } imagens adicionadas
    }
admin-bad-date = «{ $value }» não é uma data como 2026-01-31
admin-bad-date-order = { $to } é anterior a { $from }
admin-bad-currency-code = «{ $value }» não é um código de moeda ISO 4217 (três maiúsculas, p. ex. NGN)
admin-bad-currency-unsupported = a moeda «{ $value }» não é suportada (moedas suportadas: { $list })

## Os campos, como as linhas de erro os nomeiam
admin-field-title = Título
admin-field-description = Descrição
admin-field-sku = Referência
admin-field-slug = Identificador do URL
admin-field-price = Preço
admin-field-stock = Stock
admin-field-status = Estado
admin-field-category = Categoria
admin-field-alt = Texto alternativo
admin-field-file = Ficheiro
admin-field-form = Formulário
admin-field-coupon = Cupão
admin-field-code = Código
admin-field-percent = Percentagem
admin-field-amount = Montante
admin-field-value = Valor
admin-field-currency = Moeda
admin-field-minimum = Mínimo
admin-field-expires = Último dia
admin-field-usage-limit = Limite de utilizações
admin-field-kind = Tipo
admin-field-active = Ativo
admin-field-email = E-mail
admin-field-role = Função
admin-field-name = Nome
admin-field-note = Nota
admin-field-event = Passo
admin-field-format = Formato
admin-field-tags = Etiquetas
admin-field-from = De
admin-field-to = Até
admin-field-account = Conta
admin-field-position = Posição
admin-field-options = Opções
admin-field-variants = Variantes

## O que está mal num campo (as regras do domínio)
admin-problem-empty = não pode estar vazio
admin-problem-sku = só letras, algarismos, «.», «_» e «-»
admin-problem-slug = só minúsculas a-z, algarismos e hífenes simples entre eles
admin-problem-percent = tem de ser maior do que 0 e no máximo 100
admin-problem-positive = tem de ser maior do que 0
admin-problem-negative = não pode ser negativo
admin-problem-usage-limit = pelo menos 1 (deixe vazio para não limitar)
admin-problem-at-most = no máximo { $max }
admin-problem-taken = este valor já está a ser usado
admin-problem-coupon-exists = já existe um cupão com este código
admin-problem-email-taken = já existe uma conta com este endereço
admin-problem-changed = a encomenda mudou entretanto; recarregue a página e tente de novo
