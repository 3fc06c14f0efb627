//! Product images through the API: upload (multipart), alt text and order, detach.
//! Objects are written to the media store first and the database row last, so a failure at any
//! point leaves nothing half-written referenced by a product.

use axum::Router;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{patch, post};
use baobab_domain::ValidationError;
use baobab_domain::catalog::ProductImage;
use baobab_domain::media::{ImagePatch, MediaAsset, NewImage};
use baobab_media::{MediaError, WIDTHS};

use super::{ApiJson, created, id, written};
use crate::AppState;
use crate::auth::CatalogStaff;
use crate::error::{ApiError, ErrorResponse};

pub fn routes(state_limits: &baobab_media::Limits) -> Router<AppState> {
    Router::new()
        // multipart framing and the text fields need a little room beyond the file itself
        .route("/v1/products/{key}/images", post(upload).layer(DefaultBodyLimit::max(state_limits.max_bytes + 64 * 1024)))
        .route("/v1/images/{id}", patch(update).delete(detach))
}

fn media_error(e: MediaError) -> ApiError {
    let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let code = match status {
        StatusCode::PAYLOAD_TOO_LARGE => "payload_too_large",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
        StatusCode::UNPROCESSABLE_ENTITY => "validation",
        StatusCode::SERVICE_UNAVAILABLE => "unavailable",
        StatusCode::NOT_FOUND => "not_found",
        _ => "internal",
    };
    if status.is_server_error() {
        tracing::warn!(error = %e, "media error");
    }
    let message =
        if status == StatusCode::SERVICE_UNAVAILABLE { "the media store is unavailable; retry shortly".to_string() } else { e.to_string() };
    let err = ApiError::new(status, code, message);
    if status.is_client_error() { err.field("file") } else { err }
}

fn with_urls(state: &AppState, mut img: ProductImage) -> ProductImage {
    crate::media::fill_urls(state, std::slice::from_mut(&mut img));
    img
}

fn text_field(field: &str, value: &str) -> Result<String, ApiError> {
    if value.len() > 4096 {
        return Err(ApiError::invalid(ValidationError::new(field, "is too long")));
    }
    Ok(value.to_string())
}

/// Upload an image for a product (staff). Multipart fields: `file` (JPEG, PNG or WebP, judged
/// by content), optional `alt`, `position`, `variant_id`. Variants (160–1280 px, WebP and JPEG)
/// and a placeholder are made at once; the same image uploaded again stores nothing twice.
#[utoipa::path(post, path = "/api/v1/products/{key}/images", tag = "media",
    params(("key" = i64, Path, description = "Product id")), security(("staff_token" = [])),
    request_body(content_type = "multipart/form-data", description = "`file`, and optionally `alt`, `position`, `variant_id`"),
    responses((status = 201, body = ProductImage), (status = 401, body = ErrorResponse), (status = 404, body = ErrorResponse),
        (status = 413, body = ErrorResponse), (status = 415, body = ErrorResponse), (status = 422, body = ErrorResponse), (status = 503, body = ErrorResponse)))]
pub(super) async fn upload(
    State(state): State<AppState>,
    _staff: CatalogStaff,
    Path(key): Path<String>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Response, ApiError> {
    let product_id = id(&key)?;
    let mut multipart = multipart.map_err(|e| {
        ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            format!("send multipart/form-data with a `file` field ({})", e.body_text()),
        )
    })?;
    if state.store.product(baobab_store::Key::Id(product_id)).await?.is_none() {
        return Err(ApiError::not_found("product"));
    }
    let limits = state.settings.media_limits;
    let mut file: Option<Vec<u8>> = None;
    let mut new = NewImage::default();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => return Err(multipart_error(e, &limits)),
        };
        let name = field.name().unwrap_or("").to_string();
        match name.as_str() {
            "file" => {
                let bytes = field.bytes().await.map_err(|e| multipart_error(e, &limits))?;
                file = Some(bytes.to_vec());
            }
            "alt" | "position" | "variant_id" => {
                let value = field.text().await.map_err(|e| multipart_error(e, &limits))?;
                let value = text_field(&name, &value)?;
                match name.as_str() {
                    "alt" => new.alt = value,
                    "position" => {
                        new.position = Some(
                            value
                                .trim()
                                .parse()
                                .map_err(|_| ApiError::invalid(ValidationError::new("position", "must be a whole number")))
                                .map(Some)?
                                .unwrap_or(0),
                        )
                    }
                    _ => {
                        new.variant_id = Some(
                            value
                                .trim()
                                .parse()
                                .map_err(|_| ApiError::invalid(ValidationError::new("variant_id", "must be a whole number")))?,
                        )
                    }
                }
            }
            other => {
                return Err(ApiError::invalid(ValidationError::new(
                    other.chars().take(40).collect::<String>(),
                    "unknown field (expected file, alt, position, variant_id)",
                )));
            }
        }
    }
    let file = file.ok_or_else(|| ApiError::invalid(ValidationError::new("file", "is required")))?;
    // Check the cheap things before the expensive ones.
    new.media_hash = Some("0".repeat(64));
    new.validate().map_err(ApiError::invalid)?;
    if let Some(v) = new.variant_id
        && state.store.variant(v).await?.is_none_or(|v| v.product_id != product_id)
    {
        return Err(ApiError::invalid(ValidationError::new("variant_id", format!("the product has no variant {v}"))));
    }
    let img = attach_upload(&state, product_id, file, new).await?;
    Ok(created(format!("/api/v1/images/{}", img.id), &with_urls(&state, img)))
}

