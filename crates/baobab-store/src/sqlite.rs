//! The embedded backend: one SQLite file in WAL mode, many readers and a single writer.

use std::str::FromStr;

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

use crate::listing::Dialect;
use crate::{PoolConfig, PoolStats, Result, StoreError};

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

pub struct SqliteStore {
    read: SqlitePool,
    /// One connection: SQLite allows one writer at a time, so writers queue here instead of
    /// failing with SQLITE_BUSY.
    write: SqlitePool,
    dialect: Dialect,
    max: u32,
}

impl SqliteStore {
    /// `sqlite:path/to/file.db` (created if missing) or `sqlite::memory:`.
    pub async fn connect(url: &str, pool: &PoolConfig) -> Result<SqliteStore> {
        let memory = url.contains(":memory:") || url.contains("mode=memory");
        let opts = SqliteConnectOptions::from_str(url)
            .map_err(|e| StoreError::Config(format!("bad SQLite URL `{url}`: {e}")))?
            .create_if_missing(true)
            .journal_mode(if memory { SqliteJournalMode::Memory } else { SqliteJournalMode::Wal })
            .synchronous(SqliteSynchronous::Normal)
            .busy_timeout(std::time::Duration::from_secs(5))
            .foreign_keys(true);
        let write = SqlitePoolOptions::new()
            .max_connections(1)
            .acquire_timeout(pool.acquire_timeout.max(std::time::Duration::from_secs(5)))
            .connect_with(opts.clone())
            .await?;
        // An in-memory database exists per connection: readers must share the writer's.
        let read = if memory {
            write.clone()
        } else {
            SqlitePoolOptions::new()
                .max_connections(pool.max_connections.max(1))
                .acquire_timeout(pool.acquire_timeout)
                .idle_timeout(Some(pool.idle_timeout))
                .connect_with(opts.read_only(true))
                .await?
        };
        Ok(SqliteStore { read, write, dialect: Dialect::Sqlite, max: pool.max_connections.max(1) + 1 })
    }
}

crate::accounts_sql::impl_account_store!(SqliteStore, sqlx::Sqlite);
crate::orders_sql::impl_order_store!(SqliteStore, sqlx::Sqlite);
crate::payments_sql::impl_payment_store!(SqliteStore, sqlx::Sqlite);
crate::imports_sql::impl_import_store!(SqliteStore, sqlx::Sqlite);
crate::common::impl_common_store!(SqliteStore, sqlx::Sqlite);
crate::translations_sql::impl_translation_store!(SqliteStore, sqlx::Sqlite);

#[async_trait::async_trait]
impl crate::Store for SqliteStore {
    fn backend(&self) -> &'static str {
        "sqlite"
    }

    async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.read).await?;
        Ok(())
    }

    fn pool_stats(&self) -> PoolStats {
        PoolStats { size: self.read.size() + self.write.size(), idle: (self.read.num_idle() + self.write.num_idle()) as u32, max: self.max }
    }

    async fn migrate(&self) -> Result<()> {
        MIGRATOR.run(&self.write).await?;
        self.reindex_search_if_stale().await
    }

    async fn close(&self) {
        self.read.close().await;
        self.write.close().await;
    }
}
