//! The staff admin: server-rendered, works without JavaScript, CSRF-protected, and
//! role-checked on every route. Staff must enrol TOTP two-factor authentication before any
//! admin page opens, and prove it once per session.

use axum::Router;
use axum::extract::{DefaultBodyLimit, OriginalUri, Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use baobab_domain::account::{Permission, StaffRole, normalize_email};
use baobab_domain::auth::Role;
use baobab_domain::totp;
use baobab_domain::user::{NewUser, User, UserKind};
use baobab_store::StoreError;
use baobab_store::accounts::TokenPurpose;
use chrono::{Duration, Utc};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::AppState;
use crate::account::session;
use crate::page::{CsrfOnly, Form, PageError, PageResult, audit, html_type, path_id as id_of, redirect};
use crate::storefront::views::Chrome;
use access::{Member, Staff, can};
pub use staff::invite_staff;

pub mod access;
mod audit_log;
mod coupons;
mod customers;
mod dashboard;
mod export;
mod import;
mod orders;
mod products;
mod staff;
mod tokens;
mod translations;
mod two_factor;
mod upload;
mod words;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin", get(dashboard::show))
        .route("/admin/2fa/setup", get(two_factor::setup_form).post(two_factor::setup))
        .route("/admin/2fa", get(two_factor::challenge_form).post(two_factor::challenge))
        .route("/admin/products", get(products::list).post(products::create))
        .route("/admin/products/{id}", get(products::edit).post(products::update))
        .route("/admin/products/{id}/images", post(products::upload).layer(DefaultBodyLimit::max(110 * 1024 * 1024)))
        .route("/admin/import", get(import::form).post(import::run).layer(DefaultBodyLimit::max(import::MAX_UPLOAD_BYTES + 64 * 1024)))
        .route("/admin/export/products.csv", get(export::products))
        .route("/admin/export/orders.csv", get(export::orders))
        .route("/admin/orders", get(orders::list))
        .route("/admin/orders/{id}", get(orders::show))
        .route("/admin/orders/{id}/transition", post(orders::step))
        .route("/admin/coupons", get(coupons::list).post(coupons::create))
        .route("/admin/coupons/active", post(coupons::set_active))
        .route("/admin/customers", get(customers::list))
        .route("/admin/customers/{id}/disable", post(customers::disable))
        .route("/admin/staff", get(staff::list).post(staff::add))
        .route("/admin/staff/{id}/role", post(staff::change_role))
        .route("/admin/tokens", get(tokens::list).post(tokens::create))
        .route("/admin/tokens/{id}/revoke", post(tokens::revoke))
        .route("/admin/audit", get(audit_log::list))
        .merge(translations::routes())
        .layer(DefaultBodyLimit::max(32 * 1024))
}

#[derive(Serialize)]
pub(crate) struct Opt {
    pub(crate) value: String,
    pub(crate) label: String,
}

/// A form field; `kind` is an input type, `select` (with options), `textarea`, `hidden` or
/// `checkbox` (checked when `value` is "on"). A `file` field's `value` is what it accepts
/// (empty: JPEG, PNG and WebP images).
#[derive(Serialize, Default)]
pub(crate) struct AdminField {
    pub(crate) name: &'static str,
    pub(crate) label: String,
    pub(crate) kind: &'static str,
    pub(crate) value: String,
    pub(crate) options: Vec<Opt>,
}

#[derive(Serialize, Default)]
pub(crate) struct AdminForm {
    pub(crate) action: String,
    pub(crate) fields: Vec<AdminField>,
    pub(crate) submit: String,
    pub(crate) multipart: bool,
}

#[derive(Serialize, Default)]
pub(crate) struct Section {
    /// Rows link their first cell to this prefix + the cell (e.g. `/admin/products/`).
    pub(crate) link: String,
    pub(crate) title: String,
    pub(crate) text: String,
    pub(crate) code: String,
    pub(crate) head: Vec<String>,
    pub(crate) rows: Vec<Vec<String>>,
    pub(crate) form: Option<AdminForm>,
    /// A form that only reads (a download): sent with GET, so it carries no token and changes
    /// nothing.
    pub(crate) download: Option<AdminForm>,
}

