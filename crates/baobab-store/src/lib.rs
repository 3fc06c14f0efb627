//! Baobab's storage: traits the rest of the portal programs against, and their PostgreSQL and
//! SQLite implementations. Both share their SQL where the dialects agree (see `common.rs`), and
//! one conformance suite (`tests/conformance.rs`) runs every case on both.

pub mod accounts;
mod accounts_sql;
mod common;
mod error;
pub mod imports;
mod imports_sql;
mod listing;
pub mod orders;
mod orders_sql;
pub mod payments;
mod payments_sql;
mod postgres;
mod rows;
mod sqlite;
pub mod translations;
mod translations_sql;

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use baobab_domain::auth::Role;
use baobab_domain::catalog::{
    Category, CategoryPatch, NewCategory, NewProduct, NewVariant, Product, ProductImage, ProductPatch, Variant, VariantPatch,
};
use baobab_domain::media::{ImagePatch, MediaAsset, NewImage};
use baobab_domain::query::{ProductPage, ProductQuery};
use chrono::{DateTime, Utc};

pub use error::StoreError;
pub use postgres::PgStore;
pub use sqlite::SqliteStore;

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// How a product is looked up: by numeric id or by slug.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key<'a> {
    Id(i64),
    Slug(&'a str),
}

impl<'a> Key<'a> {
    /// A path segment of digits is an id, anything else a slug.
    pub fn parse(s: &'a str) -> Key<'a> {
        match s.parse::<i64>() {
            Ok(id) if !s.starts_with('+') => Key::Id(id),
            _ => Key::Slug(s),
        }
    }
}

#[async_trait]
pub trait CatalogStore: Send + Sync {
    /// Every category (archived included), ordered by position then name.
    async fn categories(&self) -> Result<Vec<Category>>;
    async fn category(&self, key: Key<'_>) -> Result<Option<Category>>;
    async fn create_category(&self, new: &NewCategory) -> Result<Category>;
    async fn update_category(&self, id: i64, patch: &CategoryPatch) -> Result<Category>;

    async fn products(&self, query: &ProductQuery) -> Result<ProductPage>;
    async fn product(&self, key: Key<'_>) -> Result<Option<Product>>;
    async fn create_product(&self, new: &NewProduct) -> Result<Product>;
    async fn update_product(&self, id: i64, patch: &ProductPatch) -> Result<Product>;

    async fn variant(&self, id: i64) -> Result<Option<Variant>>;
    async fn create_variant(&self, product_id: i64, new: &NewVariant) -> Result<Variant>;
    async fn update_variant(&self, id: i64, patch: &VariantPatch) -> Result<Variant>;

    /// Records a processed upload (or its new variant widths after reprocessing).
    async fn upsert_media_asset(&self, asset: &MediaAsset) -> Result<()>;
    async fn media_asset(&self, hash: &str) -> Result<Option<MediaAsset>>;
    /// Processed uploads in hash order, after `after` (for resumable batch work).
    async fn media_assets_after(&self, after: Option<&str>, limit: u32) -> Result<Vec<MediaAsset>>;
    async fn count_media_assets(&self) -> Result<u64>;
    async fn image(&self, id: i64) -> Result<Option<ProductImage>>;
    /// Attaches an image; `position` defaults to after the product's last image.
    async fn add_image(&self, product_id: i64, new: &NewImage) -> Result<ProductImage>;
    async fn update_image(&self, id: i64, patch: &ImagePatch) -> Result<ProductImage>;
    /// Detaches an image from its product (the media files stay: other products may use them).
    async fn delete_image(&self, id: i64) -> Result<ProductImage>;
    /// Live variants of active products with at most `threshold` in stock: (title, SKU, stock).
    async fn low_stock(&self, threshold: i64, limit: i64) -> Result<Vec<(String, String, i64)>>;
}

/// A staff API token as stored: only the hash of its secret is kept.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ApiToken {
    pub id: i64,
    pub name: String,
    pub role: Role,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

#[async_trait]
pub trait TokenStore: Send + Sync {
    async fn create_token(&self, name: &str, role: Role, token_hash: &str) -> Result<ApiToken>;
    /// The live (not revoked) token with this hash; records its use at most once a minute.
    async fn token_by_hash(&self, token_hash: &str) -> Result<Option<ApiToken>>;
    async fn tokens(&self) -> Result<Vec<ApiToken>>;
    /// Revokes a live token; false when there was none with that id.
    async fn revoke_token(&self, id: i64) -> Result<bool>;
}

#[async_trait]
pub trait MetaStore: Send + Sync {
    async fn meta(&self, key: &str) -> Result<Option<String>>;
    async fn set_meta(&self, key: &str, value: &str) -> Result<()>;
    async fn delete_meta(&self, key: &str) -> Result<()>;
    /// Sets `key` unless it is already set; true when this call set it.
    async fn set_meta_once(&self, key: &str, value: &str) -> Result<bool>;
}

/// Connection-pool figures for the metrics endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolStats {
    pub size: u32,
    pub idle: u32,
    pub max: u32,
}

#[async_trait]
pub trait Store:
    CatalogStore
    + TokenStore
    + MetaStore
    + accounts::AccountStore
    + orders::OrderStore
    + payments::PaymentStore
    + imports::ImportStore
    + translations::TranslationStore
{
    /// `postgres` or `sqlite`.
    fn backend(&self) -> &'static str;
    /// A round trip to the database, bounded by the pool's acquire timeout.
    async fn ping(&self) -> Result<()>;
    fn pool_stats(&self) -> PoolStats;
    /// Applies pending migrations (PostgreSQL takes an advisory lock, so concurrent runs are safe),
    /// then remakes the products' search text if it was made with another normalisation than
    /// this build's (`baobab_domain::search::NORMALIZATION_VERSION`).
    async fn migrate(&self) -> Result<()>;
    async fn close(&self);
}

/// Pool settings. Short timeouts make requests fail fast (503) while the database is away;
/// a bounded lifetime makes connections re-resolve the endpoint after an RDS failover. The
/// statement, lock, idle-in-transaction and commit limits keep a stalled database (the server
/// answers but work hangs) from holding the pool hostage; they apply to PostgreSQL (a zero
/// duration turns one off), SQLite has its busy timeout instead.
#[derive(Debug, Clone)]
pub struct PoolConfig {
    pub max_connections: u32,
    pub acquire_timeout: Duration,
    pub max_lifetime: Duration,
    pub idle_timeout: Duration,
    /// `statement_timeout` of every connection: no single query runs longer.
    pub statement_timeout: Duration,
    /// `lock_timeout`: a statement gives up waiting for a row or table lock after this long.
    pub lock_timeout: Duration,
    /// `idle_in_transaction_session_timeout`: a transaction left open this long is ended by
    /// the server, releasing its locks.
    pub idle_in_transaction_timeout: Duration,
    /// A commit that has waited this long for a synchronous standby is ended (the session is
    /// terminated; the transaction stays committed on the primary). PostgreSQL applies no
    /// timeout to that wait by itself.
    pub commit_timeout: Duration,
}

impl Default for PoolConfig {
    fn default() -> Self {
        PoolConfig {
            max_connections: 10,
            acquire_timeout: Duration::from_secs(2),
            max_lifetime: Duration::from_secs(300),
            idle_timeout: Duration::from_secs(60),
            statement_timeout: Duration::from_secs(5),
            lock_timeout: Duration::from_secs(3),
            idle_in_transaction_timeout: Duration::from_secs(10),
            commit_timeout: Duration::from_secs(2),
        }
    }
}

/// Opens the store the URL names: `postgres://…` / `postgresql://…` or `sqlite:…`.
/// Does not migrate; call [`Store::migrate`].
pub async fn connect(url: &str, pool: &PoolConfig) -> Result<Arc<dyn Store>> {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(Arc::new(PgStore::connect(url, pool).await?))
    } else if url.starts_with("sqlite:") {
        Ok(Arc::new(SqliteStore::connect(url, pool).await?))
    } else {
        Err(StoreError::Config(format!("database URL must start with postgres://, postgresql:// or sqlite: (got `{}`)", redact_url(url))))
    }
}

/// The URL with any password replaced, for messages and logs.
pub fn redact_url(url: &str) -> String {
    if let Some((scheme, rest)) = url.split_once("://")
        && let Some((userinfo, host)) = rest.split_once('@')
    {
        let user = userinfo.split(':').next().unwrap_or("");
        return format!("{scheme}://{user}:***@{host}");
    }
    url.chars().take(200).collect()
}

#[cfg(feature = "testing")]
pub mod testing;
