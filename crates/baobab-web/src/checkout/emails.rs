//! E-mails about an order: its confirmation and each change of status, through the outbox. The
//! confirmation is written in the language of the request that placed the order; a change of
//! status in the language the order was placed in, whoever causes it (staff, a provider's
//! notification, the reconciler), else in the shop's default language (see `crate::emails`).

use super::*;
use crate::emails::{order_language, queue_in, request_language};
use crate::i18n::Lang;

/// The order confirmation e-mail, in the request's language, through the outbox.
pub(super) async fn placed_email(state: &AppState, order: &Order) -> Result<(), StoreError> {
    let lang = request_language(state);
    let currency: Currency = order.currency;
    let ctx = minijinja::context! {
        number => order_number(order.id),
        id => order.id,
        date => baobab_locale::format_date(order.created_at, &lang.code),
        total => crate::i18n::money(order.totals.total, currency),
        payment => payment_label(state, order.payment_method),
    };
    queue_in(state, lang, &order.email, "order_placed", ctx).await
}

/// [`status_email`], logged rather than failed: the status change it reports has happened.
pub async fn notify_status(state: &AppState, order: &Order) {
    if let Err(e) = status_email(state, order).await {
        tracing::error!(order = order.id, error = %e, "status e-mail not queued");
    }
}

/// Tells the customer their order moved on (paid, shipped, delivered, cancelled, refunded),
/// through the outbox, in the language the order was placed in.
pub async fn status_email(state: &AppState, order: &Order) -> Result<(), StoreError> {
    let lang = order_language(state, order);
    crate::i18n::scope(lang.clone(), status_email_in(state, order, lang)).await
}

/// The status e-mail in `lang`, which must also be the current language (its words and amounts
/// are put together here).
async fn status_email_in(state: &AppState, order: &Order, lang: Lang) -> Result<(), StoreError> {
    use baobab_domain::order::OrderStatus as S;
    let currency: Currency = order.currency;
    if order.status == S::PendingPayment {
        return Ok(());
    }
    let ctx = minijinja::context! {
        number => order_number(order.id),
        id => order.id,
        status => order.status.as_str(),
        status_label => status_label(state, order.status),
        total => crate::i18n::money(order.totals.total, currency),
        refunded => crate::i18n::money(order.refunded_minor, currency),
    };
    queue_in(state, lang, &order.email, "order_status", ctx).await
}