#[derive(Serialize)]
struct NavLink {
    url: &'static str,
    label: String,
    current: bool,
}

#[derive(Serialize)]
struct View {
    page: Chrome,
    nav: Vec<NavLink>,
    csrf: String,
    heading: String,
    notice: String,
    errors: Vec<String>,
    sections: Vec<Section>,
    /// A page's own parts, for a template of its own that extends `admin/page.html`.
    more: serde_json::Value,
}

/// The admin's pages: (URL, catalog key of its name, who sees it).
const NAV: &[(&str, &str, Permission)] = &[
    ("/admin", "admin-nav-dashboard", Permission::ViewDashboard),
    ("/admin/products", "admin-nav-products", Permission::EditCatalog),
    ("/admin/import", "admin-nav-import", Permission::EditCatalog),
    ("/admin/translations", "content-nav", Permission::EditCatalog),
    ("/admin/orders", "admin-nav-orders", Permission::ManageOrders),
    ("/admin/coupons", "admin-nav-coupons", Permission::ManageOrders),
    ("/admin/customers", "admin-nav-customers", Permission::ViewCustomers),
    ("/admin/staff", "admin-nav-staff", Permission::ManageStaff),
    ("/admin/tokens", "admin-nav-tokens", Permission::ManageTokens),
    ("/admin/audit", "admin-nav-audit", Permission::ViewAudit),
];

/// A page of the admin that is not there (404), in the admin's frame.
pub(crate) async fn missing(state: &AppState, s: &Member, path: &str, key: &str) -> Result<Response, PageError> {
    let heading = words::t(state, key);
    render(state, s, path, StatusCode::NOT_FOUND, &heading, "", vec![], vec![]).await
}

/// Renders an admin page. `path` is the page's own address (where the language menu returns
/// to, and which entry of the navigation is current); `heading` and the sections arrive in
/// words.
#[allow(clippy::too_many_arguments)] // one page shape, named parts
pub(crate) async fn render(
    state: &AppState,
    s: &Member,
    path: &str,
    status: StatusCode,
    heading: &str,
    notice: &str,
    errors: Vec<String>,
    sections: Vec<Section>,
) -> Result<Response, PageError> {
    render_in(state, s, path, status, heading, notice, errors, sections, "admin/page.html", serde_json::Value::Null).await
}

/// Renders an admin page with a template of its own, given `more` beside the usual parts.
#[allow(clippy::too_many_arguments)] // one page shape, named parts
pub(crate) async fn render_in(
    state: &AppState,
    s: &Member,
    path: &str,
    status: StatusCode,
    heading: &str,
    notice: &str,
    errors: Vec<String>,
    sections: Vec<Section>,
    template: &str,
    more: serde_json::Value,
) -> Result<Response, PageError> {
    // Where the language and currency menus return to: the page asked for, with its query (a
    // page of the audit log), when it is this page; else this page (a form's page after a post).
    let back = match &s.here {
        Some(here) if here.split('?').next() == Some(path) => here.clone(),
        _ => path.to_string(),
    };
    let cats = crate::storefront::page_categories(state).await?;
    let mut page = Chrome::new(state, state.settings.default_currency, &cats, &back, heading);
    page.noindex = true;
    page.description = heading.to_string();
    // Admin pages have one URL in every language (the language is the staff member's choice).
    page.canonical = format!("{}{back}", state.settings.public_url);
    page.alternates.clear();
    let role = s.user.staff_role;
    let nav = NAV
        .iter()
        .filter(|(_, _, p)| role.is_some_and(|r| r.can(*p)))
        .map(|(url, key, _)| NavLink {
            url,
            label: words::t(state, key),
            current: *url == path || (*url != "/admin" && path.strip_prefix(url).is_some_and(|rest| rest.starts_with('/'))),
        })
        .collect();
    let csrf = s.current.csrf().to_string();
    let view = View { page, nav, csrf, heading: heading.to_string(), notice: notice.to_string(), errors, sections, more };
    let mut res = (status, html_type(), state.templates.render(template, &view)?).into_response();
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}
