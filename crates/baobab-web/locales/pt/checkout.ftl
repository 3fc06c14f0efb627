# Carrinho, finalização da compra, pagamento e página da encomenda, e o que a finalização pode
# recusar. Nomes dos artigos, preços e dados bancários da loja vêm do catálogo e das
# definições da loja.

## Carrinho
cart-title = O meu carrinho
cart-item = Artigo
cart-qty = Qtd.
cart-price = Preço
cart-total = Total
cart-sku = Ref.: { $sku }
cart-quantity = Quantidade
cart-update = Atualizar
cart-subtotal = Subtotal { $amount }
cart-checkout = Finalizar compra
cart-empty = O seu carrinho está vazio.
cart-continue = Continuar a comprar
cart-not-sold = não vendido em { $currency }

## Finalizar a compra
checkout-title = Finalizar compra
checkout-address = Morada de entrega
checkout-update-delivery = Ver opções de entrega
checkout-delivery = Entrega
checkout-no-delivery = Não há entregas para este país nesta moeda.
checkout-payment = Pagamento
checkout-coupon = Código de desconto
checkout-coupon-applied = { $code } aplicado
checkout-subtotal = Subtotal { $amount }
checkout-discount = Desconto −{ $amount }
checkout-delivery-cost = Entrega { $amount }
checkout-vat = IVA { $rate }%: { $amount }
checkout-vat-included = IVA { $rate }% incluído: { $amount }
checkout-total = Total { $amount }
checkout-review = Atualizar total
checkout-place = Fazer encomenda

## Opções de entrega (nomes dos métodos da loja de demonstração)
shipping-free = grátis
shipping-free-over = { $price }, grátis acima de { $amount }
shipping-zone-only = só { $zone }
shipping-lagos-express = Lagos expresso (dia seguinte)
shipping-lagos-pickup = Levantamento na nossa loja de Ikeja
shipping-ng-standard = Estafeta para toda a Nigéria (2 a 5 dias)
shipping-nairobi-rider = Estafeta em Nairobi (no próprio dia)
shipping-nairobi-pickup = Levantamento no centro de Nairobi (CBD)
shipping-ke-standard = Estafeta para todo o Quénia (2 a 4 dias)
shipping-gh-standard = Estafeta (2 a 4 dias)
shipping-za-courier = Estafeta (2 a 4 dias)
shipping-intl-courier = Estafeta internacional (5 a 10 dias)

## Formas de pagamento
payment-cash-on-delivery = Pagamento na entrega
payment-bank-transfer = Transferência bancária
payment-paystack = Cartão, banco ou dinheiro móvel (Paystack)
payment-mpesa = M-Pesa
payment-cash-on-delivery-detail = Pague em dinheiro quando receber
payment-bank-transfer-detail =
    { $hours ->
        [one] Transfira para a nossa conta no prazo de { $hours } hora; enviamos quando a transferência chegar
       *[other] Transfira para a nossa conta no prazo de { $hours } horas; enviamos quando a transferência chegar
    }
payment-paystack-detail = Pague já na página segura da Paystack
payment-mpesa-detail = Um pedido aparece no seu telemóvel: introduza o seu PIN M-Pesa
payment-unreachable = Não foi possível contactar { $provider }; tente de novo dentro de um minuto
payment-not-in-time = não foi pago a tempo
payment-charge-failed = a cobrança foi recusada

## A página da encomenda
order-title = Encomenda { $number }
order-placed-on = Feita a { $date }
order-status = Estado:
order-continue-payment = Continuar para o pagamento
order-check-payment = Já paguei — verificar agora
order-pay-now = Pagar agora
order-discount = Desconto ({ $code }) −{ $amount }
order-delivery = Entrega: { $method }, { $amount }
order-vat = IVA { $amount }
order-paid = Obrigado! Recebemos o seu pagamento.
order-is = Esta encomenda está { $status }.
order-mpesa-prompt = Veja o seu telemóvel e introduza o seu PIN M-Pesa para pagar { $amount }. Esta página mostra o resultado assim que a M-Pesa o confirmar.
order-paystack-waiting = Estamos à espera que a Paystack confirme o seu pagamento.
order-payment-failed = O seu pagamento não foi concluído: { $reason }. Pode tentar de novo.
order-pay-to-confirm = A sua encomenda está reservada; pague { $amount } para a confirmar.
order-bank-transfer =
    { $hours ->
        [one] Obrigado! Transfira { $amount } com a referência { $number } no prazo de { $hours } hora para { $bank }; enviamos quando a transferência chegar.
       *[other] Obrigado! Transfira { $amount } com a referência { $number } no prazo de { $hours } horas para { $bank }; enviamos quando a transferência chegar.
    }
order-cash-on-delivery = Obrigado! Pague { $amount } em dinheiro quando a encomenda for entregue.
order-payment-description = Encomenda { $number }

## Estado de uma encomenda
status-pending-payment = a aguardar pagamento
status-paid = paga
status-fulfilled = preparada
status-shipped = enviada
status-delivered = entregue
status-cancelled = cancelada
status-partially-refunded = parcialmente reembolsada
status-refunded = reembolsada

## O que a finalização pode recusar (ver «problem» em account.ftl)
field-coupon = Código de desconto
field-shipping-method = Entrega
field-payment-method = Pagamento
field-lines = Carrinho
field-stock = Stock
problem-no-delivery = não entregamos em { $country } com pagamento em { $currency }
problem-method-region = { $method } só serve { $regions }; escolha outra opção de entrega
problem-coupon-wait = foram tentados demasiados códigos. Tente de novo dentro de { $minutes } min
problem-coupon-refused = o código { $code } não pode ser usado nesta encomenda
problem-coupon-format = de 3 a 32 letras, algarismos, - ou _
problem-payment-choice = escolha uma das formas de pagamento disponíveis
problem-choose-delivery = escolha uma opção de entrega
problem-choose-payment = escolha como quer pagar
problem-reload-checkout = recarregue a página de finalização e tente de novo
problem-reload-order = em falta ou inválido: recarregue a página da encomenda e tente de novo
problem-mpesa-phone = a M-Pesa precisa de um número de telemóvel queniano, p. ex. +254 712 345 678
problem-out-of-stock = não há { $sku } suficiente em stock: reduza a quantidade e tente de novo
problem-not-sold-in = o artigo { $variant } não está à venda em { $currency }
problem-not-for-sale = este artigo não está à venda
problem-not-an-option = não é uma opção deste artigo
problem-not-a-number = tem de ser um número inteiro
problem-lines-count = uma encomenda tem de 1 a { $max } linhas
problem-reference = referência em falta ou demasiado longa

## Páginas de erro
error-order-not-found = Encomenda não encontrada
error-payment-not-found = Pagamento não encontrado
error-cart-not-found = Carrinho não encontrado
