//! Checkout: one page that works without JavaScript. It lists the delivery methods for the
//! address's country, the payment methods, a coupon field and the order summary; "Update
//! total" re-renders it, "Place order" places the order. Everything is recomputed on the
//! server, and placing is idempotent (the form carries a key): a retry answers with the first
//! order.

mod emails;
mod order_page;
pub mod payments;
pub mod settings;
mod summary;

use axum::Router;
use axum::extract::{OriginalUri, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use baobab_domain::account::{Address, normalize_email};
use baobab_domain::order::{Coupon, totals};
use baobab_domain::order::{NewOrder, NewOrderLine, Order, OrderStatus};
use baobab_domain::payment::PaymentMethod;
use baobab_domain::shipping::{ShippingQuote, covers, offers};
use baobab_domain::{Currency, ValidationError};
use baobab_store::StoreError;
use baobab_store::orders::Placed;
use chrono::{Duration, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::account::session::Current;
use crate::cart::{LineView, in_language, owner, page_currency, priced_lines};
use crate::page::problems;
use crate::page::{Form, PageError, PageResult, Visitor, html_type, path_id, redirect};
use crate::storefront::views::Chrome;
use emails::placed_email;
pub use emails::{notify_status, status_email};
pub(crate) use order_page::OwnOrder;
use summary::work_out;

pub use settings::CheckoutSettings;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/checkout", get(show).post(submit))
        .route("/orders/{id}", get(order_page::order_page))
        .layer(axum::extract::DefaultBodyLimit::max(32 * 1024))
}

pub fn order_number(id: i64) -> String {
    format!("BB-{id:06}")
}

/// The form as posted; every field is optional so a broken form gets a page, not a 400.
#[derive(Deserialize, Default, Clone, Serialize)]
#[serde(default)]
struct CheckoutForm {
    #[serde(skip_serializing)]
    csrf: String,
    idempotency_key: String,
    email: String,
    name: String,
    line1: String,
    city: String,
    region: String,
    country: String,
    phone: String,
    coupon: String,
    shipping_method: String,
    payment_method: String,
    /// `review` (Update total) or `place` (Place order; the default).
    #[serde(skip_serializing)]
    step: String,
}

#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
    detail: String,
    checked: bool,
}

#[derive(Serialize)]
struct CheckoutView {
    page: Chrome,
    csrf: String,
    form: CheckoutForm,
    lines: Vec<LineView>,
    shipping: Vec<Choice>,
    payments: Vec<Choice>,
    coupon_note: String,
    subtotal: String,
    discount: String,
    delivery: String,
    tax: String,
    tax_note: String,
    total: String,
    errors: Vec<String>,
}

/// The payment methods offered for an order in `currency`, each with a word on how it works:
/// the online providers that take it, then the offline methods the shop accepts.
fn payment_methods(state: &AppState, currency: Currency) -> Vec<(PaymentMethod, String)> {
    let mut online = Vec::new();
    if state.providers.paystack.as_ref().is_some_and(|p| p.supports(currency)) {
        online.push((PaymentMethod::Paystack, state.t("payment-paystack-detail", &[])));
    }
    if state.providers.mpesa.as_ref().is_some_and(|p| p.supports(currency)) {
        online.push((PaymentMethod::Mpesa, state.t("payment-mpesa-detail", &[])));
    }
    online.extend(state.settings.checkout.offline_methods.iter().filter_map(|&m| match m {
        PaymentMethod::CashOnDelivery => Some((m, state.t("payment-cash-on-delivery-detail", &[]))),
        PaymentMethod::BankTransfer => {
            Some((m, state.t("payment-bank-transfer-detail", &[("hours", state.settings.checkout.bank_transfer_hours.into())])))
        }
        PaymentMethod::Paystack | PaymentMethod::Mpesa => None,
    }));
    online
}

