# Translating the catalog's own content (product and category titles, descriptions, attributes).
# Staff read these in the admin (/admin/translations). Names and addresses that may be written
# in Latin letters are isolated (⁨…⁩) so they read left to right inside Arabic text.

## The overview: what is left to translate, per language
content-nav = الترجمات
content-heading = الترجمات
content-intro = تُكتب المنتجات والأقسام بلغة المتجر الافتراضية (⁨{ $language }⁩)، وكل ما لم يُترجم بعد يُعرض بهذه اللغة.
content-single-language = لا يقدّم المتجر إلا لغة واحدة، فلا يوجد ما يُترجم.
content-col-language = اللغة
content-col-products = منتجات غير مترجمة
content-col-categories = أقسام غير مترجمة
content-col-fields = الحقول الناقصة
content-n-of = { $missing } من { $total }

## One language: what is missing, the products and the categories
content-language-heading = الترجمات: ⁨{ $language }⁩
content-missing = ما بقي للترجمة
content-col-what = الحقول
content-col-count = الناقص
content-gap-product-titles = عناوين المنتجات
content-gap-product-descriptions = أوصاف المنتجات
content-gap-attribute-names = أسماء الخصائص
content-gap-attribute-values = قيم الخصائص
content-gap-category-names = أسماء الأقسام
content-gap-category-descriptions = أوصاف الأقسام
content-products = المنتجات
content-products-text = يظهر كل منتج بعنوانه في هذه اللغة، أو بعنوانه في اللغة الافتراضية ما دام غير مترجم. ولا تُحسب المنتجات المؤرشفة ضمن الناقص.
content-col-title-translated = العنوان مترجم
content-categories = الأقسام
content-col-category = القسم
content-col-translated-name = الاسم المترجم
content-fields-missing =
    { $count ->
        [0] مكتمل
        [one] ينقصه حقل واحد
        [two] ينقصه حقلان
        [few] تنقصه { $n } حقول
        [many] ينقصه { $n } حقلًا
       *[other] ينقصه { $n } حقل
    }

## One product or category, in every language
content-product-heading = ترجمات «⁨{ $title }⁩»
content-category-heading = ترجمات القسم «⁨{ $name }⁩»
content-item-text = تعرض الحقول المتروكة فارغة محتوى اللغة الافتراضية (⁨{ $language }⁩). وإذا تُرك رابط الصفحة فارغًا، يُكوَّن من الحروف اللاتينية في العنوان إن وُجدت.
content-open = الترجمات
content-edit-product = تعديل المنتج
content-state-none = لم يُترجم بعد.
content-state-complete = مترجم بالكامل.
content-state-partial =
    { $count ->
        [one] ما زال حقل واحد باللغة الافتراضية.
        [two] ما زال حقلان باللغة الافتراضية.
        [few] ما زالت { $n } حقول باللغة الافتراضية.
        [many] ما زال { $n } حقلًا باللغة الافتراضية.
       *[other] ما زال { $n } حقل باللغة الافتراضية.
    }
content-field-name = الاسم
content-field-slug = رابط الصفحة (معرّف الرابط)
content-field-attribute-name = اسم الخاصية «⁨{ $attribute }⁩»
content-field-attribute-value = قيمة الخاصية «⁨{ $attribute }⁩»
content-save = حفظ هذه الترجمة
content-delete = حذف هذه الترجمة
content-saved = تم حفظ الترجمة.
content-deleted = حُذفت الترجمة، ويُعرض محتوى اللغة الافتراضية مكانها.
content-emptied = كانت الحقول كلها فارغة، فحُذفت الترجمة ويُعرض محتوى اللغة الافتراضية مكانها.
content-nothing-to-delete = لم تكن هناك ترجمة لحذفها.
content-missing-language = لا يقدّم المتجر هذه اللغة
content-missing-category = القسم غير موجود

## What is wrong with a translation (a line is `problem`: "{ $field }: { $problem }")
content-problem-product-slug-taken = الرابط «⁨{ $slug }⁩» مستخدم بالفعل لمنتج آخر
content-problem-category-slug-taken = الرابط «⁨{ $slug }⁩» مستخدم بالفعل لقسم آخر
content-problem-no-attribute = لم تعد للمنتج خاصية بهذا الاسم، فأعد تحميل الصفحة
content-problem-nothing = املأ حقلًا واحدًا على الأقل
