# Translating the catalog's own content (product and category titles, descriptions, attributes).
# Staff read these in the admin (/admin/translations). { $language } is a language's name in
# itself ("Français", "العربية"), { $title } and { $name } are the catalog's own words.

## The overview: what is left to translate, per language
content-nav = Translations
content-heading = Translations
content-intro = Products and categories are written in the shop's default language ({ $language }). Whatever is not translated is shown in that language.
content-single-language = The shop offers only one language: there is nothing to translate.
content-col-language = Language
content-col-products = Products not translated
content-col-categories = Categories not translated
content-col-fields = Fields missing
content-n-of = { $missing } of { $total }

## One language: what is missing, the products and the categories
content-language-heading = Translations: { $language }
content-missing = What is missing
content-col-what = Fields
content-col-count = Missing
content-gap-product-titles = Product titles
content-gap-product-descriptions = Product descriptions
content-gap-attribute-names = Attribute names
content-gap-attribute-values = Attribute values
content-gap-category-names = Category names
content-gap-category-descriptions = Category descriptions
content-products = Products
content-products-text = Each product under its title in this language, or in the default language while it has none. Archived products are not counted as missing.
content-col-title-translated = Title translated
content-categories = Categories
content-col-category = Category
content-col-translated-name = Translated name
content-fields-missing =
    { $count ->
        [0] complete
        [one] { $n } field missing
       *[other] { $n } fields missing
    }

## One product or category, in every language
content-product-heading = Translations of “{ $title }”
content-category-heading = Translations of the category “{ $name }”
content-item-text = Fields left empty show the default language's content ({ $language }). Left empty, the web address is made from the title's Latin letters, if it has any.
content-open = Translations
content-edit-product = Edit the product
content-state-none = Not translated yet.
content-state-complete = Fully translated.
content-state-partial =
    { $count ->
        [one] { $n } field still in the default language.
       *[other] { $n } fields still in the default language.
    }
content-field-name = Name
content-field-slug = Web address (slug)
content-field-attribute-name = Name of the attribute “{ $attribute }”
content-field-attribute-value = Value of the attribute “{ $attribute }”
content-save = Save this translation
content-delete = Remove this translation
content-saved = Translation saved.
content-deleted = Translation removed: the default language's content is shown in its place.
content-emptied = Every field was empty, so the translation was removed: the default language's content is shown in its place.
content-nothing-to-delete = There was no translation to remove.
content-missing-language = The shop does not offer this language
content-missing-category = Category not found

## What is wrong with a translation (a line is `problem`: "{ $field }: { $problem }")
content-problem-product-slug-taken = “{ $slug }” is already another product's web address
content-problem-category-slug-taken = “{ $slug }” is already another category's web address
content-problem-no-attribute = the product has no attribute of this name any more: reload the page
content-problem-nothing = fill in at least one field
