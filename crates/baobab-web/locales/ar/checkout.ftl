# سلة التسوق وإتمام الطلب والدفع وصفحة الطلب، وما قد يرفضه إتمام الطلب.
# أسماء المنتجات والأسعار وبيانات المتجر البنكية تأتي من الكتالوج ومن إعدادات المتجر.

## سلة التسوق
cart-title = سلة التسوق
cart-item = المنتج
cart-qty = الكمية
cart-price = السعر
cart-total = الإجمالي
cart-sku = رمز المنتج: { $sku }
cart-quantity = الكمية
cart-update = تحديث
cart-subtotal = المجموع الفرعي { $amount }
cart-checkout = إتمام الطلب
cart-empty = سلة التسوق فارغة.
cart-continue = مواصلة التسوق
cart-not-sold = غير متوفر بعملة { $currency }

## إتمام الطلب
checkout-title = إتمام الطلب
checkout-address = عنوان التوصيل
checkout-update-delivery = عرض خيارات التوصيل
checkout-delivery = التوصيل
checkout-no-delivery = لا يوجد توصيل إلى هذه الدولة بهذه العملة.
checkout-payment = الدفع
checkout-coupon = رمز الخصم
checkout-coupon-applied = تم تطبيق { $code }
checkout-subtotal = المجموع الفرعي { $amount }
checkout-discount = الخصم −{ $amount }
checkout-delivery-cost = التوصيل { $amount }
checkout-vat = ضريبة القيمة المضافة { $rate }%: { $amount }
checkout-vat-included = شاملة ضريبة القيمة المضافة { $rate }%: { $amount }
checkout-total = الإجمالي { $amount }
checkout-review = تحديث الإجمالي
checkout-place = تأكيد الطلب

## خيارات التوصيل (أسماء طرق متجر العرض التجريبي)
shipping-free = مجاني
shipping-free-over = { $price }، مجاني للطلبات التي تتجاوز { $amount }
shipping-zone-only = { $zone } فقط
shipping-lagos-express = لاغوس السريع (في اليوم التالي)
shipping-lagos-pickup = الاستلام من متجرنا في إيكيجا
shipping-ng-standard = شحن إلى جميع أنحاء نيجيريا (2–5 أيام)
shipping-nairobi-rider = مندوب نيروبي (في اليوم نفسه)
shipping-nairobi-pickup = الاستلام من وسط مدينة نيروبي
shipping-ke-standard = شحن إلى جميع أنحاء كينيا (2–4 أيام)
shipping-gh-standard = شحن (2–4 أيام)
shipping-za-courier = شحن (2–4 أيام)
shipping-intl-courier = شحن دولي (5–10 أيام)

## طرق الدفع
payment-cash-on-delivery = الدفع عند الاستلام
payment-bank-transfer = تحويل بنكي
payment-paystack = بطاقة أو حساب بنكي أو محفظة الهاتف (Paystack)
payment-mpesa = M-Pesa
payment-cash-on-delivery-detail = ادفع نقدًا عند وصول الطلب
payment-bank-transfer-detail =
    { $hours ->
        [one] حوّل المبلغ إلى حسابنا خلال ساعة واحدة؛ نشحن الطلب فور وصوله
        [two] حوّل المبلغ إلى حسابنا خلال ساعتين؛ نشحن الطلب فور وصوله
        [few] حوّل المبلغ إلى حسابنا خلال { $hours } ساعات؛ نشحن الطلب فور وصوله
       *[other] حوّل المبلغ إلى حسابنا خلال { $hours } ساعة؛ نشحن الطلب فور وصوله
    }
payment-paystack-detail = ادفع الآن عبر صفحة Paystack الآمنة
payment-mpesa-detail = سيظهر طلب على هاتفك: أدخل رمز PIN الخاص بـ M-Pesa
payment-unreachable = تعذّر الاتصال بـ { $provider }؛ حاول مرة أخرى بعد دقيقة
payment-not-in-time = لم يُدفع في الوقت المحدد
payment-charge-failed = رُفضت عملية الدفع

