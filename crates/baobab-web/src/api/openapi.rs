//! The OpenAPI 3 document, generated from the handlers' annotations and the domain types.

use axum::http::header;
use axum::response::IntoResponse;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(title = "Baobab API", description = "Catalog API of the Baobab e-commerce portal. Amounts are integers in the currency's minor units.", license(name = "Apache-2.0")),
    paths(
        super::categories::list, super::categories::get_one, super::categories::create, super::categories::update, super::categories::archive,
        super::products::list, super::products::search, super::products::get_one, super::products::create, super::products::update, super::products::archive,
        super::variants::create, super::variants::get_one, super::variants::update, super::variants::archive,
        super::images::upload, super::images::update, super::images::detach,
        super::orders::list, super::orders::get_one, super::orders::transition,
        super::translations::gaps,
    ),
    components(schemas(crate::error::ErrorResponse, super::categories::CategoryList)),
    modifiers(&StaffToken),
    tags((name = "catalog", description = "Categories, products, variants and prices"), (name = "media", description = "Product images: upload, order, alt text"),
        (name = "orders", description = "Orders for staff systems (token role `orders`)"))
)]
pub struct ApiDoc;

struct StaffToken;

impl Modify for StaffToken {
    fn modify(&self, api: &mut utoipa::openapi::OpenApi) {
        let components = api.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "staff_token",
            SecurityScheme::Http(
                HttpBuilder::new().scheme(HttpAuthScheme::Bearer).description(Some("Staff API token from `baobab token create`")).build(),
            ),
        );
    }
}

/// The document as pretty JSON (what `/api/openapi.json` serves and the snapshot holds).
pub fn document() -> String {
    ApiDoc::openapi().to_pretty_json().expect("OpenAPI document serialises")
}

pub(super) async fn serve() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json"), (header::CACHE_CONTROL, "public, max-age=300")], document())
}
