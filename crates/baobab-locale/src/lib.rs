//! Locale-aware display of prices, counts and dates, from CLDR data (ICU4X compiled data).
//!
//! Amounts stay integer minor units everywhere; only their display changes here. Nothing in this
//! crate goes through floating point: an amount becomes an exact decimal
//! (`amount_minor × 10^-minor_units`) before any formatting.
//!
//! - Numbers (digits, decimal and grouping separators, minus sign) come from `icu_decimal`.
//! - Currency patterns (where the symbol goes, the spaces around it, bidi marks, explicit
//!   negative patterns) and narrow currency symbols come from ICU4X's currency formatter in
//!   `icu_experimental`, pinned to one exact version because that crate's API is unstable.
//! - Medium dates come from `icu_datetime` (Gregorian calendar).
//!
//! English keeps [`baobab_domain::format_money`] byte for byte: the existing pages, e-mails
//! and tests are written against it.
//!
//! Locale tags are BCP 47 (`fr`, `fr-CI`, `ar-MA`, `pt-AO`, `sw-KE`; `_` is accepted for
//! `-`). See [`resolve_locale`] for how a tag is completed and where it falls back.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use baobab_domain::Currency;
use chrono::{DateTime, Datelike, Utc};
use fixed_decimal::Decimal;
use icu_calendar::{Date, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::YMD;
use icu_decimal::DecimalFormatter;
use icu_experimental::dimension::currency::CurrencyType;
use icu_experimental::dimension::currency::formatter::CurrencyFormatter;
use icu_locale_core::extensions::unicode::{Value, key};
use icu_locale_core::{Locale, locale};
use icu_provider::prelude::*;

/// The languages the storefront is translated into.
pub const LANGUAGES: &[&str] = &["en", "fr", "ar", "pt", "sw"];

/// The CLDR release behind the compiled data (ICU4X 2.4 data crates).
pub const CLDR_VERSION: &str = "49.0.0";

/// Completes a locale tag into the locale whose CLDR data formats for it.
///
/// - A tag that does not parse falls back to `en`.
/// - A language without CLDR number data in the compiled set falls back to `en`; one with
///   data (e.g. `ha`, `yo`, `am`, `zu`) uses it.
/// - Bare `pt` becomes `pt-AO`: our Portuguese-speaking markets are Angola and Mozambique,
///   which write numbers as Portugal does (`46 400,00`), not as Brazil (`46.400,00`).
///   `pt-BR` and any other region are kept.
/// - Arabic uses Latin digits (`-u-nu-latn`) unless the tag asks for a numbering system
///   (`ar-EG-u-nu-arab`): see the crate README for why.
pub fn resolve_locale(tag: &str) -> Locale {
    let tag = tag.trim().replace('_', "-");
    let Ok(mut loc) = Locale::try_from_str(&tag) else {
        return locale!("en");
    };
    let language = loc.id.language;
    if language.as_str() == "en" {
        return loc;
    }
    if !has_language_data(&loc) {
        return locale!("en");
    }
    if language.as_str() == "pt" && loc.id.region.is_none() {
        loc.id.region = Some(icu_locale_core::subtags::region!("AO"));
    }
    if language.as_str() == "ar" && !loc.extensions.unicode.keywords.contains_key(&key!("nu")) {
        loc.extensions.unicode.keywords.set(key!("nu"), Value::try_from_str("latn").expect("valid value"));
    }
    loc
}

/// Whether the compiled data has CLDR data for this locale's language itself rather than only
/// the root locale's, which it falls back to for any language it lacks. Month names are the
/// probe: every language CLDR covers names the months, and the root locale only numbers them
/// (`M11`). (Decimal symbols would not do: Swahili's equal the root's, so they are stored once.)
fn has_language_data(loc: &Locale) -> bool {
    use icu_datetime::provider::names::DatetimeNamesMonthGregorianV1;
    let lang = DataLocale::from(icu_locale_core::LanguageIdentifier::from(loc.id.language));
    let abbreviated = DataMarkerAttributes::from_str_or_panic("3");
    match DataProvider::<DatetimeNamesMonthGregorianV1>::load(&icu_datetime::provider::Baked, silent(&lang, abbreviated)) {
        Ok(response) => response.metadata.locale.is_none_or(|resolved| !resolved.is_unknown()),
        Err(_) => false,
    }
}

fn silent<'a>(locale: &'a DataLocale, attributes: &'a DataMarkerAttributes) -> DataRequest<'a> {
    let mut metadata = DataRequestMetadata::default();
    metadata.silent = true;
    DataRequest { id: DataIdentifierBorrowed::for_marker_attributes_and_locale(attributes, locale), metadata }
}

fn is_english(loc: &Locale) -> bool {
    loc.id.language.as_str() == "en"
}

/// The amount as an exact decimal in major units, with exactly the currency's minor digits.
fn exact_decimal(amount_minor: i64, currency: Currency) -> Decimal {
    let digits = i16::from(currency.minor_units());
    let mut value = Decimal::from(amount_minor);
    value.multiply_pow10(-digits);
    value.pad_end(-digits);
    value
}

/// Formats an amount in minor units as shoppers reading `locale` write prices.
///
/// `en` (any region) is exactly [`baobab_domain::format_money`]: `₦46,400.00`, `KSh 1,250.50`.
/// Other locales follow CLDR: fr `46 400,00 ₦` (U+202F between groups, U+00A0 before the
/// symbol), pt (Angola) `46 400,00 ₦`, sw `₦ 46,400.00`, ar `‏46,400.00 ₦‏`. The digits after
/// the separator are the currency's own minor units (none for XOF).
///
/// Never panics: an unknown locale is formatted as `en`.
pub fn format_money(amount_minor: i64, currency: Currency, locale: &str) -> String {
    let loc = resolve_locale(locale);
    if is_english(&loc) {
        return baobab_domain::format_money(amount_minor, currency);
    }
    let value = exact_decimal(amount_minor, currency);
    match currency_formatter(&loc, currency) {
        Some(formatter) => formatter.format_fixed_decimal(&value).to_string(),
        // Not reached with compiled data (every locale falls back to root); still, never panic:
        // the CLDR number followed by the ISO code.
        None => format!("{}\u{a0}{}", number_formatter(&loc).format(&value), currency.code()),
    }
}

/// A currency formatter, shared within a thread.
type Formatter = Rc<CurrencyFormatter<DecimalFormatter>>;

/// Formatters already made, by locale and currency: a page shows many prices in one language,
/// and choosing the symbol and building the formatter costs more than formatting. Kept per
/// thread (ICU4X formatters are not `Sync` without its `sync` feature), at most `CACHED`
/// entries (a shop has a few languages and currencies; odd tags are not kept).
fn currency_formatter(loc: &Locale, currency: Currency) -> Option<Formatter> {
    const CACHED: usize = 256;
    thread_local! {
        static MADE: RefCell<HashMap<(String, &'static str), Formatter>> = RefCell::default();
    }
    let key = (loc.to_string(), currency.code());
    if let Some(f) = MADE.with_borrow(|made| made.get(&key).cloned()) {
        return Some(f);
    }
    let code = CurrencyType::try_from_str(&currency.code().to_ascii_lowercase()).ok()?;
    let prefs = loc.into();
    let formatter = match symbol_width(loc, code) {
        SymbolWidth::Short => CurrencyFormatter::try_new_symbol(prefs, code, Default::default()),
        SymbolWidth::Narrow => CurrencyFormatter::try_new_symbol_narrow(prefs, code, Default::default()),
        SymbolWidth::Code => CurrencyFormatter::try_new_code(prefs, code, Default::default()),
    }
    .ok()
    .map(Rc::new)?;
    MADE.with_borrow_mut(|made| {
        if made.len() < CACHED {
            made.insert(key, formatter.clone());
        }
    });
    Some(formatter)
}

enum SymbolWidth {
    Short,
    Narrow,
    Code,
}

/// Which CLDR symbol names the currency in this locale: the standard one (fr `$US`, ar `ج.م.‏`,
/// sw `Ksh`) when the locale (or a parent) has one of its own; otherwise the narrow one (fr `₦`,
/// `GH₵`, `R`), which CLDR's standard data would replace by the bare ISO code; the ISO code only
/// when CLDR has neither (fr `KES`).
fn symbol_width(loc: &Locale, code: CurrencyType) -> SymbolWidth {
    use icu_experimental::dimension::provider::currency::symbols::CurrencySymbolsV1;
    let data_locale = DataLocale::from(loc);
    let symbol = |width| {
        let mut buffer = Default::default();
        let attributes = CurrencySymbolsV1::make_attributes(code, width, &mut buffer);
        DataProvider::<CurrencySymbolsV1>::load(&icu_experimental::provider::Baked, silent(&data_locale, attributes))
            .ok()
            .map(|response| response.payload.get().as_str().to_owned())
            .filter(|symbol| !symbol.is_empty() && !symbol.eq_ignore_ascii_case(code.iso_code().as_str()))
    };
    if symbol(CurrencySymbolsV1::SHORT).is_some() {
        SymbolWidth::Short
    } else if symbol(CurrencySymbolsV1::NARROW).is_some() {
        SymbolWidth::Narrow
    } else {
        SymbolWidth::Code
    }
}

fn number_formatter(loc: &Locale) -> DecimalFormatter {
    DecimalFormatter::try_new(loc.into(), Default::default())
        .or_else(|_| DecimalFormatter::try_new(locale!("en").into(), Default::default()))
        .expect("compiled data has en")
}

/// Formats a plain integer (a stock level, a number of results) for `locale`:
/// en `12,345`, fr `12 345`, pt (Angola) `12 345`, ar `12,345`, sw `12,345`.
pub fn format_count(n: i64, locale: &str) -> String {
    let loc = resolve_locale(locale);
    number_formatter(&loc).format(&Decimal::from(n)).to_string()
}

/// Formats the (UTC) calendar day of `at` as CLDR's medium date for `locale`, Gregorian
/// calendar: en `Nov 27, 2026`, fr `27 nov. 2026`.
pub fn format_date(at: DateTime<Utc>, locale: &str) -> String {
    let loc = resolve_locale(locale);
    let Ok(date) = Date::try_new_gregorian(at.year(), at.month() as u8, at.day() as u8) else {
        return at.format("%Y-%m-%d").to_string();
    };
    let formatter = FixedCalendarDateTimeFormatter::<Gregorian, _>::try_new((&loc).into(), YMD::medium())
        .or_else(|_| FixedCalendarDateTimeFormatter::<Gregorian, _>::try_new(locale!("en").into(), YMD::medium()));
    match formatter {
        Ok(f) => f.format(&date).to_string(),
        Err(_) => at.format("%Y-%m-%d").to_string(),
    }
}
