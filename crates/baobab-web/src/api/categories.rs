//! Categories: the tree shoppers browse. Reads are public; writes need a catalog token.

use axum::extract::{Path, State};
use axum::response::Response;
use std::collections::BTreeMap;

use baobab_domain::catalog::*;
use baobab_domain::translation::CategoryTranslation;
use baobab_store::Key;
use serde::Serialize;

use super::translations::{NewTranslatedCategory, TranslatedCategory, TranslatedCategoryPatch, check_languages};
use super::{ApiJson, created, id, read, written};
use crate::AppState;
use crate::auth::{CatalogStaff, MaybeStaff};
use crate::error::{ApiError, ErrorResponse};

#[derive(Serialize, utoipa::ToSchema)]
pub struct CategoryList {
    pub items: Vec<TranslatedCategory>,
}

/// List categories (the whole tree; use `parent_id` to rebuild it), with their translations.
#[utoipa::path(operation_id = "list_categories", get, path = "/api/v1/categories", tag = "catalog",
    responses((status = 200, body = CategoryList), (status = 503, body = ErrorResponse)))]
pub(super) async fn list(State(state): State<AppState>, MaybeStaff(staff): MaybeStaff) -> Result<Response, ApiError> {
    let mut translations: BTreeMap<i64, BTreeMap<String, CategoryTranslation>> = BTreeMap::new();
    for e in state.store.all_category_translations().await? {
        translations.entry(e.category_id).or_default().insert(e.lang, e.translation);
    }
    let items = state
        .store
        .categories()
        .await?
        .into_iter()
        .filter(|c| staff.is_some() || !c.archived)
        .map(|category| TranslatedCategory { translations: translations.remove(&category.id).unwrap_or_default(), category })
        .collect();
    Ok(read(&state, staff.is_some(), &CategoryList { items }))
}

async fn translated(state: &AppState, category: Category) -> Result<TranslatedCategory, ApiError> {
    let translations = state.store.category_translations(category.id).await?;
    Ok(TranslatedCategory { category, translations })
}

/// Get a category, with its translations, by id or (default) slug.
#[utoipa::path(operation_id = "get_category", get, path = "/api/v1/categories/{key}", tag = "catalog",
    params(("key" = String, Path, description = "Category id or slug")),
    responses((status = 200, body = TranslatedCategory), (status = 404, body = ErrorResponse)))]
pub(super) async fn get_one(
    State(state): State<AppState>,
    MaybeStaff(staff): MaybeStaff,
    Path(key): Path<String>,
) -> Result<Response, ApiError> {
    let cat =
        state.store.category(Key::parse(&key)).await?.filter(|c| staff.is_some() || !c.archived).ok_or(ApiError::not_found("category"))?;
    Ok(read(&state, staff.is_some(), &translated(&state, cat).await?))
}

/// Create a category with its translations (staff, catalog role).
#[utoipa::path(operation_id = "create_category", post, path = "/api/v1/categories", tag = "catalog", request_body = NewTranslatedCategory,
    security(("staff_token" = [])),
    responses((status = 201, body = TranslatedCategory), (status = 401, body = ErrorResponse), (status = 403, body = ErrorResponse),
        (status = 409, body = ErrorResponse), (status = 413, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub(super) async fn create(
    State(state): State<AppState>,
    _staff: CatalogStaff,
    ApiJson(body): ApiJson<NewTranslatedCategory>,
) -> Result<Response, ApiError> {
    check_languages(&state, body.translations.keys())?;
    let cat = state.store.create_category_translated(&body.category, &body.translations).await?;
    state.catalog_changed();
    crate::storefront::forget_category_translations(&state);
    Ok(created(format!("/api/v1/categories/{}", cat.id), &translated(&state, cat).await?))
}

/// Update a category and its translations (staff). `parent_id: null` moves it to the top level.
#[utoipa::path(operation_id = "update_category", patch, path = "/api/v1/categories/{key}", tag = "catalog", request_body = TranslatedCategoryPatch,
    params(("key" = i64, Path, description = "Category id")), security(("staff_token" = [])),
    responses((status = 200, body = TranslatedCategory), (status = 404, body = ErrorResponse), (status = 409, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub(super) async fn update(
    State(state): State<AppState>,
    _staff: CatalogStaff,
    Path(key): Path<String>,
    ApiJson(body): ApiJson<TranslatedCategoryPatch>,
) -> Result<Response, ApiError> {
    let id = id(&key)?;
    check_languages(&state, body.translations.keys())?;
    let cat = state.store.update_category_translated(id, &body.patch, &body.translations).await?;
    state.catalog_changed();
    crate::storefront::forget_category_translations(&state);
    Ok(written(&translated(&state, cat).await?))
}

/// Archive a category (staff): hidden from the storefront, kept for history.
#[utoipa::path(operation_id = "archive_category", delete, path = "/api/v1/categories/{key}", tag = "catalog",
    params(("key" = i64, Path, description = "Category id")), security(("staff_token" = [])),
    responses((status = 200, body = TranslatedCategory), (status = 404, body = ErrorResponse)))]
pub(super) async fn archive(State(state): State<AppState>, _staff: CatalogStaff, Path(key): Path<String>) -> Result<Response, ApiError> {
    let patch = CategoryPatch { archived: Some(true), ..Default::default() };
    let changed = state.store.update_category(id(&key)?, &patch).await?;
    state.catalog_changed();
    crate::storefront::forget_category_translations(&state);
    Ok(written(&translated(&state, changed).await?))
}
