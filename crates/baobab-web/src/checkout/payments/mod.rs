//! Online payments: starting a Paystack or M-Pesa attempt for an order, the customer's return
//! from Paystack, the providers' notifications (Paystack's signed webhook, Daraja's callback on
//! a secret URL), the "check my payment" button, and the reconciler that asks the providers
//! about attempts nobody told us about. Every confirmation goes through
//! [`PaymentStore::settle_payment`]: once per provider event, in one transaction with the order's
//! move to `paid`, so replays and races change nothing.

use std::fmt;
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use baobab_domain::Currency;
use baobab_domain::order::Order;
use baobab_domain::payment::{NewPayment, Payment, PaymentMethod, PaymentStatus};
use baobab_payments::{NextStep, Outcome, PaymentError, PaymentRef, Provider, StartRequest, WebhookError};
use baobab_store::StoreError;
use baobab_store::payments::{Settled, Settlement};
use chrono::Utc;
use serde::Deserialize;
use serde_json::json;

use crate::AppState;
use actions::{check_now, pay_again, paystack_return};
use webhooks::{mpesa_callback, paystack_webhook};

mod actions;
mod webhooks;
use crate::checkout::OwnOrder;
use crate::checkout::order_number;
use crate::page::{CsrfOnly, Form, PageError, PageResult, redirect};

/// Provider settings from the configuration; a provider without settings is not offered.
#[derive(Clone, Default)]
pub struct PaymentSettings {
    pub paystack: Option<baobab_payments::PaystackConfig>,
    pub mpesa: Option<baobab_payments::MpesaConfig>,
    /// The secret path segment of the M-Pesa callback URL (Daraja signs nothing).
    pub mpesa_callback_token: String,
}

impl fmt::Debug for PaymentSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PaymentSettings")
            .field("paystack", &self.paystack)
            .field("mpesa", &self.mpesa)
            .field("mpesa_callback_token", &"<redacted>")
            .finish()
    }
}

/// The provider clients of a running instance.
#[derive(Clone, Default)]
pub struct Providers {
    pub paystack: Option<Arc<dyn Provider>>,
    paystack_secret: String,
    pub mpesa: Option<Arc<dyn Provider>>,
    mpesa_token: String,
    /// Origins of the providers' payment pages, which checkout forms redirect to (allowed in
    /// the pages' `form-action`).
    pub form_origins: Vec<String>,
}

/// Scheme, host and port of a URL.
fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty()).then(|| format!("{scheme}://{host}"))
}

impl Providers {
    pub fn from_settings(s: &PaymentSettings) -> Providers {
        let mut p = Providers::default();
        if let Some(cfg) = &s.paystack {
            match baobab_payments::Paystack::new(cfg.clone()) {
                Ok(client) => {
                    p.paystack = Some(Arc::new(client));
                    p.paystack_secret = cfg.secret_key.clone();
                    // Paystack's hosted page; a test or proxy base URL serves its own.
                    p.form_origins.push(PAYSTACK_CHECKOUT_ORIGIN.into());
                    if let Some(o) = origin_of(&cfg.base_url).filter(|o| o != "https://api.paystack.co") {
                        p.form_origins.push(o);
                    }
                }
                Err(e) => tracing::error!(error = %e, "Paystack is not offered"),
            }
        }
        if let Some(cfg) = &s.mpesa {
            match baobab_payments::Mpesa::new(cfg.clone()) {
                Ok(client) => {
                    p.mpesa = Some(Arc::new(client));
                    p.mpesa_token = s.mpesa_callback_token.clone();
                }
                Err(e) => tracing::error!(error = %e, "M-Pesa is not offered"),
            }
        }
        p
    }

    pub fn get(&self, method: PaymentMethod) -> Option<&Arc<dyn Provider>> {
        match method {
            PaymentMethod::Paystack => self.paystack.as_ref(),
            PaymentMethod::Mpesa => self.mpesa.as_ref(),
            PaymentMethod::CashOnDelivery | PaymentMethod::BankTransfer => None,
        }
    }
}

/// Where Paystack's `authorization_url` points.
pub const PAYSTACK_CHECKOUT_ORIGIN: &str = "https://checkout.paystack.com";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/orders/{id}/pay", post(pay_again))
        .route("/orders/{id}/payment/check", post(check_now))
        .route("/payments/paystack/return", get(paystack_return))
        .route("/webhooks/paystack", post(paystack_webhook))
        .route("/webhooks/mpesa/{token}", post(mpesa_callback))
        .layer(axum::extract::DefaultBodyLimit::max(64 * 1024))
}

