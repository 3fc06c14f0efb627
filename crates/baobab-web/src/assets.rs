//! Static assets, embedded in the binary and served under content-hashed names with
//! `Cache-Control: immutable`, so browsers and the CDN keep them until the next release.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use sha2::{Digest, Sha256};

use crate::AppState;

pub const CSS: &str = include_str!("../static/app.css");

pub struct Asset {
    /// `/static/app.3f2a9c1d.css`
    pub path: String,
    pub body: &'static str,
    pub content_type: &'static str,
    pub etag: String,
}

pub struct Assets {
    pub css: Asset,
}

impl Assets {
    pub fn new() -> Assets {
        Assets { css: Asset::new("app", "css", CSS, "text/css; charset=utf-8") }
    }

    fn find(&self, file: &str) -> Option<&Asset> {
        [&self.css].into_iter().find(|a| a.path.rsplit('/').next() == Some(file))
    }
}

impl Default for Assets {
    fn default() -> Self {
        Self::new()
    }
}

impl Asset {
    fn new(stem: &str, ext: &str, body: &'static str, content_type: &'static str) -> Asset {
        let digest = crate::auth::hex(&Sha256::digest(body.as_bytes()));
        Asset { path: format!("/static/{stem}.{}.{ext}", &digest[..12]), body, content_type, etag: format!("\"{}\"", &digest[..32]) }
    }
}

pub fn routes() -> Router<AppState> {
    Router::new().route("/static/{file}", get(serve))
}

async fn serve(State(state): State<AppState>, Path(file): Path<String>, headers: axum::http::HeaderMap) -> Response {
    let Some(asset) = state.assets.find(&file) else {
        return (StatusCode::NOT_FOUND, [(header::CACHE_CONTROL, "no-store")], "no such asset").into_response();
    };
    let etag = HeaderValue::from_str(&asset.etag).expect("hex etag");
    let cache = HeaderValue::from_static("public, max-age=31536000, immutable");
    if headers.get(header::IF_NONE_MATCH).is_some_and(|v| crate::caching::etag_matches(v, &asset.etag)) {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, etag), (header::CACHE_CONTROL, cache)]).into_response();
    }
    (
        [(header::CONTENT_TYPE, HeaderValue::from_static(asset.content_type)), (header::ETAG, etag), (header::CACHE_CONTROL, cache)],
        asset.body,
    )
        .into_response()
}
