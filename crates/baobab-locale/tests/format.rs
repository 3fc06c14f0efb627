//! Expected strings are what CLDR's published patterns give (checked by hand against them):
//! fr `#,##0.00 ¤` with U+202F between groups and U+00A0 before the symbol; pt-PT (which
//! Angola and Mozambique follow) `#,##0.00 ¤` with U+00A0 between groups; sw `¤ #,##0.00`;
//! ar with Latin digits `‏#,##0.00 ¤` and an explicit negative pattern `‏-#,##0.00 ¤` (the
//! minus sign after U+200E LRM).

use baobab_domain::Currency;
use baobab_locale::{format_count, format_date, format_money, resolve_locale};
use chrono::{DateTime, TimeZone, Utc};

fn c(code: &str) -> Currency {
    code.parse().unwrap()
}

/// Every one of the five languages × the demo's currencies and a zero-decimal one, 46 400 major
/// units (4 640 000 for XOF, which has no minor unit).
#[test]
fn each_language_and_currency_as_cldr_writes_it() {
    let cases: &[(&str, &str, &str)] = &[
        ("en", "NGN", "₦46,400.00"),
        ("en", "KES", "KSh\u{a0}46,400.00"),
        ("en", "ZAR", "R46\u{a0}400,00"),
        ("en", "GHS", "GH₵46,400.00"),
        ("en", "EGP", "E£46,400.00"),
        ("en", "USD", "US$46,400.00"),
        ("en", "XOF", "4\u{a0}640\u{a0}000\u{a0}F CFA"),
        ("fr", "NGN", "46\u{202f}400,00\u{a0}₦"),
        ("fr", "KES", "46\u{202f}400,00\u{a0}KES"),
        ("fr", "ZAR", "46\u{202f}400,00\u{a0}R"),
        ("fr", "GHS", "46\u{202f}400,00\u{a0}GH₵"),
        ("fr", "EGP", "46\u{202f}400,00\u{a0}£E"),
        ("fr", "USD", "46\u{202f}400,00\u{a0}$US"),
        ("fr", "XOF", "4\u{202f}640\u{202f}000\u{a0}F\u{202f}CFA"),
        ("pt", "NGN", "46\u{a0}400,00\u{a0}₦"),
        ("pt", "KES", "46\u{a0}400,00\u{a0}KES"),
        ("pt", "ZAR", "46\u{a0}400,00\u{a0}R"),
        ("pt", "GHS", "46\u{a0}400,00\u{a0}GH₵"),
        ("pt", "EGP", "46\u{a0}400,00\u{a0}E£"),
        ("pt", "USD", "46\u{a0}400,00\u{a0}US$"),
        ("pt", "XOF", "4\u{a0}640\u{a0}000\u{a0}F\u{202f}CFA"),
        ("sw", "NGN", "₦\u{a0}46,400.00"),
        ("sw", "KES", "Ksh\u{a0}46,400.00"),
        ("sw", "ZAR", "R\u{a0}46,400.00"),
        ("sw", "GHS", "GH₵\u{a0}46,400.00"),
        ("sw", "EGP", "E£\u{a0}46,400.00"),
        ("sw", "USD", "US$\u{a0}46,400.00"),
        ("sw", "XOF", "F\u{202f}CFA\u{a0}4,640,000"),
        ("ar", "NGN", "\u{200f}46,400.00\u{a0}₦"),
        ("ar", "KES", "\u{200f}46,400.00\u{a0}KES"),
        ("ar", "ZAR", "\u{200f}46,400.00\u{a0}R"),
        ("ar", "GHS", "\u{200f}46,400.00\u{a0}GH₵"),
        ("ar", "EGP", "\u{200f}46,400.00\u{a0}ج.م.\u{200f}"),
        ("ar", "USD", "\u{200f}46,400.00\u{a0}US$"),
        ("ar", "XOF", "\u{200f}4,640,000\u{a0}F\u{202f}CFA"),
    ];
    for (locale, code, expected) in cases {
        assert_eq!(format_money(4_640_000, c(code), locale), *expected, "{locale} {code}");
    }
}

