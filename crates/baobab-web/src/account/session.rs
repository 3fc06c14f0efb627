//! Server-side sessions (in the database, so any instance serves any request), CSRF
//! protection for every form, the client's real IP behind CloudFront and the ALB, and password
//! hashing.

use std::net::SocketAddr;

use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, HeaderValue, Method, header};
use baobab_domain::user::{Session, User};
use baobab_store::StoreError;
use chrono::{Duration, Utc};
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::auth::hex;

pub const SESSION_COOKIE: &str = "baobab_session";
pub const SESSION_DAYS: i64 = 14;

fn random_hex(n: usize) -> String {
    let mut bytes = vec![0u8; n];
    getrandom::fill(&mut bytes).expect("operating system random source");
    hex(&bytes)
}

/// Only the hash of a session id is stored: a leaked table cannot be replayed as cookies.
pub fn hash_id(id: &str) -> String {
    hex(&Sha256::digest(id.as_bytes()))
}

/// Cookie of a visitor without a session: a random value that the form token of an anonymous
/// form is signed from (a signed double-submit token). It needs no row in the database.
pub const FORM_COOKIE: &str = "baobab_form";

/// A request's session, if its cookie names a live one, with its user.
#[derive(Clone)]
pub struct Current {
    pub session: Option<Session>,
    pub user: Option<User>,
    /// The form token that the visitor's form cookie proves (anonymous forms), if it has one.
    pub form_token: Option<String>,
}

impl Current {
    /// The CSRF token to put in a form: the session's, else the signed anonymous one.
    pub fn csrf(&self) -> &str {
        match (&self.session, &self.form_token) {
            (Some(s), _) => s.csrf_token.as_str(),
            (None, Some(t)) => t.as_str(),
            (None, None) => "",
        }
    }
}

fn hex_cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    crate::params::cookie(headers, name).filter(|v| v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit())).map(str::to_string)
}

pub async fn current(state: &AppState, headers: &HeaderMap) -> Result<Current, StoreError> {
    let form_token = match hex_cookie(headers, FORM_COOKIE) {
        Some(v) => Some(form_token(state, &v).await?),
        None => None,
    };
    let Some(id) = hex_cookie(headers, SESSION_COOKIE) else {
        return Ok(Current { session: None, user: None, form_token });
    };
    let session = state.store.session(&hash_id(&id), Utc::now()).await?;
    let user = match session.as_ref().and_then(|s| s.user_id) {
        Some(uid) => state.store.user_by_id(uid).await?.filter(|u| u.disabled_at.is_none()),
        None => None,
    };
    Ok(Current { session, user, form_token })
}

/// The token an anonymous form carries: HMAC-SHA256 of the visitor's form cookie under the
/// shop's form key. A page from another site can neither read the cookie nor make the token.
async fn form_token(state: &AppState, cookie: &str) -> Result<String, StoreError> {
    use hmac::{Hmac, KeyInit, Mac};
    let key = state.form_key().await?;
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(b"baobab-form:");
    mac.update(cookie.as_bytes());
    Ok(hex(&mac.finalize().into_bytes()))
}

/// The shop-wide key that signs anonymous form tokens: made once, kept in the database so every
/// instance signs alike.
pub(crate) async fn load_form_key(state: &AppState) -> Result<Vec<u8>, StoreError> {
    const META: &str = "form_token_key";
    state.store.set_meta_once(META, &random_hex(32)).await?;
    let key = state.store.meta(META).await?.ok_or_else(|| StoreError::Internal("form token key missing".into()))?;
    Ok(key.into_bytes())
}

/// Gives a visitor without a session a form token for the form on this page: the cookie it is
/// signed from is set with the response (`c.cookie`). No database row is written.
pub async fn ensure_form_token(state: &AppState, current: &mut Current) -> Result<Option<HeaderValue>, StoreError> {
    if current.session.is_some() || current.form_token.is_some() {
        return Ok(None);
    }
    let value = random_hex(32);
    current.form_token = Some(form_token(state, &value).await?);
    // A browser-session cookie: it lives as long as the open form may.
    let cookie = format!("{FORM_COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax{}", secure_attr(state));
    Ok(Some(HeaderValue::from_str(&cookie).expect("ascii cookie")))
}

/// `; Secure` when the shop is served over HTTPS (its public URL, or HSTS on).
pub(crate) fn secure_attr(state: &AppState) -> &'static str {
    if state.settings.secure_cookies() { "; Secure" } else { "" }
}

/// Ends expired sessions; run on a schedule by every instance (each delete is idempotent).
pub async fn expire_stale(state: &AppState) -> Result<u64, StoreError> {
    state.store.delete_expired_sessions(Utc::now()).await
}

/// Runs `expire_stale` every `every`, in the background, for the life of the process.
pub fn spawn_session_expiry(state: AppState, every: std::time::Duration) {
    tokio::spawn(async move {
        loop {
            match expire_stale(&state).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(deleted = n, "deleted expired sessions"),
                Err(e) => tracing::warn!(error = %e, "session expiry paused"),
            }
            tokio::time::sleep(every).await;
        }
    });
}

