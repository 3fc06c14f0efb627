# كلمات المتجر: الرأس والتذييل والصفحة الرئيسية والأقسام وصفحات المنتجات والبحث وصفحات الخطأ.
# أسماء المنتجات والأقسام والأسعار تأتي من الكتالوج.

language-name = العربية

## Header and footer
search-placeholder = ابحث عن منتج
search-button = بحث
currency-label = العملة
language-label = اللغة
choose-button = تطبيق
crumb-home = الرئيسية
footer-prices = الأسعار بعملة { $currency }
footer-payment = الدفع عند الاستلام أو بالتحويل البنكي أو بالبطاقة أو بمحفظة الهاتف
data-saver-on = توفير البيانات: مفعّل
data-saver-off = توفير البيانات: غير مفعّل

## Home
home-title = تسوّق عبر الإنترنت وادفع عند الاستلام
home-heading = أهلًا بك في { $shop }
home-tagline = مستلزمات كل يوم وعروض رائعة، تصلك حتى باب بيتك.
home-description = { $shop }: هواتف وأزياء وبقالة وطاقة شمسية والمزيد، مع التوصيل في أنحاء أفريقيا. ادفع عند الاستلام أو بالبطاقة أو بمحفظة الهاتف.
home-new = وصل حديثًا

## Category
product-count =
    { $count ->
        [zero] لا توجد منتجات
        [one] منتج واحد
        [two] منتجان
        [few] { $count } منتجات
        [many] { $count } منتجًا
       *[other] { $count } منتج
    }
category-empty = لا توجد منتجات هنا بعملة { $currency } حتى الآن.
category-description = { $category }: { $count } من المنتجات في { $shop }، مع التوصيل في أنحاء أفريقيا. { $about }

## Sorting
sort-relevance = الأكثر صلة
sort-newest = الأحدث
sort-price-asc = السعر: من الأقل إلى الأعلى
sort-price-desc = السعر: من الأعلى إلى الأقل
sort-title-asc = الاسم: من A إلى Z

## Product
product-from = ابتداءً من { $price }
product-not-sold = غير معروض للبيع بعملة { $currency }. اختر عملة أخرى في أعلى الصفحة.
product-price = السعر
product-sku = رمز المنتج
product-description-from = { $title } ابتداءً من { $price }. { $about }
stock-in = متوفر
stock-out = نفدت الكمية
stock-few =
    { $count ->
        [one] بقيت قطعة واحدة فقط
        [two] بقيت قطعتان فقط
        [few] بقيت { $count } قطع فقط
       *[other] بقيت { $count } قطعة فقط
    }
cart-add = أضف إلى السلة
cart-add-variant = أضف إلى السلة: { $variant }

## Search
search-all = كل المنتجات
search-title = بحث: { $query }
search-results-for = نتائج البحث عن «{ $query }»
search-description =
    { $count ->
        [zero] لم يُعثر على أي منتج في { $shop }.
        [one] عُثر على منتج واحد في { $shop }.
        [two] عُثر على منتجين في { $shop }.
        [few] عُثر على { $count } منتجات في { $shop }.
        [many] عُثر على { $count } منتجًا في { $shop }.
       *[other] عُثر على { $count } منتج في { $shop }.
    }
search-result-count =
    { $count ->
        [zero] لا توجد نتائج
        [one] نتيجة واحدة
        [two] نتيجتان
        [few] { $count } نتائج
        [many] { $count } نتيجة
       *[other] { $count } نتيجة
    }
search-category = القسم
search-price = السعر
search-availability = التوفر
search-in-stock-only = المتوفر فقط ({ $count })
search-clear = إزالة عوامل التصفية
search-nothing = لم نجد ما يطابق بحثك. جرّب كلمات أقل أو أقصر.

## Pages of a list
pager-previous = → السابق
pager-next = التالي ←
pager-page = الصفحة { $page } من { $pages }

## Error pages
error-bad-link = هذا الرابط فيه خطأ
error-bad-param = معامل غير صحيح: { $detail }.
error-page-not-found = الصفحة غير موجودة
error-product-not-found = المنتج غير موجود
error-category-not-found = القسم غير موجود
error-not-found = غير موجود: { $what }
error-gone = ربما نُقل أو أُزيل.
error-unavailable-heading = سنعود حالًا
error-unavailable = المتجر غير متاح لحظات. يُرجى المحاولة مرة أخرى بعد بضع ثوانٍ.
error-failed-heading = حدث خطأ ما
error-failed = يُرجى المحاولة مرة أخرى.
error-back = العودة إلى المتجر
