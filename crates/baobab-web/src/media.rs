//! Product media over HTTP: `/media/*` served from the media store with immutable caching,
//! ETags, conditional and range requests (for the embedded default, and as a CDN origin), and
//! the URLs and `<picture>` data the pages and the API use.

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use baobab_domain::catalog::ProductImage;
use baobab_domain::media::MediaAsset;
use baobab_media::store::{IMMUTABLE, content_type_of, variant_key};
use baobab_media::{MediaError, OutFormat};
use serde::Serialize;

use crate::AppState;
use crate::caching::etag_matches;

pub fn routes() -> Router<AppState> {
    Router::new().route("/media/{*rest}", get(serve))
}

/// `<16 hex>/<width>.webp|jpg` or `<16 hex>/placeholder.webp`: anything else is not a key of ours.
fn valid_rest(rest: &str) -> bool {
    let Some((dir, file)) = rest.split_once('/') else { return false };
    let hex = dir.len() == 16 && dir.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    let file_ok = file == "placeholder.webp"
        || file.split_once('.').is_some_and(|(w, ext)| {
            !w.is_empty() && w.len() <= 5 && w.bytes().all(|b| b.is_ascii_digit()) && OutFormat::from_ext(ext).is_some()
        });
    hex && file_ok
}

/// Parses a single `bytes=a-b` range against `size`: `Ok(None)` without one, `Err` when it
/// cannot be satisfied.
fn parse_range(value: &str, size: u64) -> Result<Option<(u64, u64)>, ()> {
    let Some(spec) = value.strip_prefix("bytes=") else { return Ok(None) };
    if spec.contains(',') {
        return Ok(None); // multiple ranges: answer with the whole object
    }
    let (a, b) = spec.split_once('-').ok_or(())?;
    let (start, end) = match (a.trim(), b.trim()) {
        ("", suffix) => {
            let n: u64 = suffix.parse().map_err(|_| ())?;
            if n == 0 {
                return Err(());
            }
            (size.saturating_sub(n), size.saturating_sub(1))
        }
        (s, "") => (s.parse().map_err(|_| ())?, size.saturating_sub(1)),
        (s, e) => (s.parse().map_err(|_| ())?, e.parse::<u64>().map_err(|_| ())?.min(size.saturating_sub(1))),
    };
    if size == 0 || start > end || start >= size {
        return Err(());
    }
    Ok(Some((start, end)))
}

async fn serve(State(state): State<AppState>, Path(rest): Path<String>, headers: HeaderMap) -> Response {
    if !valid_rest(&rest) {
        return (StatusCode::NOT_FOUND, [(header::CACHE_CONTROL, "no-store")], "no such media").into_response();
    }
    let key = format!("media/{rest}");
    // Keys are content-addressed: the key itself is a strong validator, no store round trip.
    let etag = format!("\"{}\"", rest.replace('/', "-"));
    let etag_value = HeaderValue::from_str(&etag).expect("ascii etag");
    let base = [
        (header::CONTENT_TYPE, HeaderValue::from_static(content_type_of(&key))),
        (header::CACHE_CONTROL, HeaderValue::from_static(IMMUTABLE)),
        (header::ETAG, etag_value),
        (header::ACCEPT_RANGES, HeaderValue::from_static("bytes")),
    ];
    if headers.get(header::IF_NONE_MATCH).is_some_and(|v| etag_matches(v, &etag)) {
        return (StatusCode::NOT_MODIFIED, base).into_response();
    }
    let failed = |e: MediaError| -> Response {
        match e {
            MediaError::NotFound => (StatusCode::NOT_FOUND, [(header::CACHE_CONTROL, "no-store")], "no such media").into_response(),
            other => {
                tracing::warn!(error = %other, "media store unavailable");
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    [(header::CACHE_CONTROL, "no-store"), (header::RETRY_AFTER, "5")],
                    "media store unavailable",
                )
                    .into_response()
            }
        }
    };
    if let Some(range) = headers.get(header::RANGE).and_then(|v| v.to_str().ok()) {
        let size = match state.media.head(&key).await {
            Ok(meta) => meta.size,
            Err(e) => return failed(e),
        };
        match parse_range(range, size) {
            Ok(Some((start, end))) => {
                let bytes = match state.media.get_range(&key, start..end + 1).await {
                    Ok(b) => b,
                    Err(e) => return failed(e),
                };
                let content_range = HeaderValue::from_str(&format!("bytes {start}-{end}/{size}")).expect("ascii");
                return (StatusCode::PARTIAL_CONTENT, base, [(header::CONTENT_RANGE, content_range)], Body::from(bytes)).into_response();
            }
            Ok(None) => {}
            Err(()) => {
                let content_range = HeaderValue::from_str(&format!("bytes */{size}")).expect("ascii");
                return (StatusCode::RANGE_NOT_SATISFIABLE, [(header::CONTENT_RANGE, content_range)]).into_response();
            }
        }
    }
    match state.media.get(&key).await {
        Ok(bytes) => (base, Body::from(bytes)).into_response(),
        Err(e) => failed(e),
    }
}

