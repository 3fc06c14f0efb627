//! The product page: the product in the page's language (each field falling back to the
//! default language's, marked as such), its variants in the chosen currency, and its URL in
//! every language.

use axum::extract::{OriginalUri, Path, State};
use axum::http::HeaderMap;
use baobab_domain::Currency;
use baobab_domain::catalog::{Product, ProductStatus, ancestry};
use baobab_store::Key;
use serde::Serialize;

use super::localized::{Mark, PageLang, Tree, moved};
use super::views::{Chrome, Link, top_level_in, truncate};
use super::{data_saver, page, page_currency};
use crate::AppState;
use crate::i18n::{money, money_was};
use crate::media::Picture;
use crate::page::{PageError, PageResult};

#[derive(Serialize)]
pub(crate) struct ProductHead {
    pub(crate) title: String,
    /// Set when the title is the default language's on a page in another.
    pub(crate) mark: Option<Mark>,
}

pub(super) async fn product(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
    OriginalUri(uri): OriginalUri,
) -> PageResult {
    let cur = page_currency(&state, &uri, &headers)?;
    let lang = PageLang::current(&state);
    let l = state
        .store
        .localized_product(Key::Slug(&slug), lang.translated())
        .await?
        .filter(|l| l.product.status == ProductStatus::Active)
        .ok_or(PageError::NotFound("Product"))?;
    // one URL per page and language: the default slug, or another language's, moves to its own
    let own = l.slug_in(lang.translated());
    if slug != own {
        let query = uri.query().map(|q| format!("?{q}")).unwrap_or_default();
        return Ok(moved(&state, &format!("{}/p/{own}{query}", lang.prefix)));
    }
    let tree = Tree::load(&state, &lang, false).await?;
    let (p, fb) = (&l.product, &l.fallback);
    let path = format!("/p/{}", p.slug);
    let mut chrome = Chrome::new(&state, cur, &tree.cats, &path, &p.title);
    chrome.nav = top_level_in(&tree, &lang);
    chrome.set_alternates(&state, |code| format!("/p/{}", l.slug_in(lang.store_code(code))));
    chrome.data_saver = data_saver(&headers);
    let from = p.from_price(cur);
    chrome.description = match &from {
        Some(price) => {
            let args = [
                ("title", p.title.clone().into()),
                ("price", money(price.amount_minor, price.currency).into()),
                ("about", p.description.clone().into()),
            ];
            truncate(&state.t("product-description-from", &args), 155)
        }
        None => truncate(&format!("{}. {}", p.title, p.description), 155),
    };
    let mut crumbs: Vec<Link> = p
        .category_id
        .map(|c| {
            ancestry(&tree.cats, c)
                .iter()
                .map(|c| Link { mark: lang.mark(tree.fallback(c.id).name), ..Link::to(&c.name, format!("/c/{}", c.slug)) })
                .collect()
        })
        .unwrap_or_default();
    crumbs.push(Link { mark: lang.mark(fb.title), ..Link::to(&p.title, path.clone()) });
    chrome.crumbs = crumbs;
    let variants = VariantTable::of(&state, p, cur, lang.mark(true));
    let cheapest = p.live_variants().filter_map(|v| v.price_in(cur)).min_by_key(|x| x.amount_minor);
    let ctx = ProductView {
        product: ProductHead { title: p.title.clone(), mark: lang.mark(fb.title) },
        price: from.map(|x| money(x.amount_minor, x.currency)),
        compare_at: cheapest.and_then(money_was),
        in_stock: p.in_stock(),
        description: p.description.split("\n\n").map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect(),
        description_mark: lang.mark(fb.description),
        attributes: p
            .attributes
            .iter()
            .zip(&fb.attributes)
            .map(|(a, (name, value))| Attribute {
                name: a.name.clone(),
                value: a.value.clone(),
                name_mark: lang.mark(*name),
                value_mark: lang.mark(*value),
            })
            .collect(),
        images: p
            .images
            .iter()
            .enumerate()
            .map(|(n, i)| Picture::of(&state, i, if n == 0 { 640 } else { 320 }, data_saver(&headers)))
            .collect(),
        variants,
        page: chrome,
    };
    Ok(page(&state, state.templates.render("product.html", &ctx)?))
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
    /// Option names and values are the default language's: marked on a page in another.
    pub mark: Option<Mark>,
}

impl VariantTable {
    pub fn of(state: &AppState, p: &Product, currency: Currency, mark: Option<Mark>) -> VariantTable {
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
                    price: price.map(|x| money(x.amount_minor, x.currency)),
                    compare_at: price.and_then(money_was),
                    stock: stock_text(state, v.stock_on_hand),
                    available: v.stock_on_hand > 0,
                }
            })
            .collect();
        let sku = match (options.is_empty(), p.live_variants().collect::<Vec<_>>().as_slice()) {
            (true, [only]) => Some(only.sku.clone()),
            _ => None,
        };
        VariantTable { options, rows, sku, mark }
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
    /// Set when the description is the default language's on a page in another.
    pub description_mark: Option<Mark>,
    pub attributes: Vec<Attribute>,
    pub images: Vec<Picture>,
}

/// An attribute as the product page shows it, its untranslated name or value marked.
#[derive(Serialize)]
pub struct Attribute {
    pub name: String,
    pub value: String,
    pub name_mark: Option<Mark>,
    pub value_mark: Option<Mark>,
}
