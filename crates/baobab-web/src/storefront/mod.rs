//! The storefront: small server-rendered pages that work without JavaScript on slow networks.
//! Pages are cacheable (`public`, short max-age, ETag) and vary only by the currency cookie.

mod language;
pub(crate) mod localized;
mod product;
pub(crate) mod views;

use axum::Router;
use axum::extract::{OriginalUri, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use baobab_domain::catalog::ancestry;
use baobab_domain::query::{Pagination, ProductQuery, Sort};
use baobab_domain::{Currency, ValidationError};
use serde::Deserialize;

use crate::AppState;
use crate::i18n::money;
use crate::page::{PageError, PageResult, html_type};
use crate::params::{CURRENCY_COOKIE, ListParams, currency, query};
use localized::{PageLang, Tree, moved};
pub use localized::{forget_category_translations, page_categories};
use views::*;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/c/{slug}", get(category))
        .route("/p/{slug}", get(product::product))
        .route("/search", get(search))
        .route("/currency", get(set_currency))
        .route("/data-saver", get(set_data_saver))
        .route("/language", get(language::set_language))
}

/// A cacheable HTML page. It varies by the currency cookie, which the CDN's cache key includes.
fn page(state: &AppState, body: String) -> Response {
    let mut res = (html_type(), body).into_response();
    let h = res.headers_mut();
    h.insert(header::CACHE_CONTROL, crate::caching::public_cache(state.settings.page_max_age));
    h.insert(header::VARY, HeaderValue::from_static("Cookie"));
    res
}

/// Unknown paths: a 404 page (HTML) — the API has its own JSON 404.
pub async fn not_found() -> PageError {
    PageError::NotFound("Page")
}

async fn home(State(state): State<AppState>, headers: HeaderMap, OriginalUri(uri): OriginalUri) -> PageResult {
    let cur = page_currency(&state, &uri, &headers)?;
    let lang = PageLang::current(&state);
    let tree = Tree::load(&state, &lang, false).await?;
    let mut q = ProductQuery::storefront(cur);
    q.pagination = Pagination { page: 1, per_page: 12 };
    q.lang = lang.translated().map(String::from);
    let list = state.store.products(&q).await?;
    let shop = || state.settings.shop_name.clone().into();
    let mut chrome = Chrome::new(&state, cur, &tree.cats, "/", &state.t("home-title", &[]));
    chrome.nav = top_level_in(&tree, &lang);
    chrome.data_saver = data_saver(&headers);
    chrome.description = state.t("home-description", &[("shop", shop())]);
    let ctx = HomeView {
        heading: state.t("home-heading", &[("shop", shop())]),
        tagline: state.t("home-tagline", &[]),
        categories: top_level_in(&tree, &lang),
        cards: cards(&state, &list.items, data_saver(&headers), &lang),
        page: chrome,
    };
    Ok(page(&state, state.templates.render("home.html", &ctx)?))
}

/// The currency for a page, from `?currency=` (must be valid), the cookie or the default.
fn page_currency(state: &AppState, uri: &axum::http::Uri, headers: &HeaderMap) -> Result<Currency, PageError> {
    #[derive(Deserialize)]
    struct C {
        currency: Option<String>,
    }
    let c: C = query(uri)?;
    Ok(currency(c.currency.as_deref(), headers, state.settings.default_currency)?)
}

#[derive(Deserialize, Default)]
struct CategoryParams {
    page: Option<String>,
    sort: Option<String>,
    in_stock: Option<String>,
    currency: Option<String>,
}