#[test]
fn negative_amounts_and_zero() {
    assert_eq!(format_money(-4_640_000, c("NGN"), "fr"), "-46\u{202f}400,00\u{a0}₦");
    assert_eq!(format_money(-4_640_000, c("NGN"), "pt"), "-46\u{a0}400,00\u{a0}₦");
    assert_eq!(format_money(-4_640_000, c("KES"), "sw"), "-Ksh\u{a0}46,400.00");
    assert_eq!(format_money(-4_640_000, c("EGP"), "ar"), "\u{200f}\u{200e}-46,400.00\u{a0}ج.م.\u{200f}");
    assert_eq!(format_money(-500, c("NGN"), "en"), "-₦5.00");
    assert_eq!(format_money(-12_500, c("XOF"), "fr"), "-12\u{202f}500\u{a0}F\u{202f}CFA");
    assert_eq!(format_money(0, c("NGN"), "fr"), "0,00\u{a0}₦");
    assert_eq!(format_money(0, c("XOF"), "fr"), "0\u{a0}F\u{202f}CFA");
    assert_eq!(format_money(0, c("EGP"), "ar"), "\u{200f}0.00\u{a0}ج.م.\u{200f}");
    assert_eq!(format_money(1, c("USD"), "sw"), "US$\u{a0}0.01");
    assert_eq!(format_money(-1, c("USD"), "pt"), "-0,01\u{a0}US$");
}

#[test]
fn large_amounts_are_exact_never_through_floats() {
    // 2^53 + 1 minor units: as f64 this is 9007199254740992, so a float path would end in ,92.
    assert_eq!(9_007_199_254_740_993_i64 as f64 as i64, 9_007_199_254_740_992);
    assert_eq!(format_money(9_007_199_254_740_993, c("NGN"), "fr"), "90\u{202f}071\u{202f}992\u{202f}547\u{202f}409,93\u{a0}₦");
    // 0.1 + 0.2 style trap: 1 234 567 890,15 would print …,14999… through f64 maths.
    assert_eq!(format_money(123_456_789_015, c("KES"), "sw"), "Ksh\u{a0}1,234,567,890.15");
    assert_eq!(format_money(1_234_567_890, c("XOF"), "pt"), "1\u{a0}234\u{a0}567\u{a0}890\u{a0}F\u{202f}CFA");
    assert_eq!(format_money(i64::MAX, c("USD"), "fr"), "92\u{202f}233\u{202f}720\u{202f}368\u{202f}547\u{202f}758,07\u{a0}$US");
    assert_eq!(format_money(i64::MIN, c("USD"), "ar"), "\u{200f}\u{200e}-92,233,720,368,547,758.08\u{a0}US$");
}

#[test]
fn the_currencys_own_minor_digits_are_kept_for_every_currency_and_locale() {
    // CLDR rounds to its own digits per currency; they must agree with ours, or an amount
    // would display rounded. 7 in every minor place shows any rounding.
    for currency in Currency::all() {
        let minor = currency.minor_units() as usize;
        let amount = 1_000 * currency.minor_per_major() + (currency.minor_per_major() - 1) * 7 / 9;
        let fraction: String = "7".repeat(minor);
        for locale in baobab_locale::LANGUAGES {
            let shown = format_money(amount, currency, locale);
            if minor > 0 {
                assert!(shown.contains(&fraction), "{locale} {currency}: {shown}");
            }
            let digits = shown.chars().filter(char::is_ascii_digit).count();
            assert_eq!(digits, 4 + minor, "{locale} {currency}: {shown}");
        }
    }
}

#[test]
fn english_is_the_domain_format_byte_for_byte() {
    for currency in Currency::all() {
        for amount in [0, 1, -1, 99, 12_345, -4_640_000, 123_456_789_012, i64::MAX, i64::MIN + 1] {
            let expected = baobab_domain::format_money(amount, currency);
            for locale in ["en", "en-NG", "en-KE", "en-ZA", "en_GH", "EN"] {
                assert_eq!(format_money(amount, currency, locale), expected, "{locale} {currency} {amount}");
            }
        }
    }
}

#[test]
fn arabic_uses_latin_digits_unless_asked_and_keeps_regional_separators() {
    // Egypt: Latin digits, CLDR's `ar` separators for them.
    assert_eq!(format_money(4_640_000, c("EGP"), "ar-EG"), "\u{200f}46,400.00\u{a0}ج.م.\u{200f}");
    assert_eq!(format_count(1_234_567, "ar-EG"), "1,234,567");
    // Morocco, Algeria, Tunisia: Latin digits are CLDR's default there too, with `,` decimals.
    assert_eq!(format_money(4_640_000, c("USD"), "ar-MA"), "\u{200f}46.400,00\u{a0}US$");
    assert_eq!(format_count(1_234_567, "ar-MA"), "1.234.567");
    assert_eq!(format_count(1_234_567, "ar-DZ"), "1.234.567");
    // A page may still ask for Arabic-Indic digits explicitly.
    assert_eq!(format_money(4_640_000, c("EGP"), "ar-EG-u-nu-arab"), "\u{200f}٤٦٬٤٠٠٫٠٠\u{a0}ج.م.\u{200f}");
    assert_eq!(format_count(1_234_567, "ar-u-nu-arab"), "١٬٢٣٤٬٥٦٧");
    assert_eq!(resolve_locale("ar").to_string(), "ar-u-nu-latn");
    assert_eq!(resolve_locale("ar-EG-u-nu-arab").to_string(), "ar-EG-u-nu-arab");
}

