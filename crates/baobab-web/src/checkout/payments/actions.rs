//! What a customer does about an unpaid order: pay again, "I have paid — check now", and the
//! return from Paystack's page (never trusting the query string: the provider is asked).

use super::*;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct PayForm {}

/// "Pay now": a new attempt after one failed or was abandoned (once per form: the form's key).
pub(super) async fn pay_again(State(state): State<AppState>, OwnOrder { order, .. }: OwnOrder, form: Form<PayForm>) -> PageResult {
    let Some(key) = form.idempotency_key else {
        return Err(PageError::status(
            StatusCode::UNPROCESSABLE_ENTITY,
            "idempotency_key",
            "is missing or malformed: reload the order page and try again",
        ));
    };
    start(&state, &order, &key).await
}

/// "I have paid — check": asks the provider about the order's pending attempts now.
pub(super) async fn check_now(State(state): State<AppState>, OwnOrder { order, .. }: OwnOrder, _: Form<CsrfOnly>) -> PageResult {
    for p in state.store.payments_of_order(order.id).await? {
        if p.status == PaymentStatus::Pending {
            check_payment(&state, &p).await?;
        }
    }
    Ok(redirect(&crate::cart::in_language(&format!("/orders/{}", order.id)), None))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct ReturnQuery {
    reference: String,
    trxref: String,
}

/// Paystack sends the customer back here; we ask Paystack (never trust the query string) and
/// show the order.
pub(super) async fn paystack_return(
    State(state): State<AppState>,
    query: Result<Query<ReturnQuery>, axum::extract::rejection::QueryRejection>,
) -> PageResult {
    let q = query.map(|Query(q)| q).unwrap_or_default();
    let reference = if q.reference.is_empty() { q.trxref } else { q.reference };
    if reference.is_empty() || reference.len() > 100 {
        return Err(PageError::BadParam(baobab_domain::ValidationError::new("reference", "is missing or too long")));
    }
    let payment = state.store.payment_by_reference(&reference).await?.ok_or(PageError::NotFound("Payment"))?;
    if payment.provider != PaymentMethod::Paystack {
        return Err(PageError::NotFound("Payment"));
    }
    if payment.status == PaymentStatus::Pending {
        check_payment(&state, &payment).await?;
    }
    Ok(redirect(&crate::cart::in_language(&format!("/orders/{}", payment.order_id)), None))
}