async fn category(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
    OriginalUri(uri): OriginalUri,
) -> PageResult {
    let p: CategoryParams = query(&uri)?;
    let list_params =
        ListParams { page: p.page, sort: p.sort, in_stock: p.in_stock, currency: p.currency, category: None, ..Default::default() };
    let mut resolved = list_params.resolve(&state, &headers, false).await?;
    let lang = PageLang::current(&state);
    let tree = Tree::load(&state, &lang, true).await?;
    let (cat, own) = tree.find(&slug).ok_or(PageError::NotFound("Category"))?;
    // one URL per page and language: the default slug, or another language's, moves to its own
    if !own {
        let query = uri.query().map(|q| format!("?{q}")).unwrap_or_default();
        return Ok(moved(&state, &format!("{}/c/{}{query}", lang.prefix, cat.slug)));
    }
    resolved.query.category_id = Some(cat.id);
    resolved.query.lang = lang.translated().map(String::from);
    let q = &resolved.query;
    let list = state.store.products(q).await?;
    if q.pagination.page > 1 && q.pagination.page > list.page_count() {
        return Err(PageError::NotFound("Page"));
    }
    let path = format!("/c/{}", cat.slug);
    let base = Params::new(&path).with("in_stock", q.in_stock_only.then(|| "1".to_string()));
    let sort_base = base.clone();
    let paged = base.with("sort", (q.sort != Sort::Relevance).then(|| q.sort.as_str().to_string()));
    let mut chrome = Chrome::new(&state, q.currency, &tree.cats, &path, &cat.name);
    chrome.nav = top_level_in(&tree, &lang);
    chrome.data_saver = data_saver(&headers);
    let page_no = (q.pagination.page > 1).then(|| q.pagination.page.to_string());
    chrome.set_canonical(&state, &Params::new(&path).with("page", page_no.clone()).url());
    chrome.set_alternates(&state, |code| {
        Params::new(&format!("/c/{}", tree.slug_in(cat.id, lang.store_code(code)))).with("page", page_no.clone()).url()
    });
    let args = [
        ("category", cat.name.clone().into()),
        ("count", list.total.into()),
        ("shop", state.settings.shop_name.clone().into()),
        ("about", cat.description.clone().into()),
    ];
    chrome.description = truncate(&state.t("category-description", &args), 155);
    chrome.crumbs = ancestry(&tree.cats, cat.id)
        .iter()
        .map(|c| Link { mark: lang.mark(tree.fallback(c.id).name), ..Link::to(&c.name, format!("/c/{}", c.slug)) })
        .collect();
    let ctx = CategoryView {
        children: tree
            .cats
            .iter()
            .filter(|c| c.parent_id == Some(cat.id) && !c.archived)
            .map(|c| CategoryLink::of(c, &tree, &lang))
            .collect(),
        category: CategoryLink::of(cat, &tree, &lang),
        total: list.total,
        sorts: sort_links(&state, &sort_base, q.sort, false),
        pager: Pager::new(&paged, q.pagination.page, list.page_count()),
        cards: cards(&state, &list.items, data_saver(&headers), &lang),
        page: chrome,
    };
    Ok(page(&state, state.templates.render("category.html", &ctx)?))
}

async fn search(State(state): State<AppState>, headers: HeaderMap, OriginalUri(uri): OriginalUri) -> PageResult {
    let mut params: ListParams = query(&uri)?;
    if params.status.is_some() {
        return Err(PageError::BadParam(ValidationError::new("status", "is not available on the storefront")));
    }
    let lang = PageLang::current(&state);
    let tree = Tree::load(&state, &lang, false).await?;
    // the category filter names a category by its slug in the page's language (any slug works)
    if let Some((c, _)) = params.category.as_deref().and_then(|c| tree.find(c)) {
        params.category = Some(c.id.to_string());
    }
    let mut resolved = params.resolve(&state, &headers, false).await?;
    resolved.query.with_facets = true;
    resolved.query.lang = lang.translated().map(String::from);
    let q = &resolved.query;
    let list = state.store.products(q).await?;
    let cats = &tree.cats;
    let text = params.q.clone().unwrap_or_default();
    let slug_of = |id: i64| cats.iter().find(|c| c.id == id).map(|c| c.slug.clone());
    let base = Params::new("/search")
        .with("q", Some(text.trim().to_string()).filter(|s| !s.is_empty()))
        .with("category", resolved.category.as_ref().and_then(|c| slug_of(c.id)))
        .with("min_price", q.min_price.map(|v| v.to_string()))
        .with("max_price", q.max_price.map(|v| v.to_string()))
        .with("in_stock", q.in_stock_only.then(|| "1".to_string()));
    let sorted = base.clone().with("sort", (q.sort != Sort::Relevance).then(|| q.sort.as_str().to_string()));
    let facets = list.facets.clone().unwrap_or(baobab_domain::query::Facets { categories: vec![], prices: vec![], in_stock: 0 });
    let category_links = facets
        .categories
        .iter()
        .filter_map(|fc| {
            let c = cats.iter().find(|c| c.id == fc.category_id)?;
            Some(Link {
                label: format!("{} ({})", c.name, fc.count),
                url: sorted.clone().with("category", Some(c.slug.clone())).with("page", None).url(),
                current: q.category_id == Some(c.id),
                mark: lang.mark(tree.fallback(c.id).name),
            })
        })
        .collect();
    let price_links = facets
        .prices
        .iter()
        .map(|b| Link {
            label: format!("{} – {} ({})", money(b.min, q.currency), money(b.max, q.currency), b.count),
            url: sorted.clone().with("min_price", Some(b.min.to_string())).with("max_price", Some(b.max.to_string())).url(),
            current: q.min_price == Some(b.min) && q.max_price == Some(b.max),
            mark: None,
        })
        .collect();
    let stock_links = vec![Link {
        label: state.t("search-in-stock-only", &[("count", facets.in_stock.into())]),
        url: sorted.clone().with("in_stock", (!q.in_stock_only).then(|| "1".to_string())).url(),
        current: false,
        mark: None,
    }];
    let filtered = q.category_id.is_some() || q.min_price.is_some() || q.max_price.is_some() || q.in_stock_only;
    let clear = filtered.then(|| Params::new("/search").with("q", Some(text.trim().to_string()).filter(|s| !s.is_empty())).url());
    let title = if text.trim().is_empty() {
        state.t("search-all", &[])
    } else {
        state.t("search-title", &[("query", truncate(text.trim(), 60).into())])
    };
    let mut chrome = Chrome::new(
        &state,
        q.currency,
        cats,
        &sorted.clone().with("page", (q.pagination.page > 1).then(|| q.pagination.page.to_string())).url(),
        &title,
    );
    chrome.nav = top_level_in(&tree, &lang);
    chrome.data_saver = data_saver(&headers);
    chrome.q = text.trim().to_string();
    chrome.noindex = true;
    chrome.set_canonical(&state, &Params::new("/search").with("q", Some(text.trim().to_string()).filter(|s| !s.is_empty())).url());
    chrome.description = state.t("search-description", &[("count", list.total.into()), ("shop", state.settings.shop_name.clone().into())]);
    let ctx = SearchView {
        total: list.total,
        sorts: sort_links(&state, &base, q.sort, q.terms.is_some()),
        pager: Pager::new(&sorted, q.pagination.page, list.page_count()),
        cards: cards(&state, &list.items, data_saver(&headers), &lang),
        categories: category_links,
        prices: price_links,
        stock: stock_links,
        clear,
        page: chrome,
    };
    Ok(page(&state, state.templates.render("search.html", &ctx)?))
}

