# Translating the catalog's own content (product and category titles, descriptions, attributes).
# Staff read these in the admin (/admin/translations).

## The overview: what is left to translate, per language
content-nav = Tafsiri
content-heading = Tafsiri
content-intro = Bidhaa na makundi huandikwa kwa lugha ya msingi ya duka ({ $language }). Chochote ambacho hakijatafsiriwa huonyeshwa kwa lugha hiyo.
content-single-language = Duka linatoa lugha moja tu: hakuna cha kutafsiri.
content-col-language = Lugha
content-col-products = Bidhaa ambazo hazijatafsiriwa
content-col-categories = Makundi ambayo hayajatafsiriwa
content-col-fields = Sehemu zinazokosekana
content-n-of = { $missing } kati ya { $total }

## One language: what is missing, the products and the categories
content-language-heading = Tafsiri: { $language }
content-missing = Kinachobaki kutafsiriwa
content-col-what = Sehemu
content-col-count = Zinazokosekana
content-gap-product-titles = Majina ya bidhaa
content-gap-product-descriptions = Maelezo ya bidhaa
content-gap-attribute-names = Majina ya sifa
content-gap-attribute-values = Thamani za sifa
content-gap-category-names = Majina ya makundi
content-gap-category-descriptions = Maelezo ya makundi
content-products = Bidhaa
content-products-text = Kila bidhaa inaonyeshwa kwa jina lake katika lugha hii, au kwa lugha ya msingi hadi itakapotafsiriwa. Bidhaa zilizowekwa kando hazihesabiwi kuwa zinakosekana.
content-col-title-translated = Jina limetafsiriwa
content-categories = Makundi
content-col-category = Kundi
content-col-translated-name = Jina lililotafsiriwa
content-fields-missing =
    { $count ->
        [0] imekamilika
        [one] sehemu { $n } inakosekana
       *[other] sehemu { $n } zinakosekana
    }

## One product or category, in every language
content-product-heading = Tafsiri za “{ $title }”
content-category-heading = Tafsiri za kundi “{ $name }”
content-item-text = Sehemu zilizoachwa wazi zinaonyesha maudhui ya lugha ya msingi ({ $language }). Anwani ya wavuti ikiachwa wazi, huundwa kutokana na herufi za Kilatini zilizo katika jina, ikiwa zipo.
content-open = Tafsiri
content-edit-product = Hariri bidhaa
content-state-none = Bado haijatafsiriwa.
content-state-complete = Imetafsiriwa kikamilifu.
content-state-partial =
    { $count ->
        [one] Sehemu { $n } bado iko katika lugha ya msingi.
       *[other] Sehemu { $n } bado ziko katika lugha ya msingi.
    }
content-field-name = Jina
content-field-slug = Anwani ya wavuti (kitambulisho cha URL)
content-field-attribute-name = Jina la sifa “{ $attribute }”
content-field-attribute-value = Thamani ya sifa “{ $attribute }”
content-save = Hifadhi tafsiri hii
content-delete = Futa tafsiri hii
content-saved = Tafsiri imehifadhiwa.
content-deleted = Tafsiri imefutwa: maudhui ya lugha ya msingi yanaonyeshwa badala yake.
content-emptied = Sehemu zote zilikuwa wazi, kwa hiyo tafsiri imefutwa: maudhui ya lugha ya msingi yanaonyeshwa badala yake.
content-nothing-to-delete = Hapakuwa na tafsiri ya kufuta.
content-missing-language = Duka halitoi lugha hii
content-missing-category = Kundi halipatikani

## What is wrong with a translation (a line is `problem`: "{ $field }: { $problem }")
content-problem-product-slug-taken = “{ $slug }” tayari ni anwani ya bidhaa nyingine
content-problem-category-slug-taken = “{ $slug }” tayari ni anwani ya kundi jingine
content-problem-no-attribute = bidhaa haina tena sifa yenye jina hili: pakia upya ukurasa
content-problem-nothing = jaza angalau sehemu moja