/// A payment method's name in the request's language.
pub(crate) fn payment_label(state: &AppState, m: PaymentMethod) -> String {
    let key = match m {
        PaymentMethod::CashOnDelivery => "payment-cash-on-delivery",
        PaymentMethod::BankTransfer => "payment-bank-transfer",
        PaymentMethod::Paystack => "payment-paystack",
        PaymentMethod::Mpesa => "payment-mpesa",
    };
    state.t(key, &[])
}

/// An order's status in the request's language ("pending payment").
pub(crate) fn status_label(state: &AppState, s: OrderStatus) -> String {
    let key = match s {
        OrderStatus::PendingPayment => "status-pending-payment",
        OrderStatus::Paid => "status-paid",
        OrderStatus::Fulfilled => "status-fulfilled",
        OrderStatus::Shipped => "status-shipped",
        OrderStatus::Delivered => "status-delivered",
        OrderStatus::Cancelled => "status-cancelled",
        OrderStatus::PartiallyRefunded => "status-partially-refunded",
        OrderStatus::Refunded => "status-refunded",
    };
    state.t(key, &[])
}

/// A delivery method's name in the request's language. The catalog's `shipping-<id>` is used
/// when the shop's configured name is that message's text in the default language (the demo
/// shop's methods, or a shop that adds its own translations); any other name is the shop's own
/// and shown as configured.
pub(crate) fn method_name(state: &AppState, id: &str, name: &str) -> String {
    let key = format!("shipping-{id}");
    let default = state.i18n.default_code();
    if !state.i18n.has(default, &key) || state.i18n.msg(default, &key, &[]) != name {
        return name.to_string();
    }
    state.t(&key, &[])
}

fn render(state: &AppState, status: StatusCode, view: &CheckoutView) -> Result<Response, PageError> {
    let mut res = (status, html_type(), state.templates.render("checkout.html", view)?).into_response();
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}

/// The checkout page, filled from the customer's saved address when there is one.
async fn show(State(state): State<AppState>, headers: HeaderMap, visitor: Visitor, OriginalUri(uri): OriginalUri) -> PageResult {
    let currency = page_currency(&state, &uri, &headers)?;
    let c = &visitor.current;
    let who = owner(c);
    if who.is_none() || state.store.cart(who.as_deref().unwrap_or("")).await?.is_empty() {
        return Ok(redirect(&in_language("/cart"), None));
    }
    let mut form = CheckoutForm::default();
    if let Some(u) = &c.user {
        form.email = u.email.clone();
        if let Some(a) = state.store.addresses(u.id).await?.into_iter().next() {
            let a = a.fields;
            (form.name, form.line1, form.city, form.region, form.country, form.phone) =
                (a.name, a.line1, a.city, a.region, a.country, a.phone);
        }
    }
    let worked = work_out(&state, c, &visitor.ip, currency, form).await?;
    let mut view = worked.view;
    view.errors.clear(); // nothing submitted yet
    render(&state, StatusCode::OK, &view)
}

