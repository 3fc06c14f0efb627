//! E-mails about an order: its confirmation and each change of status, through the outbox.

use super::*;

/// The order confirmation e-mail, through the outbox.
pub(super) async fn placed_email(state: &AppState, order: &Order) -> Result<(), StoreError> {
    let currency: Currency = order.currency;
    let ctx = minijinja::context! {
        number => order_number(order.id),
        id => order.id,
        total => format_money(order.totals.total, currency),
        payment => order.payment_method.label().to_lowercase(),
    };
    crate::emails::queue(state, &order.email, "order_placed", ctx).await
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
    let currency: Currency = order.currency;
    if order.status == S::PendingPayment {
        return Ok(());
    }
    let ctx = minijinja::context! {
        number => order_number(order.id),
        id => order.id,
        status => order.status.as_str(),
        status_label => order.status.as_str().replace('_', " "),
        total => format_money(order.totals.total, currency),
        refunded => format_money(order.refunded_minor, currency),
    };
    crate::emails::queue(state, &order.email, "order_status", ctx).await
}
