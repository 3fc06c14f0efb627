# As palavras da loja: cabeçalho, rodapé, início, categorias, produtos, pesquisa e páginas de
# erro. Nomes de produtos e categorias e preços vêm do catálogo.

language-name = Português

## Cabeçalho e rodapé
search-placeholder = Pesquisar produtos
search-button = Pesquisar
currency-label = Moeda
language-label = Idioma
choose-button = OK
crumb-home = Início
footer-prices = Preços em { $currency }
footer-payment = Pagamento na entrega, por transferência bancária, cartão ou dinheiro móvel
data-saver-on = Poupança de dados: ligada
data-saver-off = Poupança de dados: desligada

## Início
home-title = Compre online, pague na entrega
home-heading = Bem-vindo à { $shop }
home-tagline = Artigos do dia a dia e boas promoções, entregues à sua porta.
home-description = { $shop }: telemóveis, moda, mercearia, energia solar e muito mais, com entrega em toda a África. Pague na entrega, com cartão ou dinheiro móvel.
home-new = Novidades

## Categoria
product-count =
    { $count ->
        [one] { $count } artigo
       *[other] { $count } artigos
    }
category-empty = Ainda não há artigos em { $currency } nesta categoria.
category-description = { $category }: { $count } artigos na { $shop }, com entrega em toda a África. { $about }

## Ordenação
sort-relevance = Mais relevantes
sort-newest = Mais recentes
sort-price-asc = Preço: do mais baixo ao mais alto
sort-price-desc = Preço: do mais alto ao mais baixo
sort-title-asc = Nome: de A a Z

## Produto
product-from = Desde { $price }
product-not-sold = Não está à venda em { $currency }. Escolha outra moeda no topo da página.
product-price = Preço
product-sku = Ref.
product-description-from = { $title } desde { $price }. { $about }
stock-in = Em stock
stock-out = Esgotado
stock-few =
    { $count ->
        [one] Só resta { $count }
       *[other] Só restam { $count }
    }
cart-add = Adicionar ao carrinho
cart-add-variant = Adicionar ao carrinho: { $variant }

## Pesquisa
search-all = Todos os artigos
search-title = Pesquisa: { $query }
search-results-for = Resultados para “{ $query }”
search-description =
    { $count ->
        [one] { $count } artigo encontrado na { $shop }.
       *[other] { $count } artigos encontrados na { $shop }.
    }
search-result-count =
    { $count ->
        [one] { $count } resultado
       *[other] { $count } resultados
    }
search-category = Categoria
search-price = Preço
search-availability = Disponibilidade
search-in-stock-only = Só artigos em stock ({ $count })
search-clear = Limpar filtros
search-nothing = Nada encontrado. Tente menos palavras ou palavras mais curtas.

## Páginas de uma lista
pager-previous = ← Anterior
pager-next = Seguinte →
pager-page = Página { $page } de { $pages }

## Páginas de erro
error-bad-link = Esta ligação tem um erro
error-bad-param = Parâmetro incorreto: { $detail }.
error-page-not-found = Página não encontrada
error-product-not-found = Artigo não encontrado
error-category-not-found = Categoria não encontrada
error-not-found = Não encontrado: { $what }
error-gone = Pode ter sido mudado de lugar ou retirado.
error-unavailable-heading = Voltamos já
error-unavailable = A loja está indisponível por momentos. Tente de novo dentro de alguns segundos.
error-failed-heading = Algo correu mal
error-failed = Tente de novo, por favor.
error-back = Voltar à loja
