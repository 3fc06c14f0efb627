# لوحة إدارة المتجر: كل الكلمات التي يقرؤها فريق العمل في صفحات الإدارة.
# تسمّي أسطر الأخطاء الحقل بالكلمات (admin-field-*).

## Frame
admin-nav-label = الإدارة
admin-nav-dashboard = لوحة المتابعة
admin-nav-products = المنتجات
admin-nav-import = الاستيراد والتصدير
admin-nav-orders = الطلبات
admin-nav-coupons = القسائم
admin-nav-customers = العملاء
admin-nav-staff = فريق العمل
admin-nav-tokens = رموز الواجهة البرمجية
admin-nav-audit = سجل التدقيق
admin-log-out = تسجيل الخروج
admin-list-separator = { "، " }
admin-nothing-yet = لا شيء بعد.
admin-save = حفظ
admin-saved = تم الحفظ.
admin-upload = رفع
admin-yes = نعم
admin-no = لا
admin-denied-not-staff = لا يملك صلاحية الدخول إلى الإدارة
admin-denied-role = لا يسمح بفتح هذه الصفحة
admin-missing-product = المنتج غير موجود
admin-missing-order = الطلب غير موجود
admin-missing-customer = العميل غير موجود
admin-missing-staff = عضو الفريق غير موجود
admin-missing-token = الرمز غير موجود

## Column headings
admin-col-id = الرقم
admin-col-title = العنوان
admin-col-status = الحالة
admin-col-price-from = ابتداءً من
admin-col-sku = رمز المنتج
admin-col-options = الخيارات
admin-col-prices = الأسعار
admin-col-stock = المخزون
admin-col-in-stock = المتوفر
admin-col-alt = النص البديل
admin-col-position = الترتيب
admin-col-size = الأبعاد
admin-col-product = المنتج
admin-col-currency = العملة
admin-col-orders = الطلبات
admin-col-revenue = الإيرادات
admin-col-order = الطلب
admin-col-reference = المرجع
admin-col-provider = مزوّد الدفع
admin-col-amount = المبلغ
admin-col-why = السبب
admin-col-email = البريد الإلكتروني
admin-col-total = الإجمالي
admin-col-placed = تاريخ الطلب (UTC)
admin-col-item = الصنف
admin-col-qty = الكمية
admin-col-detail = التفاصيل
admin-col-started = تاريخ البدء (UTC)
admin-col-when = التاريخ (UTC)
admin-col-status-from = من
admin-col-status-to = إلى
admin-col-by = بواسطة
admin-col-note = ملاحظة
admin-col-code = الرمز
admin-col-off = الخصم
admin-col-minimum = الحد الأدنى
admin-col-last-day = آخر يوم
admin-col-used = مرات الاستخدام
admin-col-active = مفعّلة
admin-col-name = الاسم
admin-col-verified = مؤكَّد
admin-col-role = الدور
admin-col-two-factor = التحقق بخطوتين
admin-col-created = تاريخ الإنشاء
admin-col-event = الحدث
admin-col-subject = الموضوع
admin-col-ip = عنوان IP
admin-col-row = الصف
admin-col-column = العمود
admin-col-problem = المشكلة
admin-col-warning = التنبيه
admin-col-created-count = أُنشئ
admin-col-updated-count = حُدّث

## Dashboard
admin-dash-today = اليوم (UTC)
admin-dash-on-sale =
    { $count ->
        [zero] لا توجد منتجات معروضة للبيع.
        [one] منتج واحد معروض للبيع.
        [two] منتجان معروضان للبيع.
        [few] { $n } منتجات معروضة للبيع.
        [many] { $n } منتجًا معروضًا للبيع.
       *[other] { $n } منتج معروض للبيع.
    }
admin-dash-review = مدفوعات تحتاج إلى مراجعة
admin-dash-review-text = مبالغ وصلت ولم يمكن تطبيقها (بعد انتهاء مهلة الطلب، أو بمبلغ مختلف، أو دفعة ثانية): أعِدها عن طريق مزوّد الدفع أو سوِّ الطلب يدويًا.
admin-dash-low-stock = مخزون منخفض ({ $n } أو أقل)