async fn submit(
    State(state): State<AppState>,
    headers: HeaderMap,
    visitor: Visitor,
    OriginalUri(uri): OriginalUri,
    posted: Form<CheckoutForm>,
) -> PageResult {
    let c = &visitor.current;
    let currency = page_currency(&state, &uri, &headers)?;
    let who = owner(c).ok_or(PageError::NotFound("Cart"))?;
    let (form, key) = (posted.value, posted.idempotency_key);
    let review = form.step == "review";
    let worked = work_out(&state, c, &visitor.ip, currency, form.clone()).await?;
    if review {
        let status = if worked.view.errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
        return render(&state, status, &worked.view);
    }
    let mut view = worked.view;
    if form.shipping_method.is_empty() || form.shipping_method != view.form.shipping_method {
        view.errors.push(problems::say(&state, "shipping_method", "problem-choose-delivery", &[]));
    }
    // `work_out` has checked the method is one offered (or put an error on the page).
    let payment_method = view.form.payment_method.parse::<PaymentMethod>().ok();
    if form.payment_method.is_empty() {
        view.errors.push(problems::say(&state, "payment_method", "problem-choose-payment", &[]));
    }
    if key.is_none() {
        view.errors.push(problems::say(&state, "idempotency_key", "problem-reload-checkout", &[]));
    }
    if let Err(e) = &worked.email {
        view.errors.extend(problems::lines(&state, e));
    }
    match &worked.address {
        Err(v) => view.errors.extend(problems::lines(&state, v)),
        Ok(a) if payment_method == Some(PaymentMethod::Mpesa) && !payments::mpesa_phone_ok(&a.phone) => {
            view.errors.push(problems::say(&state, "phone", "problem-mpesa-phone", &[]));
        }
        Ok(_) => {}
    }
    let (Ok(email), Ok(address), Some(quote), Some(key), Some(payment_method), true) =
        (worked.email, worked.address, worked.quote, key, payment_method, view.errors.is_empty())
    else {
        return render(&state, StatusCode::UNPROCESSABLE_ENTITY, &view);
    };
    let checkout = &state.settings.checkout;
    let expires = match payment_method {
        PaymentMethod::BankTransfer => Some(Utc::now() + Duration::hours(checkout.bank_transfer_hours)),
        PaymentMethod::CashOnDelivery => None,
        PaymentMethod::Paystack | PaymentMethod::Mpesa => Some(Utc::now() + Duration::minutes(checkout.online_payment_minutes)),
    };
    let fingerprint = {
        // The form's content is the request; the lines come from the cart on the server.
        let mut h = Sha256::new();
        h.update(format!(
            "{who}|{email}|{payment_method}|{}|{}|{currency}|{}",
            quote.method_id,
            worked.coupon.as_deref().unwrap_or(""),
            serde_json::to_string(&address).unwrap_or_default()
        ));
        crate::auth::hex(&h.finalize())
    };
    let new = NewOrder {
        user_id: c.user.as_ref().map(|u| u.id),
        email,
        currency,
        payment_method,
        lines: worked.lines,
        shipping: quote,
        coupon_code: worked.coupon,
        tax: checkout.tax.rule_for(&address.country),
        shipping_address: address,
        idempotency_key: Some(format!("{who}:{key}")),
        request_hash: fingerprint,
        expires_at: expires,
        placed_by: who.clone(),
        language: Some(crate::emails::request_language(&state).code.to_string()),
    };
    match state.store.place_order(&new).await {
        Ok(placed) => {
            let order = placed.order().clone();
            // A retry may find an order whose first request was cut off after its commit (a
            // stalled database, a lost connection): the cart is emptied and the confirmation
            // queued then too, once.
            state.store.cart_clear(&who).await?;
            let confirmed = format!("order-confirmation:{}", order.id);
            // A new order cannot have been confirmed yet: only a replay reads the marker.
            let is_new = matches!(placed, Placed::New(_));
            if is_new || state.store.meta(&confirmed).await?.is_none() {
                placed_email(&state, &order).await?;
                state.store.set_meta_once(&confirmed, "queued").await?;
            }
            if is_new {
                state.catalog_changed();
            }
            // Online payment: start the attempt, or (a retry) find the one this request started.
            if state.providers.get(order.payment_method).is_some() && order.status == baobab_domain::order::OrderStatus::PendingPayment {
                return payments::start(&state, &order, &key).await;
            }
            Ok(redirect(&in_language(&format!("/orders/{}", order.id)), None))
        }
        // Stock taken or a coupon used up meanwhile: said in the page's language.
        Err(StoreError::Conflict { field, message }) => {
            view.errors.push(problems::line(&state, &baobab_domain::FieldError { field: field.to_string(), message }));
            render(&state, StatusCode::CONFLICT, &view)
        }
        Err(StoreError::Invalid(v)) => {
            view.errors.extend(problems::lines(&state, &v));
            render(&state, StatusCode::UNPROCESSABLE_ENTITY, &view)
        }
        Err(e) => Err(e.into()),
    }
}
