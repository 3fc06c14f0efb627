# Les mots de la boutique : en-tête, pied de page, accueil, rayons, fiches produit, recherche,
# pages d'erreur. Noms de produits, de rayons et prix viennent du catalogue.

language-name = Français

## En-tête et pied de page
search-placeholder = Rechercher un produit
search-button = Rechercher
currency-label = Devise
language-label = Langue
choose-button = OK
crumb-home = Accueil
footer-prices = Prix en { $currency }
footer-payment = Paiement à la livraison, par virement, par carte ou par Mobile Money
data-saver-on = Économie de données : activée
data-saver-off = Économie de données : désactivée

## Accueil
home-title = Achetez en ligne, payez à la livraison
home-heading = Bienvenue chez { $shop }
home-tagline = L’essentiel du quotidien et de bonnes affaires, livrés chez vous.
home-description = { $shop } : téléphones, mode, épicerie, solaire et bien plus, livrés partout en Afrique. Payez à la livraison, par carte ou par Mobile Money.
home-new = Nouveautés

## Rayon
product-count =
    { $count ->
        [one] { $count } article
       *[other] { $count } articles
    }
category-empty = Aucun article disponible en { $currency } pour le moment.
category-description = { $category } : { $count } articles chez { $shop }, livrés partout en Afrique. { $about }

## Tri
sort-relevance = Pertinence
sort-newest = Les plus récents
sort-price-asc = Prix croissant
sort-price-desc = Prix décroissant
sort-title-asc = Nom de A à Z

## Fiche produit
product-from = À partir de { $price }
product-not-sold = Pas vendu en { $currency }. Choisissez une autre devise en haut de la page.
product-price = Prix
product-sku = Réf.
product-description-from = { $title } à partir de { $price }. { $about }
stock-in = En stock
stock-out = Rupture de stock
stock-few =
    { $count ->
        [one] Plus que { $count } en stock
       *[other] Plus que { $count } en stock
    }
cart-add = Ajouter au panier
cart-add-variant = Ajouter au panier : { $variant }

## Recherche
search-all = Tous les articles
search-title = Recherche : { $query }
search-results-for = Résultats pour « { $query } »
search-description =
    { $count ->
        [one] { $count } article trouvé chez { $shop }.
       *[other] { $count } articles trouvés chez { $shop }.
    }
search-result-count =
    { $count ->
        [one] { $count } résultat
       *[other] { $count } résultats
    }
search-category = Rayon
search-price = Prix
search-availability = Disponibilité
search-in-stock-only = En stock uniquement ({ $count })
search-clear = Effacer les filtres
search-nothing = Aucun résultat. Essayez avec moins de mots, ou des mots plus courts.

## Pages d'une liste
pager-previous = ← Précédent
pager-next = Suivant →
pager-page = Page { $page } sur { $pages }

## Pages d'erreur
error-bad-link = Ce lien comporte une erreur
error-bad-param = Paramètre incorrect : { $detail }.
error-page-not-found = Page introuvable
error-product-not-found = Article introuvable
error-category-not-found = Rayon introuvable
error-not-found = Introuvable : { $what }
error-gone = Il a peut-être été déplacé ou retiré.
error-unavailable-heading = Nous revenons tout de suite
error-unavailable = La boutique est momentanément indisponible. Réessayez dans quelques secondes.
error-failed-heading = Un problème est survenu
error-failed = Veuillez réessayer.
error-back = Retour à la boutique
