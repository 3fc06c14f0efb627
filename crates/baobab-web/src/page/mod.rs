//! What every HTML handler shares: its error type ([`PageError`], rendered with the shop's
//! chrome by one layer), its extractors, and small response helpers.
//!
//! A handler reads as extractors, work, `?` (see "How to add a page" in docs/architecture.md).

mod error;
mod extract;
pub(crate) mod problems;

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

pub use error::{ErrorPage, PageError, error_page, render_error_pages};
pub use extract::{Customer, Form, Posted, Visitor};

use crate::AppState;

/// What an HTML handler returns.
pub type PageResult<T = Response> = Result<T, PageError>;

pub(crate) fn html_type() -> [(header::HeaderName, HeaderValue); 1] {
    [(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"))]
}

/// A private HTML page (a form, an account page): never cached, optionally setting a cookie.
pub(crate) fn private_page(status: StatusCode, body: String, cookie: Option<HeaderValue>) -> Response {
    let mut res = (status, html_type(), body).into_response();
    let h = res.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Some(c) = cookie {
        h.append(header::SET_COOKIE, c);
    }
    res
}

/// 303 See Other to a same-site path, never cached, optionally setting a cookie.
pub(crate) fn redirect(to: &str, cookie: Option<HeaderValue>) -> Response {
    let mut res = StatusCode::SEE_OTHER.into_response();
    let h = res.headers_mut();
    h.insert(header::LOCATION, HeaderValue::from_str(to).unwrap_or(HeaderValue::from_static("/")));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Some(c) = cookie {
        h.append(header::SET_COOKIE, c);
    }
    res
}

/// Records a security event in the audit log table and the JSON log.
pub(crate) async fn audit(state: &AppState, event: &str, actor: Option<i64>, subject: &str, ip: &str, detail: serde_json::Value) {
    tracing::info!(target: "baobab::audit", event, actor, subject, ip, detail = %detail, "security event");
    if let Err(e) = state.store.record_audit(event, actor, subject, ip, &detail).await {
        tracing::error!(error = %e, event, "could not write the audit log");
    }
}

/// A positive numeric id from the path, or 400 naming it.
pub(crate) fn path_id(raw: &str) -> Result<i64, PageError> {
    raw.parse::<i64>()
        .ok()
        .filter(|i| *i > 0)
        .ok_or_else(|| PageError::BadParam(baobab_domain::ValidationError::new("id", "is not a valid id")))
}

/// A form whose only field is its CSRF token (logout, delete, revoke…).
#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct CsrfOnly {
    pub(crate) csrf: String,
}

/// A fresh idempotency key for a form that creates something: 32 hex digits.
pub(crate) fn new_idempotency_key() -> String {
    let mut key = [0u8; 16];
    getrandom::fill(&mut key).expect("operating system random source");
    crate::auth::hex(&key)
}

/// The idempotency key of a request that creates something: the `Idempotency-Key` header when
/// sent, else the form's hidden field; 32 hex digits, or None.
pub(crate) fn idempotency_key(headers: &HeaderMap, field: &str) -> Option<String> {
    let key = headers.get("idempotency-key").and_then(|v| v.to_str().ok()).unwrap_or(field).trim().to_ascii_lowercase();
    (key.len() == 32 && key.bytes().all(|b| b.is_ascii_hexdigit())).then_some(key)
}
