//! Checkout: one page that works without JavaScript. It lists the delivery methods for the
//! address's country, the payment methods, a coupon field and the order summary; "Update
//! total" re-renders it, "Place order" places the order. Everything is recomputed on the
//! server, and placing is idempotent (the form carries a key): a retry answers with the first
//! order.

pub mod payments;
pub mod settings;

use axum::Router;
use axum::extract::{OriginalUri, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use baobab_domain::account::{AddressInput, normalize_email};
use baobab_domain::order::{Coupon, totals};
use baobab_domain::shipping::{ShippingQuote, covers, offers};
use baobab_domain::{Currency, ValidationError, format_money};
use baobab_store::StoreError;
use baobab_store::orders::{NewOrder, NewOrderLine, Order, Placed};
use chrono::{Duration, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::account::session::Current;
use crate::cart::{LineView, owner, page_currency, priced_lines};
use crate::page::{Form, PageError, PageResult, Visitor, html_type, path_id, redirect};
use crate::storefront::views::Chrome;

pub use settings::CheckoutSettings;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/checkout", get(show).post(submit))
        .route("/orders/{id}", get(order_page))
        .layer(axum::extract::DefaultBodyLimit::max(32 * 1024))
}

pub fn order_number(id: i64) -> String {
    format!("BB-{id:06}")
}

pub fn payment_label(method: &str) -> &'static str {
    match method {
        "cash_on_delivery" => "Cash on delivery",
        "bank_transfer" => "Bank transfer",
        "paystack" => "Card, bank or mobile money (Paystack)",
        "mpesa" => "M-Pesa",
        _ => "Other",
    }
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

/// The payment methods offered for an order in `currency`: the online providers that take it,
/// then the offline methods the shop accepts.
fn payment_methods(state: &AppState, currency: Currency) -> Vec<(&'static str, String)> {
    let mut online = Vec::new();
    if state.providers.paystack.as_ref().is_some_and(|p| p.supports(currency)) {
        online.push(("paystack", "Pay now on Paystack's secure page".to_string()));
    }
    if state.providers.mpesa.as_ref().is_some_and(|p| p.supports(currency)) {
        online.push(("mpesa", "A prompt on your phone: enter your M-Pesa PIN".to_string()));
    }
    online.extend(state.settings.checkout.offline_methods.iter().filter_map(|m| match m.as_str() {
        "cash_on_delivery" => Some(("cash_on_delivery", "Pay in cash when it arrives".to_string())),
        "bank_transfer" => Some((
            "bank_transfer",
            format!("Transfer to our account within {} hours; we ship once it arrives", state.settings.checkout.bank_transfer_hours),
        )),
        _ => None,
    }));
    online
}

/// What the page shows and what placing needs, worked out from the form and the cart.
struct Worked {
    view: CheckoutView,
    quote: Option<ShippingQuote>,
    coupon: Option<String>,
    /// The address and e-mail as checked (the page lists their problems only when placing).
    address: Result<AddressInput, ValidationError>,
    email: Result<String, ValidationError>,
    lines: Vec<NewOrderLine>,
}

/// Coupon guessing: failed codes per cart (session) and per client IP in an hour. Past it,
/// no code is looked up until the window ends.
const COUPON_FAILURES: (i64, i64) = (10, 3600);

async fn work_out(state: &AppState, c: &Current, ip: &str, currency: Currency, mut form: CheckoutForm) -> Result<Worked, PageError> {
    let who = owner(c);
    let (lines, subtotal, raw) = priced_lines(state, who.as_deref(), currency).await?;
    let mut errors = Vec::new();
    if form.idempotency_key.is_empty() {
        form.idempotency_key = crate::page::new_idempotency_key();
    }
    form.country = form.country.trim().to_ascii_uppercase();
    if form.country.is_empty() {
        form.country = state.settings.checkout.zones.iter().flat_map(|z| &z.countries).find(|c| *c != "*").cloned().unwrap_or_default();
    }
    // Delivery: the country's methods; the chosen one must cover the city or region.
    let offered = offers(&state.settings.checkout.zones, &form.country, currency);
    if offered.is_empty() {
        errors.push(format!("country: we do not deliver to {} for payment in {currency}", form.country));
    }
    if !offered.iter().any(|(_, q)| q.method_id == form.shipping_method) {
        form.shipping_method = offered.first().map(|(_, q)| q.method_id.clone()).unwrap_or_default();
    }
    let mut quote = None;
    if let Some((zone, q)) = offered.iter().find(|(_, q)| q.method_id == form.shipping_method) {
        if covers(zone, &form.country, &form.region, &form.city) || form.city.trim().is_empty() {
            quote = Some(q.clone());
        } else {
            errors.push(format!("shipping_method: {} is only for {}; choose another delivery option", q.name, zone.regions.join(", ")));
        }
    }
    // Coupon: checked now for the summary, and again when the order is placed.
    let mut coupon = None;
    let mut coupon_note = String::new();
    let code = form.coupon.trim().to_string();
    let mut coupon_found = None;
    if !code.is_empty() {
        match Coupon::normalize_code(&code) {
            Err(e) => errors.push(e.to_string()),
            Ok(code) => {
                let keys: Vec<String> =
                    [Some(format!("coupon:ip:{ip}")), who.as_ref().map(|w| format!("coupon:cart:{w}"))].into_iter().flatten().collect();
                let mut wait = None;
                for k in &keys {
                    let h = state.store.hits(k, COUPON_FAILURES.1, Utc::now()).await?;
                    if h.count >= COUPON_FAILURES.0 {
                        wait = wait.max(Some(h.seconds_left));
                    }
                }
                let usable = match wait {
                    Some(_) => None,
                    None => state.store.coupon(&code).await?.filter(|found| found.refusal(currency, subtotal, Utc::now()).is_none()),
                };
                match (wait, usable) {
                    (Some(w), _) => errors.push(format!("coupon: too many codes were tried. Try again in {} min", (w + 59) / 60)),
                    (None, Some(found)) => {
                        coupon_note = format!("{code} applied");
                        coupon = Some(code);
                        coupon_found = Some(found);
                    }
                    // One answer for every code that cannot be used: unknown, used up, expired,
                    // another currency or a larger order. Codes cannot be told apart by guessing.
                    (None, None) => {
                        for k in &keys {
                            state.store.hit(k, COUPON_FAILURES.1, Utc::now()).await?;
                        }
                        errors.push(format!("coupon: {code} cannot be used for this order"));
                    }
                }
            }
        }
    }
    let methods = payment_methods(state, currency);
    if !methods.iter().any(|(m, _)| *m == form.payment_method) {
        if !form.payment_method.is_empty() {
            errors.push(format!("payment_method: choose one of {}", methods.iter().map(|(m, _)| *m).collect::<Vec<_>>().join(", ")));
        }
        form.payment_method = methods.first().map(|(m, _)| m.to_string()).unwrap_or_default();
    }
    let rule = state.settings.checkout.tax.rule_for(&form.country);
    let t = totals(subtotal, coupon_found.as_ref(), quote.as_ref().unwrap_or(&ShippingQuote::free()), rule);
    let money = |v: i64| format_money(v, currency);
    let shipping = offered
        .iter()
        .map(|(zone, q)| Choice {
            value: q.method_id.clone(),
            label: q.name.clone(),
            detail: {
                let price = if q.price_minor == 0 { "free".to_string() } else { money(q.price_minor) };
                let free = q.free_over_minor.map(|f| format!(", free over {}", money(f))).unwrap_or_default();
                let only = if zone.regions.is_empty() || zone.countries.iter().any(|c| c == "*") {
                    String::new()
                } else {
                    format!(" · {} only", zone.name)
                };
                format!("{price}{free}{only}")
            },
            checked: q.method_id == form.shipping_method,
        })
        .collect();
    let payments = methods
        .iter()
        .map(|(m, detail)| Choice {
            value: m.to_string(),
            label: payment_label(m).to_string(),
            detail: detail.clone(),
            checked: *m == form.payment_method,
        })
        .collect();
    let tax_note = if rule.rate_bp == 0 {
        String::new()
    } else {
        format!("VAT {}%{}", rule.rate_bp as f64 / 100.0, if rule.prices_include_tax { " included" } else { "" })
    };
    let cats = state.categories().await?;
    let mut page = Chrome::new(state, currency, &cats, "/checkout", "Checkout");
    page.noindex = true;
    page.description = "Checkout".into();
    let email = normalize_email("email", &form.email);
    let address = AddressInput {
        name: form.name.clone(),
        line1: form.line1.clone(),
        city: form.city.clone(),
        region: form.region.clone(),
        country: form.country.clone(),
        phone: form.phone.clone(),
        ..Default::default()
    }
    .validate();
    let view = CheckoutView {
        page,
        csrf: c.csrf().to_string(),
        form,
        lines,
        shipping,
        payments,
        coupon_note,
        subtotal: money(t.subtotal),
        discount: if t.discount > 0 { money(t.discount) } else { String::new() },
        delivery: if quote.is_some() { money(t.shipping) } else { "—".into() },
        tax: money(t.tax),
        tax_note,
        total: money(t.total),
        errors,
    };
    let lines = raw.into_iter().map(|(variant_id, quantity)| NewOrderLine { variant_id, quantity }).collect();
    Ok(Worked { view, quote, coupon, address, email, lines })
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
        return Ok(redirect("/cart", None));
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
        view.errors.push("shipping_method: choose a delivery option".into());
    }
    if form.payment_method.is_empty() {
        view.errors.push("payment_method: choose how to pay".into());
    }
    if key.is_none() {
        view.errors.push("idempotency_key: reload the checkout page and try again".into());
    }
    if let Err(e) = &worked.email {
        view.errors.push(e.to_string());
    }
    match &worked.address {
        Err(v) => view.errors.extend(v.messages()),
        Ok(a) if view.form.payment_method == "mpesa" && !payments::mpesa_phone_ok(&a.phone) => {
            view.errors.push("phone: M-Pesa needs a Kenyan mobile number, e.g. +254 712 345 678".into());
        }
        Ok(_) => {}
    }
    let (Ok(email), Ok(address), Some(quote), Some(key), true) = (worked.email, worked.address, worked.quote, key, view.errors.is_empty())
    else {
        return render(&state, StatusCode::UNPROCESSABLE_ENTITY, &view);
    };
    let payment_method = view.form.payment_method.clone();
    let checkout = &state.settings.checkout;
    let expires = match payment_method.as_str() {
        "bank_transfer" => Some(Utc::now() + Duration::hours(checkout.bank_transfer_hours)),
        "cash_on_delivery" => None,
        _ => Some(Utc::now() + Duration::minutes(checkout.online_payment_minutes)),
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
        shipping_address: serde_json::to_value(&address).unwrap_or_default(),
        idempotency_key: Some(format!("{who}:{key}")),
        request_hash: fingerprint,
        expires_at: expires,
        placed_by: who.clone(),
    };
    match state.store.place_order(&new).await {
        Ok(placed) => {
            let order = placed.order().clone();
            if matches!(placed, Placed::New(_)) {
                state.store.cart_clear(&who).await?;
                placed_email(&state, &order).await?;
                state.catalog_changed();
            }
            // Online payment: start the attempt, or (a retry) find the one this request started.
            if state.providers.get(&order.payment_method).is_some() && order.status == baobab_domain::order::OrderStatus::PendingPayment {
                return payments::start(&state, &order, &key).await;
            }
            Ok(redirect(&format!("/orders/{}", order.id), None))
        }
        Err(StoreError::Conflict { field, message }) => {
            let hint = if field == "stock" { "lower the quantity and try again" } else { "remove it and try again" };
            view.errors.push(format!("{field}: {message}: {hint}"));
            render(&state, StatusCode::CONFLICT, &view)
        }
        Err(StoreError::Invalid(v)) => {
            view.errors.extend(v.messages());
            render(&state, StatusCode::UNPROCESSABLE_ENTITY, &view)
        }
        Err(e) => Err(e.into()),
    }
}

