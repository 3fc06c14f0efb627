# الرسائل الإلكترونية إلى العملاء وفريق العمل: الموضوع، ثم النص سطرًا سطرًا. الروابط والمبالغ
# تصل وسائطَ.

## تأكيد عنوان البريد الإلكتروني
email-verify-subject = أكّد عنوان بريدك الإلكتروني في { $shop }
email-verify-welcome = أهلًا بك في { $shop }!
email-verify-open =
    { $hours ->
        [one] يُرجى تأكيد عنوان بريدك الإلكتروني بفتح هذا الرابط خلال ساعة واحدة:
        [two] يُرجى تأكيد عنوان بريدك الإلكتروني بفتح هذا الرابط خلال ساعتين:
        [few] يُرجى تأكيد عنوان بريدك الإلكتروني بفتح هذا الرابط خلال { $hours } ساعات:
       *[other] يُرجى تأكيد عنوان بريدك الإلكتروني بفتح هذا الرابط خلال { $hours } ساعة:
    }
email-verify-then = ثم سجّل الدخول من { $link }.
email-verify-not-you = إذا لم تُنشئ حسابًا، فتجاهل هذه الرسالة.

## إنشاء حساب بعنوان له حساب من قبل
email-exists-subject = حسابك في { $shop }
email-exists-body = حاول أحدهم إنشاء حساب في { $shop } بعنوان البريد الإلكتروني هذا، وهو مرتبط بحساب من قبل.
email-exists-you = إذا كنت أنت: سجّل الدخول من { $login }، أو اختر كلمة مرور جديدة من { $forgot }.
email-exists-not-you = إذا لم تكن أنت، فتجاهل هذه الرسالة: لم يتغيّر شيء.

## إعادة تعيين كلمة المرور
email-reset-subject = أعد تعيين كلمة المرور
email-reset-asked = طلب أحدهم إعادة تعيين كلمة المرور لحسابك في { $shop }.
email-reset-open =
    { $minutes ->
        [one] افتح هذا الرابط خلال دقيقة واحدة لاختيار كلمة مرور جديدة:
        [two] افتح هذا الرابط خلال دقيقتين لاختيار كلمة مرور جديدة:
        [few] افتح هذا الرابط خلال { $minutes } دقائق لاختيار كلمة مرور جديدة:
       *[other] افتح هذا الرابط خلال { $minutes } دقيقة لاختيار كلمة مرور جديدة:
    }
email-reset-not-you = إذا لم تكن أنت، فتجاهل هذه الرسالة: كلمة المرور لم تتغيّر.

## تقديم طلب
email-placed-subject = طلبك { $number }
email-placed-thanks = شكرًا لك على طلبك { $number } من { $shop }.
email-placed-date = تاريخ الطلب: { $date }
email-placed-total = الإجمالي: { $total }
email-placed-payment = الدفع: { $payment }
email-placed-link = اطّلع عليه من { $link }

## تغيّر حالة الطلب
email-status-subject = الطلب { $number }: { $status }
email-status-paid = استلمنا دفعتك البالغة { $total }. نحن نجهّز طلبك الآن.
email-status-fulfilled = تم تغليف طلبك وهو بانتظار المندوب.
email-status-shipped = طلبك في الطريق إليك.
email-status-delivered = تم تسليم طلبك. شكرًا لتسوّقك معنا!
email-status-cancelled = تم إلغاء طلبك.
email-status-refunded = رددنا إليك { $refunded } حتى الآن.
email-status-link = الطلب { $number } في { $shop }: { $link }

## دعوة أحد أفراد فريق العمل
email-invite-subject = حساب فريق العمل الخاص بك في { $shop }
email-invite-given = مُنحت صلاحية «{ $role }» في لوحة إدارة { $shop }.
email-invite-choose =
    { $hours ->
        [one] اختر كلمة المرور خلال ساعة واحدة:
        [two] اختر كلمة المرور خلال ساعتين:
        [few] اختر كلمة المرور خلال { $hours } ساعات:
       *[other] اختر كلمة المرور خلال { $hours } ساعة:
    }
email-invite-then = ثم سجّل الدخول من { $link } وفعّل التحقق بخطوتين باستخدام تطبيق مصادقة.
