//! The middleware every response passes through, outermost first:
//! request id + access log + metrics, panic guard, timeout, compression, security headers,
//! and ETag/conditional GET for cacheable responses.

use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::{Next, from_fn, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tracing::Instrument;

use crate::AppState;
use crate::caching::etag_matches;
use crate::error::ApiError;

pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");
const MAX_ETAG_BODY: usize = 4 * 1024 * 1024;

pub fn wrap(app: Router<AppState>, state: AppState) -> Router<AppState> {
    let timeout = state.settings.request_timeout;
    app.layer(from_fn(etag))
        .layer(from_fn_with_state(state.clone(), security_headers))
        .layer(CompressionLayer::new().gzip(true).br(true))
        .layer(from_fn_with_state((state, timeout), deadline))
        .layer(CatchPanicLayer::custom(|_panic: Box<dyn std::any::Any + Send>| {
            tracing::error!("handler panicked");
            ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "internal error").into_response()
        }))
        .layer(from_fn(request_context))
}

/// Answers a request still running after `http.request_timeout_seconds` with a 503 "try again"
/// (the shop's error page, or the JSON error for the API and webhooks). The handler's future is
/// dropped, which abandons its database work: the store closes a connection released
/// mid-query rather than reuse it, and the server's own limits end the query.
async fn deadline(State((state, limit)): State<(AppState, Duration)>, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let json = path.starts_with("/api/") || path.starts_with("/webhooks/");
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(res) => res,
        Err(_) if json => {
            tracing::warn!(timeout_ms = limit.as_millis() as u64, "request timed out");
            ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "unavailable", "the request took too long; retry shortly").into_response()
        }
        Err(_) => {
            let why = format!("request timed out after {} ms", limit.as_millis());
            crate::page::error_page(&state, crate::page::PageError::Store(baobab_store::StoreError::Unavailable(why)))
        }
    }
}

/// Accepts a caller's request id (e.g. from the load balancer) when it is short and plain,
/// otherwise makes one.
fn request_id(headers: &HeaderMap) -> String {
    if let Some(v) = headers.get(&REQUEST_ID).and_then(|v| v.to_str().ok())
        && !v.is_empty()
        && v.len() <= 64
        && v.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
    {
        return v.to_string();
    }
    let mut bytes = [0u8; 12];
    getrandom::fill(&mut bytes).expect("operating system random source");
    crate::auth::hex(&bytes)
}

/// Request id (header in and out, and on every log line of the request), one JSON access-log
/// line, and the request counter and latency histogram labelled by matched route.
async fn request_context(req: Request, next: Next) -> Response {
    let start = Instant::now();
    let id = request_id(req.headers());
    let route = req.extensions().get::<MatchedPath>().map(|m| m.as_str().to_owned()).unwrap_or_else(|| "unmatched".to_owned());
    let method = req.method().clone();
    let path = logged_path(&route, req.uri().path());
    let span = tracing::info_span!("request", request_id = %id, method = %method, route = %route);
    let mut res = next.run(req).instrument(span.clone()).await;
    if let Ok(v) = HeaderValue::from_str(&id) {
        res.headers_mut().insert(REQUEST_ID, v);
    }
    let status = res.status().as_u16();
    let elapsed = start.elapsed();
    let labels = [("method", method.to_string()), ("route", route), ("status", status.to_string())];
    metrics::counter!("http_requests_total", &labels).increment(1);
    metrics::histogram!("http_request_duration_seconds", &labels).record(elapsed.as_secs_f64());
    let _enter = span.enter();
    let latency_ms = elapsed.as_secs_f64() * 1000.0;
    if status >= 500 {
        tracing::error!(target: "baobab::access", status, path, latency_ms, "request failed");
    } else {
        tracing::info!(target: "baobab::access", status, path, latency_ms, "request");
    }
    res
}

/// The path written to the access log: webhook paths can carry a secret (the M-Pesa callback
/// token), so their route pattern is logged instead.
fn logged_path(route: &str, path: &str) -> String {
    if route.starts_with("/webhooks/") || path.starts_with("/webhooks/") { route.to_owned() } else { path.to_owned() }
}

