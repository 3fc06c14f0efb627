//! The order page: visible to whoever placed the order and to its customer, nobody else.

use super::*;

#[derive(Serialize)]
struct OrderLineView {
    title: String,
    /// As the page's language writes the number.
    quantity: String,
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
    /// The day the order was placed, in the page's language.
    placed: String,
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
pub(super) async fn order_page(State(state): State<AppState>, OwnOrder { order, visitor }: OwnOrder) -> PageResult {
    let c = visitor.current;
    let id = order.id;
    let lang = crate::i18n::current().map(|l| l.code.to_string()).unwrap_or_else(|| state.i18n.default_code().to_string());
    let currency: Currency = order.currency;
    let money = |v: i64| crate::i18n::money(v, currency);
    let attempts = state.store.payments_of_order(order.id).await?;
    let pending = attempts.iter().rev().find(|p| p.status == baobab_domain::payment::PaymentStatus::Pending);
    let paid_online = attempts.iter().any(|p| p.status == baobab_domain::payment::PaymentStatus::Succeeded);
    let last = attempts.last();
    let due = order.status == baobab_domain::order::OrderStatus::PendingPayment;
    let online = state.providers.get(order.payment_method).is_some();
    // A pending attempt the customer can go back to (Paystack's page), and whether a new
    // one may start: none pending, or the pending one never reached the provider or is old.
    let resume_url = pending.filter(|_| due).and_then(|p| p.next_url.clone()).unwrap_or_default();
    let stale = pending.is_none_or(|p| p.provider_ref.is_none() || p.created_at < Utc::now() - Duration::minutes(5));
    use PaymentMethod::{BankTransfer, CashOnDelivery, Mpesa, Paystack};
    let total = || fluent_bundle::FluentValue::from(money(order.totals.total));
    let status = status_label(&state, order.status);
    let message = match order.payment_method {
        _ if online && paid_online && !due => state.t("order-paid", &[]),
        Mpesa | Paystack if !due => state.t("order-is", &[("status", status.clone().into())]),
        Mpesa if pending.is_some() => {
            state.t("order-mpesa-prompt", &[("amount", money(pending.map(|p| p.amount_minor).unwrap_or(order.totals.total)).into())])
        }
        Paystack if pending.is_some() => state.t("order-paystack-waiting", &[]),
        Mpesa | Paystack => match last {
            Some(p) if p.status == baobab_domain::payment::PaymentStatus::Failed => {
                state.t("order-payment-failed", &[("reason", crate::page::problems::payment_reason(&state, &p.detail).into())])
            }
            _ => state.t("order-pay-to-confirm", &[("amount", total())]),
        },
        BankTransfer => state.t(
            "order-bank-transfer",
            &[
                ("amount", total()),
                ("number", order_number(order.id).into()),
                ("hours", state.settings.checkout.bank_transfer_hours.into()),
                ("bank", state.settings.checkout.bank_details.clone().into()),
            ],
        ),
        CashOnDelivery => state.t("order-cash-on-delivery", &[("amount", total())]),
    };
    let shipping_method = state
        .settings
        .checkout
        .zones
        .iter()
        .flat_map(|z| &z.methods)
        .find(|m| m.id == order.shipping_method)
        .map(|m| method_name(&state, &m.id, &m.name))
        .unwrap_or_else(|| order.shipping_method.clone());
    // A line keeps the product's title as placed; the option values that tell the variant apart
    // come from the variant (variants are archived, never deleted).
    let mut lines = Vec::with_capacity(order.lines.len());
    for l in &order.lines {
        let title = match state.store.variant(l.variant_id).await? {
            Some(v) => crate::cart::line_title(&l.title, &v),
            None => l.title.clone(),
        };
        lines.push(OrderLineView {
            title,
            quantity: baobab_locale::format_count(l.quantity.into(), &lang),
            total: money(l.unit_price_minor * l.quantity as i64),
        });
    }
    let cats = crate::storefront::page_categories(&state).await?;
    let title = state.t("order-title", &[("number", order_number(id).into())]);
    let mut page = Chrome::new(&state, currency, &cats, &format!("/orders/{id}"), &title);
    page.noindex = true;
    page.description = title;
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
        placed: baobab_locale::format_date(order.created_at, &lang),
        status,
        lines,
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