## Products
admin-products-heading = المنتجات (الأسعار بعملة { $currency })
admin-product-new = منتج جديد
admin-product-create = إنشاء المنتج
admin-product-on-shop = في المتجر على ⁨{ $path }⁩
admin-product-variants = الأصناف
admin-product-images = الصور
admin-image-add = إضافة صورة
admin-image-add-text = JPEG أو PNG أو WebP. تُنشأ المقاسات لكل الشاشات دفعة واحدة.
admin-label-title = العنوان
admin-label-description = الوصف
admin-label-category = القسم
admin-label-status = الحالة
admin-label-sku = رمز المنتج (SKU)
admin-label-price = السعر
admin-label-price-example = السعر (مثلًا 12500.00)
admin-label-stock = الكمية المتوفرة
admin-label-image = الصورة
admin-label-alt = النص البديل (ما تُظهره الصورة)
admin-category-none = — بلا قسم —
admin-status-draft = مسودة
admin-status-active = معروض
admin-status-archived = مؤرشف
admin-error-price = السعر: «{ $value }» ليس مبلغًا بعملة { $currency }
admin-error-stock = المخزون: يجب أن يكون عددًا صحيحًا
admin-error-status = الحالة: اختر مسودة أو معروض أو مؤرشف
admin-error-category = القسم: هذا القسم غير موجود
admin-error-image-missing = الملف: اختر صورة لرفعها
admin-error-image-type = الملف: ليس صورة JPEG أو PNG أو WebP
admin-error-file-large = الملف: حجم الملف كبير جدًا
admin-error-not-multipart = الملف: أرسل النموذج بصيغة ⁨multipart/form-data⁩

## Orders
admin-orders-export = تصدير للمحاسبين
admin-orders-export-text = صف لكل بند من بنود الطلب مع إجماليات الطلب، بصيغة CSV. الأيام بتوقيت UTC؛ اترك الحقلين فارغين لتصدير كل الطلبات.
admin-label-from-day = من (أول يوم)
admin-label-to-day = إلى (آخر يوم)
admin-orders-download = تنزيل الطلبات (CSV)
admin-order-pending-payment = بانتظار الدفع
admin-order-paid = مدفوع
admin-order-fulfilled = مجهَّز
admin-order-shipped = تم الشحن
admin-order-delivered = تم التسليم
admin-order-cancelled = ملغى
admin-order-partially-refunded = مسترد جزئيًا
admin-order-refunded = مسترد
admin-payment-pending = قيد المعالجة
admin-payment-succeeded = ناجح
admin-payment-failed = فاشل
admin-payment-needs-review = يحتاج إلى مراجعة
admin-pay-cash-on-delivery = الدفع عند الاستلام
admin-pay-bank-transfer = تحويل بنكي
admin-pay-paystack = Paystack
admin-pay-mpesa = M-Pesa
admin-step-pay = تأكيد الدفع
admin-step-fulfil = تأكيد التجهيز
admin-step-ship = تأكيد الشحن
admin-step-deliver = تأكيد التسليم
admin-step-cancel = إلغاء الطلب
admin-order-summary = { $email } · { $status } · { $total } · طريقة الدفع: { $method }
admin-order-refunded-so-far = المبلغ المسترد حتى الآن: { $amount }
admin-order-delivery = التوصيل
admin-order-delivery-text = { $method } ({ $shipping }) · ضريبة القيمة المضافة { $tax } · { $address }
admin-order-coupon = { $text } · القسيمة { $code } (−{ $discount })
admin-order-no-method = بلا طريقة توصيل
admin-order-payments = المدفوعات
admin-order-review = دفعة تحتاج إلى مراجعة: وصل مبلغ لم يُطبَّق على الطلب (انظر التفاصيل). أعِده عن طريق مزوّد الدفع، أو سوِّ الطلب يدويًا.
admin-order-history = السجل
admin-label-note = ملاحظة (اختيارية)
admin-order-refund = استرداد
admin-label-amount = المبلغ
admin-label-reason = السبب
admin-order-record-refund = تسجيل الاسترداد
admin-bad-order-status = ليست حالة طلب
admin-error-amount = المبلغ: «{ $value }» ليس مبلغًا بعملة { $currency }
admin-error-event = الخطوة: ليست من خطوات الطلب
admin-error-note = الملاحظة: { $max } حرف على الأكثر
admin-error-step = الحالة: الطلب { $status }، لذا لا يمكن «{ $step }»
admin-error-refund-too-much = المبلغ: { $amount } أكثر مما بقي للاسترداد ({ $remaining })

