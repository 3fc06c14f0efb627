//! Staff API tokens: `bbk_` + 64 hex digits of randomness, stored only as a SHA-256 hash.
//! (Tokens are random and long, so a fast hash is enough; there is nothing to brute-force.)

use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use baobab_domain::auth::Role;
use baobab_store::ApiToken;
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::error::ApiError;

pub const TOKEN_PREFIX: &str = "bbk_";

/// A new random token (shown once) and its hash (stored).
pub fn generate_token() -> (String, String) {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("operating system random source");
    let token = format!("{TOKEN_PREFIX}{}", hex(&bytes));
    let hash = hash_token(&token);
    (token, hash)
}

pub fn hash_token(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Compares secrets without leaking where they differ through timing.
pub(crate) fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

/// The bearer token of a request: `None` without an Authorization header,
/// `Err` with a malformed one.
fn bearer(parts: &Parts) -> Result<Option<&str>, ApiError> {
    let Some(value) = parts.headers.get(AUTHORIZATION) else { return Ok(None) };
    let value = value.to_str().map_err(|_| ApiError::unauthorized("the Authorization header is not valid text"))?;
    let token = value
        .strip_prefix("Bearer ")
        .or_else(|| value.strip_prefix("bearer "))
        .ok_or_else(|| ApiError::unauthorized("use `Authorization: Bearer <token>`"))?
        .trim();
    if !token.starts_with(TOKEN_PREFIX) || token.len() != TOKEN_PREFIX.len() + 64 {
        return Err(ApiError::unauthorized("the token is malformed"));
    }
    Ok(Some(token))
}

async fn resolve(parts: &Parts, state: &AppState) -> Result<Option<ApiToken>, ApiError> {
    let Some(token) = bearer(parts)? else { return Ok(None) };
    match state.store.token_by_hash(&hash_token(token)).await? {
        Some(t) => Ok(Some(t)),
        None => Err(ApiError::unauthorized("the token is unknown or revoked")),
    }
}

/// The request's live staff token, which must have `role` (401 without a good token, 403 for
/// a token of another role, saying what it may not do).
async fn token_with_role(parts: &mut Parts, state: &AppState, role: Role, may_not: &str) -> Result<ApiToken, ApiError> {
    let token = resolve(parts, state).await?.ok_or_else(|| ApiError::unauthorized("a staff API token is required"))?;
    if token.role != role {
        return Err(ApiError::new(StatusCode::FORBIDDEN, "forbidden", format!("the `{}` role may not {may_not}", token.role)));
    }
    Ok(token)
}

/// A request made with a live staff token of the catalog role (401 / 403 otherwise).
pub struct CatalogStaff(pub ApiToken);

impl FromRequestParts<AppState> for CatalogStaff {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        token_with_role(parts, state, Role::Catalog, "change the catalog").await.map(CatalogStaff)
    }
}

/// A request made with a live staff token of the orders role (401 / 403 otherwise).
pub struct OrdersStaff(pub ApiToken);

impl FromRequestParts<AppState> for OrdersStaff {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        token_with_role(parts, state, Role::Orders, "manage orders").await.map(OrdersStaff)
    }
}

/// An optional catalog token: public reads work without one; a catalog token's reads see
/// drafts and archived variants too. A token of another role (`orders`) reads what the public
/// reads. A token that is present but bad is still rejected, so mistakes do not pass silently.
pub struct MaybeStaff(pub Option<ApiToken>);

impl FromRequestParts<AppState> for MaybeStaff {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        Ok(MaybeStaff(resolve(parts, state).await?.filter(|t| t.role == Role::Catalog)))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn tokens_are_random_and_hashed() {
        let (a, ha) = super::generate_token();
        let (b, _) = super::generate_token();
        assert_ne!(a, b);
        assert_eq!(a.len(), 68);
        assert_eq!(super::hash_token(&a), ha);
        assert_ne!(ha, a);
    }
}
