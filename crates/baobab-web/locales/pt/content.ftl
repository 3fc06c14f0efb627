# Translating the catalog's own content (product and category titles, descriptions, attributes).
# Staff read these in the admin (/admin/translations).

## The overview: what is left to translate, per language
content-nav = Traduções
content-heading = Traduções
content-intro = Os produtos e as categorias são escritos na língua predefinida da loja ({ $language }). Tudo o que não estiver traduzido é mostrado nessa língua.
content-single-language = A loja só oferece uma língua: não há nada para traduzir.
content-col-language = Língua
content-col-products = Produtos por traduzir
content-col-categories = Categorias por traduzir
content-col-fields = Campos em falta
content-n-of = { $missing } de { $total }

## One language: what is missing, the products and the categories
content-language-heading = Traduções: { $language }
content-missing = O que falta traduzir
content-col-what = Campos
content-col-count = Em falta
content-gap-product-titles = Títulos dos produtos
content-gap-product-descriptions = Descrições dos produtos
content-gap-attribute-names = Nomes dos atributos
content-gap-attribute-values = Valores dos atributos
content-gap-category-names = Nomes das categorias
content-gap-category-descriptions = Descrições das categorias
content-products = Produtos
content-products-text = Cada produto aparece com o título nesta língua ou, enquanto não estiver traduzido, com o da língua predefinida. Os produtos arquivados não contam como em falta.
content-col-title-translated = Título traduzido
content-categories = Categorias
content-col-category = Categoria
content-col-translated-name = Nome traduzido
content-fields-missing =
    { $count ->
        [0] completo
        [one] { $n } campo em falta
       *[other] { $n } campos em falta
    }

## One product or category, in every language
content-product-heading = Traduções de «{ $title }»
content-category-heading = Traduções da categoria «{ $name }»
content-item-text = Os campos deixados em branco mostram o conteúdo da língua predefinida ({ $language }). Se ficar em branco, o endereço web é formado a partir das letras latinas do título, caso as tenha.
content-open = Traduções
content-edit-product = Editar o produto
content-state-none = Ainda não traduzido.
content-state-complete = Totalmente traduzido.
content-state-partial =
    { $count ->
        [one] { $n } campo ainda na língua predefinida.
       *[other] { $n } campos ainda na língua predefinida.
    }
content-field-name = Nome
content-field-slug = Endereço web (identificador do URL)
content-field-attribute-name = Nome do atributo «{ $attribute }»
content-field-attribute-value = Valor do atributo «{ $attribute }»
content-save = Guardar esta tradução
content-delete = Eliminar esta tradução
content-saved = Tradução guardada.
content-deleted = Tradução eliminada: o conteúdo da língua predefinida é mostrado no seu lugar.
content-emptied = Todos os campos estavam em branco, por isso a tradução foi eliminada: o conteúdo da língua predefinida é mostrado no seu lugar.
content-nothing-to-delete = Não havia nenhuma tradução para eliminar.
content-missing-language = A loja não oferece esta língua
content-missing-category = Categoria não encontrada

## What is wrong with a translation (a line is `problem`: "{ $field }: { $problem }")
content-problem-product-slug-taken = «{ $slug }» já é o endereço de outro produto
content-problem-category-slug-taken = «{ $slug }» já é o endereço de outra categoria
content-problem-no-attribute = o produto já não tem nenhum atributo com este nome: recarregue a página
content-problem-nothing = preencha pelo menos um campo