## Coupons
admin-coupon-new = قسيمة جديدة
admin-coupon-create = إنشاء القسيمة
admin-coupon-switch = تفعيل قسيمة أو إيقافها
admin-coupon-any = أي عملة
admin-coupon-used-of = { $used } من { $limit }
admin-coupon-percent-off = { $value }٪
admin-coupon-kind-percent = نسبة خصم
admin-coupon-kind-fixed = مبلغ خصم
admin-label-coupon-code = الرمز (حروف أو أرقام أو - أو _)
admin-label-kind = النوع
admin-label-value = النسبة أو المبلغ
admin-label-coupon-currency = العملة (لازمة لمبلغ خصم أو حد أدنى؛ فارغة = أي عملة)
admin-label-minimum = الحد الأدنى للطلب (اختياري)
admin-label-expires = آخر يوم (YYYY-MM-DD، اختياري)
admin-label-usage-limit = الحد الأقصى لمرات الاستخدام (اختياري)
admin-label-code = الرمز
admin-label-active = مفعّلة
admin-error-percent = القيمة: «{ $value }» ليست نسبة مئوية مثل 10 أو 12.5
admin-error-currency-for-amount = العملة: لازمة لمبلغ خصم
admin-error-value-amount = القيمة: «{ $value }» ليست مبلغًا
admin-error-kind = النوع: اختر نسبة أو مبلغًا
admin-error-minimum = الحد الأدنى: «{ $value }» ليس مبلغًا بعملة { $currency }
admin-error-currency-for-minimum = العملة: لازمة لحد أدنى للطلب
admin-error-expires = آخر يوم: «{ $value }» ليس تاريخًا مثل 2026-12-31
admin-error-usage-limit = مرات الاستخدام: «{ $value }» ليس عددًا صحيحًا
admin-error-active = مفعّلة: اختر نعم أو لا
admin-error-no-coupon = القسيمة: لا توجد قسيمة بالرمز «{ $code }»

## Customers and staff
admin-customer-active = نشط
admin-customer-disabled = معطَّل
admin-two-factor-on = مفعّل
admin-two-factor-not-yet = ليس بعد
admin-role-owner = المالك
admin-role-catalog-manager = مدير الكتالوج
admin-role-order-manager = مدير الطلبات
admin-role-support = خدمة العملاء
admin-staff-add = إضافة عضو إلى الفريق
admin-staff-add-text = تصله رسالة بريد إلكتروني فيها رابط لاختيار كلمة مرور، ثم يُعِدّ التحقق بخطوتين.
admin-label-email = البريد الإلكتروني
admin-label-role = الدور
admin-staff-invite = دعوة
admin-staff-role-of = دور { $email }
admin-staff-change-role = تغيير الدور
admin-staff-invited = أُرسلت الدعوة إلى { $email }.
admin-staff-role-changed = أصبح دور { $email }: { $role }.
admin-error-role = الدور: اختر أحد الأدوار في القائمة
admin-error-own-role = الدور: لا يمكنك تغيير دورك بنفسك