/// Whether `phone` (E.164) can receive an M-Pesa prompt.
pub fn mpesa_phone_ok(phone: &str) -> bool {
    baobab_payments::mpesa::daraja_phone(phone).is_some()
}

/// Where a customer goes for an attempt that exists: the provider's page while it is pending,
/// else the order page.
fn resume(p: &Payment) -> Response {
    match (&p.next_url, p.status) {
        (Some(url), PaymentStatus::Pending) => external_redirect(url),
        _ => redirect(&crate::cart::in_language(&format!("/orders/{}", p.order_id)), None),
    }
}

/// Starts a payment attempt for an order awaiting payment and says where the customer goes next:
/// the provider's page (Paystack) or the order page, which tells them to answer the prompt on
/// their phone (M-Pesa) or why the attempt could not start. The attempt's reference comes from
/// the request's idempotency key: a retried request finds its attempt and creates nothing.
pub async fn start(state: &AppState, order: &Order, key: &str) -> Result<Response, PageError> {
    let order_page = crate::cart::in_language(&format!("/orders/{}", order.id));
    let Some(provider) = state.providers.get(order.payment_method).cloned() else {
        return Ok(redirect(&order_page, None));
    };
    let currency = order.currency;
    let reference = format!("{}-{}", order_number(order.id), &key[..key.len().min(10)]);
    if let Some(existing) = state.store.payment_by_reference(&reference).await? {
        return Ok(resume(&existing));
    }
    let amount = order.totals.total - order.refunded_minor;
    let payment = match state
        .store
        .create_payment(&NewPayment {
            order_id: order.id,
            provider: order.payment_method,
            reference: reference.clone(),
            amount_minor: amount,
            currency: order.currency,
        })
        .await
    {
        Ok(p) => p,
        // The same request concurrently (the reference is taken), or the order was paid or
        // cancelled meanwhile: the attempt, or the order page, says so.
        Err(StoreError::Conflict { .. }) => {
            return Ok(match state.store.payment_by_reference(&reference).await? {
                Some(p) => resume(&p),
                None => redirect(&order_page, None),
            });
        }
        Err(e) => return Err(e.into()),
    };
    let phone = Some(order.shipping_address.phone.clone()).filter(|p| !p.is_empty());
    let callback_url = match provider.name() {
        "mpesa" => format!("{}/webhooks/mpesa/{}", state.settings.public_url, state.providers.mpesa_token),
        // back in the language the shopper paid in
        _ => format!("{}{}", state.settings.public_url, crate::cart::in_language("/payments/paystack/return")),
    };
    let req = StartRequest {
        reference,
        amount_minor: amount,
        currency,
        email: order.email.clone(),
        phone,
        callback_url,
        description: state.t("order-payment-description", &[("number", order_number(order.id).into())]),
    };
    match provider.start(&req).await {
        Ok(started) => {
            let next_url = match &started.next {
                NextStep::Redirect { url } => Some(url.as_str()),
                NextStep::Phone { .. } => None,
            };
            state.store.set_payment_provider_ref(payment.id, &started.provider_ref, started.amount_minor, next_url).await?;
            match started.next {
                NextStep::Redirect { url } => Ok(external_redirect(&url)),
                NextStep::Phone { .. } => Ok(redirect(&order_page, None)),
            }
        }
        Err(e) => {
            tracing::warn!(order = order.id, provider = provider.name(), error = %e, "payment could not start");
            let reason = match &e {
                PaymentError::Unavailable(_) => format!("{} could not be reached; try again in a minute", label(provider.name())),
                PaymentError::Refused(m) | PaymentError::Invalid(m) => m.clone(),
            };
            state.store.settle_payment(payment.id, None, &Settlement::Failed { reason }, "system").await?;
            Ok(redirect(&order_page, None))
        }
    }
}

pub fn label(provider: &str) -> &'static str {
    match provider {
        "paystack" => "Paystack",
        "mpesa" => "M-Pesa",
        _ => "the payment provider",
    }
}

/// 303 to the provider's hosted page (an absolute https URL it gave us).
fn external_redirect(url: &str) -> Response {
    let mut res = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = axum::http::HeaderValue::from_str(url) {
        res.headers_mut().insert(axum::http::header::LOCATION, v);
    }
    res.headers_mut().insert(axum::http::header::CACHE_CONTROL, axum::http::HeaderValue::from_static("no-store"));
    res
}

