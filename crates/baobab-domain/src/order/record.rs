//! An order as placed and as kept: what the store returns and what checkout asks it to place.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{OrderStatus, TaxRule, Totals};
use crate::Currency;
use crate::account::Address;
use crate::payment::PaymentMethod;
use crate::shipping::ShippingQuote;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOrderLine {
    pub variant_id: i64,
    pub quantity: i32,
}

#[derive(Debug, Clone)]
pub struct NewOrder {
    pub user_id: Option<i64>,
    pub email: String,
    pub currency: Currency,
    pub payment_method: PaymentMethod,
    pub lines: Vec<NewOrderLine>,
    /// The delivery method chosen and what it costs in the order's currency (free over its
    /// threshold of goods after discount).
    pub shipping: ShippingQuote,
    /// Checked and counted in the order's transaction: a usage limit is never exceeded.
    pub coupon_code: Option<String>,
    pub tax: TaxRule,
    pub shipping_address: Address,
    /// A retry with the same key returns the first result; the same key with another request
    /// (a different `request_hash`) is refused.
    pub idempotency_key: Option<String>,
    pub request_hash: String,
    /// Unpaid orders past this time are cancelled and their stock released.
    pub expires_at: Option<DateTime<Utc>>,
    /// The cart owner placing it (`s:<session>` or `u:<user>`).
    pub placed_by: String,
    /// The language of the pages it was placed from (`fr`): later e-mails about it use it.
    pub language: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrderLine {
    pub variant_id: i64,
    pub sku: String,
    pub title: String,
    pub quantity: i32,
    pub unit_price_minor: i64,
}

/// A placed order. Every field is typed: the store parses the stored values once, and a value
/// that does not parse is a store error, never a default.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Order {
    pub id: i64,
    pub user_id: Option<i64>,
    pub email: String,
    pub currency: Currency,
    pub status: OrderStatus,
    pub payment_method: PaymentMethod,
    pub totals: Totals,
    pub refunded_minor: i64,
    pub coupon_code: Option<String>,
    pub shipping_method: String,
    pub shipping_address: Address,
    /// The language it was placed in (None for orders from before languages were kept).
    pub language: Option<String>,
    pub lines: Vec<OrderLine>,
    pub created_at: DateTime<Utc>,
    #[serde(skip)]
    pub placed_by: String,
}
