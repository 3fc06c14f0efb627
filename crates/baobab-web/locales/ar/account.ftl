# صفحات الحساب: تسجيل الدخول وإنشاء الحساب ونسيان كلمة المرور والعناوين وطلبات الحساب.
# وكذلك ما تقوله كل نماذج المتجر عندما يكون في المُرسَل خطأ، وعناوين صفحات الخطأ التي ترفض نموذجًا.

## تسجيل الدخول
account-login-title = تسجيل الدخول
account-email = البريد الإلكتروني
account-password = كلمة المرور
account-forgot-link = نسيت كلمة المرور؟
account-login-failed = البريد الإلكتروني أو كلمة المرور غير صحيحة.

## إنشاء حساب
account-register-title = إنشاء حساب
account-name = الاسم
account-password-rule =
    { $min ->
        [one] كلمة المرور (حرف واحد على الأقل)
        [two] كلمة المرور (حرفان على الأقل)
        [few] كلمة المرور ({ $min } أحرف على الأقل)
        [many] كلمة المرور ({ $min } حرفًا على الأقل)
       *[other] كلمة المرور ({ $min } حرف على الأقل)
    }
account-register-submit = أنشئ الحساب
account-have-account = لديّ حساب: تسجيل الدخول
account-check-email = تحقّق من بريدك الإلكتروني
account-check-email-registered = أرسلنا رسالة إلى { $email }. افتح الرابط الموجود فيها لتأكيد عنوانك، ثم سجّل الدخول. إذا كان لديك حساب من قبل، فستشرح لك الرسالة كيف تعود إليه.
account-verified-title = تم تأكيد البريد الإلكتروني
account-verified = شكرًا لك: تم تأكيد عنوان بريدك الإلكتروني.
account-go-to-account = انتقل إلى حسابك

## نسيان كلمة المرور
account-forgot-title = إعادة تعيين كلمة المرور
account-forgot-submit = أرسل لي رابطًا
account-forgot-sent =
    { $minutes ->
        [one] إذا كان هناك حساب بهذا العنوان، فقد أرسلنا إليه رابطًا لإعادة تعيين كلمة المرور. يعمل الرابط مرة واحدة فقط، لمدة دقيقة واحدة.
        [two] إذا كان هناك حساب بهذا العنوان، فقد أرسلنا إليه رابطًا لإعادة تعيين كلمة المرور. يعمل الرابط مرة واحدة فقط، لمدة دقيقتين.
        [few] إذا كان هناك حساب بهذا العنوان، فقد أرسلنا إليه رابطًا لإعادة تعيين كلمة المرور. يعمل الرابط مرة واحدة فقط، لمدة { $minutes } دقائق.
       *[other] إذا كان هناك حساب بهذا العنوان، فقد أرسلنا إليه رابطًا لإعادة تعيين كلمة المرور. يعمل الرابط مرة واحدة فقط، لمدة { $minutes } دقيقة.
    }
account-reset-title = اختر كلمة مرور جديدة
account-new-password-rule =
    { $min ->
        [one] كلمة المرور الجديدة (حرف واحد على الأقل)
        [two] كلمة المرور الجديدة (حرفان على الأقل)
        [few] كلمة المرور الجديدة ({ $min } أحرف على الأقل)
        [many] كلمة المرور الجديدة ({ $min } حرفًا على الأقل)
       *[other] كلمة المرور الجديدة ({ $min } حرف على الأقل)
    }
account-reset-submit = احفظ كلمة المرور

## صفحة الحساب
account-title = حسابي
account-saved = تم الحفظ.
account-confirm-email = يُرجى تأكيد عنوان بريدك الإلكتروني: أرسلنا إليك رابطًا.
account-phone = الهاتف (مع رمز الدولة)
account-save = حفظ
account-addresses = العناوين
account-update = تحديث
account-delete = حذف
account-no-addresses = لا توجد عناوين بعد.
account-add-address-heading = إضافة عنوان
account-add-address = أضف العنوان
account-orders = الطلبات
account-no-orders = لم تقدّم أي طلب بعد.
account-logout = تسجيل الخروج

## عنوان التوصيل (صفحة الحساب وإتمام الطلب)
address-name = المستلم
address-line1 = الشارع أو المبنى أو علامة مميزة
address-line2 = توجيهات إضافية (اختياري)
address-city = المدينة أو البلدة
address-region = الولاية أو المحافظة أو المنطقة (اختياري)
address-postcode = الرمز البريدي (إن وُجد)
address-country = رمز الدولة (مثل EG أو MA أو NG)
address-phone = هاتف للتواصل مع المندوب (مع رمز الدولة)

