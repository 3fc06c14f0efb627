//! Providers' notifications: Paystack's signed webhook and M-Pesa's callback on a secret URL.

use super::*;

fn webhook_error(status: StatusCode, code: &'static str, message: &str) -> Response {
    (status, axum::Json(json!({"error": {"code": code, "message": message}}))).into_response()
}

fn store_unavailable(e: StoreError) -> Response {
    tracing::error!(error = %e, "payment notification not stored; the provider will retry");
    let mut r = webhook_error(StatusCode::SERVICE_UNAVAILABLE, "unavailable", "try again later");
    r.headers_mut().insert(axum::http::header::RETRY_AFTER, axum::http::HeaderValue::from_static("30"));
    r
}

/// Paystack's webhook: HMAC-SHA512 of the raw body with the secret key in
/// `x-paystack-signature`. A bad signature is 401 and changes nothing; a replay is 200 and
/// changes nothing; a store failure is 503 so Paystack retries.
pub(super) async fn paystack_webhook(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    if state.providers.paystack.is_none() {
        return webhook_error(StatusCode::NOT_FOUND, "not_found", "Paystack is not enabled");
    }
    let sig = headers.get(baobab_payments::paystack::SIGNATURE_HEADER).and_then(|v| v.to_str().ok());
    let event = match baobab_payments::paystack::parse_webhook(&state.providers.paystack_secret, &body, sig) {
        Ok(e) => e,
        Err(WebhookError::BadSignature) => {
            tracing::warn!(target: "baobab::payments", "Paystack webhook with a bad signature refused");
            return webhook_error(StatusCode::UNAUTHORIZED, "unauthorized", "invalid signature");
        }
        Err(e @ WebhookError::Malformed(_)) => return webhook_error(StatusCode::BAD_REQUEST, "bad_request", &e.to_string()),
    };
    let settlement = match event.event.as_str() {
        "charge.success" if event.status == "success" => {
            Settlement::Succeeded { amount_minor: event.amount_minor, currency: event.currency.clone(), provider_txn: event.id.clone() }
        }
        "charge.failed" => Settlement::Failed { reason: "the charge failed".into() },
        _ => return (StatusCode::OK, axum::Json(json!({"ignored": event.event}))).into_response(),
    };
    let payment = match state.store.payment_by_reference(&event.reference).await {
        Ok(Some(p)) if p.provider == PaymentMethod::Paystack => p,
        Ok(_) => {
            tracing::warn!(target: "baobab::payments", reference = %event.reference, "Paystack webhook for an unknown reference");
            return (StatusCode::OK, axum::Json(json!({"ignored": "unknown reference"}))).into_response();
        }
        Err(e) => return store_unavailable(e),
    };
    let event_id = format!("{}:{}", event.event, event.id);
    match state.store.settle_payment(payment.id, Some(&event_id), &settlement, "paystack").await {
        Ok(settled) => {
            after_settled(&state, &settled).await;
            let outcome = match settled {
                Settled::Applied { .. } => "applied",
                Settled::Replayed(_) => "replayed",
                Settled::Unchanged(_) => "unchanged",
            };
            (StatusCode::OK, axum::Json(json!({"outcome": outcome}))).into_response()
        }
        Err(e) => store_unavailable(e),
    }
}

/// Daraja's STK callback, on a URL with a secret segment. A success is confirmed by asking
/// Daraja before it is applied; the callback itself is recorded once.
pub(super) async fn mpesa_callback(State(state): State<AppState>, Path(token): Path<String>, body: Bytes) -> Response {
    let Some(provider) = state.providers.mpesa.clone() else {
        return webhook_error(StatusCode::NOT_FOUND, "not_found", "M-Pesa is not enabled");
    };
    if !crate::auth::constant_time_eq(token.as_bytes(), state.providers.mpesa_token.as_bytes()) {
        tracing::warn!(target: "baobab::payments", "M-Pesa callback on a wrong URL refused");
        return webhook_error(StatusCode::UNAUTHORIZED, "unauthorized", "unknown callback URL");
    }
    let cb = match baobab_payments::mpesa::parse_callback(&body) {
        Ok(cb) => cb,
        Err(e) => return webhook_error(StatusCode::BAD_REQUEST, "bad_request", &e.to_string()),
    };
    let accepted = || (StatusCode::OK, axum::Json(json!({"ResultCode": 0, "ResultDesc": "Accepted"}))).into_response();
    let payment = match state.store.payment_by_provider_ref(PaymentMethod::Mpesa, &cb.checkout_request_id).await {
        Ok(Some(p)) => p,
        Ok(None) => {
            // E.g. our prompt request timed out here but reached the phone: if money came, keep
            // it for staff (once per request) rather than lose track of it.
            if cb.result_code == 0 {
                let detail = format!(
                    "paid {} minor units of KES, receipt {}, phone {}, for an M-Pesa request no order knows",
                    cb.amount_minor.map(|a| a.to_string()).unwrap_or_else(|| "?".into()),
                    cb.receipt.as_deref().unwrap_or("?"),
                    cb.phone.as_deref().unwrap_or("?")
                );
                tracing::error!(target: "baobab::payments", id = %cb.checkout_request_id, "{detail}");
                if let Err(e) = state.store.record_unmatched("mpesa", &format!("stk:{}", cb.checkout_request_id), &detail).await {
                    return store_unavailable(e);
                }
            }
            return accepted();
        }
        Err(e) => return store_unavailable(e),
    };
    let settlement = if cb.result_code == 0 {
        // Daraja signs nothing: ask it before applying money.
        let currency = Currency::KES;
        // The prompt was for the attempt's amount: Daraja's "paid" confirms that amount.
        let r = PaymentRef {
            reference: &payment.reference,
            provider_ref: &cb.checkout_request_id,
            amount_minor: payment.amount_minor,
            currency,
        };
        match provider.check(&r).await {
            Ok(Outcome::Succeeded { amount_minor, provider_txn, .. }) => Settlement::Succeeded {
                // A callback naming another amount is kept for review rather than trusted or ignored.
                amount_minor: cb.amount_minor.unwrap_or(amount_minor),
                currency: currency.code().into(),
                provider_txn: cb.receipt.clone().unwrap_or(provider_txn),
            },
            Ok(Outcome::Failed { reason }) => Settlement::Failed { reason },
            // Not confirmed yet: leave it to the reconciler.
            Ok(Outcome::Pending) | Err(_) => return accepted(),
        }
    } else {
        Settlement::Failed { reason: cb.result_desc.clone() }
    };
    let event_id = format!("stk:{}", cb.checkout_request_id);
    match state.store.settle_payment(payment.id, Some(&event_id), &settlement, "mpesa").await {
        Ok(settled) => {
            after_settled(&state, &settled).await;
            accepted()
        }
        Err(e) => store_unavailable(e),
    }
}
