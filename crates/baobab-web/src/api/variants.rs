//! Variants of a product: add, read, update (prices replace the list) and archive.

use axum::extract::{Path, State};
use axum::response::Response;
use baobab_domain::catalog::*;

use super::{ApiJson, created, id, written};
use crate::AppState;
use crate::auth::CatalogStaff;
use crate::error::{ApiError, ErrorResponse};

/// Add a variant to a product (staff).
#[utoipa::path(operation_id = "create_variant", post, path = "/api/v1/products/{key}/variants", tag = "catalog", request_body = NewVariant,
    params(("key" = i64, Path, description = "Product id")), security(("staff_token" = [])),
    responses((status = 201, body = Variant), (status = 404, body = ErrorResponse), (status = 409, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub(super) async fn create(
    State(state): State<AppState>,
    _staff: CatalogStaff,
    Path(key): Path<String>,
    ApiJson(new): ApiJson<NewVariant>,
) -> Result<Response, ApiError> {
    let v = state.store.create_variant(id(&key)?, &new).await?;
    state.catalog_changed();
    Ok(created(format!("/api/v1/variants/{}", v.id), &v))
}

/// Get a variant (staff).
#[utoipa::path(operation_id = "get_variant", get, path = "/api/v1/variants/{id}", tag = "catalog",
    params(("id" = i64, Path)), security(("staff_token" = [])),
    responses((status = 200, body = Variant), (status = 404, body = ErrorResponse)))]
pub(super) async fn get_one(State(state): State<AppState>, _staff: CatalogStaff, Path(raw): Path<String>) -> Result<Response, ApiError> {
    let v = state.store.variant(id(&raw)?).await?.ok_or(ApiError::not_found("variant"))?;
    Ok(written(&v))
}

/// Update a variant (staff). `prices` replaces the whole price list.
#[utoipa::path(operation_id = "update_variant", patch, path = "/api/v1/variants/{id}", tag = "catalog", request_body = VariantPatch,
    params(("id" = i64, Path)), security(("staff_token" = [])),
    responses((status = 200, body = Variant), (status = 404, body = ErrorResponse), (status = 409, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub(super) async fn update(
    State(state): State<AppState>,
    _staff: CatalogStaff,
    Path(raw): Path<String>,
    ApiJson(patch): ApiJson<VariantPatch>,
) -> Result<Response, ApiError> {
    let changed = state.store.update_variant(id(&raw)?, &patch).await?;
    state.catalog_changed();
    Ok(written(&changed))
}

/// Archive a variant (staff).
#[utoipa::path(operation_id = "archive_variant", delete, path = "/api/v1/variants/{id}", tag = "catalog",
    params(("id" = i64, Path)), security(("staff_token" = [])),
    responses((status = 200, body = Variant), (status = 404, body = ErrorResponse)))]
pub(super) async fn archive(State(state): State<AppState>, _staff: CatalogStaff, Path(raw): Path<String>) -> Result<Response, ApiError> {
    let patch = VariantPatch { archived: Some(true), ..Default::default() };
    let changed = state.store.update_variant(id(&raw)?, &patch).await?;
    state.catalog_changed();
    Ok(written(&changed))
}
