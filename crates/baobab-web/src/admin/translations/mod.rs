//! Translating the catalog in the admin (catalog editors and owners): what is left to translate
//! per language, each language's products and categories, and a page per product or category
//! with a form per language beside the default language's content (`items`). The same store
//! calls and rules as the API: languages are the shop's other than its default, blank fields
//! fall back to the default content, slugs are unique per language.

use axum::Router;
use axum::extract::{DefaultBodyLimit, OriginalUri, Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use baobab_domain::catalog::MAX_DESCRIPTION_LEN;
use baobab_domain::query::{Pagination, ProductQuery, Sort, StatusFilter};
use baobab_domain::translation::{CategoryTranslation, TranslationGaps};
use serde::Serialize;
use serde_json::json;

use super::access::{Member, Staff, can};
use super::words::{count_of, counted, heads, product_status, t, ta, yes_no};
use super::{missing, render_in};
use crate::AppState;
use crate::i18n::Language;
use crate::page::{PageError, PageResult};

mod categories;
mod items;

/// Products per page of a language's list.
const PER_PAGE: &str = "25";
/// Where every translation page sits in the navigation.
const HOME: &str = "/admin/translations";

pub(super) fn routes() -> Router<AppState> {
    // a description may be 20,000 characters of any script: up to 12 bytes each once encoded
    let form_limit = DefaultBodyLimit::max(12 * MAX_DESCRIPTION_LEN + 64 * 1024);
    Router::new()
        .route(HOME, get(overview))
        .route("/admin/translations/{lang}", get(language))
        .route("/admin/translations/products/{id}", get(items::product))
        .route("/admin/translations/products/{id}/{lang}", post(items::save_product).layer(form_limit))
        .route("/admin/translations/products/{id}/{lang}/delete", post(items::delete_product))
        .route("/admin/translations/categories/{id}", get(categories::category))
        .route("/admin/translations/categories/{id}/{lang}", post(categories::save_category).layer(form_limit))
        .route("/admin/translations/categories/{id}/{lang}/delete", post(categories::delete_category))
}

/// A table cell: text, a link, or the catalog's own words in `lang` (shown with `dir="auto"`).
#[derive(Serialize, Default)]
struct Cell {
    text: String,
    href: String,
    lang: String,
    /// Marked as missing.
    missing: bool,
}

impl Cell {
    fn text(text: String) -> Cell {
        Cell { text, ..Default::default() }
    }
    fn link(text: String, href: String, lang: &str) -> Cell {
        Cell { text, href, lang: lang.to_string(), ..Default::default() }
    }
    fn words(text: String, lang: &str) -> Cell {
        Cell { text, lang: lang.to_string(), ..Default::default() }
    }
    fn missing(text: String) -> Cell {
        Cell { text, missing: true, ..Default::default() }
    }
}

#[derive(Serialize)]
struct Pager {
    prev: String,
    next: String,
    label: String,
}

#[derive(Serialize, Default)]
struct Table {
    title: String,
    text: String,
    head: Vec<String>,
    rows: Vec<Vec<Cell>>,
    pager: Option<Pager>,
}

#[derive(Serialize)]
struct Link {
    href: String,
    text: String,
}

/// The shop's languages other than its default: the ones content is translated into.
fn others(state: &AppState) -> impl Iterator<Item = &Language> {
    let default = state.i18n.default_code();
    state.i18n.languages().iter().filter(move |l| l.code != default)
}

/// The language of a URL, when the shop translates into it.
fn offered<'a>(state: &'a AppState, code: &str) -> Option<&'a Language> {
    others(state).find(|l| l.code == code)
}

/// The default language's name in itself.
fn default_name(state: &AppState) -> String {
    let code = state.i18n.default_code();
    state.i18n.get(code).map_or_else(|| code.to_string(), |l| l.name.clone())
}

/// A page of this part of the admin (at `path`), in its own template.
async fn page(state: &AppState, s: &Member, path: &str, heading: &str, more: serde_json::Value) -> PageResult {
    render_in(state, s, path, StatusCode::OK, heading, "", vec![], vec![], "admin/translations.html", more).await
}

fn n_of(state: &AppState, missing: u64, total: u64) -> String {
    ta(state, "content-n-of", &[("missing", count_of(missing as i64).into()), ("total", count_of(total as i64).into())])
}