## API tokens
admin-token-role-catalog = الكتالوج
admin-token-role-orders = الطلبات
admin-token-live = صالح
admin-token-revoked-on = أُلغي في { $date }
admin-token-new = رمز جديد — انسخه الآن، فلن يُعرض مرة أخرى
admin-token-create-title = إنشاء رمز
admin-label-token-name = الاسم (من يستخدمه)
admin-token-create = إنشاء
admin-token-revoke-title = إلغاء «{ $name }»
admin-token-revoke = إلغاء الرمز
admin-token-revoked = أُلغي الرمز.

## Two-factor authentication
admin-2fa-code = الرمز المكوّن من 6 أرقام من تطبيق المصادقة
admin-2fa-setup-heading = إعداد التحقق بخطوتين
admin-2fa-setup-text = أضف هذا المفتاح إلى تطبيق مصادقة (اكتبه، أو افتح رابط otpauth على هاتفك)، ثم أدخل الرمز الذي يظهر فيه.
admin-2fa-link = رابط otpauth
admin-2fa-turn-on = تفعيل التحقق بخطوتين
admin-2fa-heading = التحقق بخطوتين
admin-2fa-continue = متابعة
admin-2fa-too-many = محاولات كثيرة جدًا. حاول مجددًا بعد { $seconds } ثانية.
admin-2fa-not-set-up = التحقق بخطوتين غير مُعَدّ.
admin-2fa-wrong = هذا الرمز غير صحيح. تحقّق من ساعة هاتفك وجرّب الرمز الجديد.
admin-2fa-replayed = استُخدم هذا الرمز من قبل. انتظر الرمز التالي.

## Import and export
admin-import-title = استيراد المنتجات
admin-import-text = ملف CSV للمنتجات مُصدَّر من Shopify أو WooCommerce (أو من هذا المتجر)، حتى { $mb } ميغابايت. يُفحص أولًا: تُذكر كل مشكلة مع صفها وعمودها، ولا يُحفظ شيء ما دامت هناك مشكلة. المنتجات الموجودة في المتجر يُتعرَّف عليها بمعرّف الرابط ثم برمز المنتج، فتُحدَّث ولا تتكرر. يجب أن تكون الصور عناوين ⁨https://⁩ على خوادم عامة؛ أسماء ملفات الصور لا تعمل إلا على الخادم (⁨baobab import products --images FOLDER⁩).
admin-label-csv-file = ملف CSV للمنتجات
admin-label-format = الصيغة
admin-label-currency-prices = عملة الأسعار
admin-label-tags = تصبح الوسوم
admin-label-dry-run = فحص فقط (تجربة): لا يُحفظ شيء
admin-import-format-auto = تُستنتج من الأعمدة
admin-import-format-shopify = ملف منتجات Shopify
admin-import-format-woocommerce = ملف منتجات WooCommerce
admin-import-tags-attributes = خصائص (⁨Material:Cotton⁩)
admin-import-tags-category = الوسم الأول هو القسم
admin-export-title = تصدير المنتجات
admin-export-text = كل المنتجات، ومنها المسودات والمؤرشفة، بأعمدة ملف منتجات Shopify وأسعارها بعملة واحدة. يمكن استيراد الملف هنا مرة أخرى.
admin-export-download = تنزيل المنتجات (CSV)
admin-currency-option = { $code } — { $name }
admin-currency-ngn = النيرة النيجيرية
admin-currency-kes = الشلن الكيني
admin-currency-zar = الراند الجنوب أفريقي
admin-currency-ghs = السيدي الغاني
admin-currency-egp = الجنيه المصري
admin-currency-usd = الدولار الأمريكي
admin-currency-xof = فرنك غرب أفريقيا
admin-currency-xaf = فرنك وسط أفريقيا
admin-currency-ugx = الشلن الأوغندي
admin-currency-tzs = الشلن التنزاني
admin-currency-rwf = الفرنك الرواندي
admin-currency-etb = البر الإثيوبي
admin-error-format = الصيغة: اختر auto أو shopify أو woocommerce
admin-error-tags = الوسوم: اختر خصائص أو قسمًا
admin-error-import-too-large = الملف: أكبر من { $mb } ميغابايت؛ قسّمه إلى ملفات أصغر، أو استورده على الخادم بالأمر ⁨baobab import products⁩
admin-error-import-no-file = الملف: اختر ملف CSV للمنتجات لرفعه (لم يُرسَل ملف، أو كان فارغًا)
admin-import-refused = لم يُستورد شيء: { $problem }
admin-import-nothing = لم يُستورد شيء
admin-import-has-problems = لم يُستورد شيء: في الملف { $problems }. أصلحها في الملف ثم ارفعه مرة أخرى.
admin-import-empty = لم يُستورد شيء: لا يحوي الملف أي منتج (صف العناوين فقط؟).
admin-import-done-heading = استُوردت المنتجات
admin-import-done = تم الاستيراد: { $products }، و{ $products_updated } محدَّث؛ { $variants }، و{ $variants_updated } محدَّث؛ { $categories }؛ { $images }.
admin-import-checked-heading = يمكن استيراد الملف
admin-import-checked = فحص فقط: لا مشكلات، ولم يُحفظ شيء. لاستيراده، اختر الملف مرة أخرى وألغِ تحديد «فحص فقط».
admin-import-the-file = الملف
admin-import-holds-title = محتوى الملف
admin-import-holds = { $name }: الصيغة { $format }، { $encoding }؛ { $rows } مع صف العناوين؛ { $counts }.
admin-import-unknown-format = غير معروفة
admin-import-unknown-encoding = ترميز غير معروف
admin-import-passed =
    { $count ->
        [zero] لم يجتز أي منتج الفحص
        [one] اجتاز منتج واحد الفحص
        [two] اجتاز منتجان الفحص
        [few] اجتازت { $n } منتجات الفحص
        [many] اجتاز { $n } منتجًا الفحص
       *[other] اجتاز { $n } منتج الفحص
    }
