# Translating the catalog's own content (product and category titles, descriptions, attributes).
# Staff read these in the admin (/admin/translations).

## The overview: what is left to translate, per language
content-nav = Traductions
content-heading = Traductions
content-intro = Les produits et les rayons sont rédigés dans la langue par défaut de la boutique ({ $language }). Tout ce qui n’est pas traduit s’affiche dans cette langue.
content-single-language = La boutique ne propose qu’une seule langue : il n’y a rien à traduire.
content-col-language = Langue
content-col-products = Produits non traduits
content-col-categories = Rayons non traduits
content-col-fields = Champs manquants
content-n-of = { $missing } sur { $total }

## One language: what is missing, the products and the categories
content-language-heading = Traductions : { $language }
content-missing = Ce qui reste à traduire
content-col-what = Champs
content-col-count = Manquants
content-gap-product-titles = Titres des produits
content-gap-product-descriptions = Descriptions des produits
content-gap-attribute-names = Noms des caractéristiques
content-gap-attribute-values = Valeurs des caractéristiques
content-gap-category-names = Noms des rayons
content-gap-category-descriptions = Descriptions des rayons
content-products = Produits
content-products-text = Chaque produit apparaît sous son titre dans cette langue, ou dans la langue par défaut tant qu’il n’est pas traduit. Les produits archivés ne sont pas comptés parmi les manquants.
content-col-title-translated = Titre traduit
content-categories = Rayons
content-col-category = Rayon
content-col-translated-name = Nom traduit
content-fields-missing =
    { $count ->
        [0] complet
        [one] { $n } champ manquant
       *[other] { $n } champs manquants
    }

## One product or category, in every language
content-product-heading = Traductions de « { $title } »
content-category-heading = Traductions du rayon « { $name } »
content-item-text = Les champs laissés vides affichent le contenu de la langue par défaut ({ $language }). Laissée vide, l’adresse web est formée à partir des lettres latines du titre, s’il en contient.
content-open = Traductions
content-edit-product = Modifier le produit
content-state-none = Pas encore traduit.
content-state-complete = Entièrement traduit.
content-state-partial =
    { $count ->
        [one] { $n } champ encore dans la langue par défaut.
       *[other] { $n } champs encore dans la langue par défaut.
    }
content-field-name = Nom
content-field-slug = Adresse web (identifiant d’URL)
content-field-attribute-name = Nom de la caractéristique « { $attribute } »
content-field-attribute-value = Valeur de la caractéristique « { $attribute } »
content-save = Enregistrer cette traduction
content-delete = Supprimer cette traduction
content-saved = Traduction enregistrée.
content-deleted = Traduction supprimée : le contenu de la langue par défaut s’affiche à sa place.
content-emptied = Tous les champs étaient vides : la traduction a été supprimée et le contenu de la langue par défaut s’affiche à sa place.
content-nothing-to-delete = Il n’y avait aucune traduction à supprimer.
content-missing-language = La boutique ne propose pas cette langue
content-missing-category = Rayon introuvable

## What is wrong with a translation (a line is `problem`: "{ $field } : { $problem }")
content-problem-product-slug-taken = « { $slug } » est déjà l’adresse d’un autre produit
content-problem-category-slug-taken = « { $slug } » est déjà l’adresse d’un autre rayon
content-problem-no-attribute = le produit n’a plus de caractéristique de ce nom : rechargez la page
content-problem-nothing = remplissez au moins un champ
