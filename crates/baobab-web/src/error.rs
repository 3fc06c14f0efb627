//! Error responses: JSON for the API, HTML pages for the storefront. Every failure a client can
//! cause maps to a 4xx that names what was wrong; only our own faults are 5xx, and those are
//! logged with the request id rather than shown.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use baobab_domain::{FieldError, ValidationError};
use baobab_store::StoreError;
use serde::Serialize;

/// A JSON API error: `{"error": {"code", "message", "field"?, "details"?}}`.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub field: Option<String>,
    pub details: Vec<FieldError>,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    error: ErrorInner<'a>,
}

#[derive(Serialize)]
struct ErrorInner<'a> {
    code: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    details: &'a [FieldError],
}

/// The error body's schema, for the OpenAPI document.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorResponse {
    pub error: ErrorDetail,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// Machine-readable: `bad_request`, `validation`, `not_found`, `conflict`, `unauthorized`,
    /// `forbidden`, `payload_too_large`, `unsupported_media_type`, `unavailable`, `internal`.
    pub code: String,
    pub message: String,
    /// The offending field or parameter, when there is one.
    pub field: Option<String>,
    pub details: Option<Vec<FieldErrorSchema>>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct FieldErrorSchema {
    pub field: String,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError { status, code, message: message.into(), field: None, details: Vec::new() }
    }

    pub fn field(mut self, field: impl Into<String>) -> ApiError {
        self.field = Some(field.into());
        self
    }

    /// A bad query-string or path value: 400 naming the parameter.
    pub fn bad_param(e: ValidationError) -> ApiError {
        Self::from_validation(StatusCode::BAD_REQUEST, "bad_request", e)
    }

    /// A body that parsed but breaks a rule: 422 naming the field(s).
    pub fn invalid(e: ValidationError) -> ApiError {
        Self::from_validation(StatusCode::UNPROCESSABLE_ENTITY, "validation", e)
    }

    fn from_validation(status: StatusCode, code: &'static str, e: ValidationError) -> ApiError {
        ApiError { status, code, message: e.to_string(), field: Some(e.field().to_string()), details: e.errors }
    }

    pub fn not_found(what: &str) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", format!("{what} not found"))
    }

    pub fn unauthorized(message: &str) -> ApiError {
        ApiError::new(StatusCode::UNAUTHORIZED, "unauthorized", message)
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        match e {
            StoreError::Invalid(v) => ApiError::invalid(v),
            StoreError::NotFound(what) => ApiError::not_found(what),
            StoreError::Conflict { field, message } => ApiError::new(StatusCode::CONFLICT, "conflict", message).field(field),
            StoreError::Unavailable(detail) => {
                tracing::warn!(error = %detail, "database unavailable");
                ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "unavailable", "the database is unavailable; retry shortly")
            }
            StoreError::Config(detail) | StoreError::Internal(detail) => {
                tracing::error!(error = %detail, "store error");
                ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "internal error")
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: ErrorInner { code: self.code, message: &self.message, field: self.field.as_deref(), details: &self.details },
        };
        let mut res = (self.status, axum::Json(body)).into_response();
        let h = res.headers_mut();
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        if self.status == StatusCode::SERVICE_UNAVAILABLE {
            h.insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
        }
        if self.status == StatusCode::UNAUTHORIZED {
            h.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer realm=\"baobab\""));
        }
        res
    }
}
