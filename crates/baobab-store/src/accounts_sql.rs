//! The account store, shared by both backends (same SQL, compiled per pool type).

use baobab_domain::account::{Address, StaffRole};
use chrono::{DateTime, Utc};

use crate::StoreError;
use baobab_domain::user::{Session, User, UserKind};

use crate::accounts::{OutboxEmail, SavedAddress};

#[derive(sqlx::FromRow)]
pub(crate) struct UserRow {
    pub id: i64,
    pub email: String,
    pub password_hash: String,
    pub kind: String,
    pub staff_role: Option<String>,
    pub name: String,
    pub phone: String,
    pub email_verified_at: Option<DateTime<Utc>>,
    pub totp_secret: Option<String>,
    pub totp_enabled_at: Option<DateTime<Utc>>,
    pub totp_last_step: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub disabled_at: Option<DateTime<Utc>>,
}

impl TryFrom<UserRow> for User {
    type Error = StoreError;
    fn try_from(r: UserRow) -> Result<User, StoreError> {
        let kind = UserKind::parse(&r.kind).ok_or_else(|| StoreError::Internal(format!("unknown user kind `{}`", r.kind)))?;
        let staff_role = r.staff_role.as_deref().map(StaffRole::parse).transpose().map_err(StoreError::Internal)?;
        Ok(User {
            id: r.id,
            email: r.email,
            password_hash: r.password_hash,
            kind,
            staff_role,
            name: r.name,
            phone: r.phone,
            email_verified_at: r.email_verified_at,
            totp_secret: r.totp_secret,
            totp_enabled_at: r.totp_enabled_at,
            totp_last_step: r.totp_last_step,
            created_at: r.created_at,
            disabled_at: r.disabled_at,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct AddressRow {
    pub id: i64,
    pub user_id: i64,
    pub name: String,
    pub line1: String,
    pub line2: String,
    pub city: String,
    pub region: String,
    pub postcode: String,
    pub country: String,
    pub phone: String,
}

impl From<AddressRow> for SavedAddress {
    fn from(r: AddressRow) -> SavedAddress {
        SavedAddress {
            id: r.id,
            user_id: r.user_id,
            fields: Address {
                name: r.name,
                line1: r.line1,
                line2: r.line2,
                city: r.city,
                region: r.region,
                postcode: r.postcode,
                country: r.country,
                phone: r.phone,
            },
        }
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct SessionRow {
    pub id_hash: String,
    pub user_id: Option<i64>,
    pub csrf_token: String,
    pub two_factor_ok: bool,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

impl From<SessionRow> for Session {
    fn from(r: SessionRow) -> Session {
        Session {
            id_hash: r.id_hash,
            user_id: r.user_id,
            csrf_token: r.csrf_token,
            two_factor_ok: r.two_factor_ok,
            created_at: r.created_at,
            expires_at: r.expires_at,
        }
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct OutboxRow {
    pub id: i64,
    pub to_addr: String,
    pub subject: String,
    pub body: String,
    pub attempts: i32,
}

impl From<OutboxRow> for OutboxEmail {
    fn from(r: OutboxRow) -> OutboxEmail {
        OutboxEmail { id: r.id, to: r.to_addr, subject: r.subject, body: r.body, attempts: r.attempts }
    }
}

pub(crate) const USER_COLUMNS: &str = "id, email, password_hash, kind, staff_role, name, phone, email_verified_at, totp_secret, totp_enabled_at, totp_last_step, created_at, disabled_at";
/// An unused, unexpired account token of a purpose: `$1` its hash, `$2` the purpose, `$3` now.
pub(crate) const LIVE_TOKEN: &str = "token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3";
pub(crate) const ADDRESS_COLUMNS: &str = "id, user_id, name, line1, line2, city, region, postcode, country, phone";

/// Implements `AccountStore` (one signature with the other store macros; `crate::common` says why they
/// are macros).
macro_rules! impl_account_store {
    ($store:ty, $db:ty) => {
        impl $store {
            /// Runs `sql` (a statement on the token [`LIVE_TOKEN`] picks) and returns its user.
            async fn live_token_user(
                &self,
                sql: String,
                token_hash: &str,
                purpose: $crate::accounts::TokenPurpose,
                now: chrono::DateTime<chrono::Utc>,
            ) -> $crate::Result<Option<i64>> {
                Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
                    .bind(token_hash)
                    .bind(purpose.as_str())
                    .bind(now)
                    .fetch_optional(&self.write)
                    .await?)
            }
        }

        #[async_trait::async_trait]
        impl $crate::accounts::AccountStore for $store {
            async fn create_user(&self, new: &baobab_domain::user::NewUser) -> $crate::Result<baobab_domain::user::User> {
                let email = baobab_domain::account::normalize_email("email", &new.email)?;
                let now = chrono::Utc::now();
                let row: $crate::accounts_sql::UserRow = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                    "INSERT INTO users (email, password_hash, kind, staff_role, name, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING {}",
                    $crate::accounts_sql::USER_COLUMNS
                )))
                .bind(&email)
                .bind(&new.password_hash)
                .bind(new.kind.as_str())
                .bind(new.staff_role.map(|r| r.as_str()))
                .bind(new.name.trim())
                .bind(now)
                .fetch_one(&self.write)
                .await
                .map_err(|e| match $crate::StoreError::from(e) {
                    $crate::StoreError::Conflict { .. } => $crate::StoreError::Conflict { field: "email", message: "an account with this e-mail address exists".into() },
                    other => other,
                })?;
                row.try_into()
            }

            async fn user_by_id(&self, id: i64) -> $crate::Result<Option<baobab_domain::user::User>> {
                let row: Option<$crate::accounts_sql::UserRow> =
                    sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT {} FROM users WHERE id = $1", $crate::accounts_sql::USER_COLUMNS)))
                        .bind(id)
                        .fetch_optional(&self.read)
                        .await?;
                row.map(TryInto::try_into).transpose()
            }

            async fn user_by_email(&self, email: &str) -> $crate::Result<Option<baobab_domain::user::User>> {
                let email = email.trim().to_lowercase();
                let row: Option<$crate::accounts_sql::UserRow> =
                    sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT {} FROM users WHERE email = $1", $crate::accounts_sql::USER_COLUMNS)))
                        .bind(email)
                        .fetch_optional(&self.read)
                        .await?;
                row.map(TryInto::try_into).transpose()
            }

            async fn users(&self, kind: baobab_domain::user::UserKind, offset: i64, limit: i64) -> $crate::Result<Vec<baobab_domain::user::User>> {
                let rows: Vec<$crate::accounts_sql::UserRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                    "SELECT {} FROM users WHERE kind = $1 ORDER BY id LIMIT {} OFFSET {}",
                    $crate::accounts_sql::USER_COLUMNS,
                    limit.clamp(1, 500),
                    offset.max(0)
                )))
                .bind(kind.as_str())
                .fetch_all(&self.read)
                .await?;
                rows.into_iter().map(TryInto::try_into).collect()
            }

            async fn set_password(&self, user_id: i64, password_hash: &str) -> $crate::Result<()> {
                let r = sqlx::query("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3")
                    .bind(password_hash)
                    .bind(chrono::Utc::now())
                    .bind(user_id)
                    .execute(&self.write)
                    .await?;
                $crate::error::found(r.rows_affected(), "user")
            }

            async fn set_email_verified(&self, user_id: i64) -> $crate::Result<()> {
                let now = chrono::Utc::now();
                sqlx::query("UPDATE users SET email_verified_at = COALESCE(email_verified_at, $1), updated_at = $1 WHERE id = $2")
                    .bind(now)
                    .bind(user_id)
                    .execute(&self.write)
                    .await?;
                Ok(())
            }

            async fn set_profile(&self, user_id: i64, name: &str, phone: &str) -> $crate::Result<()> {
                let r = sqlx::query("UPDATE users SET name = $1, phone = $2, updated_at = $3 WHERE id = $4")
                    .bind(name)
                    .bind(phone)
                    .bind(chrono::Utc::now())
                    .bind(user_id)
                    .execute(&self.write)
                    .await?;
                $crate::error::found(r.rows_affected(), "user")
            }

            async fn set_staff_role(&self, user_id: i64, role: baobab_domain::account::StaffRole) -> $crate::Result<()> {
                let r = sqlx::query("UPDATE users SET staff_role = $1, updated_at = $2 WHERE id = $3 AND kind = 'staff'")
                    .bind(role.as_str())
                    .bind(chrono::Utc::now())
                    .bind(user_id)
                    .execute(&self.write)
                    .await?;
                $crate::error::found(r.rows_affected(), "staff member")
            }

            async fn disable_user(&self, user_id: i64) -> $crate::Result<()> {
                let now = chrono::Utc::now();
                let r = sqlx::query("UPDATE users SET disabled_at = COALESCE(disabled_at, $1), updated_at = $1 WHERE id = $2")
                    .bind(now)
                    .bind(user_id)
                    .execute(&self.write)
                    .await?;
                $crate::error::found(r.rows_affected(), "user")
            }

            async fn set_totp(&self, user_id: i64, secret: Option<&str>, enabled: bool) -> $crate::Result<()> {
                let now = chrono::Utc::now();
                sqlx::query("UPDATE users SET totp_secret = $1, totp_enabled_at = $2, totp_last_step = NULL, updated_at = $3 WHERE id = $4")
                    .bind(secret)
                    .bind(if enabled { Some(now) } else { None })
                    .bind(now)
                    .bind(user_id)
                    .execute(&self.write)
                    .await?;
                Ok(())
            }

            async fn use_totp_step(&self, user_id: i64, step: i64) -> $crate::Result<bool> {
                let r = sqlx::query("UPDATE users SET totp_last_step = $1 WHERE id = $2 AND (totp_last_step IS NULL OR totp_last_step < $1)")
                    .bind(step)
                    .bind(user_id)
                    .execute(&self.write)
                    .await?;
                Ok(r.rows_affected() == 1)
            }

            async fn addresses(&self, user_id: i64) -> $crate::Result<Vec<$crate::accounts::SavedAddress>> {
                let rows: Vec<$crate::accounts_sql::AddressRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                    "SELECT {} FROM addresses WHERE user_id = $1 ORDER BY id",
                    $crate::accounts_sql::ADDRESS_COLUMNS
                )))
                .bind(user_id)
                .fetch_all(&self.read)
                .await?;
                Ok(rows.into_iter().map(Into::into).collect())
            }

            async fn add_address(&self, user_id: i64, input: &baobab_domain::account::Address) -> $crate::Result<$crate::accounts::SavedAddress> {
                let a = input.validate()?;
                let row: $crate::accounts_sql::AddressRow = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                    "INSERT INTO addresses (user_id, name, line1, line2, city, region, postcode, country, phone, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING {}",
                    $crate::accounts_sql::ADDRESS_COLUMNS
                )))
                .bind(user_id)
                .bind(&a.name)
                .bind(&a.line1)
                .bind(&a.line2)
                .bind(&a.city)
                .bind(&a.region)
                .bind(&a.postcode)
                .bind(&a.country)
                .bind(&a.phone)
                .bind(chrono::Utc::now())
                .fetch_one(&self.write)
                .await?;
                Ok(row.into())
            }

            async fn update_address(&self, user_id: i64, id: i64, input: &baobab_domain::account::Address) -> $crate::Result<$crate::accounts::SavedAddress> {
                let a = input.validate()?;
                let row: Option<$crate::accounts_sql::AddressRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                    "UPDATE addresses SET name = $1, line1 = $2, line2 = $3, city = $4, region = $5, postcode = $6, country = $7, phone = $8 \
                     WHERE id = $9 AND user_id = $10 RETURNING {}",
                    $crate::accounts_sql::ADDRESS_COLUMNS
                )))
                .bind(&a.name)
                .bind(&a.line1)
                .bind(&a.line2)
                .bind(&a.city)
                .bind(&a.region)
                .bind(&a.postcode)
                .bind(&a.country)
                .bind(&a.phone)
                .bind(id)
                .bind(user_id)
                .fetch_optional(&self.write)
                .await?;
                row.map(Into::into).ok_or($crate::StoreError::NotFound("address"))
            }

            async fn delete_address(&self, user_id: i64, id: i64) -> $crate::Result<()> {
                let r = sqlx::query("DELETE FROM addresses WHERE id = $1 AND user_id = $2").bind(id).bind(user_id).execute(&self.write).await?;
                $crate::error::found(r.rows_affected(), "address")
            }

            async fn create_session(&self, s: &baobab_domain::user::Session) -> $crate::Result<()> {
                sqlx::query("INSERT INTO sessions (id_hash, user_id, csrf_token, two_factor_ok, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)")
                    .bind(&s.id_hash)
                    .bind(s.user_id)
                    .bind(&s.csrf_token)
                    .bind(s.two_factor_ok)
                    .bind(s.created_at)
                    .bind(s.expires_at)
                    .execute(&self.write)
                    .await?;
                Ok(())
            }

            async fn session(&self, id_hash: &str, now: chrono::DateTime<chrono::Utc>) -> $crate::Result<Option<baobab_domain::user::Session>> {
                let row: Option<$crate::accounts_sql::SessionRow> = sqlx::query_as(
                    "SELECT id_hash, user_id, csrf_token, two_factor_ok, created_at, expires_at FROM sessions WHERE id_hash = $1 AND expires_at > $2",
                )
                .bind(id_hash)
                .bind(now)
                .fetch_optional(&self.read)
                .await?;
                Ok(row.map(Into::into))
            }

            async fn delete_session(&self, id_hash: &str) -> $crate::Result<()> {
                sqlx::query("DELETE FROM sessions WHERE id_hash = $1").bind(id_hash).execute(&self.write).await?;
                Ok(())
            }

            async fn delete_expired_sessions(&self, now: chrono::DateTime<chrono::Utc>) -> $crate::Result<u64> {
                Ok(sqlx::query("DELETE FROM sessions WHERE expires_at <= $1").bind(now).execute(&self.write).await?.rows_affected())
            }

            async fn delete_user_sessions(&self, user_id: i64) -> $crate::Result<()> {
                sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(&self.write).await?;
                Ok(())
            }

            async fn set_session_two_factor(&self, id_hash: &str, ok: bool) -> $crate::Result<()> {
                sqlx::query("UPDATE sessions SET two_factor_ok = $1 WHERE id_hash = $2").bind(ok).bind(id_hash).execute(&self.write).await?;
                Ok(())
            }

            async fn create_account_token(
                &self,
                token_hash: &str,
                user_id: i64,
                purpose: $crate::accounts::TokenPurpose,
                expires_at: chrono::DateTime<chrono::Utc>,
            ) -> $crate::Result<()> {
                sqlx::query("INSERT INTO account_tokens (token_hash, user_id, purpose, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)")
                    .bind(token_hash)
                    .bind(user_id)
                    .bind(purpose.as_str())
                    .bind(chrono::Utc::now())
                    .bind(expires_at)
                    .execute(&self.write)
                    .await?;
                Ok(())
            }

            async fn consume_account_token(
                &self,
                token_hash: &str,
                purpose: $crate::accounts::TokenPurpose,
                now: chrono::DateTime<chrono::Utc>,
            ) -> $crate::Result<Option<i64>> {
                let sql = format!("UPDATE account_tokens SET used_at = $3 WHERE {} RETURNING user_id", $crate::accounts_sql::LIVE_TOKEN);
                self.live_token_user(sql, token_hash, purpose, now).await
            }

            async fn account_token_user(
                &self,
                token_hash: &str,
                purpose: $crate::accounts::TokenPurpose,
                now: chrono::DateTime<chrono::Utc>,
            ) -> $crate::Result<Option<i64>> {
                let sql = format!("SELECT user_id FROM account_tokens WHERE {}", $crate::accounts_sql::LIVE_TOKEN);
                self.live_token_user(sql, token_hash, purpose, now).await
            }

            async fn void_account_tokens(
                &self,
                user_id: i64,
                purpose: $crate::accounts::TokenPurpose,
                now: chrono::DateTime<chrono::Utc>,
            ) -> $crate::Result<u64> {
                Ok(sqlx::query("UPDATE account_tokens SET used_at = $1 WHERE user_id = $2 AND purpose = $3 AND used_at IS NULL")
                    .bind(now)
                    .bind(user_id)
                    .bind(purpose.as_str())
                    .execute(&self.write)
                    .await?
                    .rows_affected())
            }

            async fn record_audit(&self, event: &str, actor_user_id: Option<i64>, subject: &str, ip: &str, detail: &serde_json::Value) -> $crate::Result<()> {
                sqlx::query("INSERT INTO audit_log (at, event, actor_user_id, subject, ip, detail) VALUES ($1, $2, $3, $4, $5, $6)")
                    .bind(chrono::Utc::now())
                    .bind(event)
                    .bind(actor_user_id)
                    .bind(subject)
                    .bind(ip)
                    .bind(sqlx::types::Json(detail))
                    .execute(&self.write)
                    .await?;
                Ok(())
            }

            async fn audit_entries(&self, offset: i64, limit: i64) -> $crate::Result<Vec<$crate::accounts::AuditEntry>> {
                Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
                    "SELECT id, at, event, actor_user_id, subject, ip, detail FROM audit_log ORDER BY id DESC LIMIT {} OFFSET {}",
                    limit.clamp(1, 500),
                    offset.max(0)
                )))
                .fetch_all(&self.read)
                .await?)
            }

            async fn enqueue_email(&self, to: &str, subject: &str, body: &str) -> $crate::Result<i64> {
                let now = chrono::Utc::now();
                Ok(sqlx::query_scalar("INSERT INTO outbox (to_addr, subject, body, created_at, next_attempt_at) VALUES ($1, $2, $3, $4, $4) RETURNING id")
                    .bind(to)
                    .bind(subject)
                    .bind(body)
                    .bind(now)
                    .fetch_one(&self.write)
                    .await?)
            }

            async fn claim_emails(&self, now: chrono::DateTime<chrono::Utc>, lease_seconds: i64, limit: i64) -> $crate::Result<Vec<$crate::accounts::OutboxEmail>> {
                // The claim conditions are repeated outside the sub-select: PostgreSQL re-checks
                // them on rows another instance claimed meanwhile, so no e-mail is handed out twice.
                let until = now + chrono::Duration::seconds(lease_seconds.max(1));
                let rows: Vec<$crate::accounts_sql::OutboxRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                    "UPDATE outbox SET claimed_until = $1, attempts = attempts + 1 \
                     WHERE id IN (SELECT id FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= $2 AND (claimed_until IS NULL OR claimed_until < $2) ORDER BY id LIMIT {}) \
                     AND sent_at IS NULL AND (claimed_until IS NULL OR claimed_until < $2) \
                     RETURNING id, to_addr, subject, body, attempts",
                    limit.clamp(1, 100)
                )))
                .bind(until)
                .bind(now)
                .fetch_all(&self.write)
                .await?;
                let mut out: Vec<$crate::accounts::OutboxEmail> = rows.into_iter().map(Into::into).collect();
                out.sort_by_key(|e| e.id);
                Ok(out)
            }

            async fn mark_email_sent(&self, id: i64, now: chrono::DateTime<chrono::Utc>) -> $crate::Result<()> {
                sqlx::query("UPDATE outbox SET sent_at = $1, claimed_until = NULL, last_error = NULL WHERE id = $2").bind(now).bind(id).execute(&self.write).await?;
                Ok(())
            }

            async fn mark_email_failed(&self, id: i64, error: &str, next_attempt_at: chrono::DateTime<chrono::Utc>) -> $crate::Result<()> {
                sqlx::query("UPDATE outbox SET last_error = $1, next_attempt_at = $2, claimed_until = NULL WHERE id = $3")
                    .bind(error.chars().take(1000).collect::<String>())
                    .bind(next_attempt_at)
                    .bind(id)
                    .execute(&self.write)
                    .await?;
                Ok(())
            }

            async fn unsent_emails(&self) -> $crate::Result<i64> {
                Ok(sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL").fetch_one(&self.read).await?)
            }

            async fn hit(&self, key: &str, window_seconds: i64, now: chrono::DateTime<chrono::Utc>) -> $crate::Result<$crate::accounts::Hits> {
                let window_open = now - chrono::Duration::seconds(window_seconds);
                let (count, start): (i32, chrono::DateTime<chrono::Utc>) = sqlx::query_as(
                    "INSERT INTO throttles (key, window_start, count) VALUES ($1, $2, 1) ON CONFLICT (key) DO UPDATE SET \
                     count = CASE WHEN throttles.window_start <= $3 THEN 1 ELSE throttles.count + 1 END, \
                     window_start = CASE WHEN throttles.window_start <= $3 THEN excluded.window_start ELSE throttles.window_start END \
                     RETURNING count, window_start",
                )
                .bind(key)
                .bind(now)
                .bind(window_open)
                .fetch_one(&self.write)
                .await?;
                let seconds_left = (start + chrono::Duration::seconds(window_seconds) - now).num_seconds().max(1);
                Ok($crate::accounts::Hits { count: count as i64, seconds_left })
            }

            async fn hits(&self, key: &str, window_seconds: i64, now: chrono::DateTime<chrono::Utc>) -> $crate::Result<$crate::accounts::Hits> {
                let window_open = now - chrono::Duration::seconds(window_seconds);
                let row: Option<(i32, chrono::DateTime<chrono::Utc>)> =
                    sqlx::query_as("SELECT count, window_start FROM throttles WHERE key = $1 AND window_start > $2")
                        .bind(key)
                        .bind(window_open)
                        .fetch_optional(&self.write)
                        .await?;
                Ok(match row {
                    Some((count, start)) => $crate::accounts::Hits {
                        count: count as i64,
                        seconds_left: (start + chrono::Duration::seconds(window_seconds) - now).num_seconds().max(1),
                    },
                    None => $crate::accounts::Hits { count: 0, seconds_left: 0 },
                })
            }

            async fn clear_throttle(&self, key: &str) -> $crate::Result<()> {
                sqlx::query("DELETE FROM throttles WHERE key = $1").bind(key).execute(&self.write).await?;
                Ok(())
            }
        }
    };
}

pub(crate) use impl_account_store;
