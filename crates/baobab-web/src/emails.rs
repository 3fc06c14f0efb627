//! Messages to customers and staff: a text template each (`templates/email/`), queued in the
//! outbox, which delivers each once (see `account::outbox`).

use baobab_store::StoreError;
use serde::Serialize;

use crate::AppState;

/// Renders the e-mail template `template` with `ctx` (plus `shop` and `url`, the shop's name
/// and public URL) and queues it to `to`.
pub(crate) async fn queue<S: Serialize>(state: &AppState, to: &str, template: &str, ctx: S) -> Result<(), StoreError> {
    let ctx = minijinja::context! {
        shop => state.settings.shop_name.clone(),
        url => state.settings.public_url.clone(),
        ..minijinja::Value::from(minijinja::value::Serde(&ctx))
    };
    let (subject, body) = state
        .templates
        .email(&format!("email/{template}.txt"), &ctx)
        .map_err(|e| StoreError::Internal(format!("e-mail {template}: {e}")))?;
    state.store.enqueue_email(to, &subject, &body).await?;
    Ok(())
}