/// Asks the provider about an attempt and applies the answer; returns the attempt afterwards.
/// Called for the customer (their "check now", their return from Paystack). An e-mail it
/// causes is in the order's language, as from a provider's notification or the reconciler.
pub async fn check_payment(state: &AppState, payment: &Payment) -> Result<Payment, StoreError> {
    check_payment_or_give_up(state, payment, None).await
}

/// [`check_payment`]; an attempt still pending and started before `give_up_before` is marked
/// failed (the customer left the provider's page, or never answered the prompt).
async fn check_payment_or_give_up(
    state: &AppState,
    payment: &Payment,
    give_up_before: Option<chrono::DateTime<Utc>>,
) -> Result<Payment, StoreError> {
    let currency = payment.currency;
    let (Some(provider), Some(provider_ref)) = (state.providers.get(payment.provider), payment.provider_ref.as_deref()) else {
        return Ok(payment.clone());
    };
    let r = PaymentRef { reference: &payment.reference, provider_ref, amount_minor: payment.amount_minor, currency };
    let settlement = match provider.check(&r).await {
        Ok(Outcome::Pending) if give_up_before.is_some_and(|t| payment.created_at < t) => {
            Settlement::Failed { reason: "not paid in time".into() }
        }
        Ok(Outcome::Pending) => return Ok(payment.clone()),
        Ok(Outcome::Succeeded { amount_minor, currency, provider_txn }) => {
            Settlement::Succeeded { amount_minor, currency: currency.code().to_string(), provider_txn }
        }
        Ok(Outcome::Failed { reason }) => Settlement::Failed { reason },
        Err(e) => {
            tracing::warn!(payment = payment.id, error = %e, "payment status query failed");
            return Ok(payment.clone());
        }
    };
    let settled = state.store.settle_payment(payment.id, None, &settlement, payment.provider.as_str()).await?;
    after_settled(state, &settled).await;
    Ok(match settled {
        Settled::Applied { payment, .. } | Settled::Replayed(payment) | Settled::Unchanged(payment) => payment,
    })
}

/// Logs a settlement and, when money was applied, e-mails the customer (the money is applied
/// whether or not the e-mail could be queued).
async fn after_settled(state: &AppState, settled: &Settled) {
    if let Settled::Applied { payment, order } = settled {
        tracing::info!(target: "baobab::payments", order = order.id, payment = payment.id, status = payment.status.as_str(), "payment settled");
        if payment.status == PaymentStatus::Succeeded {
            crate::checkout::notify_status(state, order).await;
        }
    }
}

/// Asks the providers about attempts started more than `min_age` ago that are still pending
/// (a lost webhook, a callback that never came). Run periodically by the server; returns how
/// many attempts it asked about.
/// Attempts still pending this long after the order's payment window are given up as failed, so
/// abandoned ones do not pile up in front of the reconciler.
const GIVE_UP_AFTER_WINDOW_MINUTES: i64 = 30;

pub async fn reconcile(state: &AppState, min_age: chrono::Duration) -> Result<usize, StoreError> {
    let pending = state.store.pending_payments(Utc::now() - min_age, 100).await?;
    let give_up = Utc::now() - chrono::Duration::minutes(state.settings.checkout.online_payment_minutes + GIVE_UP_AFTER_WINDOW_MINUTES);
    for p in &pending {
        // One attempt's trouble does not hold up the others.
        if let Err(e) = check_payment_or_give_up(state, p, Some(give_up)).await {
            tracing::warn!(payment = p.id, error = %e, "payment reconciliation of one attempt failed");
        }
    }
    Ok(pending.len())
}

/// Cancels unpaid orders past their time (releasing stock and coupon uses) and tells their
/// customers; returns how many. Run by the server after [`reconcile`], so an order paid with a
/// lost notification is found paid before it could expire.
pub async fn expire_unpaid(state: &AppState) -> Result<usize, StoreError> {
    let ids = state.store.expire_unpaid(Utc::now()).await?;
    for id in &ids {
        if let Some(order) = state.store.order(*id).await? {
            crate::checkout::notify_status(state, &order).await;
        }
    }
    if !ids.is_empty() {
        state.catalog_changed();
    }
    Ok(ids.len())
}
