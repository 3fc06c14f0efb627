//! Catalog editing in the admin, on top of the same store calls and the same upload path as
//! the API (one copy of the rules).

use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::Response;
use baobab_domain::Currency;
use baobab_domain::catalog::{NewProduct, NewVariant, Price, ProductPatch, ProductStatus};
use baobab_domain::media::NewImage;
use baobab_domain::money::parse_major;
use baobab_domain::query::{Pagination, ProductQuery, StatusFilter};
use baobab_store::{Key, StoreError};
use serde::Deserialize;
use serde_json::json;

use super::access::{Staff, can};
use super::words::{self, count_of, heads, money, t, ta};
use super::{AdminField, AdminForm, Member, Opt, Section, id_of, missing, render};
use crate::AppState;
use crate::page::{Form, PageError, PageResult, audit, redirect};

const STATUSES: &[&str] = &["draft", "active", "archived"];

async fn category_options(state: &AppState, selected: Option<i64>) -> Result<AdminField, PageError> {
    let cats = state.categories().await?;
    let mut options = vec![Opt { value: String::new(), label: t(state, "admin-category-none") }];
    options.extend(cats.iter().filter(|c| !c.archived).map(|c| Opt { value: c.id.to_string(), label: c.name.clone() }));
    Ok(AdminField {
        name: "category_id",
        label: t(state, "admin-label-category"),
        kind: "select",
        value: selected.map(|i| i.to_string()).unwrap_or_default(),
        options,
    })
}

fn status_field(state: &AppState, value: &str) -> AdminField {
    AdminField {
        name: "status",
        label: t(state, "admin-label-status"),
        kind: "select",
        value: value.into(),
        options: STATUSES.iter().map(|s| Opt { value: s.to_string(), label: words::product_status(state, s) }).collect(),
    }
}

/// A text field of the product forms.
fn text(name: &'static str, label: String, kind: &'static str, value: &str) -> AdminField {
    AdminField { name, label, kind, value: value.to_string(), ..Default::default() }
}

async fn list_page(
    state: &AppState,
    s: &Member,
    status: StatusCode,
    notice: &str,
    errors: Vec<String>,
    draft: &ProductForm,
) -> Result<Response, PageError> {
    let mut q = ProductQuery::storefront(state.settings.default_currency);
    q.status = StatusFilter::Any;
    q.priced_only = false;
    q.sort = baobab_domain::query::Sort::Newest;
    q.pagination = Pagination { page: 1, per_page: 100 };
    let page = state.store.products(&q).await?;
    let rows = page
        .items
        .iter()
        .map(|p| {
            vec![
                p.id.to_string(),
                p.title.clone(),
                words::product_status(state, p.status.as_str()),
                p.price.map(|x| money(x.amount_minor, x.currency)).unwrap_or_else(|| "—".into()),
            ]
        })
        .collect();
    let cur = state.settings.default_currency;
    let price_label = t(state, if cur.minor_units() == 0 { "admin-label-price" } else { "admin-label-price-example" });
    let sections = vec![
        Section {
            link: "/admin/products/".into(),
            head: heads(state, &["admin-col-id", "admin-col-title", "admin-col-status", "admin-col-price-from"]),
            rows,
            ..Default::default()
        },
        Section {
            title: t(state, "admin-product-new"),
            form: Some(AdminForm {
                action: "/admin/products".into(),
                fields: vec![
                    text("title", t(state, "admin-label-title"), "text", &draft.title),
                    text("description", t(state, "admin-label-description"), "textarea", &draft.description),
                    category_options(state, draft.category_id.parse().ok()).await?,
                    status_field(state, if draft.status.is_empty() { "active" } else { &draft.status }),
                    text("sku", t(state, "admin-label-sku"), "text", &draft.sku),
                    text("price", price_label, "text", &draft.price),
                    text("stock", t(state, "admin-label-stock"), "number", &draft.stock),
                ],
                submit: t(state, "admin-product-create"),
                multipart: false,
            }),
            ..Default::default()
        },
    ];
    let heading = ta(state, "admin-products-heading", &[("currency", cur.code().into())]);
    render(state, s, "/admin/products", status, &heading, notice, errors, sections).await
}

