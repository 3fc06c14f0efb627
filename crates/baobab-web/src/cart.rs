//! Cart and checkout pages. Carts live in the database under their owner (the guest's session
//! or the customer), so any instance serves them and a guest cart follows its owner at login.
//! Prices are always taken from the price list on the server; placing an order takes the stock
//! in the same transaction and is idempotent (the form carries a key).

use axum::Router;
use axum::extract::{Form, OriginalUri, Path, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use baobab_domain::account::{AddressInput, normalize_email};
use baobab_domain::order::TaxRule;
use baobab_domain::{Currency, ValidationError, format_money};
use baobab_store::StoreError;
use baobab_store::orders::{NewOrder, NewOrderLine};
use chrono::{Duration, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::account::session::{self, Current, Peer, check_csrf, current, same_origin};
use crate::pages::{finish, redirect, status_page};
use crate::storefront::views::Chrome;
use crate::storefront::{PageError, html_type};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/cart", get(show))
        .route("/cart/add", post(add))
        .route("/cart/update", post(update))
        .route("/checkout", post(checkout))
        .route("/orders/{id}", get(order_page))
        .layer(axum::extract::DefaultBodyLimit::max(32 * 1024))
}

/// Hours a bank transfer may take before the order expires and its stock is released.
const BANK_TRANSFER_HOURS: i64 = 72;

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
async fn add(
    State(state): State<AppState>,
    headers: HeaderMap,
    form: Result<Form<AddForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let r = async {
        let Ok(Form(f)) = form else { return Ok(status_page(&state, StatusCode::BAD_REQUEST, "form", "could not be read")) };
        if !same_origin(&state, &headers) || (headers.get(header::ORIGIN).is_none() && headers.get(header::REFERER).is_none()) {
            return Ok(status_page(&state, StatusCode::FORBIDDEN, "origin", "must be this shop"));
        }
        let variant_id: i64 =
            f.variant_id.trim().parse().map_err(|_| PageError::BadParam(ValidationError::new("variant_id", "is not a product option")))?;
        let quantity: i32 =
            f.quantity.trim().parse().map_err(|_| PageError::BadParam(ValidationError::new("quantity", "must be a whole number")))?;
        let mut c = current(&state, &headers).await?;
        let mut cookie = None;
        if c.session.is_none() {
            let (s, set) = session::start(&state, None, None, false).await?;
            c.session = Some(s);
            cookie = Some(set);
        }
        let who = owner(&c).expect("a session exists now");
        match state.store.cart_put(&who, variant_id, quantity, false).await {
            Ok(()) => Ok(redirect("/cart", cookie)),
            Err(StoreError::Invalid(v)) => Err(PageError::BadParam(v)),
            Err(e) => Err(e.into()),
        }
    }
    .await;
    finish(&state, r)
}

#[derive(Serialize)]
struct LineView {
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
    email: String,
    idempotency_key: String,
    errors: Vec<String>,
}

async fn render_cart(
    state: &AppState,
    c: &Current,
    currency: Currency,
    status: StatusCode,
    errors: Vec<String>,
) -> Result<Response, PageError> {
    let who = owner(c);
    let raw = match &who {
        Some(w) => state.store.cart(w).await?,
        None => vec![],
    };
    let mut lines = Vec::new();
    let mut subtotal = 0i64;
    for (variant_id, quantity) in raw {
        let Some(v) = state.store.variant(variant_id).await? else { continue };
        let Some(p) = state.store.product(baobab_store::Key::Id(v.product_id)).await? else { continue };
        let price = v.price_in(currency).map(|x| x.amount_minor);
        let total = price.map(|x| x * quantity as i64);
        subtotal += total.unwrap_or(0);
        lines.push(LineView {
            variant_id,
            title: if v.options.is_empty() { p.title.clone() } else { format!("{} — {}", p.title, v.label()) },
            sku: v.sku.clone(),
            quantity,
            price: price.map(|x| format_money(x, currency)).unwrap_or_else(|| format!("not sold in {currency}")),
            total: total.map(|x| format_money(x, currency)).unwrap_or_default(),
        });
    }
    let cats = state.categories().await?;
    let mut page = Chrome::new(state, currency, &cats, "/cart", "Your cart");
    page.noindex = true;
    page.description = "Your cart".into();
    let mut key = [0u8; 16];
    getrandom::fill(&mut key).expect("operating system random source");
    let view = CartView {
        page,
        csrf: c.csrf().to_string(),
        lines,
        subtotal: format_money(subtotal, currency),
        email: c.user.as_ref().map(|u| u.email.clone()).unwrap_or_default(),
        idempotency_key: crate::auth::hex(&key),
        errors,
    };
    let mut res = (status, html_type(), state.templates.render("cart.html", &view)?).into_response();
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}

fn page_currency(state: &AppState, uri: &axum::http::Uri, headers: &HeaderMap) -> Result<Currency, PageError> {
    #[derive(Deserialize)]
    struct C {
        currency: Option<String>,
    }
    let c: C = crate::params::query(uri)?;
    Ok(crate::params::currency(c.currency.as_deref(), headers, state.settings.default_currency)?)
}

async fn show(State(state): State<AppState>, headers: HeaderMap, OriginalUri(uri): OriginalUri) -> Response {
    let r = async {
        let currency = page_currency(&state, &uri, &headers)?;
        let c = current(&state, &headers).await?;
        render_cart(&state, &c, currency, StatusCode::OK, vec![]).await
    }
    .await;
    finish(&state, r)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct UpdateForm {
    csrf: String,
    variant_id: String,
    quantity: String,
}

async fn update(
    State(state): State<AppState>,
    method: Method,
    headers: HeaderMap,
    form: Result<Form<UpdateForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let r = async {
        let Ok(Form(f)) = form else { return Ok(status_page(&state, StatusCode::BAD_REQUEST, "form", "could not be read")) };
        let c = current(&state, &headers).await?;
        if !check_csrf(&state, &method, &headers, &c, &f.csrf) {
            return Ok(status_page(&state, StatusCode::FORBIDDEN, "csrf", "is missing or wrong: reload the page and try again"));
        }
        let variant_id: i64 =
            f.variant_id.trim().parse().map_err(|_| PageError::BadParam(ValidationError::new("variant_id", "is not a product option")))?;
        let quantity: i32 =
            f.quantity.trim().parse().map_err(|_| PageError::BadParam(ValidationError::new("quantity", "must be a whole number")))?;
        let who = owner(&c).ok_or(PageError::NotFound("Cart"))?;
        match state.store.cart_put(&who, variant_id, quantity, true).await {
            Ok(()) => Ok(redirect("/cart", None)),
            Err(StoreError::Invalid(v)) => Err(PageError::BadParam(v)),
            Err(e) => Err(e.into()),
        }
    }
    .await;
    finish(&state, r)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct CheckoutForm {
    csrf: String,
    idempotency_key: String,
    email: String,
    name: String,
    line1: String,
    city: String,
    country: String,
    phone: String,
    payment_method: String,
}

async fn checkout(
    State(state): State<AppState>,
    method: Method,
    headers: HeaderMap,
    Peer(_peer): Peer,
    OriginalUri(uri): OriginalUri,
    form: Result<Form<CheckoutForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let r = async {
        let Ok(Form(f)) = form else { return Ok(status_page(&state, StatusCode::BAD_REQUEST, "form", "could not be read")) };
        let c = current(&state, &headers).await?;
        if !check_csrf(&state, &method, &headers, &c, &f.csrf) {
            return Ok(status_page(&state, StatusCode::FORBIDDEN, "csrf", "is missing or wrong: reload the page and try again"));
        }
        let currency = page_currency(&state, &uri, &headers)?;
        let who = owner(&c).ok_or(PageError::NotFound("Cart"))?;
        let mut errors = Vec::new();
        let email = normalize_email("email", &f.email).map_err(|e| errors.push(e.to_string())).ok();
        let address = AddressInput {
            name: f.name.clone(),
            line1: f.line1.clone(),
            city: f.city.clone(),
            country: f.country.clone(),
            phone: f.phone.clone(),
            ..Default::default()
        };
        let address = match address.validate() {
            Ok(a) => Some(a),
            Err(v) => {
                errors.extend(v.errors.iter().map(|e| format!("{}: {}", e.field, e.message)));
                None
            }
        };
        let expires = match f.payment_method.as_str() {
            "cash_on_delivery" => None,
            "bank_transfer" => Some(Utc::now() + Duration::hours(BANK_TRANSFER_HOURS)),
            _ => {
                errors.push("payment_method: choose cash on delivery or bank transfer".into());
                None
            }
        };
        if f.idempotency_key.len() != 32 || !f.idempotency_key.bytes().all(|b| b.is_ascii_hexdigit()) {
            errors.push("idempotency_key: reload the cart and try again".into());
        }
        let lines: Vec<NewOrderLine> =
            state.store.cart(&who).await?.into_iter().map(|(variant_id, quantity)| NewOrderLine { variant_id, quantity }).collect();
        // An empty cart is fine for a retry of a placed order (the store answers with it).
        let (Some(email), Some(address)) = (email, address) else {
            return render_cart(&state, &c, currency, StatusCode::UNPROCESSABLE_ENTITY, errors).await;
        };
        if !errors.is_empty() {
            return render_cart(&state, &c, currency, StatusCode::UNPROCESSABLE_ENTITY, errors).await;
        }
        let fingerprint = {
            // The form's content is the request; the lines come from the cart on the server.
            let mut h = Sha256::new();
            h.update(format!("{who}|{email}|{}|{}|{currency}", f.payment_method, serde_json::to_string(&address).unwrap_or_default()));
            crate::auth::hex(&h.finalize())
        };
        let new = NewOrder {
            user_id: c.user.as_ref().map(|u| u.id),
            email: email.clone(),
            currency,
            payment_method: f.payment_method.clone(),
            lines,
            shipping_minor: 0,
            coupon: None,
            tax: TaxRule { rate_bp: 0, prices_include_tax: true },
            shipping_address: serde_json::to_value(&address).unwrap_or_default(),
            idempotency_key: Some(format!("{who}:{}", f.idempotency_key)),
            request_hash: fingerprint,
            expires_at: expires,
            placed_by: who.clone(),
        };
        match state.store.place_order(&new).await {
            Ok(placed) => {
                let order = placed.order().clone();
                if matches!(placed, baobab_store::orders::Placed::New(_)) {
                    state.store.cart_clear(&who).await?;
                    let body = format!(
                        "Thank you for your order {} at {}.\n\nTotal: {}\nPayment: {}\n\nSee it at {}/orders/{}",
                        order_number(order.id),
                        state.settings.shop_name,
                        format_money(order.totals.total, currency),
                        payment_label(&order.payment_method),
                        state.settings.public_url,
                        order.id
                    );
                    state.store.enqueue_email(&order.email, &format!("Your order {}", order_number(order.id)), &body).await?;
                    state.catalog_changed();
                }
                Ok(redirect(&format!("/orders/{}", order.id), None))
            }
            Err(StoreError::Conflict { field: "stock", message }) => {
                render_cart(&state, &c, currency, StatusCode::CONFLICT, vec![format!("{message}: lower the quantity and try again")]).await
            }
            Err(StoreError::Invalid(v)) => {
                render_cart(
                    &state,
                    &c,
                    currency,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    v.errors.iter().map(|e| format!("{}: {}", e.field, e.message)).collect(),
                )
                .await
            }
            Err(e) => Err(e.into()),
        }
    }
    .await;
    finish(&state, r)
}

pub fn order_number(id: i64) -> String {
    format!("BB-{id:06}")
}

fn payment_label(method: &str) -> &'static str {
    match method {
        "cash_on_delivery" => "cash on delivery",
        "bank_transfer" => "bank transfer",
        _ => "other",
    }
}

#[derive(Serialize)]
struct OrderLineView {
    title: String,
    quantity: i32,
    total: String,
}

#[derive(Serialize)]
struct OrderView {
    page: Chrome,
    number: String,
    message: String,
    status: String,
    lines: Vec<OrderLineView>,
    subtotal: String,
    discount: String,
    shipping: String,
    tax: String,
    total: String,
}

/// The order confirmation: visible to whoever placed it, and to the customer it belongs to.
async fn order_page(State(state): State<AppState>, headers: HeaderMap, Path(raw): Path<String>) -> Response {
    let r = async {
        let id = crate::pages::path_id(&raw)?;
        let c = current(&state, &headers).await?;
        let order = state.store.order(id).await?.ok_or(PageError::NotFound("Order"))?;
        let mine = owner(&c).is_some_and(|o| o == order.placed_by) || (c.user.is_some() && c.user.as_ref().map(|u| u.id) == order.user_id);
        if !mine {
            return Err(PageError::NotFound("Order"));
        }
        let currency: Currency = order.currency.parse().unwrap_or(state.settings.default_currency);
        let money = |v: i64| format_money(v, currency);
        let message = match order.payment_method.as_str() {
            "bank_transfer" => format!(
                "Thank you! Please transfer {} with the reference {} within {BANK_TRANSFER_HOURS} hours; we ship once it arrives.",
                money(order.totals.total),
                order_number(order.id)
            ),
            _ => format!("Thank you! Pay {} in cash when your order is delivered.", money(order.totals.total)),
        };
        let cats = state.categories().await?;
        let mut page = Chrome::new(&state, currency, &cats, &format!("/orders/{id}"), &format!("Order {}", order_number(id)));
        page.noindex = true;
        page.description = "Your order".into();
        let view = OrderView {
            page,
            number: order_number(id),
            message,
            status: order.status.as_str().replace('_', " "),
            lines: order
                .lines
                .iter()
                .map(|l| OrderLineView {
                    title: l.title.clone(),
                    quantity: l.quantity,
                    total: money(l.unit_price_minor * l.quantity as i64),
                })
                .collect(),
            subtotal: money(order.totals.subtotal),
            discount: if order.totals.discount > 0 { money(order.totals.discount) } else { String::new() },
            shipping: money(order.totals.shipping),
            tax: money(order.totals.tax),
            total: money(order.totals.total),
        };
        let mut res = (html_type(), state.templates.render("order.html", &view)?).into_response();
        res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        Ok(res)
    }
    .await;
    finish(&state, r)
}