## صفحة الطلب
order-title = الطلب { $number }
order-placed-on = تاريخ الطلب: { $date }
order-status = الحالة:
order-continue-payment = متابعة الدفع
order-check-payment = دفعتُ — تحقّق الآن
order-pay-now = ادفع الآن
order-discount = الخصم ({ $code }) −{ $amount }
order-delivery = التوصيل: { $method }، { $amount }
order-vat = ضريبة القيمة المضافة { $amount }
order-paid = شكرًا لك! تم استلام دفعتك.
order-is = حالة هذا الطلب: { $status }.
order-mpesa-prompt = تحقّق من هاتفك وأدخل رمز PIN الخاص بـ M-Pesa لدفع { $amount }. ستعرض هذه الصفحة النتيجة فور تأكيد M-Pesa.
order-paystack-waiting = ننتظر تأكيد Paystack لدفعتك.
order-payment-failed = لم تتم عملية الدفع: { $reason }. يمكنك المحاولة مرة أخرى.
order-pay-to-confirm = طلبك محجوز؛ ادفع { $amount } لتأكيده.
order-bank-transfer =
    { $hours ->
        [one] شكرًا لك! يُرجى تحويل { $amount } مع المرجع { $number } خلال ساعة واحدة إلى { $bank }؛ نشحن الطلب فور وصول المبلغ.
        [two] شكرًا لك! يُرجى تحويل { $amount } مع المرجع { $number } خلال ساعتين إلى { $bank }؛ نشحن الطلب فور وصول المبلغ.
        [few] شكرًا لك! يُرجى تحويل { $amount } مع المرجع { $number } خلال { $hours } ساعات إلى { $bank }؛ نشحن الطلب فور وصول المبلغ.
       *[other] شكرًا لك! يُرجى تحويل { $amount } مع المرجع { $number } خلال { $hours } ساعة إلى { $bank }؛ نشحن الطلب فور وصول المبلغ.
    }
order-cash-on-delivery = شكرًا لك! ادفع { $amount } نقدًا عند تسليم طلبك.
order-payment-description = الطلب { $number }

## حالة الطلب
status-pending-payment = بانتظار الدفع
status-paid = مدفوع
status-fulfilled = تم تجهيزه
status-shipped = تم شحنه
status-delivered = تم تسليمه
status-cancelled = ملغى
status-partially-refunded = مُسترد جزئيًا
status-refunded = مُسترد

## ما قد يرفضه إتمام الطلب (انظر «problem» في account.ftl)
field-coupon = رمز الخصم
field-shipping-method = التوصيل
field-payment-method = الدفع
field-lines = السلة
field-stock = المخزون
problem-no-delivery = لا نوصل إلى { $country } للدفع بعملة { $currency }
problem-method-region = { $method } متاح فقط في { $regions }؛ اختر خيار توصيل آخر
problem-coupon-wait =
    { $minutes ->
        [one] جُرّبت رموز كثيرة جدًا. حاول مرة أخرى بعد دقيقة
        [two] جُرّبت رموز كثيرة جدًا. حاول مرة أخرى بعد دقيقتين
        [few] جُرّبت رموز كثيرة جدًا. حاول مرة أخرى بعد { $minutes } دقائق
       *[other] جُرّبت رموز كثيرة جدًا. حاول مرة أخرى بعد { $minutes } دقيقة
    }
problem-coupon-refused = لا يمكن استخدام الرمز { $code } لهذا الطلب
problem-coupon-format = من 3 إلى 32 حرفًا أو رقمًا أو - أو _
problem-payment-choice = اختر إحدى طرق الدفع المتاحة
problem-choose-delivery = اختر خيار التوصيل
problem-choose-payment = اختر طريقة الدفع
problem-reload-checkout = أعد تحميل صفحة إتمام الطلب وحاول مرة أخرى
problem-reload-order = مفقود أو غير صالح: أعد تحميل صفحة الطلب وحاول مرة أخرى
# الرقم بين علامتَي عزل (LRI وPDI) ليُعرض من اليسار إلى اليمين كما يُكتب، وبمسافات غير فاصلة كي لا ينقسم على سطرين
problem-mpesa-phone = يتطلب M-Pesa رقم هاتف محمول كينيًا، مثل { "\u2066" }+254 712 345 678{ "\u2069" }
problem-out-of-stock = الكمية المتوفرة من { $sku } غير كافية: قلّل الكمية وحاول مرة أخرى
problem-not-sold-in = المنتج { $variant } غير معروض للبيع بعملة { $currency }
problem-not-for-sale = هذا المنتج غير معروض للبيع
problem-not-an-option = ليس خيارًا من خيارات هذا المنتج
problem-not-a-number = يجب أن يكون عددًا صحيحًا
problem-lines-count = يجب أن يضم الطلب بين 1 و{ $max } من البنود
problem-reference = المرجع مفقود أو طويل جدًا

## صفحات الخطأ
error-order-not-found = الطلب غير موجود
error-payment-not-found = الدفعة غير موجودة
error-cart-not-found = السلة غير موجودة
