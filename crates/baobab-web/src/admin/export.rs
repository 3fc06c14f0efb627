//! CSV downloads from the admin, written by `catalog_export` as `baobab export` writes them:
//! the catalog in Shopify's product columns (catalog managers and owners) and the order lines
//! for the accountants (order managers and owners). Each download is recorded in the audit log.

use axum::extract::{OriginalUri, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use baobab_domain::{Currency, ValidationError};
use chrono::{NaiveDate, Utc};
use serde::Deserialize;
use serde_json::json;

use super::access::{Staff, can};
use super::words::{self, ta};
use crate::AppState;
use crate::catalog_export::{self, ExportError};
use crate::page::{PageError, PageResult, audit};

#[derive(Deserialize, Default)]
#[serde(default)]
struct ProductsParams {
    currency: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct OrdersParams {
    from: Option<String>,
    to: Option<String>,
}

fn failed(e: ExportError) -> PageError {
    match e {
        ExportError::Store(e) => PageError::Store(e),
        // A product the format cannot carry (more than three options), named.
        ExportError::Write(e) => PageError::status(StatusCode::UNPROCESSABLE_ENTITY, "export", &e.to_string()),
    }
}

/// A parameter that is wrong: its name and what is wrong, in the request's language.
fn bad(state: &AppState, field: &str, problem: String) -> PageError {
    PageError::BadParam(ValidationError::new(words::field(state, field), problem))
}

fn date(state: &AppState, field: &str, value: Option<&str>) -> Result<Option<NaiveDate>, PageError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => NaiveDate::parse_from_str(v, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| bad(state, field, ta(state, "admin-bad-date", &[("value", words::shown(v, 40).into())]))),
    }
}

/// A CSV file to save, never cached.
fn csv_download(body: Vec<u8>, filename: &str) -> Response {
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\""))
        .unwrap_or(HeaderValue::from_static("attachment; filename=\"export.csv\""));
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    h.insert(header::CONTENT_DISPOSITION, disposition);
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// `GET /admin/export/products.csv?currency=KES`: every product, prices in that currency (the
/// shop's default when not given).
pub(super) async fn products(State(state): State<AppState>, s: Staff<can::EditCatalog>, OriginalUri(uri): OriginalUri) -> PageResult {
    let p: ProductsParams = crate::params::query(&uri)?;
    let currency = match p.currency.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        None => state.settings.default_currency,
        Some(code) => code.parse::<Currency>().map_err(|e| PageError::BadParam(words::currency_param(&state, &e)))?,
    };
    let mut out = Vec::new();
    let count = catalog_export::export_products(&state, Some(currency), &mut out).await.map_err(failed)?;
    audit(&state, "products_exported", Some(s.user.id), currency.code(), &s.ip, json!({"products": count})).await;
    let today = Utc::now().format("%Y-%m-%d");
    Ok(csv_download(out, &format!("products-{}-{today}.csv", currency.code())))
}

/// `GET /admin/export/orders.csv?from=2026-01-01&to=2026-01-31`: one row per order line of the
/// orders placed on those days (UTC), both optional.
pub(super) async fn orders(State(state): State<AppState>, s: Staff<can::ManageOrders>, OriginalUri(uri): OriginalUri) -> PageResult {
    let p: OrdersParams = crate::params::query(&uri)?;
    let (from, to) = (date(&state, "from", p.from.as_deref())?, date(&state, "to", p.to.as_deref())?);
    if let (Some(f), Some(t)) = (from, to)
        && t < f
    {
        return Err(bad(&state, "to", ta(&state, "admin-bad-date-order", &[("to", t.to_string().into()), ("from", f.to_string().into())])));
    }
    let mut out = Vec::new();
    let count = catalog_export::export_orders(&state, from, to, &mut out).await.map_err(failed)?;
    let span = |d: Option<NaiveDate>| d.map(|d| d.to_string());
    audit(&state, "orders_exported", Some(s.user.id), "orders", &s.ip, json!({"orders": count, "from": span(from), "to": span(to)})).await;
    let name = match (from, to) {
        (None, None) => "orders-all.csv".to_string(),
        (f, t) => format!(
            "orders-{}-to-{}.csv",
            f.map(|d| d.to_string()).unwrap_or_else(|| "start".into()),
            t.map(|d| d.to_string()).unwrap_or_else(|| "now".into())
        ),
    };
    Ok(csv_download(out, &name))
}
