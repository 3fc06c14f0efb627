//! View models: what the templates see. Prices arrive formatted; URLs arrive built.

use baobab_domain::Currency;
use baobab_domain::catalog::{Category, ProductSummary};
use serde::Serialize;

use super::localized::{Mark, PageLang, Tree};
use crate::AppState;
use crate::media::Picture;

/// What every page's frame needs.
#[derive(Serialize)]
pub struct Chrome {
    pub shop: String,
    pub title: String,
    pub description: String,
    pub canonical: String,
    pub css: String,
    pub currencies: Vec<&'static str>,
    pub currency: &'static str,
    pub nav: Vec<CategoryLink>,
    pub crumbs: Vec<Link>,
    pub q: String,
    /// This page's path and query, where the currency switch returns to.
    pub path: String,
    pub noindex: bool,
    /// Data-saver mode: images as tiny placeholders only.
    pub data_saver: bool,
    /// The page's language (`<html lang>`), its direction (`ltr`/`rtl`) and the prefix its
    /// links carry (`""` for the default language, `"/fr"`).
    pub lang: String,
    pub dir: &'static str,
    pub prefix: String,
    /// This page's path without the language prefix, where the language switch returns to.
    pub bare_path: String,
    /// The same page in every language (`hreflang`), the default one also as `x-default`.
    pub alternates: Vec<Alternate>,
    /// The language menu: (code, name in itself).
    pub languages: Vec<(String, String)>,
}

#[derive(Serialize)]
pub struct Alternate {
    pub hreflang: String,
    pub href: String,
}

impl Chrome {
    pub fn new(state: &AppState, currency: Currency, cats: &[Category], path: &str, title: &str) -> Chrome {
        let i18n = &state.i18n;
        let lang = crate::i18n::current().unwrap_or_else(|| crate::i18n::Lang::new(i18n.default_code(), i18n.default_code()));
        let mut c = Chrome {
            shop: state.settings.shop_name.clone(),
            title: title.to_string(),
            description: String::new(),
            canonical: String::new(),
            css: state.assets.css.path.clone(),
            currencies: Currency::all().map(|c| c.code()).collect(),
            currency: currency.code(),
            nav: top_level(cats),
            crumbs: Vec::new(),
            q: String::new(),
            path: format!("{}{path}", lang.prefix),
            noindex: false,
            data_saver: false,
            dir: if crate::i18n::is_rtl(&lang.code) { "rtl" } else { "ltr" },
            lang: lang.code.to_string(),
            prefix: lang.prefix.to_string(),
            bare_path: path.to_string(),
            alternates: Vec::new(),
            languages: i18n.languages().iter().map(|l| (l.code.clone(), l.name.clone())).collect(),
        };
        c.set_canonical(state, path);
        c
    }

    /// Sets the canonical link to `path` (without prefix) in this page's language, and the
    /// `hreflang` alternates to the same path in every language.
    pub fn set_canonical(&mut self, state: &AppState, path: &str) {
        let base = &state.settings.public_url;
        let default = state.i18n.default_code();
        self.canonical = format!("{base}{}{path}", self.prefix);
        let href = |code: &str| format!("{base}{}{path}", crate::i18n::Lang::new(code, default).prefix);
        self.alternates = state.i18n.languages().iter().map(|l| Alternate { hreflang: l.code.clone(), href: href(&l.code) }).collect();
        self.alternates.push(Alternate { hreflang: "x-default".into(), href: href(default) });
    }

    /// The `hreflang` alternates of a page whose path differs per language (a translated slug):
    /// `path_in(code)` is the path (without prefix) in language `code`.
    pub fn set_alternates(&mut self, state: &AppState, path_in: impl Fn(&str) -> String) {
        let base = &state.settings.public_url;
        let default = state.i18n.default_code();
        let href = |code: &str| format!("{base}{}{}", crate::i18n::Lang::new(code, default).prefix, path_in(code));
        self.alternates = state.i18n.languages().iter().map(|l| Alternate { hreflang: l.code.clone(), href: href(&l.code) }).collect();
        self.alternates.push(Alternate { hreflang: "x-default".into(), href: href(default) });
    }

    /// For error pages, which must render even when the database is away.
    pub fn bare(state: &AppState, title: &str) -> Chrome {
        let mut c = Chrome::new(state, state.settings.default_currency, &[], "/", title);
        c.noindex = true;
        c.description = title.to_string();
        c.alternates.clear();
        c
    }
}

#[derive(Serialize, Clone)]
pub struct Link {
    pub label: String,
    pub url: String,
    pub current: bool,
    /// Set when the label is the default language's on a page in another.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mark: Option<Mark>,
}

impl Link {
    pub fn to(label: &str, url: String) -> Link {
        Link { label: label.to_string(), url, current: false, mark: None }
    }
}

#[derive(Serialize)]
pub struct CategoryLink {
    pub slug: String,
    pub name: String,
    pub description: String,
    /// Set when the name (`mark`) or the description (`about_mark`) is the default language's
    /// on a page in another.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mark: Option<Mark>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub about_mark: Option<Mark>,
}