#[test]
fn regions_and_fallbacks() {
    // French in Morocco groups with `.`; French in Côte d'Ivoire like France.
    assert_eq!(format_money(4_640_000, c("NGN"), "fr-MA"), "46.400,00\u{a0}₦");
    assert_eq!(format_money(1_250_000, c("XOF"), "fr-CI"), "1\u{202f}250\u{202f}000\u{a0}F\u{202f}CFA");
    assert_eq!(format_money(1_250_000, c("XOF"), "fr_SN"), "1\u{202f}250\u{202f}000\u{a0}F\u{202f}CFA");
    // Bare Portuguese is Angola's and Mozambique's; Brazil's only when asked for.
    assert_eq!(resolve_locale("pt").to_string(), "pt-AO");
    assert_eq!(format_money(4_640_000, c("NGN"), "pt-MZ"), "46\u{a0}400,00\u{a0}₦");
    assert_eq!(format_money(4_640_000, c("NGN"), "pt-BR"), "₦\u{a0}46.400,00");
    assert_eq!(format_money(4_640_000, c("KES"), "sw-KE"), "Ksh\u{a0}46,400.00");
    assert_eq!(format_money(4_640_000, c("KES"), "sw-TZ"), "Ksh\u{a0}46,400.00");
    // A language CLDR covers but we do not translate uses its own data (Hausa).
    assert_eq!(format_money(4_640_000, c("NGN"), "ha"), "₦\u{a0}46,400.00");
    assert_eq!(format_date(day(2026, 11, 27), "ha"), "27 Nuw, 2026");
    // Anything else is English.
    for tag in ["", "xx", "zz-ZZ", "!!", "fr--", "en-", "qaa", "tlh"] {
        assert_eq!(resolve_locale(tag).id.language.as_str(), "en", "{tag:?}");
        assert_eq!(format_money(4_640_000, c("NGN"), tag), "₦46,400.00", "{tag:?}");
        assert_eq!(format_date(day(2026, 11, 27), tag), "Nov 27, 2026", "{tag:?}");
    }
}

fn day(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 23, 59, 59).unwrap()
}

#[test]
fn medium_dates() {
    let at = day(2026, 11, 27);
    assert_eq!(format_date(at, "en"), "Nov 27, 2026");
    assert_eq!(format_date(at, "fr"), "27 nov. 2026");
    assert_eq!(format_date(at, "pt"), "27/11/2026");
    assert_eq!(format_date(at, "pt-BR"), "27 de nov. de 2026");
    assert_eq!(format_date(at, "sw"), "27 Nov 2026");
    assert_eq!(format_date(at, "ar"), "27\u{200f}/11\u{200f}/2026");
    assert_eq!(format_date(at, "ar-EG-u-nu-arab"), "٢٧\u{200f}/١١\u{200f}/٢٠٢٦");
    assert_eq!(format_date(day(2027, 2, 1), "fr"), "1 févr. 2027");
    // Far dates do not panic.
    let _ = format_date(DateTime::<Utc>::MAX_UTC, "fr");
    let _ = format_date(DateTime::<Utc>::MIN_UTC, "ar");
}

#[test]
fn counts() {
    assert_eq!(format_count(1_234_567, "en"), "1,234,567");
    assert_eq!(format_count(1_234_567, "fr"), "1\u{202f}234\u{202f}567");
    assert_eq!(format_count(1_234_567, "pt"), "1\u{a0}234\u{a0}567");
    assert_eq!(format_count(1_234_567, "sw"), "1,234,567");
    assert_eq!(format_count(1_234_567, "ar"), "1,234,567");
    assert_eq!(format_count(-42, "fr"), "-42");
    assert_eq!(format_count(-42, "ar"), "\u{200e}-42");
    assert_eq!(format_count(0, "pt"), "0");
    assert_eq!(format_count(i64::MIN, "en"), "-9,223,372,036,854,775,808");
}

#[test]
fn random_amounts_never_panic() {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let locales = ["en", "fr", "ar", "pt", "sw", "ar-MA", "fr-CI", "ha", "xx", "pt-BR"];
    for _ in 0..200 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let amount = (state as i64) >> (state % 60);
        for currency in Currency::all() {
            for locale in locales {
                let shown = format_money(amount, currency, locale);
                assert!(!shown.is_empty());
                if amount < 0 {
                    assert!(shown.contains('-'), "{locale} {currency} {amount}: {shown}");
                }
            }
        }
        for locale in locales {
            assert!(!format_count(amount, locale).is_empty());
        }
    }
}

#[test]
fn cldr_version_is_stated() {
    assert_eq!(baobab_locale::CLDR_VERSION, "49.0.0");
}
