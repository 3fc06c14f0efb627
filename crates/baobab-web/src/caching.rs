//! HTTP caching helpers shared by the pages, the API, media and static assets. They depend on
//! nothing else of the crate, so any layer may use them.

use axum::http::HeaderValue;

/// Whether an `If-None-Match` header matches `tag` (weak comparison, as RFC 9110 asks for GET).
pub fn etag_matches(if_none_match: &HeaderValue, tag: &str) -> bool {
    let Ok(v) = if_none_match.to_str() else { return false };
    let bare = |t: &str| t.trim().trim_start_matches("W/").to_string();
    let want = bare(tag);
    v.split(',').any(|t| t.trim() == "*" || bare(t) == want)
}

/// How long a cacheable response may be reused: `public, max-age=N, stale-while-revalidate`.
pub fn public_cache(max_age: u32) -> HeaderValue {
    HeaderValue::from_str(&format!("public, max-age={max_age}, stale-while-revalidate={}", max_age * 10)).expect("ascii")
}