/// Processes an uploaded original, stores its files, records it and attaches it to the product:
/// the one path every upload takes (API and admin). Files are written before the database row
/// that references them.
pub async fn attach_upload(state: &AppState, product_id: i64, file: Vec<u8>, mut new: NewImage) -> Result<ProductImage, ApiError> {
    let limits = state.settings.media_limits;
    let original = std::sync::Arc::new(file);
    let input = original.clone();
    let processed = tokio::task::spawn_blocking(move || baobab_media::process(&input, &limits, WIDTHS))
        .await
        .map_err(|_| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "image processing failed"))?
        .map_err(media_error)?;
    state.media.store_processed(&original, &processed).await.map_err(media_error)?;
    let asset = MediaAsset {
        hash: processed.hash.clone(),
        source: format!("{:?}", processed.source).to_lowercase(),
        width: processed.width as i32,
        height: processed.height as i32,
        bytes: original.len() as i64,
        widths: processed.widths().into_iter().map(|w| w as i32).collect(),
        placeholder: data_uri(&processed.placeholder.bytes),
    };
    state.store.upsert_media_asset(&asset).await?;
    new.media_hash = Some(asset.hash);
    let img = state.store.add_image(product_id, &new).await?;
    state.catalog_changed();
    Ok(img)
}

fn multipart_error(e: axum::extract::multipart::MultipartError, limits: &baobab_media::Limits) -> ApiError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return media_error(MediaError::TooLarge { size: limits.max_bytes + 1, max: limits.max_bytes });
    }
    ApiError::new(StatusCode::BAD_REQUEST, "bad_request", format!("malformed multipart body: {}", e.body_text()))
}

/// `data:image/webp;base64,…`
pub fn data_uri(bytes: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::from("data:image/webp;base64,");
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(TABLE[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Change an image's alt text, position or variant (staff).
#[utoipa::path(patch, path = "/api/v1/images/{id}", tag = "media", request_body = ImagePatch,
    params(("id" = i64, Path)), security(("staff_token" = [])),
    responses((status = 200, body = ProductImage), (status = 404, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub(super) async fn update(
    State(state): State<AppState>,
    _staff: CatalogStaff,
    Path(raw): Path<String>,
    ApiJson(p): ApiJson<ImagePatch>,
) -> Result<Response, ApiError> {
    let img = state.store.update_image(id(&raw)?, &p).await?;
    state.catalog_changed();
    Ok(written(&with_urls(&state, img)))
}

/// Detach an image from its product (staff). The stored files stay: they are shared by
/// content with any other product using the same picture.
#[utoipa::path(delete, path = "/api/v1/images/{id}", tag = "media",
    params(("id" = i64, Path)), security(("staff_token" = [])),
    responses((status = 200, body = ProductImage), (status = 404, body = ErrorResponse)))]
pub(super) async fn detach(State(state): State<AppState>, _staff: CatalogStaff, Path(raw): Path<String>) -> Result<Response, ApiError> {
    let img = state.store.delete_image(id(&raw)?).await?;
    state.catalog_changed();
    Ok(written(&with_urls(&state, img)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_matches_the_rfc_examples() {
        let enc = |s: &str| super::data_uri(s.as_bytes()).trim_start_matches("data:image/webp;base64,").to_string();
        assert_eq!(enc("f"), "Zg==");
        assert_eq!(enc("fo"), "Zm8=");
        assert_eq!(enc("foo"), "Zm9v");
        assert_eq!(enc("foobar"), "Zm9vYmFy");
    }
}
