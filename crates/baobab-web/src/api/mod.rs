//! The JSON REST API under `/api/v1/`, and its OpenAPI 3 document at `/api/openapi.json`.
//! Reads are public (active catalog only) and cacheable; writes need a staff token of the
//! catalog role. Nothing is deleted: "delete" archives, so orders can keep pointing at it.

pub mod images;
mod json;
pub mod openapi;
mod orders;

use axum::Router;
use axum::extract::{DefaultBodyLimit, OriginalUri, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use baobab_domain::ValidationError;
use baobab_domain::catalog::{
    Category, CategoryPatch, NewCategory, NewProduct, NewVariant, Product, ProductPatch, ProductStatus, Variant, VariantPatch,
};
use baobab_domain::query::ProductPage;
use baobab_store::Key;
use serde::Serialize;

pub use images::data_uri;
pub use json::ApiJson;

use crate::auth::{CatalogStaff, MaybeStaff};
use crate::error::{ApiError, ErrorResponse};
use crate::params::{ListParams, query};
use crate::{AppState, WebSettings};

pub fn routes(settings: &WebSettings) -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(openapi::serve))
        .route("/v1/categories", get(list_categories).post(create_category))
        .route("/v1/categories/{key}", get(get_category).patch(update_category).delete(archive_category))
        .route("/v1/products", get(list_products).post(create_product))
        .route("/v1/products/{key}", get(get_product).patch(update_product).delete(archive_product))
        .route("/v1/products/{key}/variants", post(create_variant))
        .route("/v1/variants/{id}", get(get_variant).patch(update_variant).delete(archive_variant))
        .route("/v1/search", get(search))
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

#[derive(Serialize, utoipa::ToSchema)]
pub struct CategoryList {
    pub items: Vec<Category>,
}

/// List categories (the whole tree; use `parent_id` to rebuild it).
#[utoipa::path(get, path = "/api/v1/categories", tag = "catalog",
    responses((status = 200, body = CategoryList), (status = 503, body = ErrorResponse)))]
async fn list_categories(State(state): State<AppState>, MaybeStaff(staff): MaybeStaff) -> Result<Response, ApiError> {
    let items: Vec<Category> = state.store.categories().await?.into_iter().filter(|c| staff.is_some() || !c.archived).collect();
    Ok(read(&state, staff.is_some(), &CategoryList { items }))
}

/// Get a category by id or slug.
#[utoipa::path(get, path = "/api/v1/categories/{key}", tag = "catalog",
    params(("key" = String, Path, description = "Category id or slug")),
    responses((status = 200, body = Category), (status = 404, body = ErrorResponse)))]
async fn get_category(State(state): State<AppState>, MaybeStaff(staff): MaybeStaff, Path(key): Path<String>) -> Result<Response, ApiError> {
    let cat =
        state.store.category(Key::parse(&key)).await?.filter(|c| staff.is_some() || !c.archived).ok_or(ApiError::not_found("category"))?;
    Ok(read(&state, staff.is_some(), &cat))
}

/// Create a category (staff, catalog role).
#[utoipa::path(post, path = "/api/v1/categories", tag = "catalog", request_body = NewCategory,
    security(("staff_token" = [])),
    responses((status = 201, body = Category), (status = 401, body = ErrorResponse), (status = 403, body = ErrorResponse),
        (status = 409, body = ErrorResponse), (status = 413, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
async fn create_category(
    State(state): State<AppState>,
    _staff: CatalogStaff,
    ApiJson(new): ApiJson<NewCategory>,
) -> Result<Response, ApiError> {
    let cat = state.store.create_category(&new).await?;
    state.catalog_changed();
    Ok(created(format!("/api/v1/categories/{}", cat.id), &cat))
}

/// Update a category (staff). `parent_id: null` moves it to the top level.
#[utoipa::path(patch, path = "/api/v1/categories/{key}", tag = "catalog", request_body = CategoryPatch,
    params(("key" = i64, Path, description = "Category id")), security(("staff_token" = [])),
    responses((status = 200, body = Category), (status = 404, body = ErrorResponse), (status = 409, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
async fn update_category(
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
#[utoipa::path(delete, path = "/api/v1/categories/{key}", tag = "catalog",
    params(("key" = i64, Path, description = "Category id")), security(("staff_token" = [])),
    responses((status = 200, body = Category), (status = 404, body = ErrorResponse)))]
async fn archive_category(State(state): State<AppState>, _staff: CatalogStaff, Path(key): Path<String>) -> Result<Response, ApiError> {
    let patch = CategoryPatch { archived: Some(true), ..Default::default() };
    let changed = state.store.update_category(id(&key)?, &patch).await?;
    state.catalog_changed();
    Ok(written(&changed))
}

/// List products, filtered, sorted and paginated.
#[utoipa::path(get, path = "/api/v1/products", tag = "catalog", params(ListParams),
    responses((status = 200, body = ProductPage), (status = 400, body = ErrorResponse), (status = 503, body = ErrorResponse)))]
async fn list_products(
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

fn fill_card_urls(state: &AppState, page: &mut ProductPage) {
    for item in &mut page.items {
        if let Some(img) = item.image.as_mut() {
            crate::media::fill_urls(state, std::slice::from_mut(img));
        }
    }
}

/// Search products: like the list, but `q` is required and facets are included.
#[utoipa::path(get, path = "/api/v1/search", tag = "catalog", params(ListParams),
    responses((status = 200, body = ProductPage), (status = 400, body = ErrorResponse)))]
