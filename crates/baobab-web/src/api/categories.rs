//! Categories: the tree shoppers browse. Reads are public; writes need a catalog token.

use axum::extract::{Path, State};
use axum::response::Response;
use baobab_domain::catalog::*;
use baobab_store::Key;
use serde::Serialize;

use super::{ApiJson, created, id, read, written};
use crate::AppState;
use crate::auth::{CatalogStaff, MaybeStaff};
use crate::error::{ApiError, ErrorResponse};

#[derive(Serialize, utoipa::ToSchema)]
pub struct CategoryList {
    pub items: Vec<Category>,
}

/// List categories (the whole tree; use `parent_id` to rebuild it).
#[utoipa::path(operation_id = "list_categories", get, path = "/api/v1/categories", tag = "catalog",
    responses((status = 200, body = CategoryList), (status = 503, body = ErrorResponse)))]
pub(super) async fn list(State(state): State<AppState>, MaybeStaff(staff): MaybeStaff) -> Result<Response, ApiError> {
    let items: Vec<Category> = state.store.categories().await?.into_iter().filter(|c| staff.is_some() || !c.archived).collect();
    Ok(read(&state, staff.is_some(), &CategoryList { items }))
}

/// Get a category by id or slug.
#[utoipa::path(operation_id = "get_category", get, path = "/api/v1/categories/{key}", tag = "catalog",
    params(("key" = String, Path, description = "Category id or slug")),
    responses((status = 200, body = Category), (status = 404, body = ErrorResponse)))]
pub(super) async fn get_one(
    State(state): State<AppState>,
    MaybeStaff(staff): MaybeStaff,
    Path(key): Path<String>,
) -> Result<Response, ApiError> {
    let cat =
        state.store.category(Key::parse(&key)).await?.filter(|c| staff.is_some() || !c.archived).ok_or(ApiError::not_found("category"))?;
    Ok(read(&state, staff.is_some(), &cat))
}

/// Create a category (staff, catalog role).
#[utoipa::path(operation_id = "create_category", post, path = "/api/v1/categories", tag = "catalog", request_body = NewCategory,
    security(("staff_token" = [])),
    responses((status = 201, body = Category), (status = 401, body = ErrorResponse), (status = 403, body = ErrorResponse),
        (status = 409, body = ErrorResponse), (status = 413, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub(super) async fn create(
    State(state): State<AppState>,
    _staff: CatalogStaff,
    ApiJson(new): ApiJson<NewCategory>,
) -> Result<Response, ApiError> {
    let cat = state.store.create_category(&new).await?;
    state.catalog_changed();
    Ok(created(format!("/api/v1/categories/{}", cat.id), &cat))
}

/// Update a category (staff). `parent_id: null` moves it to the top level.
#[utoipa::path(operation_id = "update_category", patch, path = "/api/v1/categories/{key}", tag = "catalog", request_body = CategoryPatch,
    params(("key" = i64, Path, description = "Category id")), security(("staff_token" = [])),
    responses((status = 200, body = Category), (status = 404, body = ErrorResponse), (status = 409, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub(super) async fn update(
    State(state): State<AppState>,
    _staff: CatalogStaff,
    Path(key): Path<String>,
    ApiJson(patch): ApiJson<CategoryPatch>,
) -> Result<Response, ApiError> {
    let cat = state.store.update_category(id(&key)?, &patch).await?;
    state.catalog_changed();
    Ok(written(&cat))
}

/// Archive a category (staff): hidden from the storefront, kept for history.
#[utoipa::path(operation_id = "archive_category", delete, path = "/api/v1/categories/{key}", tag = "catalog",
    params(("key" = i64, Path, description = "Category id")), security(("staff_token" = [])),
    responses((status = 200, body = Category), (status = 404, body = ErrorResponse)))]
pub(super) async fn archive(State(state): State<AppState>, _staff: CatalogStaff, Path(key): Path<String>) -> Result<Response, ApiError> {
    let patch = CategoryPatch { archived: Some(true), ..Default::default() };
    let changed = state.store.update_category(id(&key)?, &patch).await?;
    state.catalog_changed();
    Ok(written(&changed))
}
