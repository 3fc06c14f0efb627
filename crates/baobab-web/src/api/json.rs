//! A JSON body extractor whose rejections are our JSON errors: 400 for broken JSON, 415 without
//! `Content-Type: application/json`, 413 over the size limit, 422 naming the field for missing,
//! unknown or mistyped fields.

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use serde::de::DeserializeOwned;

use crate::error::ApiError;

pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(ApiJson(v)),
            Err(rejection) => Err(reject(rejection)),
        }
    }
}

fn reject(r: JsonRejection) -> ApiError {
    let text = r.body_text();
    match r {
        JsonRejection::JsonDataError(_) => {
            let detail = text.strip_prefix("Failed to deserialize the JSON body into the target type: ").unwrap_or(&text);
            ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "validation", detail.to_string()).field(field_of(detail))
        }
        JsonRejection::JsonSyntaxError(_) => ApiError::new(StatusCode::BAD_REQUEST, "bad_request", text),
        JsonRejection::MissingJsonContentType(_) => ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the body as JSON with `Content-Type: application/json`",
        ),
        other if other.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large", "the request body is too large")
        }
        other => ApiError::new(other.status(), "bad_request", text),
    }
}

/// The field a serde error is about: `variants[0].prices[1].currency: unknown currency…` →
/// `variants[0].prices[1].currency`; `missing field `title`` at the top → `title`.
fn field_of(detail: &str) -> String {
    let (path, message) = match detail.split_once(": ") {
        Some((p, m)) if !p.contains(' ') => (p, m),
        _ => (".", detail),
    };
    let named = ["missing field `", "unknown field `"]
        .iter()
        .find_map(|prefix| message.split(prefix).nth(1).and_then(|rest| rest.split('`').next()));
    match (path, named) {
        (".", Some(name)) => name.to_string(),
        (p, Some(name)) if message.starts_with("missing") => format!("{p}.{name}"),
        (p, Some(name)) => {
            // serde_path_to_error already points at the unknown field itself
            if p.ends_with(name) { p.to_string() } else { format!("{p}.{name}") }
        }
        (p, None) => p.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::field_of;

    #[test]
    fn finds_fields_in_serde_messages() {
        assert_eq!(field_of("missing field `title` at line 1 column 2"), "title");
        assert_eq!(field_of("variants[0]: missing field `sku` at line 1 column 40"), "variants[0].sku");
        assert_eq!(field_of("colour: unknown field `colour`, expected one of `title`"), "colour");
        assert_eq!(field_of("variants[0].prices[0].currency: currency `XYZ` is not supported"), "variants[0].prices[0].currency");
        assert_eq!(field_of("trailing characters at line 1 column 3"), ".");
    }
}
