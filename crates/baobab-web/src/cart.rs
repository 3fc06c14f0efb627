//! Cart pages. Carts live in the database under their owner (the guest's session
//! or the customer), so any instance serves them and a guest cart follows its owner at login.
//! Prices are always taken from the price list on the server; placing an order takes the stock
//! in the same transaction and is idempotent (the form carries a key).

use axum::Router;
use axum::extract::{OriginalUri, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use baobab_domain::catalog::Variant;
use baobab_domain::{Currency, ValidationError};

use crate::i18n::money as format_money;
use baobab_store::StoreError;
use serde::{Deserialize, Serialize};

use crate::AppState;
use crate::account::session::{self, Current, same_origin};
use crate::page::{Form, PageError, PageResult, Posted, Visitor, html_type, redirect};
use crate::storefront::views::Chrome;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/cart", get(show))
        .route("/cart/add", post(add))
        .route("/cart/update", post(update))
        .layer(axum::extract::DefaultBodyLimit::max(32 * 1024))
}

/// Whose cart: the customer's when logged in, else the guest session's.
pub fn owner(c: &Current) -> Option<String> {
    match (&c.user, &c.session) {
        (Some(u), _) => Some(format!("u:{}", u.id)),
        (None, Some(s)) => Some(format!("s:{}", s.id_hash)),
        _ => None,
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AddForm {
    variant_id: String,
    quantity: String,
}

/// Add to cart, from the (publicly cached, so token-less) product page: the browser's Origin or
/// Referer must be this site, and the cookie is SameSite=Lax.
async fn add(State(state): State<AppState>, headers: HeaderMap, visitor: Visitor, Posted(f): Posted<AddForm>) -> PageResult {
    if !same_origin(&state, &headers) || (headers.get(header::ORIGIN).is_none() && headers.get(header::REFERER).is_none()) {
        return Err(PageError::status(StatusCode::FORBIDDEN, "origin", "must be this shop"));
    }
    let variant_id: i64 =
        f.variant_id.trim().parse().map_err(|_| PageError::BadParam(ValidationError::new("variant_id", "is not a product option")))?;
    let quantity: i32 =
        f.quantity.trim().parse().map_err(|_| PageError::BadParam(ValidationError::new("quantity", "must be a whole number")))?;
    let mut c = visitor.current;
    let mut cookie = None;
    if c.session.is_none() {
        let (s, set) = session::start(&state, None, None, false).await?;
        c.session = Some(s);
        cookie = Some(set);
    }
    let who = owner(&c).expect("a session exists now");
    match state.store.cart_put(&who, variant_id, quantity, false).await {
        Ok(()) => Ok(redirect(&cart_path(), cookie)),
        Err(StoreError::Invalid(v)) => Err(PageError::BadParam(v)),
        Err(e) => Err(e.into()),
    }
}

#[derive(Serialize)]
pub(crate) struct LineView {
    variant_id: i64,
    title: String,
    sku: String,
    quantity: i32,
    price: String,
    total: String,
}

#[derive(Serialize)]
struct CartView {
    page: Chrome,
    csrf: String,
    lines: Vec<LineView>,
    subtotal: String,
}

/// A cart or order line's name as the shopper knows the item: the product's title and, for a
/// variant with options, their values (`Wax print shirt — Size: M / Colour: Indigo`). The SKU
/// is shown apart, as a code.
pub(crate) fn line_title(product_title: &str, v: &Variant) -> String {
    match v.label() {
        options if options.is_empty() => product_title.to_string(),
        options => format!("{product_title} — {options}"),
    }
}

/// The cart's lines priced in `currency` from the price list, their subtotal, and the raw
/// (variant, quantity) pairs.
pub(crate) async fn priced_lines(
    state: &AppState,
    owner: Option<&str>,
    currency: Currency,
) -> Result<(Vec<LineView>, i64, Vec<(i64, i32)>), PageError> {
    let raw = match owner {
        Some(w) => state.store.cart(w).await?,
        None => vec![],
    };
    let mut lines = Vec::new();
    let mut subtotal = 0i64;
    // titles in the page's language, the default's where not translated
    let lang = crate::storefront::localized::PageLang::current(state);
    for &(variant_id, quantity) in &raw {
        let Some(v) = state.store.variant(variant_id).await? else { continue };
        let Some(l) = state.store.localized_product(baobab_store::Key::Id(v.product_id), lang.translated()).await? else { continue };
        let p = &l.product;
        let price = v.price_in(currency).map(|x| x.amount_minor);
        let total = price.map(|x| x * quantity as i64);
        subtotal += total.unwrap_or(0);
        lines.push(LineView {
            variant_id,
            title: line_title(&p.title, &v),
            sku: v.sku.clone(),
            quantity,
            price: price
                .map(|x| format_money(x, currency))
                .unwrap_or_else(|| state.t("cart-not-sold", &[("currency", currency.code().into())])),
            total: total.map(|x| format_money(x, currency)).unwrap_or_default(),
        });
    }
    Ok((lines, subtotal, raw))
}

async fn render_cart(state: &AppState, c: &Current, currency: Currency) -> Result<Response, PageError> {
    let (lines, subtotal, _) = priced_lines(state, owner(c).as_deref(), currency).await?;
    let cats = crate::storefront::page_categories(state).await?;
    let title = state.t("cart-title", &[]);
    let mut page = Chrome::new(state, currency, &cats, "/cart", &title);
    page.noindex = true;
    page.description = title;
    let view = CartView { page, csrf: c.csrf().to_string(), lines, subtotal: format_money(subtotal, currency) };
    let mut res = (html_type(), state.templates.render("cart.html", &view)?).into_response();
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}

pub(crate) fn page_currency(state: &AppState, uri: &axum::http::Uri, headers: &HeaderMap) -> Result<Currency, PageError> {
    #[derive(Deserialize)]
    struct C {
        currency: Option<String>,
    }
    let c: C = crate::params::query(uri)?;
    Ok(crate::params::currency(c.currency.as_deref(), headers, state.settings.default_currency)?)
}

async fn show(State(state): State<AppState>, headers: HeaderMap, visitor: Visitor, OriginalUri(uri): OriginalUri) -> PageResult {
    let currency = page_currency(&state, &uri, &headers)?;
    render_cart(&state, &visitor.current, currency).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct UpdateForm {
    variant_id: String,
    quantity: String,
}

/// The cart page in the language of the page the shopper came from (`/fr/cart`).
fn cart_path() -> String {
    in_language("/cart")
}

/// `path` in the request's language: with its prefix (`/fr/checkout`), so that links and
/// redirects keep the language the shopper chose.
pub(crate) fn in_language(path: &str) -> String {
    format!("{}{path}", crate::i18n::current().map(|l| l.prefix.to_string()).unwrap_or_default())
}

async fn update(State(state): State<AppState>, visitor: Visitor, f: Form<UpdateForm>) -> PageResult {
    let c = visitor.current;
    let variant_id: i64 =
        f.variant_id.trim().parse().map_err(|_| PageError::BadParam(ValidationError::new("variant_id", "is not a product option")))?;
    let quantity: i32 =
        f.quantity.trim().parse().map_err(|_| PageError::BadParam(ValidationError::new("quantity", "must be a whole number")))?;
    let who = owner(&c).ok_or(PageError::NotFound("Cart"))?;
    match state.store.cart_put(&who, variant_id, quantity, true).await {
        Ok(()) => Ok(redirect(&cart_path(), None)),
        Err(StoreError::Invalid(v)) => Err(PageError::BadParam(v)),
        Err(e) => Err(e.into()),
    }
}