admin-import-problems-title = المشكلات ({ $n })
admin-import-rows-note = الصفوف مرقّمة كما يعرضها برنامج الجداول: صف العناوين هو الصف 1.
admin-import-first-listed = تُعرض أول { $shown } من { $total }.
admin-import-images-note = الصور في الملف المرفوع يجب أن تكون عناوين ⁨https://⁩ على خوادم عامة: يجلبها المتجر بنفسه. أسماء ملفات الصور لا تعمل إلا على الخادم، بالأمر ⁨baobab import products --images FOLDER⁩.
admin-import-warnings-title = التنبيهات ({ $n })
admin-import-warnings-note = صُحّحت أو تُجووزت؛ ولم توقف الاستيراد.
admin-import-done-title = تم
admin-import-images = الصور: أُضيف { $added }، و{ $there } موجودة من قبل.
admin-row-products = المنتجات
admin-row-variants = الأصناف
admin-row-categories = الأقسام
admin-n-problems =
    { $count ->
        [zero] لا مشكلات
        [one] مشكلة واحدة
        [two] مشكلتان
        [few] { $n } مشكلات
        [many] { $n } مشكلة
       *[other] { $n } مشكلة
    }
admin-n-products =
    { $count ->
        [zero] لا منتجات
        [one] منتج واحد
        [two] منتجان
        [few] { $n } منتجات
        [many] { $n } منتجًا
       *[other] { $n } منتج
    }
admin-n-variants =
    { $count ->
        [zero] لا أصناف
        [one] صنف واحد
        [two] صنفان
        [few] { $n } أصناف
        [many] { $n } صنفًا
       *[other] { $n } صنف
    }
admin-n-images =
    { $count ->
        [zero] لا صور
        [one] صورة واحدة
        [two] صورتان
        [few] { $n } صور
        [many] { $n } صورة
       *[other] { $n } صورة
    }
admin-n-rows =
    { $count ->
        [zero] لا صفوف
        [one] صف واحد
        [two] صفان
        [few] { $n } صفوف
        [many] { $n } صفًا
       *[other] { $n } صف
    }