/// The order confirmation e-mail, through the outbox.
async fn placed_email(state: &AppState, order: &Order) -> Result<(), StoreError> {
    let currency: Currency = order.currency.parse().unwrap_or(state.settings.default_currency);
    let body = format!(
        "Thank you for your order {} at {}.\n\nTotal: {}\nPayment: {}\n\nSee it at {}/orders/{}",
        order_number(order.id),
        state.settings.shop_name,
        format_money(order.totals.total, currency),
        payment_label(&order.payment_method).to_lowercase(),
        state.settings.public_url,
        order.id
    );
    state.store.enqueue_email(&order.email, &format!("Your order {}", order_number(order.id)), &body).await?;
    Ok(())
}

/// [`status_email`], logged rather than failed: the status change it reports has happened.
pub async fn notify_status(state: &AppState, order: &Order) {
    if let Err(e) = status_email(state, order).await {
        tracing::error!(order = order.id, error = %e, "status e-mail not queued");
    }
}

/// Tells the customer their order moved on (paid, shipped, delivered, cancelled, refunded),
/// through the outbox.
pub async fn status_email(state: &AppState, order: &Order) -> Result<(), StoreError> {
    use baobab_domain::order::OrderStatus as S;
    let currency: Currency = order.currency.parse().unwrap_or(state.settings.default_currency);
    let what = match order.status {
        S::Paid => format!("We have received your payment of {}. We are preparing your order.", format_money(order.totals.total, currency)),
        S::Fulfilled => "Your order is packed and waiting for the courier.".to_string(),
        S::Shipped => "Your order is on its way.".to_string(),
        S::Delivered => "Your order has been delivered. Thank you for shopping with us!".to_string(),
        S::Cancelled => "Your order has been cancelled.".to_string(),
        S::PartiallyRefunded | S::Refunded => {
            format!("We have refunded {} so far.", format_money(order.refunded_minor, currency))
        }
        S::PendingPayment => return Ok(()),
    };
    let number = order_number(order.id);
    let body = format!("{what}\n\nOrder {number} at {}: {}/orders/{}", state.settings.shop_name, state.settings.public_url, order.id);
    let subject = format!("Order {number}: {}", order.status.as_str().replace('_', " "));
    state.store.enqueue_email(&order.email, &subject, &body).await?;
    Ok(())
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
    id: i64,
    csrf: String,
    idempotency_key: String,
    number: String,
    message: String,
    /// Online payment still due: offer "Pay now" and "check", and the way back to the
    /// provider's page of the pending attempt.
    can_pay: bool,
    can_check: bool,
    resume_url: String,
    status: String,
    lines: Vec<OrderLineView>,
    subtotal: String,
    discount: String,
    coupon: String,
    shipping: String,
    shipping_method: String,
    tax: String,
    total: String,
}

