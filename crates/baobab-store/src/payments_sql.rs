//! The payment store, shared by both backends.

use chrono::{DateTime, Utc};

use crate::StoreError;
use baobab_domain::payment::{Payment, PaymentStatus};

#[derive(sqlx::FromRow)]
pub(crate) struct PaymentRow {
    pub id: i64,
    pub order_id: i64,
    pub provider: String,
    pub reference: String,
    pub provider_ref: Option<String>,
    pub amount_minor: i64,
    pub currency: String,
    pub status: String,
    pub detail: String,
    pub next_url: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

pub(crate) const PAYMENT_COLUMNS: &str =
    "id, order_id, provider, reference, provider_ref, amount_minor, currency, status, detail, next_url, created_at, updated_at";

impl PaymentRow {
    pub fn into_payment(self) -> Result<Payment, StoreError> {
        let currency = self
            .currency
            .parse()
            .map_err(|e| StoreError::Internal(format!("payment {}: stored currency `{}`: {e}", self.id, self.currency)))?;
        Ok(Payment {
            status: PaymentStatus::parse(&self.status)
                .ok_or_else(|| StoreError::Internal(format!("unknown payment status `{}`", self.status)))?,
            id: self.id,
            order_id: self.order_id,
            provider: self.provider.parse().map_err(|e| StoreError::Internal(format!("payment {}: stored provider: {e}", self.id)))?,
            reference: self.reference,
            provider_ref: self.provider_ref,
            amount_minor: self.amount_minor,
            currency,
            detail: self.detail,
            next_url: self.next_url,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

/// Implements `PaymentStore` (one signature with the other store macros; `crate::common` says why they
/// are macros).
macro_rules! impl_payment_store {
    ($store:ty, $db:ty) => {
        impl $store {
            async fn load_payment(
                conn: &mut <$db as sqlx::Database>::Connection,
                column: &str,
                value: &str,
            ) -> $crate::Result<Option<baobab_domain::payment::Payment>> {
                // `column` is one of our own names, never input.
                let row: Option<$crate::payments_sql::PaymentRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                    "SELECT {} FROM payments WHERE {column} = $1",
                    $crate::payments_sql::PAYMENT_COLUMNS
                )))
                .bind(value)
                .fetch_optional(&mut *conn)
                .await?;
                row.map(|r| r.into_payment()).transpose()
            }

            async fn load_payment_id(conn: &mut <$db as sqlx::Database>::Connection, id: i64) -> $crate::Result<baobab_domain::payment::Payment> {
                Self::load_payment_locked(conn, id, "").await
            }

            async fn load_payment_locked(
                conn: &mut <$db as sqlx::Database>::Connection,
                id: i64,
                lock: &str,
            ) -> $crate::Result<baobab_domain::payment::Payment> {
                let row: Option<$crate::payments_sql::PaymentRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                    "SELECT {} FROM payments WHERE id = $1{lock}",
                    $crate::payments_sql::PAYMENT_COLUMNS
                )))
                .bind(id)
                .fetch_optional(&mut *conn)
                .await?;
                row.ok_or($crate::StoreError::NotFound("payment"))?.into_payment()
            }

            async fn mark_payment(
                conn: &mut <$db as sqlx::Database>::Connection,
                id: i64,
                status: baobab_domain::payment::PaymentStatus,
                detail: &str,
            ) -> $crate::Result<baobab_domain::payment::Payment> {
                sqlx::query("UPDATE payments SET status = $1, detail = $2, updated_at = $3 WHERE id = $4")
                    .bind(status.as_str())
                    .bind(detail)
                    .bind(chrono::Utc::now())
                    .bind(id)
                    .execute(&mut *conn)
                    .await?;
                Self::load_payment_id(conn, id).await
            }
        }