async fn search(
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

async fn visible_product(state: &AppState, staff: bool, key: &str) -> Result<Product, ApiError> {
    state.store.product(Key::parse(key)).await?.filter(|p| staff || p.status == ProductStatus::Active).ok_or(ApiError::not_found("product"))
}

/// Get a product, with variants, prices and images, by id or slug.
#[utoipa::path(get, path = "/api/v1/products/{key}", tag = "catalog",
    params(("key" = String, Path, description = "Product id or slug")),
    responses((status = 200, body = Product), (status = 404, body = ErrorResponse)))]
async fn get_product(State(state): State<AppState>, MaybeStaff(staff): MaybeStaff, Path(key): Path<String>) -> Result<Response, ApiError> {
    let mut p = visible_product(&state, staff.is_some(), &key).await?;
    crate::media::fill_urls(&state, &mut p.images);
    if staff.is_none() {
        p.variants.retain(|v| !v.archived);
    }
    Ok(read(&state, staff.is_some(), &p))
}

/// Create a product with its variants and prices in one request (staff).
#[utoipa::path(post, path = "/api/v1/products", tag = "catalog", request_body = NewProduct, security(("staff_token" = [])),
    responses((status = 201, body = Product), (status = 401, body = ErrorResponse), (status = 409, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
async fn create_product(
    State(state): State<AppState>,
    _staff: CatalogStaff,
    ApiJson(new): ApiJson<NewProduct>,
) -> Result<Response, ApiError> {
    let p = state.store.create_product(&new).await?;
    state.catalog_changed();
    Ok(created(format!("/api/v1/products/{}", p.id), &p))
}

/// Update a product's fields (staff); variants have their own endpoints.
#[utoipa::path(patch, path = "/api/v1/products/{key}", tag = "catalog", request_body = ProductPatch,
    params(("key" = i64, Path, description = "Product id")), security(("staff_token" = [])),
    responses((status = 200, body = Product), (status = 404, body = ErrorResponse), (status = 409, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
async fn update_product(
    State(state): State<AppState>,
    _staff: CatalogStaff,
    Path(key): Path<String>,
    ApiJson(patch): ApiJson<ProductPatch>,
) -> Result<Response, ApiError> {
    let changed = state.store.update_product(id(&key)?, &patch).await?;
    state.catalog_changed();
    Ok(written(&changed))
}

/// Archive a product (staff): status becomes `archived`.
#[utoipa::path(delete, path = "/api/v1/products/{key}", tag = "catalog",
    params(("key" = i64, Path, description = "Product id")), security(("staff_token" = [])),
    responses((status = 200, body = Product), (status = 404, body = ErrorResponse)))]
async fn archive_product(State(state): State<AppState>, _staff: CatalogStaff, Path(key): Path<String>) -> Result<Response, ApiError> {
    let patch = ProductPatch { status: Some(ProductStatus::Archived), ..Default::default() };
    let changed = state.store.update_product(id(&key)?, &patch).await?;
    state.catalog_changed();
    Ok(written(&changed))
}

/// Add a variant to a product (staff).
#[utoipa::path(post, path = "/api/v1/products/{key}/variants", tag = "catalog", request_body = NewVariant,
    params(("key" = i64, Path, description = "Product id")), security(("staff_token" = [])),
    responses((status = 201, body = Variant), (status = 404, body = ErrorResponse), (status = 409, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
async fn create_variant(
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
#[utoipa::path(get, path = "/api/v1/variants/{id}", tag = "catalog",
    params(("id" = i64, Path)), security(("staff_token" = [])),
    responses((status = 200, body = Variant), (status = 404, body = ErrorResponse)))]
async fn get_variant(State(state): State<AppState>, _staff: CatalogStaff, Path(raw): Path<String>) -> Result<Response, ApiError> {
    let v = state.store.variant(id(&raw)?).await?.ok_or(ApiError::not_found("variant"))?;
    Ok(written(&v))
}

/// Update a variant (staff). `prices` replaces the whole price list.
#[utoipa::path(patch, path = "/api/v1/variants/{id}", tag = "catalog", request_body = VariantPatch,
    params(("id" = i64, Path)), security(("staff_token" = [])),
    responses((status = 200, body = Variant), (status = 404, body = ErrorResponse), (status = 409, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
async fn update_variant(
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
#[utoipa::path(delete, path = "/api/v1/variants/{id}", tag = "catalog",
    params(("id" = i64, Path)), security(("staff_token" = [])),
    responses((status = 200, body = Variant), (status = 404, body = ErrorResponse)))]
async fn archive_variant(State(state): State<AppState>, _staff: CatalogStaff, Path(raw): Path<String>) -> Result<Response, ApiError> {
    let patch = VariantPatch { archived: Some(true), ..Default::default() };
    let changed = state.store.update_variant(id(&raw)?, &patch).await?;
    state.catalog_changed();
    Ok(written(&changed))
}