/// The order, if the visitor may see and act on it (who placed it, or its customer); else 404,
/// so nobody learns that another's order exists.
pub(crate) struct OwnOrder {
    pub(crate) order: Order,
    pub(crate) visitor: Visitor,
}

impl axum::extract::FromRequestParts<AppState> for OwnOrder {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, state: &AppState) -> Result<Self, PageError> {
        let Path(raw) = Path::<String>::from_request_parts(parts, state).await.map_err(|_| PageError::NotFound("Order"))?;
        let id = path_id(&raw)?;
        let visitor = Visitor::from_request_parts(parts, state).await?;
        let order = state.store.order(id).await?.ok_or(PageError::NotFound("Order"))?;
        let c = &visitor.current;
        let mine = owner(c).is_some_and(|o| o == order.placed_by) || (c.user.is_some() && c.user.as_ref().map(|u| u.id) == order.user_id);
        if !mine {
            return Err(PageError::NotFound("Order"));
        }
        Ok(OwnOrder { order, visitor })
    }
}

/// The order confirmation: visible to whoever placed it, and to the customer it belongs to.
async fn order_page(State(state): State<AppState>, OwnOrder { order, visitor }: OwnOrder) -> PageResult {
    let c = visitor.current;
    let id = order.id;
    let currency: Currency = order.currency.parse().unwrap_or(state.settings.default_currency);
    let money = |v: i64| format_money(v, currency);
    let attempts = state.store.payments_of_order(order.id).await?;
    let pending = attempts.iter().rev().find(|p| p.status == baobab_store::payments::PaymentStatus::Pending);
    let paid_online = attempts.iter().any(|p| p.status == baobab_store::payments::PaymentStatus::Succeeded);
    let last = attempts.last();
    let due = order.status == baobab_domain::order::OrderStatus::PendingPayment;
    let online = state.providers.get(&order.payment_method).is_some();
    // A pending attempt the customer can go back to (Paystack's page), and whether a new
    // one may start: none pending, or the pending one never reached the provider or is old.
    let resume_url = pending.filter(|_| due).and_then(|p| p.next_url.clone()).unwrap_or_default();
    let stale = pending.is_none_or(|p| p.provider_ref.is_none() || p.created_at < Utc::now() - Duration::minutes(5));
    let message = match order.payment_method.as_str() {
        _ if online && paid_online && !due => "Thank you! Your payment was received.".to_string(),
        "mpesa" | "paystack" if !due => format!("This order is {}.", order.status.as_str().replace('_', " ")),
        "mpesa" if pending.is_some() => format!(
            "Check your phone and enter your M-Pesa PIN to pay {}. This page shows the result once M-Pesa confirms it.",
            money(pending.map(|p| p.amount_minor).unwrap_or(order.totals.total))
        ),
        "paystack" if pending.is_some() => "We are waiting for Paystack to confirm your payment.".to_string(),
        "mpesa" | "paystack" => match last {
            Some(p) if p.status == baobab_store::payments::PaymentStatus::Failed => {
                format!("Your payment did not go through: {}. You can try again.", p.detail)
            }
            _ => format!("Your order is reserved; pay {} to confirm it.", money(order.totals.total)),
        },
        "bank_transfer" => format!(
            "Thank you! Please transfer {} with the reference {} within {} hours to {}; we ship once it arrives.",
            money(order.totals.total),
            order_number(order.id),
            state.settings.checkout.bank_transfer_hours,
            state.settings.checkout.bank_details
        ),
        _ => format!("Thank you! Pay {} in cash when your order is delivered.", money(order.totals.total)),
    };
    let shipping_method = state
        .settings
        .checkout
        .zones
        .iter()
        .flat_map(|z| &z.methods)
        .find(|m| m.id == order.shipping_method)
        .map(|m| m.name.clone())
        .unwrap_or_else(|| order.shipping_method.clone());
    let cats = state.categories().await?;
    let mut page = Chrome::new(&state, currency, &cats, &format!("/orders/{id}"), &format!("Order {}", order_number(id)));
    page.noindex = true;
    page.description = "Your order".into();
    let view = OrderView {
        page,
        id,
        csrf: c.csrf().to_string(),
        idempotency_key: crate::page::new_idempotency_key(),
        number: order_number(id),
        message,
        can_pay: online && due && stale,
        can_check: online && due && pending.is_some(),
        resume_url,
        status: order.status.as_str().replace('_', " "),
        lines: order
            .lines
            .iter()
            .map(|l| OrderLineView { title: l.title.clone(), quantity: l.quantity, total: money(l.unit_price_minor * l.quantity as i64) })
            .collect(),
        subtotal: money(order.totals.subtotal),
        discount: if order.totals.discount > 0 { money(order.totals.discount) } else { String::new() },
        coupon: order.coupon_code.clone().unwrap_or_default(),
        shipping: money(order.totals.shipping),
        shipping_method,
        tax: money(order.totals.tax),
        total: money(order.totals.total),
    };
    let mut res = (html_type(), state.templates.render("order.html", &view)?).into_response();
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}