/// Starts a new session (a fresh id and CSRF token: sessions rotate at login and at every
/// privilege change) and returns the Set-Cookie value. The previous one, if any, is ended.
pub async fn start(
    state: &AppState,
    previous: Option<&Session>,
    user_id: Option<i64>,
    two_factor_ok: bool,
) -> Result<(Session, HeaderValue), StoreError> {
    if let Some(p) = previous {
        state.store.delete_session(&p.id_hash).await?;
    }
    let id = random_hex(32);
    let now = Utc::now();
    let session = Session {
        id_hash: hash_id(&id),
        user_id,
        csrf_token: random_hex(16),
        two_factor_ok,
        created_at: now,
        expires_at: now + Duration::days(SESSION_DAYS),
    };
    state.store.create_session(&session).await?;
    let secure = secure_attr(state);
    let cookie = format!("{SESSION_COOKIE}={id}; Path=/; Max-Age={}; HttpOnly; SameSite=Lax{secure}", SESSION_DAYS * 86_400);
    Ok((session, HeaderValue::from_str(&cookie).expect("ascii cookie")))
}

/// The Set-Cookie value that removes the session cookie.
pub fn clear_cookie(state: &AppState) -> HeaderValue {
    let secure = secure_attr(state);
    HeaderValue::from_str(&format!("{SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax{secure}")).expect("ascii cookie")
}

/// CSRF check for a state-changing request: the form's token must be the session's, or the
/// anonymous token signed from the visitor's form cookie, and the browser's Origin (or Referer)
/// must be this site.
pub fn check_csrf(state: &AppState, method: &Method, headers: &HeaderMap, current: &Current, token: &str) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return true;
    }
    let eq = |expected: &str| !expected.is_empty() && crate::auth::constant_time_eq(expected.as_bytes(), token.as_bytes());
    let by_session = current.session.as_ref().is_some_and(|s| eq(&s.csrf_token));
    let by_form_cookie = current.form_token.as_deref().is_some_and(eq);
    (by_session || by_form_cookie) && same_origin(state, headers)
}

/// True when the browser says the request comes from a page of this site: its `Origin` (or,
/// without one, its `Referer`) is the shop's public URL. The request's own Host header is not
/// trusted for this: a client chooses it.
pub(crate) fn same_origin(state: &AppState, headers: &HeaderMap) -> bool {
    let site = site_origin(&state.settings.public_url);
    if let Some(o) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        return o != "null" && o.trim_end_matches('/').eq_ignore_ascii_case(&site);
    }
    if let Some(r) = headers.get(header::REFERER).and_then(|v| v.to_str().ok()) {
        let origin: String = r.splitn(4, '/').take(3).collect::<Vec<_>>().join("/");
        return origin.eq_ignore_ascii_case(&site);
    }
    // Browsers send Origin on cross-site form posts; a request with neither header is not a
    // browser being tricked, and it still needed the token.
    true
}

/// Scheme, host and port of a URL (`https://shop.example.com`), as browsers write an Origin.
fn site_origin(url: &str) -> String {
    url.splitn(4, '/').take(3).collect::<Vec<_>>().join("/").trim_end_matches('/').to_string()
}

/// The client's IP: the connection's peer, or — behind `trusted_proxies` proxies (CloudFront
/// and the ALB) — the X-Forwarded-For entry those proxies vouch for, counted from the right,
/// so a client cannot choose it by sending its own header.
pub fn client_ip(state: &AppState, headers: &HeaderMap, peer: Option<SocketAddr>) -> String {
    let hops = state.settings.trusted_proxies;
    if hops > 0 {
        let forwarded: Vec<&str> = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        if forwarded.len() >= hops
            && let Some(ip) = forwarded.get(forwarded.len() - hops)
            && ip.parse::<std::net::IpAddr>().is_ok()
        {
            return ip.to_string();
        }
    }
    peer.map(|p| p.ip().to_string()).unwrap_or_else(|| "unknown".into())
}

/// The connection's peer address, when the server recorded it (absent in in-process tests).
pub struct Peer(pub Option<SocketAddr>);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Peer {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(parts: &mut axum::http::request::Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Peer(parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0)))
    }
}

/// argon2id with OWASP-recommended defaults, off the async threads.
pub async fn hash_password(password: String) -> Result<String, StoreError> {
    tokio::task::spawn_blocking(move || {
        use argon2::PasswordHasher;
        argon2::Argon2::default()
            .hash_password(password.as_bytes())
            .map(|h| h.to_string())
            .map_err(|e| StoreError::Internal(format!("password hash: {e}")))
    })
    .await
    .map_err(|e| StoreError::Internal(e.to_string()))?
}

pub async fn verify_password(password: String, hash: String) -> bool {
    tokio::task::spawn_blocking(move || {
        use argon2::PasswordVerifier;
        argon2::Argon2::default().verify_password(password.as_bytes(), hash.as_str()).is_ok()
    })
    .await
    .unwrap_or(false)
}

/// A random token for an e-mailed link (shown once) and its stored hash.
pub fn link_token() -> (String, String) {
    let t = random_hex(32);
    let h = hash_id(&t);
    (t, h)
}
