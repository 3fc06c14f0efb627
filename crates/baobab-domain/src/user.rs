//! People who sign in (customers and staff) and their server-side sessions.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::account::StaffRole;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UserKind {
    Customer,
    Staff,
}

impl UserKind {
    pub fn as_str(self) -> &'static str {
        match self {
            UserKind::Customer => "customer",
            UserKind::Staff => "staff",
        }
    }

    pub fn parse(s: &str) -> Option<UserKind> {
        [UserKind::Customer, UserKind::Staff].into_iter().find(|k| k.as_str() == s)
    }
}

/// A customer or staff account. Secrets (password hash, TOTP secret) are never serialised.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct User {
    pub id: i64,
    pub email: String,
    #[serde(skip)]
    pub password_hash: String,
    pub kind: UserKind,
    pub staff_role: Option<StaffRole>,
    pub name: String,
    pub phone: String,
    pub email_verified_at: Option<DateTime<Utc>>,
    #[serde(skip)]
    pub totp_secret: Option<String>,
    pub totp_enabled_at: Option<DateTime<Utc>>,
    #[serde(skip)]
    pub totp_last_step: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub disabled_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: String,
    pub password_hash: String,
    pub kind: UserKind,
    pub staff_role: Option<StaffRole>,
    pub name: String,
}

/// A server-side session; the cookie holds the id, the store only its hash.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub id_hash: String,
    pub user_id: Option<i64>,
    pub csrf_token: String,
    pub two_factor_ok: bool,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}
