//! The shop's languages: Fluent message catalogs (CLDR plural rules included), the language of
//! the request being served, and the choice of a language from `Accept-Language`.
//!
//! Catalogs ship inside the binary (`locales/<lang>/*.ftl`). A shop may drop `<lang>.ftl` files
//! into the folder named by `i18n.dir`: a shipped language's file overrides its messages, any
//! other adds a language. A message missing from a language falls back to the default
//! language's. Templates call `t("key", name=value…)`; Rust code calls [`I18n::msg`].

mod catalog;
mod current;
mod negotiate;

pub use catalog::{CATALOG_FILES, I18n, Language, valid_code};
pub use current::{Lang, current, scope, split_prefix};
pub use negotiate::accept_language;

/// The cookie that keeps the shopper's explicit choice of language.
pub const LANG_COOKIE: &str = "lang";

/// Languages written right to left (by primary subtag).
pub fn is_rtl(code: &str) -> bool {
    let primary = code.split('-').next().unwrap_or(code);
    matches!(primary, "ar" | "fa" | "he" | "ur" | "ps" | "ckb" | "dv" | "yi" | "sd" | "ug")
}

/// An amount in the request's language, from CLDR (`46 400,00 ₦` in French); English keeps the
/// shop's own per-market format (`₦46,400.00`). Amounts stay integer minor units.
pub fn money(amount_minor: i64, currency: baobab_domain::Currency) -> String {
    let lang = current().map(|l| l.code.to_string()).unwrap_or_default();
    baobab_locale::format_money(amount_minor, currency, if lang.is_empty() { "en" } else { &lang })
}

/// A price's struck-through "was" amount, in the request's language.
pub fn money_was(p: &baobab_domain::catalog::Price) -> Option<String> {
    p.compare_at_minor.map(|c| money(c, p.currency))
}
