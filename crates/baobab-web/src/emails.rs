//! Messages to customers and staff: a text template each (`templates/email/`), written in one of
//! the shop's languages and queued in the outbox, which delivers each once (see
//! `account::outbox`).
//!
//! The language: an e-mail sent while a customer's own request is served (registration, a
//! password reset, an order placed, a payment they asked us to check) is written in that
//! request's language ([`request_language`]), its links carry the language's prefix and its
//! amounts and dates are in its format. Any other sender — staff moving an order on, a payment
//! provider's notification, the background reconciler, a staff invitation — writes in the
//! shop's default language ([`queue`]): the customer's language is not kept with the account or
//! the order yet.

use baobab_store::StoreError;
use serde::Serialize;

use crate::AppState;
use crate::i18n::Lang;

/// The language of the request being served (the default outside a request).
pub(crate) fn request_language(state: &AppState) -> Lang {
    crate::i18n::current().unwrap_or_else(|| default_language(state))
}

/// The language an order was placed in, when the shop still offers it; else the default.
pub(crate) fn order_language(state: &AppState, order: &baobab_domain::order::Order) -> Lang {
    let default = state.i18n.default_code();
    match order.language.as_deref().and_then(|code| state.i18n.get(code)) {
        Some(l) => Lang::new(&l.code, default),
        None => default_language(state),
    }
}

/// The shop's default language.
pub(crate) fn default_language(state: &AppState) -> Lang {
    let default = state.i18n.default_code();
    Lang::new(default, default)
}

/// Renders the e-mail template `template` with `ctx` in the shop's default language and queues
/// it to `to` (for senders that are not a customer's request).
pub(crate) async fn queue<S: Serialize>(state: &AppState, to: &str, template: &str, ctx: S) -> Result<(), StoreError> {
    queue_in(state, default_language(state), to, template, ctx).await
}

/// Renders the e-mail template `template` with `ctx` (plus `shop`, `url` and `prefix`: the
/// shop's name, its public URL and the language's path prefix for links) in `lang`, and queues
/// it to `to`.
pub(crate) async fn queue_in<S: Serialize>(state: &AppState, lang: Lang, to: &str, template: &str, ctx: S) -> Result<(), StoreError> {
    let ctx = minijinja::context! {
        shop => state.settings.shop_name.clone(),
        url => state.settings.public_url.clone(),
        prefix => lang.prefix.to_string(),
        ..minijinja::Value::from(minijinja::value::Serde(&ctx))
    };
    let name = format!("email/{template}.txt");
    let (subject, body) = crate::i18n::scope(lang, async { state.templates.email(&name, &ctx) })
        .await
        .map_err(|e| StoreError::Internal(format!("e-mail {template}: {e}")))?;
    state.store.enqueue_email(to, &subject, &body).await?;
    Ok(())
}
