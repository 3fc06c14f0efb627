//! The order store, shared by both backends.

use baobab_domain::order::{Coupon, CouponKind, OrderStatus, Totals};
use chrono::{DateTime, Utc};

use crate::StoreError;
use baobab_domain::order::{Order, OrderLine};

#[derive(sqlx::FromRow)]
pub(crate) struct OrderRow {
    pub id: i64,
    pub user_id: Option<i64>,
    pub email: String,
    pub currency: String,
    pub status: String,
    pub payment_method: String,
    pub subtotal_minor: i64,
    pub discount_minor: i64,
    pub shipping_minor: i64,
    pub tax_minor: i64,
    pub total_minor: i64,
    pub refunded_minor: i64,
    pub created_at: DateTime<Utc>,
    pub placed_by: String,
    pub coupon_code: Option<String>,
    pub shipping_method: String,
    /// Parsed into an `Address` where the row becomes an order.
    pub shipping_address: sqlx::types::Json<serde_json::Value>,
    pub language: Option<String>,
}

#[derive(sqlx::FromRow)]
pub(crate) struct LineRow {
    pub variant_id: i64,
    pub sku: String,
    pub title: String,
    pub quantity: i32,
    pub unit_price_minor: i64,
}

pub(crate) const ORDER_COLUMNS: &str = "id, user_id, email, currency, status, payment_method, subtotal_minor, discount_minor, shipping_minor, \
     tax_minor, total_minor, refunded_minor, created_at, placed_by, coupon_code, shipping_method, shipping_address, language";

/// An order with one of its lines (none for an order without lines): what the loaders read, so
/// any number of orders comes in one statement.
#[derive(sqlx::FromRow)]
pub(crate) struct OrderLineRow {
    #[sqlx(flatten)]
    pub order: OrderRow,
    pub variant_id: Option<i64>,
    pub sku: Option<String>,
    pub title: Option<String>,
    pub quantity: Option<i32>,
    pub unit_price_minor: Option<i64>,
}

/// The orders picked by `WHERE …` (with its ORDER BY and LIMIT, parameters from `$1`), each
/// joined with its lines: one statement whatever the number of orders. Newest first, lines in
/// the order they were placed.
pub(crate) fn orders_with_lines(pick: &str) -> String {
    format!(
        "SELECT o.*, l.variant_id, l.sku, l.title, l.quantity, l.unit_price_minor \
         FROM (SELECT {ORDER_COLUMNS} FROM orders {pick}) o LEFT JOIN order_lines l ON l.order_id = o.id \
         ORDER BY o.id DESC, l.id"
    )
}

/// Folds the rows of [`orders_with_lines`] (an order's rows are adjacent) into orders.
pub(crate) fn fold_orders(rows: Vec<OrderLineRow>) -> Result<Vec<Order>, StoreError> {
    let mut out: Vec<(OrderRow, Vec<LineRow>)> = Vec::new();
    for r in rows {
        let line = match (r.variant_id, r.sku, r.title, r.quantity, r.unit_price_minor) {
            (Some(variant_id), Some(sku), Some(title), Some(quantity), Some(unit_price_minor)) => {
                Some(LineRow { variant_id, sku, title, quantity, unit_price_minor })
            }
            _ => None,
        };
        match out.last_mut() {
            Some((o, lines)) if o.id == r.order.id => lines.extend(line),
            _ => out.push((r.order, line.into_iter().collect())),
        }
    }
    out.into_iter().map(|(o, lines)| o.into_order(lines)).collect()
}

#[derive(sqlx::FromRow)]
pub(crate) struct CouponRow {
    pub code: String,
    pub kind: String,
    pub value: i64,
    pub currency: Option<String>,
    pub minimum_minor: i64,
    pub expires_at: Option<DateTime<Utc>>,
    pub usage_limit: Option<i64>,
    pub used: i64,
    pub active: bool,
}

pub(crate) const COUPON_COLUMNS: &str = "code, kind, value, currency, minimum_minor, expires_at, usage_limit, used, active";