/// What is left to translate, one row per language of the shop other than its default.
pub(super) async fn overview(State(state): State<AppState>, s: Staff<can::EditCatalog>) -> PageResult {
    let langs: Vec<&Language> = others(&state).collect();
    let heading = t(&state, "content-heading");
    if langs.is_empty() {
        return page(&state, &s, HOME, &heading, json!({"intro": [t(&state, "content-single-language")]})).await;
    }
    let codes: Vec<String> = langs.iter().map(|l| l.code.clone()).collect();
    let gaps = state.store.translation_gaps(&codes).await?;
    let rows = langs
        .iter()
        .zip(&gaps)
        .map(|(l, g)| {
            vec![
                Cell::link(l.name.clone(), format!("{HOME}/{}", l.code), &l.code),
                Cell::text(n_of(&state, g.products_untranslated, g.products)),
                Cell::text(n_of(&state, g.categories_untranslated, g.categories)),
                Cell::text(count_of(g.missing_fields as i64)),
            ]
        })
        .collect();
    let head = heads(&state, &["content-col-language", "content-col-products", "content-col-categories", "content-col-fields"]);
    let intro = ta(&state, "content-intro", &[("language", default_name(&state).into())]);
    page(&state, &s, HOME, &heading, json!({"intro": [intro], "tables": [Table { head, rows, ..Default::default() }]})).await
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct PageParam {
    page: Option<String>,
}

/// One language: what is missing in it, its products (a page at a time: one listing query)
/// and its categories (the cached tree and one query for their translations).
pub(super) async fn language(
    State(state): State<AppState>,
    s: Staff<can::EditCatalog>,
    Path(code): Path<String>,
    OriginalUri(uri): OriginalUri,
) -> PageResult {
    let Some(lang) = offered(&state, &code) else {
        return missing(&state, &s, HOME, "content-missing-language").await;
    };
    let p: PageParam = crate::params::query(&uri)?;
    let pagination = Pagination::parse(p.page.as_deref(), Some(PER_PAGE)).map_err(PageError::BadParam)?;
    let gaps = state.store.translation_gaps(std::slice::from_ref(&lang.code)).await?.pop().unwrap_or_default();
    let mut q = ProductQuery::storefront(state.settings.default_currency);
    q.status = StatusFilter::Any;
    q.priced_only = false;
    q.sort = Sort::Newest;
    q.pagination = pagination;
    q.lang = Some(lang.code.clone());
    let products = state.store.products(&q).await?;
    let default = state.i18n.default_code().to_string();
    let rows = products
        .items
        .iter()
        .map(|p| {
            let shown_in = if p.title_fallback { &default } else { &lang.code };
            vec![
                Cell::link(p.title.clone(), format!("{HOME}/products/{}#{}", p.id, lang.code), shown_in),
                Cell::text(product_status(&state, p.status.as_str())),
                if p.title_fallback { Cell::missing(yes_no(&state, false)) } else { Cell::text(yes_no(&state, true)) },
            ]
        })
        .collect();
    let pages = products.page_count();
    let at = |n: u32| format!("{HOME}/{}?page={n}", lang.code);
    let pager = (pages > 1).then(|| Pager {
        prev: if products.page > 1 { at(products.page - 1) } else { String::new() },
        next: if products.page < pages { at(products.page + 1) } else { String::new() },
        label: ta(&state, "pager-page", &[("page", count_of(products.page.into()).into()), ("pages", count_of(pages.into()).into())]),
    });
    let tables = vec![
        missing_table(&state, &gaps),
        Table {
            title: t(&state, "content-products"),
            text: t(&state, "content-products-text"),
            head: heads(&state, &["admin-col-title", "admin-col-status", "content-col-title-translated"]),
            rows,
            pager,
        },
        categories_table(&state, lang).await?,
    ];
    let heading = ta(&state, "content-language-heading", &[("language", lang.name.clone().into())]);
    page(&state, &s, &format!("{HOME}/{}", lang.code), &heading, json!({"tables": tables})).await
}

/// The language's missing fields by kind.
fn missing_table(state: &AppState, g: &TranslationGaps) -> Table {
    let rows = [
        ("content-gap-product-titles", g.product_titles),
        ("content-gap-product-descriptions", g.product_descriptions),
        ("content-gap-attribute-names", g.attribute_names),
        ("content-gap-attribute-values", g.attribute_values),
        ("content-gap-category-names", g.category_names),
        ("content-gap-category-descriptions", g.category_descriptions),
    ]
    .into_iter()
    .map(|(key, n)| vec![Cell::text(t(state, key)), Cell::text(count_of(n as i64))])
    .collect();
    Table { title: t(state, "content-missing"), head: heads(state, &["content-col-what", "content-col-count"]), rows, ..Default::default() }
}

/// The live categories, each under its name in `lang` (or the default's) and its missing fields.
async fn categories_table(state: &AppState, lang: &Language) -> Result<Table, PageError> {
    let cats = state.categories().await?;
    let all = state.store.all_category_translations().await?;
    let default = state.i18n.default_code();
    let rows = cats
        .iter()
        .filter(|c| !c.archived)
        .map(|c| {
            let tr = all.iter().find(|e| e.category_id == c.id && e.lang == lang.code).map(|e| &e.translation);
            let missing = category_missing(!c.description.is_empty(), tr);
            let name = tr.and_then(|t| t.name.clone());
            vec![
                Cell::link(c.name.clone(), format!("{HOME}/categories/{}#{}", c.id, lang.code), default),
                match name {
                    Some(n) => Cell::words(n, &lang.code),
                    None => Cell::missing("—".into()),
                },
                Cell::text(counted(state, "content-fields-missing", missing)),
            ]
        })
        .collect();
    let head = heads(state, &["content-col-category", "content-col-translated-name", "content-col-fields"]);
    Ok(Table { title: t(state, "content-categories"), head, rows, ..Default::default() })
}

/// How many of a category's fields are missing in a translation.
fn category_missing(has_description: bool, t: Option<&CategoryTranslation>) -> u64 {
    let mut g = TranslationGaps::default();
    g.add_category(has_description, t);
    g.missing_fields
}