        #[async_trait::async_trait]
        impl $crate::payments::PaymentStore for $store {
            async fn create_payment(&self, new: &baobab_domain::payment::NewPayment) -> $crate::Result<baobab_domain::payment::Payment> {
                if new.amount_minor <= 0 {
                    return Err($crate::StoreError::invalid("amount", "must be more than zero"));
                }
                let mut tx = self.write.begin().await?;
                let status: Option<String> =
                    sqlx::query_scalar("SELECT status FROM orders WHERE id = $1").bind(new.order_id).fetch_optional(&mut *tx).await?;
                match status.as_deref() {
                    None => return Err($crate::StoreError::NotFound("order")),
                    Some("pending_payment") => {}
                    Some(other) => {
                        return Err($crate::StoreError::Conflict {
                            field: "status",
                            message: format!("the order is {}, not awaiting payment", other.replace('_', " ")),
                        });
                    }
                }
                let now = chrono::Utc::now();
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO payments (order_id, provider, reference, amount_minor, currency, status, detail, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, 'pending', '', $6, $6) RETURNING id",
                )
                .bind(new.order_id)
                .bind(new.provider.as_str())
                .bind(&new.reference)
                .bind(new.amount_minor)
                .bind(new.currency.code())
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
                let p = Self::load_payment_id(&mut tx, id).await?;
                tx.commit().await?;
                Ok(p)
            }

            async fn set_payment_provider_ref(
                &self,
                id: i64,
                provider_ref: &str,
                amount_minor: i64,
                next_url: Option<&str>,
            ) -> $crate::Result<baobab_domain::payment::Payment> {
                let mut conn = self.write.acquire().await?;
                sqlx::query("UPDATE payments SET provider_ref = $1, amount_minor = $2, next_url = $5, updated_at = $3 WHERE id = $4")
                    .bind(provider_ref)
                    .bind(amount_minor)
                    .bind(chrono::Utc::now())
                    .bind(id)
                    .bind(next_url)
                    .execute(&mut *conn)
                    .await?;
                Self::load_payment_id(&mut conn, id).await
            }

            async fn payment_by_reference(&self, reference: &str) -> $crate::Result<Option<baobab_domain::payment::Payment>> {
                let mut conn = self.read.acquire().await?;
                Self::load_payment(&mut conn, "reference", reference).await
            }

            async fn payment_by_provider_ref(&self, provider: baobab_domain::payment::PaymentMethod, provider_ref: &str) -> $crate::Result<Option<baobab_domain::payment::Payment>> {
                let mut conn = self.read.acquire().await?;
                Ok(Self::load_payment(&mut conn, "provider_ref", provider_ref).await?.filter(|p| p.provider == provider))
            }