/// The URL of one variant.
pub fn variant_url(state: &AppState, hash: &str, width: i32, format: OutFormat) -> String {
    let key = variant_key(hash, width.max(1) as u32, format);
    format!("{}/{}", state.settings.media_base_url, key.trim_start_matches("media/"))
}

/// What a page needs to draw one image: `<picture>` sources, a fallback, and its size so
/// nothing shifts while it loads.
#[derive(Serialize, Clone)]
pub struct Picture {
    pub src: String,
    pub alt: String,
    pub width: Option<i32>,
    pub height: Option<i32>,
    /// `srcset` of the WebP variants (empty in data-saver mode or for external images).
    pub webp: String,
    /// `srcset` of the JPEG variants.
    pub jpeg: String,
}

impl Picture {
    /// `target` is the width most screens need (the `src` fallback); `data_saver` serves the
    /// inline placeholder only.
    pub fn of(state: &AppState, image: &ProductImage, target: i32, data_saver: bool) -> Picture {
        let Some(m) = &image.media else {
            return Picture {
                src: image.url.clone(),
                alt: image.alt.clone(),
                width: image.width,
                height: image.height,
                webp: String::new(),
                jpeg: String::new(),
            };
        };
        let srcset = |f: OutFormat| {
            m.widths.iter().rev().map(|w| format!("{} {w}w", variant_url(state, &m.hash, *w, f))).collect::<Vec<_>>().join(", ")
        };
        let fallback = pick_width(m, target);
        if data_saver {
            return Picture {
                src: m.placeholder.clone(),
                alt: image.alt.clone(),
                width: Some(fallback),
                height: Some(m.height_at(fallback)),
                webp: String::new(),
                jpeg: String::new(),
            };
        }
        Picture {
            src: variant_url(state, &m.hash, fallback, OutFormat::Jpeg),
            alt: image.alt.clone(),
            width: Some(fallback),
            height: Some(m.height_at(fallback)),
            webp: srcset(OutFormat::Webp),
            jpeg: srcset(OutFormat::Jpeg),
        }
    }
}

/// The smallest stored width at least `target` wide (or the widest there is).
fn pick_width(m: &MediaAsset, target: i32) -> i32 {
    m.widths.iter().copied().filter(|w| *w >= target).min().or_else(|| m.widths.iter().copied().max()).unwrap_or(m.width)
}

/// Fills in `url` (the widest JPEG) of media-backed images, for API clients.
pub fn fill_urls(state: &AppState, images: &mut [ProductImage]) {
    for img in images {
        if let Some(m) = &img.media {
            let widest = m.widths.iter().copied().max().unwrap_or(m.width);
            img.url = variant_url(state, &m.hash, widest, OutFormat::Jpeg);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_keys_are_served() {
        assert!(valid_rest("0123456789abcdef/320.webp"));
        assert!(valid_rest("0123456789abcdef/placeholder.webp"));
        for bad in [
            "0123456789abcdef/320.png",
            "../originals/x.jpg",
            "0123456789ABCDEF/320.jpg",
            "0123456789abcdef/.jpg",
            "x/320.jpg",
            "0123456789abcdef/320.jpg/x",
        ] {
            assert!(!valid_rest(bad), "{bad}");
        }
    }

    #[test]
    fn ranges() {
        assert_eq!(parse_range("bytes=0-9", 100), Ok(Some((0, 9))));
        assert_eq!(parse_range("bytes=90-", 100), Ok(Some((90, 99))));
        assert_eq!(parse_range("bytes=-10", 100), Ok(Some((90, 99))));
        assert_eq!(parse_range("bytes=50-500", 100), Ok(Some((50, 99))));
        assert_eq!(parse_range("bytes=100-", 100), Err(()));
        assert_eq!(parse_range("bytes=9-3", 100), Err(()));
        assert_eq!(parse_range("bytes=a-b", 100), Err(()));
        assert_eq!(parse_range("bytes=0-1,5-6", 100), Ok(None));
        assert_eq!(parse_range("items=0-1", 100), Ok(None));
    }
}