/// The Content-Security-Policy for HTML pages: no scripts at all, styles from our origin only.
/// `form_origins` are where a form post may end up besides this site: browsers apply
/// `form-action` to the redirect after a post too, and checkout redirects to the payment page.
pub fn content_security_policy(media_origin: Option<&str>, form_origins: &[String]) -> String {
    let media = media_origin.map(|o| format!(" {o}")).unwrap_or_default();
    let forms: String = form_origins.iter().map(|o| format!(" {o}")).collect();
    format!(
        "default-src 'none'; style-src 'self'; img-src 'self' data:{media}; form-action 'self'{forms}; \
         frame-ancestors 'none'; base-uri 'none'"
    )
}

/// The request's language, outermost (before routing):
/// - `/fr/…` (a language other than the default): the prefix is taken off and the rest is
///   routed as usual, in French. `/en/…` (the default's own code) redirects to the path without
///   it, so every page has one URL per language.
/// - any other path: the shopper's explicit choice (the `lang` cookie), else `Accept-Language`,
///   else the default. A cacheable storefront page (`/`, `/c/…`, `/p/…`, `/search`) asked for
///   with GET or HEAD in another language than the default redirects (302) to its prefixed URL;
///   it answers `Vary: Cookie, Accept-Language`, so a cache must key unprefixed pages on both
///   (see "Languages" in docs/architecture.md). Private pages are rendered in that language.
pub async fn language(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let i18n = &state.i18n;
    let default = i18n.default_code();
    let path = req.uri().path().to_string();
    let query = req.uri().query().map(|q| format!("?{q}")).unwrap_or_default();
    let codes = || i18n.languages().iter().map(|l| l.code.as_str());
    if let Some((code, rest)) = crate::i18n::split_prefix(&path, codes()) {
        if code == default {
            return redirect_to(StatusCode::PERMANENT_REDIRECT, &format!("{rest}{query}"));
        }
        let lang = crate::i18n::Lang::new(code, default);
        if let Ok(uri) = format!("{rest}{query}").parse::<axum::http::Uri>() {
            req.extensions_mut().insert(axum::extract::OriginalUri(uri.clone()));
            *req.uri_mut() = uri;
        }
        return crate::i18n::scope(lang, next.run(req)).await;
    }
    let explicit = crate::params::cookie(req.headers(), crate::i18n::LANG_COOKIE).and_then(|c| codes().find(|x| *x == c));
    let accepted = || {
        let header = req.headers().get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or_default();
        crate::i18n::accept_language(header, codes())
    };
    let chosen = explicit.or_else(accepted).unwrap_or(default).to_string();
    let storefront = path == "/" || path.starts_with("/c/") || path.starts_with("/p/") || path == "/search";
    let reading = matches!(*req.method(), Method::GET | Method::HEAD);
    if storefront && reading && chosen != default {
        let mut res = redirect_to(StatusCode::FOUND, &format!("/{chosen}{path}{query}"));
        res.headers_mut().insert(header::VARY, HeaderValue::from_static("Cookie, Accept-Language"));
        return res;
    }
    let lang = crate::i18n::Lang::new(if storefront { default } else { &chosen }, default);
    let mut res = crate::i18n::scope(lang, next.run(req)).await;
    if storefront {
        // added to what the page and compression already vary by
        res.headers_mut().append(header::VARY, HeaderValue::from_static("Cookie, Accept-Language"));
    }
    res
}

/// A redirect to a same-site path, never cached.
fn redirect_to(status: StatusCode, to: &str) -> Response {
    let mut res = status.into_response();
    let h = res.headers_mut();
    h.insert(header::LOCATION, HeaderValue::from_str(to).unwrap_or(HeaderValue::from_static("/")));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

async fn security_headers(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let html = res.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("text/html"));
    let h = res.headers_mut();
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("strict-origin-when-cross-origin"));
    if state.settings.hsts {
        h.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000; includeSubDomains"));
    }
    if html {
        if let Some(csp) = &state.csp {
            h.insert(header::CONTENT_SECURITY_POLICY, csp.clone());
        }
        h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
        h.insert(HeaderName::from_static("permissions-policy"), HeaderValue::from_static("camera=(), microphone=(), geolocation=()"));
    }
    res
}