            async fn payments_of_order(&self, order_id: i64) -> $crate::Result<Vec<baobab_domain::payment::Payment>> {
                let rows: Vec<$crate::payments_sql::PaymentRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                    "SELECT {} FROM payments WHERE order_id = $1 ORDER BY id",
                    $crate::payments_sql::PAYMENT_COLUMNS
                )))
                .bind(order_id)
                .fetch_all(&self.read)
                .await?;
                rows.into_iter().map(|r| r.into_payment()).collect()
            }

            async fn record_unmatched(&self, provider: &str, event_id: &str, detail: &str) -> $crate::Result<bool> {
                let r = sqlx::query(
                    "INSERT INTO payment_events (provider, event_id, payment_id, outcome, received_at) VALUES ($1, $2, NULL, $3, $4) \
                     ON CONFLICT (provider, event_id) DO NOTHING",
                )
                .bind(provider)
                .bind(event_id)
                .bind(detail)
                .bind(chrono::Utc::now())
                .execute(&self.write)
                .await?;
                Ok(r.rows_affected() == 1)
            }

            async fn unmatched_events(&self, limit: i64) -> $crate::Result<Vec<$crate::payments::UnmatchedEvent>> {
                Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
                    "SELECT provider, event_id, outcome, received_at FROM payment_events WHERE payment_id IS NULL ORDER BY received_at DESC LIMIT {}",
                    limit.clamp(1, 500)
                )))
                .fetch_all(&self.read)
                .await?)
            }

            async fn payments_to_review(&self, limit: i64) -> $crate::Result<Vec<baobab_domain::payment::Payment>> {
                let rows: Vec<$crate::payments_sql::PaymentRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                    "SELECT {} FROM payments WHERE status = 'needs_review' ORDER BY updated_at DESC, id DESC LIMIT {}",
                    $crate::payments_sql::PAYMENT_COLUMNS,
                    limit.clamp(1, 500)
                )))
                .fetch_all(&self.read)
                .await?;
                rows.into_iter().map(|r| r.into_payment()).collect()
            }

            async fn pending_payments(&self, before: chrono::DateTime<chrono::Utc>, limit: i64) -> $crate::Result<Vec<baobab_domain::payment::Payment>> {
                let rows: Vec<$crate::payments_sql::PaymentRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                    "SELECT {} FROM payments WHERE status = 'pending' AND provider_ref IS NOT NULL AND created_at < $1 ORDER BY created_at LIMIT {}",
                    $crate::payments_sql::PAYMENT_COLUMNS,
                    limit.clamp(1, 500)
                )))
                .bind(before)
                .fetch_all(&self.read)
                .await?;
                rows.into_iter().map(|r| r.into_payment()).collect()
            }

            async fn settle_payment(
                &self,
                payment_id: i64,
                event_id: Option<&str>,
                settlement: &$crate::payments::Settlement,
                actor: &str,
            ) -> $crate::Result<$crate::payments::Settled> {
                use $crate::payments::{Settled, Settlement};
                use baobab_domain::payment::PaymentStatus as P;
                use baobab_domain::order::{OrderEvent, OrderStatus};
                let mut tx = self.write.begin().await?;
                // Concurrent settlements of one attempt (webhook, the customer's return, the
                // reconciler) take turns: the second sees what the first decided.
                let payment = Self::load_payment_locked(&mut tx, payment_id, self.dialect.for_update()).await?;
                if let Some(event) = event_id {
                    let outcome = match settlement {
                        Settlement::Succeeded { .. } => "succeeded",
                        Settlement::Failed { .. } => "failed",
                    };
                    let fresh = sqlx::query(
                        "INSERT INTO payment_events (provider, event_id, payment_id, outcome, received_at) VALUES ($1, $2, $3, $4, $5) \
                         ON CONFLICT (provider, event_id) DO NOTHING",
                    )
                    .bind(payment.provider.as_str())
                    .bind(event)
                    .bind(payment_id)
                    .bind(outcome)
                    .bind(chrono::Utc::now())
                    .execute(&mut *tx)
                    .await?;
                    if fresh.rows_affected() == 0 {
                        return Ok(Settled::Replayed(payment));
                    }
                }
                // Final states stay final: a failure after success, or a second confirmation,
                // changes nothing (the event is still recorded as seen).
                if matches!(payment.status, P::Succeeded | P::NeedsReview) || (payment.status == P::Failed && matches!(settlement, Settlement::Failed { .. })) {
                    tx.commit().await?;
                    return Ok(Settled::Unchanged(payment));
                }
                let order = Self::load_order(&mut tx, payment.order_id).await?.ok_or($crate::StoreError::NotFound("order"))?;
                let (payment, order) = match settlement {
                    Settlement::Failed { reason } => (Self::mark_payment(&mut tx, payment_id, P::Failed, reason).await?, order),
                    Settlement::Succeeded { amount_minor, currency, provider_txn } => {
                        if *amount_minor != payment.amount_minor || currency.as_str() != payment.currency.code() {
                            let why = format!(
                                "paid {amount_minor} {currency} (transaction {provider_txn}) but {} {} was asked: check and refund or settle by hand",
                                payment.amount_minor, payment.currency
                            );
                            (Self::mark_payment(&mut tx, payment_id, P::NeedsReview, &why).await?, order)
                        } else {
                            let paid = if order.status == OrderStatus::PendingPayment {
                                match Self::transition_in(&mut tx, order.id, OrderEvent::Pay, actor, &format!("{} {provider_txn}", payment.provider)).await {
                                    Ok(o) => Some(o),
                                    // Cancelled or expired at this very moment: kept for review below.
                                    Err($crate::StoreError::Conflict { .. }) => None,
                                    Err(e) => return Err(e),
                                }
                            } else {
                                None
                            };
                            match paid {
                                Some(order) => (Self::mark_payment(&mut tx, payment_id, P::Succeeded, &format!("transaction {provider_txn}")).await?, order),
                                None => {
                                    let order = Self::load_order(&mut tx, payment.order_id).await?.ok_or($crate::StoreError::NotFound("order"))?;
                                    let why = format!(
                                        "paid (transaction {provider_txn}) while the order was already {}: refund the customer with the provider",
                                        order.status.as_str().replace('_', " ")
                                    );
                                    (Self::mark_payment(&mut tx, payment_id, P::NeedsReview, &why).await?, order)
                                }
                            }
                        }
                    }
                };
                tx.commit().await?;
                Ok(Settled::Applied { payment, order: Box::new(order) })
            }
        }
    };
}

pub(crate) use impl_payment_store;