## خطأ في نموذج أو رابط: سطر لكل خطأ، يذكر الحقل.
problem = { $field }: { $problem }
field-email = البريد الإلكتروني
field-password = كلمة المرور
field-name = الاسم
field-phone = الهاتف
field-line1 = العنوان
field-line2 = توجيهات إضافية
field-city = المدينة
field-region = المنطقة
field-postcode = الرمز البريدي
field-country = الدولة
field-token = الرابط
field-csrf = النموذج
field-form = النموذج
field-origin = المصدر
field-id = المعرّف
field-idempotency-key = النموذج
field-quantity = الكمية
field-variant = المنتج
field-currency = العملة
field-page = الصفحة
field-code = الرمز
field-query = الرابط
problem-not-email = ليس عنوان بريد إلكتروني
problem-mixed-scripts = يخلط حروفًا من أبجديات مختلفة؛ اكتبه بأبجدية واحدة
problem-too-short =
    { $min ->
        [one] حرف واحد على الأقل
        [two] حرفان على الأقل
        [few] { $min } أحرف على الأقل
        [many] { $min } حرفًا على الأقل
       *[other] { $min } حرف على الأقل
    }
problem-too-long =
    { $max ->
        [one] حرف واحد على الأكثر
        [two] حرفان على الأكثر
        [few] { $max } أحرف على الأكثر
        [many] { $max } حرفًا على الأكثر
       *[other] { $max } حرف على الأكثر
    }
problem-name =
    { $max ->
        [few] { $max } أحرف على الأكثر، من دون أحرف تحكّم
        [many] { $max } حرفًا على الأكثر، من دون أحرف تحكّم
       *[other] { $max } حرف على الأكثر، من دون أحرف تحكّم
    }
problem-length =
    { $max ->
        [few] من 1 إلى { $max } أحرف
        [many] من 1 إلى { $max } حرفًا
       *[other] من 1 إلى { $max } حرف
    }
problem-repeated = يجب ألا تكون حرفًا واحدًا مكررًا
problem-password-is-email = يجب ألا تكون عنوان بريدك الإلكتروني
# الرقم بين علامتَي عزل (LRI وPDI) ليُعرض من اليسار إلى اليمين كما يُكتب، وبمسافات غير فاصلة كي لا ينقسم على سطرين
problem-phone-plus = ابدأ بعلامة + ورمز الدولة، مثل { "\u2066" }+20 100 123 4567{ "\u2069" }
problem-phone-format = ليس رقم هاتف بالصيغة الدولية (E.164)
problem-required = مطلوب
problem-control = يجب ألا يحتوي على أحرف تحكّم
problem-country-code = اكتب رمز الدولة من حرفين (ISO 3166-1)، مثل EG
problem-key-reused = استُخدم من قبل لطلب آخر؛ أعد تحميل الصفحة
problem-csrf = منتهي الصلاحية أو ناقص: أعد تحميل الصفحة وحاول مرة أخرى
problem-form-unreadable = تعذّرت قراءته
problem-form-too-large = كبير جدًا
problem-origin = يجب أن يأتي الطلب من هذا المتجر
problem-bad-id = غير صالح
problem-token-verify = الرابط غير صالح أو منتهي الصلاحية أو سبق استخدامه — سجّل الدخول لتحصل على رابط جديد
problem-token-bad = الرابط غير صالح — اطلب رابطًا جديدًا
problem-token-reset = الرابط غير صالح أو منتهي الصلاحية أو سبق استخدامه — اطلب رابطًا جديدًا
problem-range = يجب أن تكون القيمة بين { $min } و{ $max }
problem-not-whole-number = «{ $value }» ليس عددًا صحيحًا
problem-one-of = اختر واحدًا مما يلي: { $valid }
problem-currency = «{ $value }» ليست عملة يقبلها هذا المتجر

## صفحات الخطأ التي ترفض ما أُرسل
error-refused-heading = انتهت صلاحية هذا النموذج
error-too-large-heading = البيانات المرسلة دفعة واحدة كثيرة جدًا
error-invalid-heading = في النموذج شيء يحتاج إلى مراجعة
error-too-many-heading = محاولات كثيرة جدًا
error-too-many =
    { $seconds ->
        [one] يُرجى الانتظار ثانية واحدة قبل المحاولة مرة أخرى.
        [two] يُرجى الانتظار ثانيتين قبل المحاولة مرة أخرى.
        [few] يُرجى الانتظار { $seconds } ثوانٍ قبل المحاولة مرة أخرى.
        [many] يُرجى الانتظار { $seconds } ثانيةً قبل المحاولة مرة أخرى.
       *[other] يُرجى الانتظار { $seconds } ثانية قبل المحاولة مرة أخرى.
    }
error-too-many-minutes =
    { $minutes ->
        [one] يُرجى الانتظار دقيقة واحدة قبل المحاولة مرة أخرى.
        [two] يُرجى الانتظار دقيقتين قبل المحاولة مرة أخرى.
        [few] يُرجى الانتظار { $minutes } دقائق قبل المحاولة مرة أخرى.
        [many] يُرجى الانتظار { $minutes } دقيقةً قبل المحاولة مرة أخرى.
       *[other] يُرجى الانتظار { $minutes } دقيقة قبل المحاولة مرة أخرى.
    }
error-address-not-found = العنوان غير موجود