impl CouponRow {
    pub fn into_coupon(self) -> Result<Coupon, StoreError> {
        let kind = match self.kind.as_str() {
            "percent" => CouponKind::Percent(self.value),
            "fixed" => CouponKind::Fixed(self.value),
            other => return Err(StoreError::Internal(format!("unknown coupon kind `{other}`"))),
        };
        let currency = match self.currency {
            Some(c) => Some(c.parse().map_err(|e| StoreError::Internal(format!("coupon {}: {e}", self.code)))?),
            None => None,
        };
        Ok(Coupon {
            code: self.code,
            kind,
            currency,
            minimum_minor: self.minimum_minor,
            expires_at: self.expires_at,
            usage_limit: self.usage_limit,
            used: self.used,
            active: self.active,
        })
    }
}

impl OrderRow {
    pub fn into_order(self, lines: Vec<LineRow>) -> Result<Order, StoreError> {
        let status =
            OrderStatus::parse(&self.status).ok_or_else(|| StoreError::Internal(format!("unknown order status `{}`", self.status)))?;
        let currency = self
            .currency
            .parse()
            .map_err(|e| StoreError::Internal(format!("order {}: stored currency `{}`: {e}", self.id, self.currency)))?;
        let payment_method =
            self.payment_method.parse().map_err(|e| StoreError::Internal(format!("order {}: stored payment method: {e}", self.id)))?;
        let shipping_address = serde_json::from_value(self.shipping_address.0)
            .map_err(|e| StoreError::Internal(format!("order {}: stored shipping address: {e}", self.id)))?;
        Ok(Order {
            id: self.id,
            user_id: self.user_id,
            email: self.email,
            currency,
            status,
            payment_method,
            totals: Totals {
                subtotal: self.subtotal_minor,
                discount: self.discount_minor,
                shipping: self.shipping_minor,
                tax: self.tax_minor,
                total: self.total_minor,
            },
            refunded_minor: self.refunded_minor,
            coupon_code: self.coupon_code,
            shipping_method: self.shipping_method,
            shipping_address,
            language: self.language,
            lines: lines
                .into_iter()
                .map(|l| OrderLine {
                    variant_id: l.variant_id,
                    sku: l.sku,
                    title: l.title,
                    quantity: l.quantity,
                    unit_price_minor: l.unit_price_minor,
                })
                .collect(),
            created_at: self.created_at,
            placed_by: self.placed_by,
        })
    }
}