#[derive(Deserialize)]
struct CurrencyParams {
    code: Option<String>,
    back: Option<String>,
}

/// Stores the shopper's currency in a cookie and returns to the page they were on.
async fn set_currency(State(state): State<AppState>, OriginalUri(uri): OriginalUri) -> PageResult {
    let p: CurrencyParams = query(&uri)?;
    let code = p.code.unwrap_or_default();
    let cur: Currency = code.parse().map_err(|e: baobab_domain::money::CurrencyError| ValidationError::new("code", e.to_string()))?;
    let back = safe_back(p.back);
    let secure = crate::account::session::secure_attr(&state);
    let cookie = format!("{CURRENCY_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax{secure}", cur.code());
    redirect_with_cookie(&back, &cookie)
}

/// Cookie that switches data-saver mode on.
pub const DATA_SAVER_COOKIE: &str = "datasaver";

fn data_saver(headers: &HeaderMap) -> bool {
    crate::params::cookie(headers, DATA_SAVER_COOKIE) == Some("1")
}

#[derive(Deserialize)]
struct DataSaverParams {
    on: Option<String>,
    back: Option<String>,
}

/// Switches data-saver mode (tiny placeholder images only) on or off and goes back.
async fn set_data_saver(State(state): State<AppState>, OriginalUri(uri): OriginalUri) -> PageResult {
    let p: DataSaverParams = query(&uri)?;
    let on = baobab_domain::query::parse_flag("on", p.on.as_deref())?;
    let back = safe_back(p.back);
    let secure = crate::account::session::secure_attr(&state);
    let cookie = if on {
        format!("{DATA_SAVER_COOKIE}=1; Path=/; Max-Age=31536000; SameSite=Lax{secure}")
    } else {
        format!("{DATA_SAVER_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax{secure}")
    };
    redirect_with_cookie(&back, &cookie)
}

/// Only same-site paths, judged as a browser reads them: never an open redirect.
pub(crate) fn safe_back(back: Option<String>) -> String {
    back.as_deref().and_then(baobab_domain::redirect::local_path).unwrap_or_else(|| "/".into())
}

pub(crate) fn redirect_with_cookie(back: &str, cookie: &str) -> PageResult {
    let mut res = StatusCode::SEE_OTHER.into_response();
    let h = res.headers_mut();
    h.insert(header::LOCATION, HeaderValue::from_str(back).map_err(|_| ValidationError::new("back", "is not a valid path"))?);
    h.insert(header::SET_COOKIE, HeaderValue::from_str(cookie).expect("ascii cookie"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}

/// A sort's label in the page's language.
fn sort_label(state: &AppState, s: Sort) -> String {
    let key = match s {
        Sort::Relevance => "sort-relevance",
        Sort::Newest => "sort-newest",
        Sort::PriceAsc => "sort-price-asc",
        Sort::PriceDesc => "sort-price-desc",
        Sort::TitleAsc => "sort-title-asc",
    };
    state.t(key, &[])
}

fn sort_links(state: &AppState, base: &Params, current: Sort, has_text: bool) -> Vec<Link> {
    Sort::ALL
        .iter()
        .filter(|s| has_text || **s != Sort::Newest)
        .map(|s| Link {
            label: if !has_text && *s == Sort::Relevance { sort_label(state, Sort::Newest) } else { sort_label(state, *s) },
            url: base.clone().with("sort", (*s != Sort::Relevance).then(|| s.as_str().to_string())).url(),
            current: *s == current || (!has_text && current == Sort::Newest && *s == Sort::Relevance),
            mark: None,
        })
        .collect()
}
