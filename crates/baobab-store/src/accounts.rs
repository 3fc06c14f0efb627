//! Account data: users (customers and staff), addresses, server-side sessions, one-time
//! tokens, the audit log, the e-mail outbox and throttling counters.

use async_trait::async_trait;
use baobab_domain::account::{Address, StaffRole};
use baobab_domain::user::{NewUser, Session, User, UserKind};
use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::Result;

/// An address a customer keeps in their account.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SavedAddress {
    pub id: i64,
    pub user_id: i64,
    #[serde(flatten)]
    pub fields: Address,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenPurpose {
    VerifyEmail,
    ResetPassword,
}

impl TokenPurpose {
    pub fn as_str(self) -> &'static str {
        match self {
            TokenPurpose::VerifyEmail => "verify_email",
            TokenPurpose::ResetPassword => "reset_password",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct AuditEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub event: String,
    pub actor_user_id: Option<i64>,
    pub subject: String,
    pub ip: String,
    #[sqlx(json)]
    pub detail: serde_json::Value,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OutboxEmail {
    pub id: i64,
    pub to: String,
    pub subject: String,
    pub body: String,
    pub attempts: i32,
}

/// A throttling counter: hits in the current window and the seconds until it ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hits {
    pub count: i64,
    pub seconds_left: i64,
}

#[async_trait]
pub trait AccountStore: Send + Sync {
    /// Conflict on `email` when the address is taken.
    async fn create_user(&self, new: &NewUser) -> Result<User>;
    async fn user_by_id(&self, id: i64) -> Result<Option<User>>;
    async fn user_by_email(&self, email: &str) -> Result<Option<User>>;
    async fn users(&self, kind: UserKind, offset: i64, limit: i64) -> Result<Vec<User>>;
    async fn set_password(&self, user_id: i64, password_hash: &str) -> Result<()>;
    async fn set_email_verified(&self, user_id: i64) -> Result<()>;
    async fn set_profile(&self, user_id: i64, name: &str, phone: &str) -> Result<()>;
    async fn set_staff_role(&self, user_id: i64, role: StaffRole) -> Result<()>;
    async fn disable_user(&self, user_id: i64) -> Result<()>;
    /// Stores (or clears) a TOTP secret; `enabled` marks enrolment complete.
    async fn set_totp(&self, user_id: i64, secret: Option<&str>, enabled: bool) -> Result<()>;
    /// Records the time step of an accepted TOTP code; false when this step (or a later one)
    /// was already used — a replayed code.
    async fn use_totp_step(&self, user_id: i64, step: i64) -> Result<bool>;

    async fn addresses(&self, user_id: i64) -> Result<Vec<SavedAddress>>;
    async fn add_address(&self, user_id: i64, input: &Address) -> Result<SavedAddress>;
    /// NotFound unless the address belongs to `user_id` (no leak of others' addresses).
    async fn update_address(&self, user_id: i64, id: i64, input: &Address) -> Result<SavedAddress>;
    async fn delete_address(&self, user_id: i64, id: i64) -> Result<()>;

    async fn create_session(&self, s: &Session) -> Result<()>;
    /// The live (unexpired) session with this id hash.
    async fn session(&self, id_hash: &str, now: DateTime<Utc>) -> Result<Option<Session>>;
    async fn delete_session(&self, id_hash: &str) -> Result<()>;
    /// Ends every session of a user (password change, logout everywhere).
    async fn delete_user_sessions(&self, user_id: i64) -> Result<()>;
    async fn set_session_two_factor(&self, id_hash: &str, ok: bool) -> Result<()>;
    /// Deletes sessions that expired before `now` (run on a schedule); how many went.
    async fn delete_expired_sessions(&self, now: DateTime<Utc>) -> Result<u64>;

    async fn create_account_token(&self, token_hash: &str, user_id: i64, purpose: TokenPurpose, expires_at: DateTime<Utc>) -> Result<()>;
    /// Uses a token once: the user id when it exists, has this purpose, is unexpired and unused.
    async fn consume_account_token(&self, token_hash: &str, purpose: TokenPurpose, now: DateTime<Utc>) -> Result<Option<i64>>;
    /// The user a token would log in as, without using it up (to check a form before spending
    /// the link).
    async fn account_token_user(&self, token_hash: &str, purpose: TokenPurpose, now: DateTime<Utc>) -> Result<Option<i64>>;
    /// Voids every unused token of this purpose for the user (a completed reset voids all the
    /// other reset links); how many were voided.
    async fn void_account_tokens(&self, user_id: i64, purpose: TokenPurpose, now: DateTime<Utc>) -> Result<u64>;

    async fn record_audit(
        &self,
        event: &str,
        actor_user_id: Option<i64>,
        subject: &str,
        ip: &str,
        detail: &serde_json::Value,
    ) -> Result<()>;
    async fn audit_entries(&self, offset: i64, limit: i64) -> Result<Vec<AuditEntry>>;

    async fn enqueue_email(&self, to: &str, subject: &str, body: &str) -> Result<i64>;
    /// Claims up to `limit` due e-mails for `lease` seconds; an e-mail claimed by one instance
    /// is not handed to another until the lease runs out.
    async fn claim_emails(&self, now: DateTime<Utc>, lease_seconds: i64, limit: i64) -> Result<Vec<OutboxEmail>>;
    async fn mark_email_sent(&self, id: i64, now: DateTime<Utc>) -> Result<()>;
    async fn mark_email_failed(&self, id: i64, error: &str, next_attempt_at: DateTime<Utc>) -> Result<()>;
    async fn unsent_emails(&self) -> Result<i64>;

    /// Counts a hit on `key` in a fixed window of `window_seconds`: the hits in the current
    /// window (this one included) and the seconds until it ends.
    async fn hit(&self, key: &str, window_seconds: i64, now: DateTime<Utc>) -> Result<Hits>;
    /// The hits on `key` in its current window, without counting one (0 when none).
    async fn hits(&self, key: &str, window_seconds: i64, now: DateTime<Utc>) -> Result<Hits>;
    /// Counts a hit on `key` in a fixed window; `Err(seconds)` inside the result when over
    /// `limit`, with the seconds until the window ends.
    async fn throttle(&self, key: &str, window_seconds: i64, limit: i64, now: DateTime<Utc>) -> Result<std::result::Result<(), i64>> {
        let h = self.hit(key, window_seconds, now).await?;
        Ok(if h.count > limit { Err(h.seconds_left) } else { Ok(()) })
    }
    async fn clear_throttle(&self, key: &str) -> Result<()>;
}