/// Implements `OrderStore` (one signature with the other store macros; `crate::common` says why they
/// are macros).
macro_rules! impl_order_store {
    ($store:ty, $db:ty) => {
        impl $store {
            async fn load_order(conn: &mut <$db as sqlx::Database>::Connection, id: i64) -> $crate::Result<Option<baobab_domain::order::Order>> {
                let rows: Vec<$crate::orders_sql::OrderLineRow> =
                    sqlx::query_as(sqlx::AssertSqlSafe($crate::orders_sql::orders_with_lines("WHERE id = $1"))).bind(id).fetch_all(&mut *conn).await?;
                Ok($crate::orders_sql::fold_orders(rows)?.pop())
            }

            /// Applies a lifecycle event inside the caller's transaction.
            pub(crate) async fn transition_in(
                tx: &mut <$db as sqlx::Database>::Connection,
                id: i64,
                event: baobab_domain::order::OrderEvent,
                actor: &str,
                note: &str,
            ) -> $crate::Result<baobab_domain::order::Order> {
                let order = Self::load_order(tx, id).await?.ok_or($crate::StoreError::NotFound("order"))?;
                let event = match event {
                    baobab_domain::order::OrderEvent::Refund { amount, .. } => {
                        baobab_domain::order::OrderEvent::Refund { amount, remaining: order.totals.total - order.refunded_minor }
                    }
                    other => other,
                };
                let next = order.status.apply(event).map_err(|e| $crate::StoreError::Conflict { field: "status", message: e.to_string() })?;
                let refund = if let baobab_domain::order::OrderEvent::Refund { amount, .. } = event { amount } else { 0 };
                let now = chrono::Utc::now();
                // Only from the status we read: a concurrent change makes this a conflict, not a lost update.
                let r = sqlx::query("UPDATE orders SET status = $1, refunded_minor = refunded_minor + $2, updated_at = $3 WHERE id = $4 AND status = $5")
                    .bind(next.as_str())
                    .bind(refund)
                    .bind(now)
                    .bind(id)
                    .bind(order.status.as_str())
                    .execute(&mut *tx)
                    .await?;
                if r.rows_affected() == 0 {
                    return Err($crate::StoreError::Conflict { field: "status", message: "the order changed meanwhile; reload and retry".into() });
                }
                if next.releases_stock() && !order.status.releases_stock() {
                    // A cancelled order gives its coupon use back, then its stock: the order in
                    // which placing takes them, so the two never wait on each other in a cycle.
                    if let Some(code) = &order.coupon_code {
                        sqlx::query("UPDATE coupons SET used = used - 1 WHERE code = $1 AND used > 0").bind(code).execute(&mut *tx).await?;
                    }
                    let mut lines: Vec<_> = order.lines.iter().collect();
                    lines.sort_by_key(|l| l.variant_id);
                    for l in lines {
                        sqlx::query("UPDATE variants SET stock_on_hand = stock_on_hand + $1 WHERE id = $2").bind(l.quantity as i64).bind(l.variant_id).execute(&mut *tx).await?;
                    }
                }
                sqlx::query("INSERT INTO order_events (order_id, at, from_status, to_status, actor, note) VALUES ($1, $2, $3, $4, $5, $6)")
                    .bind(id)
                    .bind(now)
                    .bind(order.status.as_str())
                    .bind(next.as_str())
                    .bind(actor)
                    .bind(note)
                    .execute(&mut *tx)
                    .await?;
                Self::load_order(tx, id).await?.ok_or($crate::StoreError::NotFound("order"))
            }

            async fn replay(&self, key: &str, request_hash: &str) -> $crate::Result<Option<$crate::orders::Placed>> {
                let row: Option<(i64, Option<String>)> =
                    sqlx::query_as("SELECT id, request_hash FROM orders WHERE idempotency_key = $1").bind(key).fetch_optional(&self.write).await?;
                match row {
                    None => Ok(None),
                    Some((id, hash)) if hash.as_deref() == Some(request_hash) => {
                        let mut conn = self.write.acquire().await?;
                        let order = Self::load_order(&mut conn, id).await?.ok_or($crate::StoreError::NotFound("order"))?;
                        Ok(Some($crate::orders::Placed::Replayed(order)))
                    }
                    Some(_) => Err($crate::StoreError::invalid("idempotency_key", "was already used with a different request")),
                }
            }
        }

        #[async_trait::async_trait]
        impl $crate::orders::OrderStore for $store {
            async fn place_order(&self, new: &baobab_domain::order::NewOrder) -> $crate::Result<$crate::orders::Placed> {
                use $crate::orders::{MAX_LINES, MAX_QUANTITY};
                // A retry is answered first, whatever has changed since (the cart is empty by then).
                if let Some(key) = &new.idempotency_key {
                    if key.is_empty() || key.len() > 200 {
                        return Err($crate::StoreError::invalid("idempotency_key", "must be 1 to 200 characters"));
                    }
                    if let Some(found) = self.replay(key, &new.request_hash).await? {
                        return Ok(found);
                    }
                }
                if new.lines.is_empty() || new.lines.len() > MAX_LINES {
                    return Err($crate::StoreError::invalid("lines", format!("an order has 1 to {MAX_LINES} lines")));
                }
                if let Some((i, l)) = new.lines.iter().enumerate().find(|(_, l)| !(1..=MAX_QUANTITY).contains(&l.quantity)) {
                    return Err($crate::StoreError::invalid(&format!("lines[{i}].quantity"), format!("must be between 1 and {MAX_QUANTITY} (got {})", l.quantity)));
                }
                if new.shipping.price_minor < 0 || new.shipping.free_over_minor.is_some_and(|f| f < 0) {
                    return Err($crate::StoreError::invalid("shipping", "must not be negative"));
                }
                // Same variant twice: one line. Lock in id order so concurrent orders never deadlock.
                let mut lines: Vec<baobab_domain::order::NewOrderLine> = Vec::new();
                for l in &new.lines {
                    match lines.iter_mut().find(|x| x.variant_id == l.variant_id) {
                        Some(x) => x.quantity += l.quantity,
                        None => lines.push(l.clone()),
                    }
                }
                lines.sort_by_key(|l| l.variant_id);
                let now = chrono::Utc::now();
                let mut tx = self.write.begin().await?;
                let mut priced = Vec::with_capacity(lines.len());
                let mut subtotal: i64 = 0;
                for l in &lines {
                    let row: Option<(String, String, i64)> = sqlx::query_as(
                        // the title in the order's language where translated, as the shopper saw it
                        "SELECT v.sku, COALESCE(NULLIF(t.title, ''), p.title), vp.amount_minor FROM variants v JOIN products p ON p.id = v.product_id \
                         JOIN variant_prices vp ON vp.variant_id = v.id AND vp.currency = $2 \
                         LEFT JOIN product_translations t ON t.product_id = p.id AND t.lang = $3 \
                         WHERE v.id = $1 AND v.archived = FALSE AND p.status = 'active'",
                    )
                    .bind(l.variant_id)
                    .bind(new.currency.code())
                    .bind(new.language.as_deref())
                    .fetch_optional(&mut *tx)
                    .await?;
                    let Some((sku, title, price)) = row else {
                        return Err($crate::StoreError::invalid("lines", format!("variant {} is not for sale in {}", l.variant_id, new.currency)));
                    };
                    subtotal = subtotal.checked_add(price.checked_mul(l.quantity as i64).ok_or($crate::StoreError::invalid("lines", "too large"))?).ok_or($crate::StoreError::invalid("lines", "too large"))?;
                    priced.push((l.variant_id, sku, title, l.quantity, price));
                }
                // The coupon is checked here and its use counted just before commit.
                let coupon = match &new.coupon_code {
                    None => None,
                    Some(raw) => {
                        let code = baobab_domain::order::Coupon::normalize_code(raw).map_err($crate::StoreError::Invalid)?;
                        let row: Option<$crate::orders_sql::CouponRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                            "SELECT {} FROM coupons WHERE code = $1",
                            $crate::orders_sql::COUPON_COLUMNS
                        )))
                        .bind(&code)
                        .fetch_optional(&mut *tx)
                        .await?;
                        let coupon = row.ok_or_else(|| $crate::StoreError::invalid("coupon", format!("`{code}` is not a valid code")))?.into_coupon()?;
                        if let Some(why) = coupon.refusal(new.currency, subtotal, now) {
                            return Err($crate::StoreError::invalid("coupon", format!("{code} {why}")));
                        }
                        Some(coupon)
                    }
                };
                let t = baobab_domain::order::totals(subtotal, coupon.as_ref(), &new.shipping, new.tax);
                let inserted: Result<i64, sqlx::Error> = sqlx::query_scalar(
                    "INSERT INTO orders (user_id, email, currency, status, payment_method, subtotal_minor, discount_minor, shipping_minor, tax_minor, total_minor, \
                     shipping_address, idempotency_key, request_hash, expires_at, created_at, updated_at, placed_by, coupon_code, shipping_method, language) \
                     VALUES ($1, $2, $3, 'pending_payment', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $15, $16, $17, $18) RETURNING id",
                )
                .bind(new.user_id)
                .bind(&new.email)
                .bind(new.currency.code())
                .bind(new.payment_method.as_str())
                .bind(t.subtotal)
                .bind(t.discount)
                .bind(t.shipping)
                .bind(t.tax)
                .bind(t.total)
                .bind(sqlx::types::Json(&new.shipping_address))
                .bind(new.idempotency_key.as_deref())
                .bind(&new.request_hash)
                .bind(new.expires_at)
                .bind(now)
                .bind(&new.placed_by)
                .bind(coupon.as_ref().map(|c| c.code.as_str()))
                .bind(&new.shipping.method_id)
                .bind(new.language.as_deref())
                .fetch_one(&mut *tx)
                .await;
                let id = match inserted {
                    Ok(id) => id,
                    Err(e) => {
                        let err = $crate::StoreError::from(e);
                        drop(tx); // rolls the stock back
                        // A concurrent retry with the same key won the race: answer with its order.
                        if let ($crate::StoreError::Conflict { .. }, Some(key)) = (&err, &new.idempotency_key) {
                            if let Some(found) = self.replay(key, &new.request_hash).await? {
                                return Ok(found);
                            }
                        }
                        return Err(err);
                    }
                };
                for (variant_id, sku, title, quantity, price) in &priced {
                    sqlx::query("INSERT INTO order_lines (order_id, variant_id, sku, title, quantity, unit_price_minor) VALUES ($1, $2, $3, $4, $5, $6)")
                        .bind(id)
                        .bind(variant_id)
                        .bind(sku)
                        .bind(title)
                        .bind(quantity)
                        .bind(price)
                        .execute(&mut *tx)
                        .await?;
                }
                sqlx::query("INSERT INTO order_events (order_id, at, from_status, to_status, actor, note) VALUES ($1, $2, NULL, 'pending_payment', $3, '')")
                    .bind(id)
                    .bind(now)
                    .bind(new.user_id.map(|u| format!("customer:{u}")).unwrap_or_else(|| "guest".into()))
                    .execute(&mut *tx)
                    .await?;
                // The order as stored (nothing below changes it), read before the shared rows.
                let order = Self::load_order(&mut tx, id).await?.ok_or($crate::StoreError::NotFound("order"))?;
                // Shared rows last, so their locks are held as briefly as possible: the coupon's use
                // (a conditional update, so a usage limit holds under concurrency), then the stock,
                // in variant order so concurrent orders never deadlock. Each update succeeds only
                // while enough is left; PostgreSQL re-checks the condition after waiting for a lock.
                if let Some(c) = &coupon {
                    let counted = sqlx::query("UPDATE coupons SET used = used + 1 WHERE code = $1 AND (usage_limit IS NULL OR used < usage_limit)")
                        .bind(&c.code)
                        .execute(&mut *tx)
                        .await?;
                    if counted.rows_affected() == 0 {
                        return Err($crate::StoreError::Conflict { field: "coupon", message: format!("{} has been used up", c.code) });
                    }
                }
                for (variant_id, sku, _, quantity, _) in &priced {
                    let took = sqlx::query("UPDATE variants SET stock_on_hand = stock_on_hand - $1 WHERE id = $2 AND stock_on_hand >= $1")
                        .bind(*quantity as i64)
                        .bind(variant_id)
                        .execute(&mut *tx)
                        .await?;
                    if took.rows_affected() == 0 {
                        return Err($crate::StoreError::Conflict { field: "stock", message: format!("not enough {sku} in stock") });
                    }
                }
                tx.commit().await?;
                Ok($crate::orders::Placed::New(order))
            }

            async fn order(&self, id: i64) -> $crate::Result<Option<baobab_domain::order::Order>> {
                let mut conn = self.read.acquire().await?;
                Self::load_order(&mut conn, id).await
            }

            async fn orders_of_user(&self, user_id: i64) -> $crate::Result<Vec<baobab_domain::order::Order>> {
                let sql = $crate::orders_sql::orders_with_lines("WHERE user_id = $1 ORDER BY id DESC LIMIT 200");
                let rows: Vec<$crate::orders_sql::OrderLineRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(user_id).fetch_all(&self.read).await?;
                $crate::orders_sql::fold_orders(rows)
            }

            async fn list_orders(&self, status: Option<baobab_domain::order::OrderStatus>, offset: i64, limit: i64) -> $crate::Result<Vec<baobab_domain::order::Order>> {
                let sql = $crate::orders_sql::orders_with_lines(&format!(
                    "WHERE ($1 = '' OR status = $1) ORDER BY id DESC LIMIT {} OFFSET {}",
                    limit.clamp(1, 200),
                    offset.max(0)
                ));
                let rows: Vec<$crate::orders_sql::OrderLineRow> =
                    sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(status.map(|s| s.as_str()).unwrap_or("")).fetch_all(&self.read).await?;
                $crate::orders_sql::fold_orders(rows)
            }

            async fn transition_order(&self, id: i64, event: baobab_domain::order::OrderEvent, actor: &str, note: &str) -> $crate::Result<baobab_domain::order::Order> {
                let mut tx = self.write.begin().await?;
                let updated = Self::transition_in(&mut tx, id, event, actor, note).await?;
                tx.commit().await?;
                Ok(updated)
            }

            async fn order_history(&self, id: i64) -> $crate::Result<Vec<$crate::orders::OrderHistory>> {
                Ok(sqlx::query_as("SELECT at, from_status, to_status, actor, note FROM order_events WHERE order_id = $1 ORDER BY id")
                    .bind(id)
                    .fetch_all(&self.read)
                    .await?)
            }

            async fn order_totals_since(&self, since: chrono::DateTime<chrono::Utc>) -> $crate::Result<Vec<(String, i64, i64)>> {
                Ok(sqlx::query_as(
                    "SELECT currency, COUNT(*), CAST(COALESCE(SUM(total_minor - refunded_minor), 0) AS BIGINT) FROM orders WHERE created_at >= $1 AND status NOT IN ('cancelled', 'refunded') GROUP BY currency ORDER BY currency",
                )
                .bind(since)
                .fetch_all(&self.read)
                .await?)
            }

            async fn cart_put(&self, owner: &str, variant_id: i64, quantity: i32, set: bool) -> $crate::Result<()> {
                if !(0..=$crate::orders::MAX_QUANTITY).contains(&quantity) || (!set && quantity == 0) {
                    return Err($crate::StoreError::invalid("quantity", format!("must be between 1 and {}", $crate::orders::MAX_QUANTITY)));
                }
                if set && quantity == 0 {
                    sqlx::query("DELETE FROM cart_lines WHERE owner = $1 AND variant_id = $2").bind(owner).bind(variant_id).execute(&self.write).await?;
                    return Ok(());
                }
                let live: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id = $1 AND v.archived = FALSE AND p.status = 'active'",
                )
                .bind(variant_id)
                .fetch_one(&self.write)
                .await?;
                if live == 0 {
                    return Err($crate::StoreError::invalid("variant_id", "is not for sale"));
                }
                let sql = if set {
                    "INSERT INTO cart_lines (owner, variant_id, quantity) VALUES ($1, $2, $3) ON CONFLICT (owner, variant_id) DO UPDATE SET quantity = excluded.quantity"
                } else {
                    "INSERT INTO cart_lines (owner, variant_id, quantity) VALUES ($1, $2, $3) ON CONFLICT (owner, variant_id) DO UPDATE SET \
                     quantity = CASE WHEN cart_lines.quantity + excluded.quantity > 100 THEN 100 ELSE cart_lines.quantity + excluded.quantity END"
                };
                sqlx::query(sql).bind(owner).bind(variant_id).bind(quantity).execute(&self.write).await?;
                Ok(())
            }

            async fn cart(&self, owner: &str) -> $crate::Result<Vec<(i64, i32)>> {
                Ok(sqlx::query_as("SELECT variant_id, quantity FROM cart_lines WHERE owner = $1 ORDER BY variant_id").bind(owner).fetch_all(&self.read).await?)
            }

            async fn cart_clear(&self, owner: &str) -> $crate::Result<()> {
                sqlx::query("DELETE FROM cart_lines WHERE owner = $1").bind(owner).execute(&self.write).await?;
                Ok(())
            }

            async fn cart_merge(&self, from: &str, to: &str) -> $crate::Result<()> {
                if from == to {
                    return Ok(());
                }
                let mut tx = self.write.begin().await?;
                let lines: Vec<(i64, i32)> = sqlx::query_as("SELECT variant_id, quantity FROM cart_lines WHERE owner = $1").bind(from).fetch_all(&mut *tx).await?;
                for (variant_id, quantity) in lines {
                    sqlx::query(
                        "INSERT INTO cart_lines (owner, variant_id, quantity) VALUES ($1, $2, $3) ON CONFLICT (owner, variant_id) DO UPDATE SET \
                         quantity = CASE WHEN cart_lines.quantity + excluded.quantity > 100 THEN 100 ELSE cart_lines.quantity + excluded.quantity END",
                    )
                    .bind(to)
                    .bind(variant_id)
                    .bind(quantity)
                    .execute(&mut *tx)
                    .await?;
                }
                sqlx::query("DELETE FROM cart_lines WHERE owner = $1").bind(from).execute(&mut *tx).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn create_coupon(&self, coupon: &baobab_domain::order::Coupon) -> $crate::Result<baobab_domain::order::Coupon> {
                coupon.validate().map_err($crate::StoreError::Invalid)?;
                let code = baobab_domain::order::Coupon::normalize_code(&coupon.code).map_err($crate::StoreError::Invalid)?;
                let (kind, value) = match coupon.kind {
                    baobab_domain::order::CouponKind::Percent(v) => ("percent", v),
                    baobab_domain::order::CouponKind::Fixed(v) => ("fixed", v),
                };
                let r = sqlx::query(
                    "INSERT INTO coupons (code, kind, value, currency, minimum_minor, expires_at, usage_limit, used, active, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8, $9)",
                )
                .bind(&code)
                .bind(kind)
                .bind(value)
                .bind(coupon.currency.map(|c| c.code()))
                .bind(coupon.minimum_minor)
                .bind(coupon.expires_at)
                .bind(coupon.usage_limit)
                .bind(coupon.active)
                .bind(chrono::Utc::now())
                .execute(&self.write)
                .await;
                match r.map_err($crate::StoreError::from) {
                    Err($crate::StoreError::Conflict { .. }) => {
                        return Err($crate::StoreError::Conflict { field: "code", message: format!("a coupon {code} exists already") });
                    }
                    Err(e) => return Err(e),
                    Ok(_) => {}
                }
                $crate::orders::OrderStore::coupon(self, &code).await?.ok_or($crate::StoreError::NotFound("coupon"))
            }

            async fn coupon(&self, code: &str) -> $crate::Result<Option<baobab_domain::order::Coupon>> {
                let row: Option<$crate::orders_sql::CouponRow> =
                    sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT {} FROM coupons WHERE code = $1", $crate::orders_sql::COUPON_COLUMNS)))
                        .bind(code.trim().to_ascii_uppercase())
                        .fetch_optional(&self.write)
                        .await?;
                row.map(|r| r.into_coupon()).transpose()
            }

            async fn coupons(&self) -> $crate::Result<Vec<baobab_domain::order::Coupon>> {
                let rows: Vec<$crate::orders_sql::CouponRow> =
                    sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT {} FROM coupons ORDER BY created_at DESC, code LIMIT 500", $crate::orders_sql::COUPON_COLUMNS)))
                        .fetch_all(&self.read)
                        .await?;
                rows.into_iter().map(|r| r.into_coupon()).collect()
            }

            async fn set_coupon_active(&self, code: &str, active: bool) -> $crate::Result<baobab_domain::order::Coupon> {
                let r = sqlx::query("UPDATE coupons SET active = $1 WHERE code = $2").bind(active).bind(code.trim().to_ascii_uppercase()).execute(&self.write).await?;
                $crate::error::found(r.rows_affected(), "coupon")?;
                $crate::orders::OrderStore::coupon(self, code).await?.ok_or($crate::StoreError::NotFound("coupon"))
            }

            async fn expire_unpaid(&self, now: chrono::DateTime<chrono::Utc>) -> $crate::Result<Vec<i64>> {
                let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM orders WHERE status = 'pending_payment' AND expires_at IS NOT NULL AND expires_at < $1 ORDER BY id LIMIT 500")
                    .bind(now)
                    .fetch_all(&self.read)
                    .await?;
                let mut done = Vec::new();
                for id in ids {
                    match $crate::orders::OrderStore::transition_order(self, id, baobab_domain::order::OrderEvent::Expire, "system", "unpaid in time").await {
                        Ok(_) => done.push(id),
                        Err($crate::StoreError::Conflict { .. }) => {} // paid or cancelled meanwhile
                        Err(e) => return Err(e),
                    }
                }
                Ok(done)
            }
        }
    };
}

pub(crate) use impl_order_store;