impl From<&Category> for CategoryLink {
    fn from(c: &Category) -> Self {
        CategoryLink { slug: c.slug.clone(), name: c.name.clone(), description: c.description.clone(), mark: None, about_mark: None }
    }
}

impl CategoryLink {
    /// A category of the tree in the page's language, its untranslated parts marked.
    pub fn of(c: &Category, tree: &Tree, lang: &PageLang) -> CategoryLink {
        let fb = tree.fallback(c.id);
        CategoryLink { mark: lang.mark(fb.name), about_mark: lang.mark(fb.description), ..CategoryLink::from(c) }
    }
}

pub fn top_level(cats: &[Category]) -> Vec<CategoryLink> {
    cats.iter().filter(|c| c.parent_id.is_none() && !c.archived).map(CategoryLink::from).collect()
}

/// The top-level categories in the page's language, untranslated names marked.
pub fn top_level_in(tree: &Tree, lang: &PageLang) -> Vec<CategoryLink> {
    tree.cats.iter().filter(|c| c.parent_id.is_none() && !c.archived).map(|c| CategoryLink::of(c, tree, lang)).collect()
}

#[derive(Serialize)]
pub struct Card {
    pub url: String,
    pub title: String,
    pub price: Option<String>,
    pub in_stock: bool,
    pub img: Option<Picture>,
    /// Set when the title is the default language's on a page in another.
    pub mark: Option<Mark>,
}

/// Product cards; images at the width a card needs on most phones (320 px).
pub fn cards(state: &AppState, items: &[ProductSummary], data_saver: bool, lang: &PageLang) -> Vec<Card> {
    items
        .iter()
        .map(|p| Card {
            url: format!("/p/{}", p.slug),
            title: p.title.clone(),
            price: p.price.map(|x| crate::i18n::money(x.amount_minor, x.currency)),
            in_stock: p.in_stock,
            img: p.image.as_ref().map(|i| Picture::of(state, i, 320, data_saver)),
            mark: lang.mark(p.title_fallback),
        })
        .collect()
}

#[derive(Serialize)]
pub struct Pager {
    pub page: u32,
    pub pages: u32,
    pub prev: Option<String>,
    pub next: Option<String>,
}

impl Pager {
    pub fn new(base: &Params, page: u32, pages: u32) -> Pager {
        let at = |n: u32| base.clone().with("page", (n > 1).then(|| n.to_string())).url();
        Pager { page, pages, prev: (page > 1).then(|| at(page - 1)), next: (page < pages).then(|| at(page + 1)) }
    }
}

/// A path with query parameters, kept in a fixed order so equal pages have equal URLs
/// (one cache entry at the CDN).
#[derive(Clone)]
pub struct Params {
    path: String,
    pairs: Vec<(&'static str, String)>,
}

impl Params {
    pub fn new(path: &str) -> Params {
        Params { path: path.to_string(), pairs: Vec::new() }
    }

    /// Sets (or with `None` removes) a parameter.
    pub fn with(mut self, key: &'static str, value: Option<String>) -> Params {
        self.pairs.retain(|(k, _)| *k != key);
        if let Some(v) = value {
            self.pairs.push((key, v));
        }
        self
    }

    pub fn url(&self) -> String {
        let mut pairs = self.pairs.clone();
        pairs.sort_by_key(|(k, _)| *k);
        let mut s = self.path.clone();
        for (i, (k, v)) in pairs.iter().enumerate() {
            s.push(if i == 0 { '?' } else { '&' });
            s.push_str(k);
            s.push('=');
            s.push_str(&encode(v));
        }
        s
    }
}

/// Percent-encodes a query value (everything but RFC 3986 unreserved characters).
pub fn encode(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for b in v.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else if b == b' ' {
            out.push('+');
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

pub fn truncate(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        return s;
    }
    let cut: String = s.chars().take(max - 1).collect();
    format!("{}…", cut.trim_end())
}

#[derive(Serialize)]
pub struct HomeView {
    pub page: Chrome,
    pub heading: String,
    pub tagline: String,
    pub categories: Vec<CategoryLink>,
    pub cards: Vec<Card>,
}

#[derive(Serialize)]
pub struct CategoryView {
    pub page: Chrome,
    pub category: CategoryLink,
    pub children: Vec<CategoryLink>,
    pub total: u64,
    pub sorts: Vec<Link>,
    pub cards: Vec<Card>,
    pub pager: Pager,
}

#[derive(Serialize)]
pub struct SearchView {
    pub page: Chrome,
    pub total: u64,
    pub sorts: Vec<Link>,
    pub cards: Vec<Card>,
    pub pager: Pager,
    pub categories: Vec<Link>,
    pub prices: Vec<Link>,
    pub stock: Vec<Link>,
    pub clear: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_stable_and_encoded() {
        let p = Params::new("/search").with("q", Some("shea & co".into())).with("page", Some("2".into())).with("category", None);
        assert_eq!(p.url(), "/search?page=2&q=shea+%26+co");
        assert_eq!(p.clone().with("page", None).url(), "/search?q=shea+%26+co");
        assert_eq!(truncate("a  b\nc", 10), "a b c");
        assert_eq!(truncate("abcdefghijk", 5), "abcd…");
    }
}
