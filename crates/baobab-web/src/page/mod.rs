//! Small response helpers shared by the account, admin and cart pages.

use axum::extract::rejection::FormRejection;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use baobab_domain::ValidationError;

use crate::AppState;
use serde::Deserialize;

use crate::storefront::{PageError, error_page};

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

/// The error page with a given status, naming the field and what is wrong with it.
pub(crate) fn status_page(state: &AppState, status: StatusCode, field: &str, message: &str) -> Response {
    let mut res = error_page(state, PageError::BadParam(ValidationError::new(field, message)));
    *res.status_mut() = status;
    res
}

/// A form body that could not be read: 413 when too large, otherwise 400.
pub(crate) fn form_error(state: &AppState, rej: FormRejection) -> Response {
    if rej.status() == StatusCode::PAYLOAD_TOO_LARGE {
        status_page(state, StatusCode::PAYLOAD_TOO_LARGE, "form", "is too large")
    } else {
        status_page(state, StatusCode::BAD_REQUEST, "form", "could not be read")
    }
}

/// 403 for a state-changing request without a valid CSRF token or from another site.
pub(crate) fn forbidden_csrf(state: &AppState) -> Response {
    status_page(state, StatusCode::FORBIDDEN, "csrf", "is missing or wrong: reload the form and try again")
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
    raw.parse::<i64>().ok().filter(|i| *i > 0).ok_or_else(|| PageError::BadParam(ValidationError::new("id", "is not a valid id")))
}

/// Turns a page handler's result into a response: its error page when it failed.
pub(crate) fn finish(state: &AppState, r: Result<Response, PageError>) -> Response {
    r.unwrap_or_else(|e| error_page(state, e))
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
pub(crate) fn idempotency_key(headers: &axum::http::HeaderMap, field: &str) -> Option<String> {
    let key = headers.get("idempotency-key").and_then(|v| v.to_str().ok()).unwrap_or(field).trim().to_ascii_lowercase();
    (key.len() == 32 && key.bytes().all(|b| b.is_ascii_hexdigit())).then_some(key)
}

/// A urlencoded form body. One that cannot be read is answered with the error page (413 when too
/// large, else 400) before the handler runs.
pub(crate) struct Posted<T>(pub T);

impl<T: serde::de::DeserializeOwned + Send> axum::extract::FromRequest<AppState> for Posted<T> {
    type Rejection = Response;

    async fn from_request(req: axum::extract::Request, state: &AppState) -> Result<Self, Response> {
        match axum::extract::Form::<T>::from_request(req, state).await {
            Ok(axum::extract::Form(v)) => Ok(Posted(v)),
            Err(rej) => Err(form_error(state, rej)),
        }
    }
}