admin-n-products-created =
    { $count ->
        [zero] لم يُنشأ أي منتج
        [one] أُنشئ منتج واحد
        [two] أُنشئ منتجان
        [few] أُنشئت { $n } منتجات
        [many] أُنشئ { $n } منتجًا
       *[other] أُنشئ { $n } منتج
    }
admin-n-variants-created =
    { $count ->
        [zero] لم يُنشأ أي صنف
        [one] أُنشئ صنف واحد
        [two] أُنشئ صنفان
        [few] أُنشئت { $n } أصناف
        [many] أُنشئ { $n } صنفًا
       *[other] أُنشئ { $n } صنف
    }
admin-n-categories-created =
    { $count ->
        [zero] لم يُنشأ أي قسم
        [one] أُنشئ قسم واحد
        [two] أُنشئ قسمان
        [few] أُنشئت { $n } أقسام
        [many] أُنشئ { $n } قسمًا
       *[other] أُنشئ { $n } قسم
    }
admin-n-images-added =
    { $count ->
        [zero] لم تُضف أي صورة
        [one] أُضيفت صورة واحدة
        [two] أُضيفت صورتان
        [few] أُضيفت { $n } صور
        [many] أُضيفت { $n } صورة
       *[other] أُضيفت { $n } صورة
    }
admin-bad-date = «{ $value }» ليس تاريخًا مثل 2026-01-31
admin-bad-date-order = { $to } قبل { $from }
admin-bad-currency-code = «{ $value }» ليس رمز عملة وفق ISO 4217 (ثلاثة أحرف لاتينية كبيرة، مثل NGN)
admin-bad-currency-unsupported = العملة «{ $value }» غير مدعومة (العملات المدعومة: { $list })

## Fields, as error lines name them
admin-field-title = العنوان
admin-field-description = الوصف
admin-field-sku = رمز المنتج
admin-field-slug = معرّف الرابط
admin-field-price = السعر
admin-field-stock = المخزون
admin-field-status = الحالة
admin-field-category = القسم
admin-field-alt = النص البديل
admin-field-file = الملف
admin-field-form = النموذج
admin-field-coupon = القسيمة
admin-field-code = الرمز
admin-field-percent = النسبة
admin-field-amount = المبلغ
admin-field-value = القيمة
admin-field-currency = العملة
admin-field-minimum = الحد الأدنى
admin-field-expires = آخر يوم
admin-field-usage-limit = مرات الاستخدام
admin-field-kind = النوع
admin-field-active = مفعّلة
admin-field-email = البريد الإلكتروني
admin-field-role = الدور
admin-field-name = الاسم
admin-field-note = الملاحظة
admin-field-event = الخطوة
admin-field-format = الصيغة
admin-field-tags = الوسوم
admin-field-from = من
admin-field-to = إلى
admin-field-account = الحساب
admin-field-position = الترتيب
admin-field-options = الخيارات
admin-field-variants = الأصناف

## What is wrong with a field
admin-problem-empty = يجب ألّا يكون فارغًا
admin-problem-sku = حروف لاتينية وأرقام و«.» و«_» و«-» فقط
admin-problem-slug = حروف لاتينية صغيرة a-z وأرقام وشرطات مفردة بينها فقط
admin-problem-percent = يجب أن تكون أكبر من 0 وألّا تتجاوز 100
admin-problem-positive = يجب أن يكون أكبر من 0
admin-problem-negative = يجب ألّا يكون سالبًا
admin-problem-usage-limit = 1 على الأقل (اتركه فارغًا لعدم التقييد)
admin-problem-at-most = { $max } على الأكثر
admin-problem-taken = هذه القيمة مستخدمة من قبل
admin-problem-coupon-exists = توجد قسيمة بهذا الرمز من قبل
admin-problem-email-taken = يوجد حساب بهذا العنوان
admin-problem-changed = تغيّر الطلب في هذه الأثناء؛ أعد تحميل الصفحة وحاول مجددًا
