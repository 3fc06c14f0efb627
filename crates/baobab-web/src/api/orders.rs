//! The order API for staff systems (token role `orders`): list, read, and move orders through
//! their lifecycle. Transitions follow the domain's state machine (409 when not allowed now).

use axum::Router;
use axum::extract::{OriginalUri, Path, State};
use axum::response::Response;
use axum::routing::{get, post};
use baobab_domain::ValidationError;
use baobab_domain::order::{OrderEvent, OrderStatus};
use baobab_domain::query::Pagination;
use serde::Deserialize;

use super::{ApiJson, id, written};
use crate::AppState;
use crate::auth::OrdersStaff;
use crate::error::{ApiError, ErrorResponse};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/v1/orders", get(list))
        .route("/v1/orders/{id}", get(get_one))
        .route("/v1/orders/{id}/transitions", post(transition))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ListParams {
    status: Option<String>,
    page: Option<String>,
    per_page: Option<String>,
}

/// List orders, newest first (staff, orders role).
#[utoipa::path(get, path = "/api/v1/orders", tag = "orders", security(("staff_token" = [])),
    params(("status" = Option<String>, Query, description = "pending_payment, paid, fulfilled, shipped, delivered, cancelled, partially_refunded, refunded"),
        ("page" = Option<u32>, Query), ("per_page" = Option<u32>, Query)),
    responses((status = 200, description = "`{\"items\": [order…]}`"), (status = 400, body = ErrorResponse), (status = 401, body = ErrorResponse), (status = 403, body = ErrorResponse)))]
pub(super) async fn list(State(state): State<AppState>, _staff: OrdersStaff, OriginalUri(uri): OriginalUri) -> Result<Response, ApiError> {
    let p: ListParams = crate::params::query(&uri).map_err(ApiError::bad_param)?;
    let status = match p.status.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(OrderStatus::parse(s).ok_or_else(|| {
            ApiError::bad_param(ValidationError::new(
                "status",
                format!("unknown order status `{}`", s.chars().take(40).collect::<String>()),
            ))
        })?),
    };
    let pg = Pagination::parse(p.page.as_deref(), p.per_page.as_deref()).map_err(ApiError::bad_param)?;
    let items = state.store.list_orders(status, pg.offset(), pg.per_page as i64).await?;
    Ok(written(&serde_json::json!({"items": items, "page": pg.page, "per_page": pg.per_page})))
}

/// Get an order (staff, orders role).
#[utoipa::path(get, path = "/api/v1/orders/{id}", tag = "orders", security(("staff_token" = [])), params(("id" = i64, Path)),
    responses((status = 200, description = "the order"), (status = 404, body = ErrorResponse)))]
pub(super) async fn get_one(State(state): State<AppState>, _staff: OrdersStaff, Path(raw): Path<String>) -> Result<Response, ApiError> {
    let o = state.store.order(id(&raw)?).await?.ok_or(ApiError::not_found("order"))?;
    Ok(written(&o))
}

/// A lifecycle step: `pay`, `fulfil`, `ship`, `deliver`, `cancel`, or `refund` with `amount_minor`.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Transition {
    pub event: String,
    #[serde(default)]
    pub amount_minor: Option<i64>,
    #[serde(default)]
    pub note: String,
}

/// Move an order through its lifecycle (staff, orders role). 409 when the step is not allowed
/// from the order's current status; refunds cannot exceed what was paid and not yet refunded.
#[utoipa::path(post, path = "/api/v1/orders/{id}/transitions", tag = "orders", request_body = Transition, security(("staff_token" = [])), params(("id" = i64, Path)),
    responses((status = 200, description = "the order after the step"), (status = 404, body = ErrorResponse), (status = 409, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub(super) async fn transition(
    State(state): State<AppState>,
    OrdersStaff(token): OrdersStaff,
    Path(raw): Path<String>,
    ApiJson(t): ApiJson<Transition>,
) -> Result<Response, ApiError> {
    let order_id = id(&raw)?;
    let event = match (t.event.as_str(), t.amount_minor) {
        ("pay", None) => OrderEvent::Pay,
        ("fulfil", None) => OrderEvent::Fulfil,
        ("ship", None) => OrderEvent::Ship,
        ("deliver", None) => OrderEvent::Deliver,
        ("cancel", None) => OrderEvent::Cancel,
        ("refund", Some(a)) if a > 0 => OrderEvent::Refund { amount: a, remaining: 0 },
        ("refund", _) => return Err(ApiError::invalid(ValidationError::new("amount_minor", "a refund needs a positive amount_minor"))),
        (_, Some(_)) if ["pay", "fulfil", "ship", "deliver", "cancel"].contains(&t.event.as_str()) => {
            return Err(ApiError::invalid(ValidationError::new("amount_minor", "only refunds take an amount")));
        }
        (other, _) => {
            return Err(ApiError::invalid(ValidationError::new(
                "event",
                format!(
                    "unknown event `{}` (valid: pay, fulfil, ship, deliver, cancel, refund)",
                    other.chars().take(40).collect::<String>()
                ),
            )));
        }
    };
    if t.note.chars().count() > 1000 {
        return Err(ApiError::invalid(ValidationError::new("note", "must be at most 1000 characters")));
    }
    let o = state.store.transition_order(order_id, event, &format!("token:{}", token.id), &t.note).await?;
    state.catalog_changed();
    crate::checkout::notify_status(&state, &o).await;
    Ok(written(&o))
}
