//! The production backend: PostgreSQL (Amazon RDS Multi-AZ in the AWS stack).
//!
//! Failover behaviour: connections are checked before use and live at most `max_lifetime`, so
//! after the endpoint moves to the standby, dead connections are dropped and new ones resolve
//! the endpoint afresh; while no server answers, `acquire_timeout` bounds every request, which
//! the web layer turns into a 503.

use std::str::FromStr;

use sqlx::PgPool;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};

use crate::common::impl_common_store;
use crate::listing::Dialect;
use crate::{PoolConfig, PoolStats, Result, StoreError, redact_url};

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

pub struct PgStore {
    read: PgPool,
    write: PgPool,
    dialect: Dialect,
    max: u32,
}

impl PgStore {
    /// Builds the pool without connecting, so the process starts (and reports not-ready)
    /// even while the database is away.
    pub async fn connect(url: &str, pool: &PoolConfig) -> Result<PgStore> {
        let opts = PgConnectOptions::from_str(url)
            .map_err(|e| StoreError::Config(format!("bad PostgreSQL URL `{}`: {e}", redact_url(url))))?
            .application_name("baobab");
        let pg = PgPoolOptions::new()
            .max_connections(pool.max_connections.max(1))
            .min_connections(0)
            .acquire_timeout(pool.acquire_timeout)
            .max_lifetime(Some(pool.max_lifetime))
            .idle_timeout(Some(pool.idle_timeout))
            .test_before_acquire(true)
            .connect_lazy_with(opts);
        Ok(PgStore { read: pg.clone(), write: pg, dialect: Dialect::Postgres, max: pool.max_connections.max(1) })
    }
}

crate::accounts_sql::impl_account_store!(PgStore);
crate::orders_sql::impl_order_store!(PgStore, sqlx::Postgres);
crate::payments_sql::impl_payment_store!(PgStore, sqlx::Postgres, " FOR UPDATE");
impl_common_store!(PgStore, sqlx::Postgres);

#[async_trait::async_trait]
impl crate::Store for PgStore {
    fn backend(&self) -> &'static str {
        "postgres"
    }

    async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.read).await?;
        Ok(())
    }

    fn pool_stats(&self) -> PoolStats {
        PoolStats { size: self.read.size(), idle: self.read.num_idle() as u32, max: self.max }
    }

    async fn migrate(&self) -> Result<()> {
        MIGRATOR.run(&self.write).await?;
        Ok(())
    }

    async fn close(&self) {
        self.read.close().await;
    }
}
