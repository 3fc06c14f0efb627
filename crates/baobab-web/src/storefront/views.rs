//! View models: what the templates see. Prices arrive formatted; URLs arrive built.

use baobab_domain::Currency;
use baobab_domain::catalog::{Category, NameValue, Product, ProductSummary};
use serde::Serialize;

use super::ProductHead;
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
}

impl Link {
    pub fn to(label: &str, url: String) -> Link {
        Link { label: label.to_string(), url, current: false }
    }
}

#[derive(Serialize)]
pub struct CategoryLink {
    pub slug: String,
    pub name: String,
    pub description: String,
}

impl From<&Category> for CategoryLink {
    fn from(c: &Category) -> Self {
        CategoryLink { slug: c.slug.clone(), name: c.name.clone(), description: c.description.clone() }
    }
}

pub fn top_level(cats: &[Category]) -> Vec<CategoryLink> {
    cats.iter().filter(|c| c.parent_id.is_none() && !c.archived).map(CategoryLink::from).collect()
}

#[derive(Serialize)]
pub struct Card {
    pub url: String,
    pub title: String,
    pub price: Option<String>,
    pub in_stock: bool,
    pub img: Option<Picture>,
}

/// Product cards; images at the width a card needs on most phones (320 px).
pub fn cards(state: &AppState, items: &[ProductSummary], data_saver: bool) -> Vec<Card> {
    items
        .iter()
        .map(|p| Card {
            url: format!("/p/{}", p.slug),
            title: p.title.clone(),
            price: p.price.map(|x| crate::i18n::money(x.amount_minor, x.currency)),
            in_stock: p.in_stock,
            img: p.image.as_ref().map(|i| Picture::of(state, i, 320, data_saver)),
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

/// A variant's row on the product page. It is named by its option values, one cell per column
/// of [`VariantTable::options`]; never by its SKU.
#[derive(Serialize)]
pub struct VariantRow {
    pub id: i64,
    /// Priced in the page's currency and in stock.
    pub buyable: bool,
    /// Its value of each of the table's options, in the columns' order ("—" where it has none).
    pub values: Vec<String>,
    pub price: Option<String>,
    pub compare_at: Option<String>,
    pub stock: String,
    /// Any left (green), or none (red).
    pub available: bool,
}

/// The product page's variants: a column per option name ("Size", "Colour"), in the order the
/// variants first use them, and a row per live variant.
#[derive(Serialize)]
pub struct VariantTable {
    pub options: Vec<String>,
    pub rows: Vec<VariantRow>,
    /// The SKU of a product sold as one variant without options, shown among its details.
    pub sku: Option<String>,
}

impl VariantTable {
    pub fn of(state: &AppState, p: &Product, currency: Currency) -> VariantTable {
        let mut options: Vec<String> = Vec::new();
        for o in p.live_variants().flat_map(|v| &v.options) {
            if !options.contains(&o.name) {
                options.push(o.name.clone());
            }
        }
        let rows: Vec<VariantRow> = p
            .live_variants()
            .map(|v| {
                let price = v.price_in(currency);
                VariantRow {
                    id: v.id,
                    buyable: price.is_some() && v.stock_on_hand > 0,
                    values: options
                        .iter()
                        .map(|name| v.options.iter().find(|o| &o.name == name).map_or("—", |o| o.value.as_str()).to_string())
                        .collect(),
                    price: price.map(|x| crate::i18n::money(x.amount_minor, x.currency)),
                    compare_at: price.and_then(crate::i18n::money_was),
                    stock: stock_text(state, v.stock_on_hand),
                    available: v.stock_on_hand > 0,
                }
            })
            .collect();
        let sku = match (options.is_empty(), p.live_variants().collect::<Vec<_>>().as_slice()) {
            (true, [only]) => Some(only.sku.clone()),
            _ => None,
        };
        VariantTable { options, rows, sku }
    }
}

/// How many are left, as the product page says it.
pub fn stock_text(state: &AppState, on_hand: i64) -> String {
    match on_hand {
        n if n <= 0 => state.t("stock-out", &[]),
        n if n <= 5 => state.t("stock-few", &[("count", n.into())]),
        _ => state.t("stock-in", &[]),
    }
}

#[derive(Serialize)]
pub struct ProductView {
    pub page: Chrome,
    pub product: ProductHead,
    pub price: Option<String>,
    pub compare_at: Option<String>,
    pub in_stock: bool,
    pub variants: VariantTable,
    pub description: Vec<String>,
    pub attributes: Vec<NameValue>,
    pub images: Vec<Picture>,
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
