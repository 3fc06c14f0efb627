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

pub use catalog::{I18n, Language};
pub use current::{Lang, current, scope, split_prefix};
pub use negotiate::accept_language;

/// The cookie that keeps the shopper's explicit choice of language.
pub const LANG_COOKIE: &str = "lang";

/// Languages written right to left (by primary subtag).
pub fn is_rtl(code: &str) -> bool {
    let primary = code.split('-').next().unwrap_or(code);
    matches!(primary, "ar" | "fa" | "he" | "ur" | "ps" | "ckb" | "dv" | "yi" | "sd" | "ug")
}