fn is_public(headers: &HeaderMap) -> bool {
    headers.get(header::CACHE_CONTROL).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("public"))
}

/// Adds a weak ETag to successful, publicly cacheable GET responses and answers a matching
/// `If-None-Match` with 304, so the CDN and browsers revalidate without downloading again.
async fn etag(req: Request, next: Next) -> Response {
    let conditional = matches!(*req.method(), Method::GET | Method::HEAD);
    let if_none_match = req.headers().get(header::IF_NONE_MATCH).cloned();
    let res = next.run(req).await;
    if !conditional || res.status() != StatusCode::OK || res.headers().contains_key(header::ETAG) || !is_public(res.headers()) {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let bytes = match axum::body::to_bytes(body, MAX_ETAG_BODY).await {
        Ok(b) => b,
        Err(_) => return ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "response too large").into_response(),
    };
    let digest = crate::auth::hex(&Sha256::digest(&bytes));
    let tag = format!("W/\"{}\"", &digest[..32]);
    let tag_value = HeaderValue::from_str(&tag).expect("hex etag");
    if if_none_match.as_ref().is_some_and(|v| etag_matches(v, &tag)) {
        let mut not_modified = StatusCode::NOT_MODIFIED.into_response();
        for name in [header::CACHE_CONTROL, header::VARY, header::CONTENT_LOCATION] {
            if let Some(v) = parts.headers.get(&name) {
                not_modified.headers_mut().insert(name, v.clone());
            }
        }
        not_modified.headers_mut().insert(header::ETAG, tag_value);
        return not_modified;
    }
    parts.headers.insert(header::ETAG, tag_value);
    Response::from_parts(parts, Body::from(bytes))
}

/// Bounded wait used by the shutdown sequence and readiness checks.
pub async fn within<T>(limit: Duration, fut: impl std::future::Future<Output = T>) -> Option<T> {
    tokio::time::timeout(limit, fut).await.ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etag_comparison_is_weak_and_lists_work() {
        let v = HeaderValue::from_static("\"x\", W/\"abc\"");
        assert!(etag_matches(&v, "W/\"abc\""));
        assert!(etag_matches(&v, "\"abc\""));
        assert!(!etag_matches(&v, "W/\"abd\""));
        assert!(etag_matches(&HeaderValue::from_static("*"), "\"q\""));
    }

    #[test]
    fn request_ids_are_kept_only_when_plain() {
        let mut h = HeaderMap::new();
        h.insert(REQUEST_ID, HeaderValue::from_static("Root=1-abc.def"));
        assert_ne!(request_id(&h), "Root=1-abc.def");
        h.insert(REQUEST_ID, HeaderValue::from_static("abc-123"));
        assert_eq!(request_id(&h), "abc-123");
        assert_eq!(request_id(&HeaderMap::new()).len(), 24);
    }

    #[test]
    fn webhook_secrets_stay_out_of_the_access_log() {
        assert_eq!(logged_path("/webhooks/mpesa/{token}", "/webhooks/mpesa/cb-7f3a9e0123456789"), "/webhooks/mpesa/{token}");
        assert_eq!(logged_path("unmatched", "/webhooks/mpesa/x/y"), "unmatched");
        assert_eq!(logged_path("/p/{slug}", "/p/kora-phone"), "/p/kora-phone");
    }

    #[test]
    fn csp_has_no_inline_script() {
        let csp = content_security_policy(Some("https://cdn.example.com"), &["https://checkout.paystack.com".into()]);
        assert!(!csp.contains("unsafe-inline"));
        assert!(csp.contains("frame-ancestors 'none'"));
        assert!(csp.contains("img-src 'self' data: https://cdn.example.com"));
        assert!(csp.contains("form-action 'self' https://checkout.paystack.com;"));
        assert!(content_security_policy(None, &[]).contains("form-action 'self';"));
    }
}
