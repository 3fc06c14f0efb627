//! E-mails about an order: its confirmation and each change of status, through the outbox.

use super::*;

/// The order confirmation e-mail, through the outbox.
pub(super) async fn placed_email(state: &AppState, order: &Order) -> Result<(), StoreError> {
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
