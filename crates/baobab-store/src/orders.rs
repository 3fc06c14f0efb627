//! Orders: placement takes the stock in the same transaction, so under any concurrency an
//! item is never sold twice and stock never goes negative; retries with the same idempotency
//! key return the first order instead of making another.

use async_trait::async_trait;
use baobab_domain::order::{Coupon, NewOrder, Order, OrderEvent, OrderStatus};
use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::Result;

pub const MAX_LINES: usize = 50;
pub const MAX_QUANTITY: i32 = 100;

/// One recorded status change: who moved the order, when, from and to what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct OrderHistory {
    pub at: DateTime<Utc>,
    pub from_status: Option<String>,
    pub to_status: String,
    pub actor: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Placed {
    New(Order),
    /// The same idempotency key and request again: the order made the first time.
    Replayed(Order),
}

impl Placed {
    pub fn order(&self) -> &Order {
        match self {
            Placed::New(o) | Placed::Replayed(o) => o,
        }
    }
}

#[async_trait]
pub trait OrderStore: Send + Sync {
    /// Places an order: prices from the price list, stock taken atomically. `Conflict` on
    /// `stock` when any line cannot be had (nothing is taken then).
    async fn place_order(&self, new: &NewOrder) -> Result<Placed>;
    async fn order(&self, id: i64) -> Result<Option<Order>>;
    async fn orders_of_user(&self, user_id: i64) -> Result<Vec<Order>>;
    /// Newest first, optionally of one status.
    async fn list_orders(&self, status: Option<OrderStatus>, offset: i64, limit: i64) -> Result<Vec<Order>>;
    /// Applies a lifecycle event; `Conflict` on `status` when it is not allowed now. Entering
    /// a stock-releasing status puts the items back.
    async fn transition_order(&self, id: i64, event: OrderEvent, actor: &str, note: &str) -> Result<Order>;
    /// Every status change of an order, oldest first.
    async fn order_history(&self, id: i64) -> Result<Vec<OrderHistory>>;
    /// Cancels unpaid orders past their expiry, releasing their stock; returns their ids.
    async fn expire_unpaid(&self, now: DateTime<Utc>) -> Result<Vec<i64>>;

    /// Orders placed since `since` (not cancelled or fully refunded), per currency: (currency,
    /// count, total less refunds in minor units).
    async fn order_totals_since(&self, since: DateTime<Utc>) -> Result<Vec<(String, i64, i64)>>;

    /// Adds to (or, with `set`, replaces) a cart line; a quantity of 0 with `set` removes it.
    async fn cart_put(&self, owner: &str, variant_id: i64, quantity: i32, set: bool) -> Result<()>;
    async fn cart(&self, owner: &str) -> Result<Vec<(i64, i32)>>;
    async fn cart_clear(&self, owner: &str) -> Result<()>;
    /// Moves a guest cart into a customer's at login (quantities add up).
    async fn cart_merge(&self, from: &str, to: &str) -> Result<()>;

    /// `Conflict` on `code` when it exists (codes are compared upper case).
    async fn create_coupon(&self, coupon: &Coupon) -> Result<Coupon>;
    async fn coupon(&self, code: &str) -> Result<Option<Coupon>>;
    async fn coupons(&self) -> Result<Vec<Coupon>>;
    /// Switches a coupon on or off; `NotFound` when there is none.
    async fn set_coupon_active(&self, code: &str, active: bool) -> Result<Coupon>;
}