pub(super) async fn list(State(state): State<AppState>, s: Staff<can::EditCatalog>) -> PageResult {
    list_page(&state, &s, StatusCode::OK, "", vec![], &ProductForm::default()).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct ProductForm {
    csrf: String,
    title: String,
    description: String,
    category_id: String,
    status: String,
    sku: String,
    price: String,
    stock: String,
}

pub(super) async fn create(
    State(state): State<AppState>,
    s: Staff<can::EditCatalog>,
    Form { value: f, .. }: Form<ProductForm>,
) -> PageResult {
    let cur: Currency = state.settings.default_currency;
    let mut errors = Vec::new();
    let price = parse_major(&f.price, cur);
    if price.is_none() {
        errors.push(ta(&state, "admin-error-price", &[("value", words::shown(&f.price, 20).into()), ("currency", cur.code().into())]));
    }
    let stock: Option<i64> = f.stock.trim().parse().ok().or_else(|| f.stock.trim().is_empty().then_some(0));
    if stock.is_none() {
        errors.push(t(&state, "admin-error-stock"));
    }
    let status = ProductStatus::parse(&f.status);
    if status.is_none() {
        errors.push(t(&state, "admin-error-status"));
    }
    let category_id = if f.category_id.is_empty() { None } else { f.category_id.parse().ok() };
    if !f.category_id.is_empty() && category_id.is_none() {
        errors.push(t(&state, "admin-error-category"));
    }
    if !errors.is_empty() {
        return list_page(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, "", errors, &f).await;
    }
    let new = NewProduct {
        title: f.title.clone(),
        slug: None,
        description: f.description.clone(),
        category_id,
        attributes: vec![],
        status,
        variants: vec![NewVariant {
            sku: f.sku.clone(),
            options: vec![],
            prices: vec![Price { currency: cur, amount_minor: price.unwrap_or(0), compare_at_minor: None }],
            stock_on_hand: stock.unwrap_or(0),
            position: 0,
        }],
    };
    match state.store.create_product(&new).await {
        Ok(p) => {
            state.catalog_changed();
            audit(&state, "product_created", Some(s.user.id), &p.slug, &s.ip, json!({"product_id": p.id})).await;
            Ok(redirect(&format!("/admin/products/{}", p.id), None))
        }
        Err(StoreError::Invalid(v)) => list_page(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, "", words::problems(&state, &v), &f).await,
        Err(StoreError::Conflict { field, message }) => {
            list_page(&state, &s, StatusCode::CONFLICT, "", vec![words::problem(&state, field, &message)], &f).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn edit_page(
    state: &AppState,
    s: &Member,
    id: i64,
    status: StatusCode,
    notice: &str,
    errors: Vec<String>,
) -> Result<Response, PageError> {
    let Some(p) = state.store.product(Key::Id(id)).await? else {
        return missing(state, s, "/admin/products", "admin-missing-product").await;
    };
    let separator = t(state, "admin-list-separator");
    let variants = p
        .variants
        .iter()
        .map(|v| {
            vec![
                v.sku.clone(),
                v.label(),
                v.prices.iter().map(|x| money(x.amount_minor, x.currency)).collect::<Vec<_>>().join(&separator),
                count_of(v.stock_on_hand),
            ]
        })
        .collect();
    let images = p
        .images
        .iter()
        .map(|i| {
            vec![
                i.id.to_string(),
                i.alt.clone(),
                i.position.to_string(),
                i.width.map(|w| format!("{w}×{}", i.height.unwrap_or(0))).unwrap_or_default(),
            ]
        })
        .collect();
    let sections = vec![
        Section { text: ta(state, "admin-product-on-shop", &[("path", format!("/p/{}", p.slug).into())]), ..Default::default() },
        Section {
            download: Some(AdminForm {
                action: format!("/admin/translations/products/{id}"),
                submit: t(state, "content-open"),
                ..Default::default()
            }),
            ..Default::default()
        },
        Section {
            form: Some(AdminForm {
                action: format!("/admin/products/{id}"),
                fields: vec![
                    text("title", t(state, "admin-label-title"), "text", &p.title),
                    text("description", t(state, "admin-label-description"), "textarea", &p.description),
                    category_options(state, p.category_id).await?,
                    status_field(state, p.status.as_str()),
                ],
                submit: t(state, "admin-save"),
                multipart: false,
            }),
            ..Default::default()
        },
        Section {
            title: t(state, "admin-product-variants"),
            head: heads(state, &["admin-col-sku", "admin-col-options", "admin-col-prices", "admin-col-stock"]),
            rows: variants,
            ..Default::default()
        },
        Section {
            title: t(state, "admin-product-images"),
            head: heads(state, &["admin-col-id", "admin-col-alt", "admin-col-position", "admin-col-size"]),
            rows: images,
            ..Default::default()
        },
        Section {
            title: t(state, "admin-image-add"),
            text: t(state, "admin-image-add-text"),
            form: Some(AdminForm {
                action: format!("/admin/products/{id}/images"),
                fields: vec![text("file", t(state, "admin-label-image"), "file", ""), text("alt", t(state, "admin-label-alt"), "text", "")],
                submit: t(state, "admin-upload"),
                multipart: true,
            }),
            ..Default::default()
        },
    ];
    render(state, s, &format!("/admin/products/{id}"), status, &p.title, notice, errors, sections).await
}

pub(super) async fn edit(State(state): State<AppState>, s: Staff<can::EditCatalog>, Path(raw): Path<String>) -> PageResult {
    edit_page(&state, &s, id_of(&raw)?, StatusCode::OK, "", vec![]).await
}

pub(super) async fn update(
    State(state): State<AppState>,
    s: Staff<can::EditCatalog>,
    Path(raw): Path<String>,
    Form { value: f, .. }: Form<ProductForm>,
) -> PageResult {
    let id = id_of(&raw)?;
    let Some(status) = ProductStatus::parse(&f.status) else {
        return edit_page(&state, &s, id, StatusCode::UNPROCESSABLE_ENTITY, "", vec![t(&state, "admin-error-status")]).await;
    };
    let category_id = if f.category_id.is_empty() { Some(None) } else { f.category_id.parse().ok().map(Some) };
    let Some(category_id) = category_id else {
        return edit_page(&state, &s, id, StatusCode::UNPROCESSABLE_ENTITY, "", vec![t(&state, "admin-error-category")]).await;
    };
    let patch = ProductPatch {
        title: Some(f.title),
        description: Some(f.description),
        category_id: Some(category_id),
        status: Some(status),
        ..Default::default()
    };
    match state.store.update_product(id, &patch).await {
        Ok(p) => {
            state.catalog_changed();
            audit(&state, "product_updated", Some(s.user.id), &p.slug, &s.ip, json!({"product_id": p.id})).await;
            edit_page(&state, &s, id, StatusCode::OK, &t(&state, "admin-saved"), vec![]).await
        }
        Err(StoreError::Invalid(v)) => edit_page(&state, &s, id, StatusCode::UNPROCESSABLE_ENTITY, "", words::problems(&state, &v)).await,
        Err(StoreError::NotFound(_)) => missing(&state, &s, "/admin/products", "admin-missing-product").await,
        Err(e) => Err(e.into()),
    }
}

pub(super) async fn upload(
    State(state): State<AppState>,
    method: Method,
    headers: HeaderMap,
    s: Staff<can::EditCatalog>,
    Path(raw): Path<String>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> PageResult {
    let id = id_of(&raw)?;
    let upload = match super::upload::read(&state, &method, &headers, &s, multipart, &["alt"], "file").await? {
        Ok(upload) => upload,
        Err(why) => return edit_page(&state, &s, id, why.status, "", vec![why.message]).await,
    };
    let alt = upload.field("alt").to_string();
    let Some(file) = upload.file else {
        return edit_page(&state, &s, id, StatusCode::UNPROCESSABLE_ENTITY, "", vec![t(&state, "admin-error-image-missing")]).await;
    };
    let mut check = NewImage { media_hash: Some("0".repeat(64)), alt, ..Default::default() };
    if let Err(v) = check.validate() {
        return edit_page(&state, &s, id, StatusCode::UNPROCESSABLE_ENTITY, "", words::problems(&state, &v)).await;
    }
    check.media_hash = None;
    match crate::api::images::attach_upload(&state, id, file.into(), check).await {
        Ok(img) => {
            audit(&state, "product_image_added", Some(s.user.id), &id.to_string(), &s.ip, json!({"image_id": img.id})).await;
            Ok(redirect(&format!("/admin/products/{id}"), None))
        }
        Err(e) if e.status == StatusCode::NOT_FOUND => missing(&state, &s, "/admin/products", "admin-missing-product").await,
        Err(e) => {
            let why = match e.status {
                StatusCode::UNSUPPORTED_MEDIA_TYPE => t(&state, "admin-error-image-type"),
                StatusCode::PAYLOAD_TOO_LARGE => t(&state, "admin-error-file-large"),
                _ => words::line(&state, "file", &e.message),
            };
            edit_page(&state, &s, id, e.status, "", vec![why]).await
        }
    }
}
