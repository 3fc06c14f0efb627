//! Store errors, classified so the HTTP layer can answer 404/409/422/503 without guessing.

use baobab_domain::ValidationError;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("invalid input: {0}")]
    Invalid(#[from] ValidationError),
    #[error("{0} not found")]
    NotFound(&'static str),
    /// A uniqueness rule: `field` names what is taken (`slug`, `sku`).
    #[error("{field}: {message}")]
    Conflict { field: &'static str, message: String },
    /// The database cannot be reached now (down, failing over, pool exhausted). Retryable.
    #[error("database unavailable: {0}")]
    Unavailable(String),
    #[error("configuration: {0}")]
    Config(String),
    #[error("database error: {0}")]
    Internal(String),
}

impl StoreError {
    pub fn invalid(field: &str, message: impl Into<String>) -> StoreError {
        StoreError::Invalid(ValidationError::new(field, message))
    }
}

/// For an UPDATE or DELETE of one row by its key: `NotFound(what)` when it touched no row.
pub(crate) fn found(rows_affected: u64, what: &'static str) -> Result<(), StoreError> {
    if rows_affected == 0 { Err(StoreError::NotFound(what)) } else { Ok(()) }
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        use sqlx::Error as E;
        match &e {
            E::PoolTimedOut | E::PoolClosed | E::Io(_) | E::Tls(_) | E::WorkerCrashed | E::Protocol(_) => {
                StoreError::Unavailable(e.to_string())
            }
            E::Database(db) => {
                let code = db.code().map(|c| c.to_string()).unwrap_or_default();
                // PostgreSQL: class 08 connection exceptions, 57P0x shutdown/cannot-connect-now,
                // 25006 read-only transaction (a demoted primary during failover); a stalled
                // database: 57014 statement timeout (or cancel), 55P03 lock timeout, 25P03
                // idle-in-transaction timeout; 40001/40P01 serialization failure or deadlock.
                // All of them: nothing was changed, and trying again shortly may succeed.
                if code.starts_with("08")
                    || code.starts_with("57P")
                    || matches!(code.as_str(), "25006" | "57014" | "55P03" | "25P03" | "40001" | "40P01")
                {
                    return StoreError::Unavailable(db.message().to_string());
                }
                // SQLite: SQLITE_BUSY / SQLITE_LOCKED after the busy timeout.
                if code == "5" || code == "6" {
                    return StoreError::Unavailable(db.message().to_string());
                }
                if db.is_unique_violation() {
                    let what = format!("{} {}", db.constraint().unwrap_or(""), db.message());
                    let field = if what.contains("sku") {
                        "sku"
                    } else if what.contains("slug") {
                        "slug"
                    } else {
                        "id"
                    };
                    return StoreError::Conflict { field, message: format!("this {field} is already taken") };
                }
                StoreError::Internal(db.message().to_string())
            }
            _ => StoreError::Internal(e.to_string()),
        }
    }
}

impl From<sqlx::migrate::MigrateError> for StoreError {
    fn from(e: sqlx::migrate::MigrateError) -> Self {
        match e {
            sqlx::migrate::MigrateError::Execute(inner) => inner.into(),
            other => StoreError::Internal(format!("migration: {other}")),
        }
    }
}
