//! Products: list, search, read, create, update and archive. Reads show active products
//! unless a staff token is sent.

use axum::extract::{OriginalUri, Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use baobab_domain::ValidationError;
use baobab_domain::catalog::*;
use baobab_domain::query::ProductPage;
use baobab_store::Key;

use super::translations::{NewTranslatedProduct, TranslatedProduct, TranslatedProductPatch, check_languages};
use super::{ApiJson, created, id, read, written};
use crate::AppState;
use crate::auth::{CatalogStaff, MaybeStaff};
use crate::error::{ApiError, ErrorResponse};
use crate::params::{ListParams, query};

/// List products, filtered, sorted and paginated.
#[utoipa::path(operation_id = "list_products", get, path = "/api/v1/products", tag = "catalog", params(ListParams),
    responses((status = 200, body = ProductPage), (status = 400, body = ErrorResponse), (status = 503, body = ErrorResponse)))]
pub(super) async fn list(
    State(state): State<AppState>,
    MaybeStaff(staff): MaybeStaff,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let params: ListParams = query(&uri).map_err(ApiError::bad_param)?;
    let resolved = params.resolve(&state, &headers, staff.is_some()).await?;
    let mut page = state.store.products(&resolved.query).await?;
    fill_card_urls(&state, &mut page);
    Ok(read(&state, staff.is_some(), &page))
}

pub(super) fn fill_card_urls(state: &AppState, page: &mut ProductPage) {
    for item in &mut page.items {
        if let Some(img) = item.image.as_mut() {
            crate::media::fill_urls(state, std::slice::from_mut(img));
        }
    }
}

/// Search products: like the list, but `q` is required and facets are included.
#[utoipa::path(get, path = "/api/v1/search", tag = "catalog", params(ListParams),
    responses((status = 200, body = ProductPage), (status = 400, body = ErrorResponse)))]
pub(super) async fn search(
    State(state): State<AppState>,
    MaybeStaff(staff): MaybeStaff,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let params: ListParams = query(&uri).map_err(ApiError::bad_param)?;
    let mut resolved = params.resolve(&state, &headers, staff.is_some()).await?;
    if resolved.query.terms.is_none() {
        return Err(ApiError::bad_param(ValidationError::new("q", "is required and must contain a word")));
    }
    resolved.query.with_facets = true;
    let mut page = state.store.products(&resolved.query).await?;
    fill_card_urls(&state, &mut page);
    Ok(read(&state, staff.is_some(), &page))
}

pub(super) async fn visible_product(state: &AppState, staff: bool, key: &str) -> Result<Product, ApiError> {
    state.store.product(Key::parse(key)).await?.filter(|p| staff || p.status == ProductStatus::Active).ok_or(ApiError::not_found("product"))
}

/// The product with its translations, as every single-product answer shows it.
async fn translated(state: &AppState, mut product: Product) -> Result<TranslatedProduct, ApiError> {
    crate::media::fill_urls(state, &mut product.images);
    let translations = state.store.product_translations(product.id).await?;
    Ok(TranslatedProduct { product, translations })
}

/// Get a product, with variants, prices, images and translations, by id or (default) slug.
#[utoipa::path(operation_id = "get_product", get, path = "/api/v1/products/{key}", tag = "catalog",
    params(("key" = String, Path, description = "Product id or slug")),
    responses((status = 200, body = TranslatedProduct), (status = 404, body = ErrorResponse)))]
pub(super) async fn get_one(
    State(state): State<AppState>,
    MaybeStaff(staff): MaybeStaff,
    Path(key): Path<String>,
) -> Result<Response, ApiError> {
    let mut p = visible_product(&state, staff.is_some(), &key).await?;
    if staff.is_none() {
        p.variants.retain(|v| !v.archived);
    }
    Ok(read(&state, staff.is_some(), &translated(&state, p).await?))
}

/// Create a product with its variants, prices and translations in one request (staff).
#[utoipa::path(operation_id = "create_product", post, path = "/api/v1/products", tag = "catalog", request_body = NewTranslatedProduct, security(("staff_token" = [])),
    responses((status = 201, body = TranslatedProduct), (status = 401, body = ErrorResponse), (status = 409, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub(super) async fn create(
    State(state): State<AppState>,
    _staff: CatalogStaff,
    ApiJson(body): ApiJson<NewTranslatedProduct>,
) -> Result<Response, ApiError> {
    check_languages(&state, body.translations.keys())?;
    let p = state.store.create_product_translated(&body.product, &body.translations).await?;
    state.catalog_changed();
    Ok(created(format!("/api/v1/products/{}", p.id), &translated(&state, p).await?))
}

/// Update a product's fields and translations (staff); variants have their own endpoints.
#[utoipa::path(operation_id = "update_product", patch, path = "/api/v1/products/{key}", tag = "catalog", request_body = TranslatedProductPatch,
    params(("key" = i64, Path, description = "Product id")), security(("staff_token" = [])),
    responses((status = 200, body = TranslatedProduct), (status = 404, body = ErrorResponse), (status = 409, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub(super) async fn update(
    State(state): State<AppState>,
    _staff: CatalogStaff,
    Path(key): Path<String>,
    ApiJson(body): ApiJson<TranslatedProductPatch>,
) -> Result<Response, ApiError> {
    let id = id(&key)?;
    check_languages(&state, body.translations.keys())?;
    let changed = state.store.update_product_translated(id, &body.patch, &body.translations).await?;
    state.catalog_changed();
    Ok(written(&translated(&state, changed).await?))
}

/// Archive a product (staff): status becomes `archived`.
#[utoipa::path(operation_id = "archive_product", delete, path = "/api/v1/products/{key}", tag = "catalog",
    params(("key" = i64, Path, description = "Product id")), security(("staff_token" = [])),
    responses((status = 200, body = TranslatedProduct), (status = 404, body = ErrorResponse)))]
pub(super) async fn archive(State(state): State<AppState>, _staff: CatalogStaff, Path(key): Path<String>) -> Result<Response, ApiError> {
    let patch = ProductPatch { status: Some(ProductStatus::Archived), ..Default::default() };
    let changed = state.store.update_product(id(&key)?, &patch).await?;
    state.catalog_changed();
    Ok(written(&translated(&state, changed).await?))
}
