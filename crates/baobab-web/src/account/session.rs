//! Server-side sessions (in the database, so any instance serves any request), CSRF
//! protection for every form, the client's real IP behind CloudFront and the ALB, and password
//! hashing.

use std::net::SocketAddr;

use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, HeaderValue, Method, header};
use baobab_store::StoreError;
use baobab_store::accounts::{Session, User};
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

/// A request's session, if its cookie names a live one, with its user.
pub struct Current {
    pub session: Option<Session>,
    pub user: Option<User>,
}

impl Current {
    pub fn csrf(&self) -> &str {
        self.session.as_ref().map(|s| s.csrf_token.as_str()).unwrap_or("")
    }
}

pub async fn current(state: &AppState, headers: &HeaderMap) -> Result<Current, StoreError> {
    let Some(id) = crate::params::cookie(headers, SESSION_COOKIE).filter(|v| v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()))
    else {
        return Ok(Current { session: None, user: None });
    };
    let session = state.store.session(&hash_id(id), Utc::now()).await?;
    let user = match session.as_ref().and_then(|s| s.user_id) {
        Some(uid) => state.store.user_by_id(uid).await?.filter(|u| u.disabled_at.is_none()),
        None => None,
    };
    Ok(Current { session, user })
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
    let secure = if state.settings.hsts { "; Secure" } else { "" };
    let cookie = format!("{SESSION_COOKIE}={id}; Path=/; Max-Age={}; HttpOnly; SameSite=Lax{secure}", SESSION_DAYS * 86_400);
    Ok((session, HeaderValue::from_str(&cookie).expect("ascii cookie")))
}

/// The Set-Cookie value that removes the session cookie.
pub fn clear_cookie(state: &AppState) -> HeaderValue {
    let secure = if state.settings.hsts { "; Secure" } else { "" };
    HeaderValue::from_str(&format!("{SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax{secure}")).expect("ascii cookie")
}

/// CSRF check for a state-changing request: the form's token must match the session's, and the
/// browser's Origin (or Referer) must be this site.
pub fn check_csrf(state: &AppState, method: &Method, headers: &HeaderMap, current: &Current, token: &str) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return true;
    }
    let Some(session) = &current.session else { return false };
    if session.csrf_token.is_empty() || !crate::auth::constant_time_eq(session.csrf_token.as_bytes(), token.as_bytes()) {
        return false;
    }
    same_origin(state, headers)
}

pub(crate) fn same_origin(state: &AppState, headers: &HeaderMap) -> bool {
    let site = state.settings.public_url.trim_end_matches('/');
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("");
    let matches = |origin: &str| {
        let origin = origin.trim_end_matches('/');
        origin == site || (!host.is_empty() && (origin == format!("http://{host}") || origin == format!("https://{host}")))
    };
    if let Some(o) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        return o != "null" && matches(o);
    }
    if let Some(r) = headers.get(header::REFERER).and_then(|v| v.to_str().ok()) {
        let origin: String = r.splitn(4, '/').take(3).collect::<Vec<_>>().join("/");
        return matches(&origin);
    }
    // Browsers send Origin on cross-site form posts; a request with neither header is not a
    // browser being tricked, and it still needed the session's token.
    true
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
