//! The JSON REST API under `/api/v1/`, and its OpenAPI 3 document at `/api/openapi.json`.
//! Reads are public (active catalog only) and cacheable; writes need a staff token of the
//! catalog role. Nothing is deleted: "delete" archives, so orders can keep pointing at it.

mod categories;
pub mod images;
mod json;
pub mod openapi;
mod orders;
mod products;
mod translations;
mod variants;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use baobab_domain::ValidationError;
use serde::Serialize;

pub use categories::CategoryList;
pub use images::data_uri;
pub use json::ApiJson;
pub use translations::{TranslatedCategory, TranslatedProduct};

use crate::error::ApiError;
use crate::{AppState, WebSettings};

pub fn routes(settings: &WebSettings) -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(openapi::serve))
        .route("/v1/categories", get(categories::list).post(categories::create))
        .route("/v1/categories/{key}", get(categories::get_one).patch(categories::update).delete(categories::archive))
        .route("/v1/products", get(products::list).post(products::create))
        .route("/v1/products/{key}", get(products::get_one).patch(products::update).delete(products::archive))
        .route("/v1/products/{key}/variants", post(variants::create))
        .route("/v1/variants/{id}", get(variants::get_one).patch(variants::update).delete(variants::archive))
        .route("/v1/search", get(products::search))
        .route("/v1/translation-gaps", get(translations::gaps))
        .layer(DefaultBodyLimit::max(settings.api_max_body_bytes))
        .merge(images::routes(&settings.media_limits))
        .merge(orders::routes())
        .fallback(not_found)
}

async fn not_found() -> ApiError {
    ApiError::not_found("endpoint")
}

/// A 200 JSON answer; public reads are cacheable, staff reads never are.
fn read<T: Serialize>(state: &AppState, staff: bool, body: &T) -> Response {
    let cache =
        if staff { HeaderValue::from_static("private, no-store") } else { crate::caching::public_cache(state.settings.page_max_age) };
    ([(header::CACHE_CONTROL, cache), (header::VARY, HeaderValue::from_static("Authorization, Cookie"))], axum::Json(body)).into_response()
}

fn created<T: Serialize>(location: String, body: &T) -> Response {
    let loc = HeaderValue::from_str(&location).unwrap_or(HeaderValue::from_static("/api/v1"));
    (StatusCode::CREATED, [(header::LOCATION, loc), (header::CACHE_CONTROL, HeaderValue::from_static("no-store"))], axum::Json(body))
        .into_response()
}

fn written<T: Serialize>(body: &T) -> Response {
    ([(header::CACHE_CONTROL, "no-store")], axum::Json(body)).into_response()
}

/// A numeric path id, or 400 naming it.
fn id(raw: &str) -> Result<i64, ApiError> {
    raw.parse::<i64>().ok().filter(|i| *i > 0).ok_or_else(|| {
        ApiError::bad_param(ValidationError::new(
            "id",
            format!("`{}` is not a positive whole number", raw.chars().take(40).collect::<String>()),
        ))
    })
}
