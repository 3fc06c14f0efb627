//! Payment attempts and their settlement. A provider's confirmation (webhook, callback, or a
//! status query) settles an attempt in one transaction with the order's move to `paid`, and is
//! recorded by the provider's event id so a replay changes nothing.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::Serialize;

use baobab_domain::order::Order;
use baobab_domain::payment::{NewPayment, Payment, PaymentMethod};

use crate::Result;

/// What the provider says happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Settlement {
    Succeeded { amount_minor: i64, currency: String, provider_txn: String },
    Failed { reason: String },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Settled {
    /// The attempt changed; `order` is the order after it (paid, when the money was applied).
    Applied { payment: Payment, order: Box<Order> },
    /// This provider event was processed before: nothing changed.
    Replayed(Payment),
    /// The attempt was already final (a late failure after success, a second confirmation):
    /// nothing changed.
    Unchanged(Payment),
}

/// A provider's notification of money that matches no attempt (e.g. an M-Pesa prompt whose
/// start timed out on our side but reached the phone): kept for staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct UnmatchedEvent {
    pub provider: String,
    pub event_id: String,
    /// What the provider said: amount, receipt, phone.
    pub outcome: String,
    pub received_at: DateTime<Utc>,
}

#[async_trait]
pub trait PaymentStore: Send + Sync {
    /// Records an attempt for an order that awaits payment; `Conflict` on `status` otherwise.
    async fn create_payment(&self, new: &NewPayment) -> Result<Payment>;
    /// Stores the provider's id, the amount it was asked for (M-Pesa rounds to whole units) and
    /// where the customer pays.
    async fn set_payment_provider_ref(&self, id: i64, provider_ref: &str, amount_minor: i64, next_url: Option<&str>) -> Result<Payment>;
    async fn payment_by_reference(&self, reference: &str) -> Result<Option<Payment>>;
    async fn payment_by_provider_ref(&self, provider: PaymentMethod, provider_ref: &str) -> Result<Option<Payment>>;
    async fn payments_of_order(&self, order_id: i64) -> Result<Vec<Payment>>;
    /// Attempts that need a person (money that could not be applied), newest first.
    async fn payments_to_review(&self, limit: i64) -> Result<Vec<Payment>>;
    /// Pending attempts started before `before`, oldest first (for the reconciler).
    async fn pending_payments(&self, before: DateTime<Utc>, limit: i64) -> Result<Vec<Payment>>;
    /// Keeps a notification that matches no attempt, once per event; false when already kept.
    async fn record_unmatched(&self, provider: &str, event_id: &str, detail: &str) -> Result<bool>;
    /// Unmatched notifications, newest first.
    async fn unmatched_events(&self, limit: i64) -> Result<Vec<UnmatchedEvent>>;
    /// Applies what the provider said, once per `event_id` (the provider's notification id;
    /// None for our own status queries, which are safe to repeat).
    async fn settle_payment(&self, payment_id: i64, event_id: Option<&str>, settlement: &Settlement, actor: &str) -> Result<Settled>;
}
