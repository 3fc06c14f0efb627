//! The production backend: PostgreSQL (Amazon RDS Multi-AZ in the AWS stack).
//!
//! Failover behaviour: connections are checked before use and live at most `max_lifetime`, so
//! after the endpoint moves to the standby, dead connections are dropped and new ones resolve
//! the endpoint afresh; while no server answers, `acquire_timeout` bounds every request, which
//! the web layer turns into a 503.
//!
//! Stall behaviour (the server answers but work hangs: commits waiting for a synchronous
//! standby that is gone, rows locked by such a commit): no database wait may hold the pool
//! hostage. Every connection carries `statement_timeout`, `lock_timeout` and
//! `idle_in_transaction_session_timeout`. PostgreSQL does not apply `statement_timeout` to a
//! commit's wait for the standby (the commit record is already written then), so a watchdog
//! on a connection of its own ends our sessions whose commit has waited longer than
//! `commit_timeout`: the client sees the connection close, the request answers 503 "try
//! again", and the transaction stays committed on the primary, so a retry with the same
//! idempotency key finds it. Statements queued behind such a commit's row locks are
//! cancelled as soon as the stall shows, and while it lasts commits get a quarter of the limit
//! (a request with several writes would otherwise wait it out once per write). A connection released while its query is still running (a
//! request dropped at its timeout) is closed instead of waited for. Reads and writes have
//! pools of their own, so writes stuck on a stall cannot starve page views of connections.

use std::str::FromStr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Weak};
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{Connection, PgConnection, PgPool};

use crate::listing::Dialect;
use crate::{PoolConfig, PoolStats, Result, StoreError, redact_url};

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// `application_name` of the request-path connections (the watchdog acts on these only).
const APP_NAME: &str = "baobab";
/// How long the watchdog remembers a stall: meanwhile it ends commits after a quarter of
/// `commit_timeout`.
const STALL_MEMORY: Duration = Duration::from_secs(10);
/// How long a released connection may take to finish a query it was abandoned in.
const RELEASE_WAIT: Duration = Duration::from_millis(500);

pub struct PgStore {
    read: PgPool,
    write: PgPool,
    dialect: Dialect,
    max: u32,
    /// For migrations: none of the request path's limits (see `migrate`).
    migrate_opts: PgConnectOptions,
    /// Dropped with the store: ends the commit watchdog.
    _alive: Arc<()>,
    closed: Arc<AtomicBool>,
}

/// The session settings every connection starts with; a zero duration leaves the server's.
fn session_settings(pool: &PoolConfig) -> Vec<(&'static str, String)> {
    [
        ("statement_timeout", pool.statement_timeout),
        ("lock_timeout", pool.lock_timeout),
        ("idle_in_transaction_session_timeout", pool.idle_in_transaction_timeout),
    ]
    .into_iter()
    .filter(|(_, d)| !d.is_zero())
    .map(|(k, d)| (k, format!("{}ms", d.as_millis())))
    .collect()
}

fn pool_options(max: u32, pool: &PoolConfig) -> PgPoolOptions {
    PgPoolOptions::new()
        .max_connections(max)
        .min_connections(0)
        .acquire_timeout(pool.acquire_timeout)
        .max_lifetime(Some(pool.max_lifetime))
        .idle_timeout(Some(pool.idle_timeout))
        .test_before_acquire(true)
        // A connection released with its answer still pending (its request was dropped
        // mid-query) would otherwise be waited for, holding its pool slot for as long as the
        // database takes. Wait briefly; if it is still busy, close it rather than reuse it.
        .after_release(|conn, _meta| {
            Box::pin(async move {
                match tokio::time::timeout(RELEASE_WAIT, conn.ping()).await {
                    Ok(Ok(())) => Ok(true),
                    Ok(Err(e)) => Err(e),
                    Err(_) => {
                        tracing::warn!("closing a database connection released mid-query");
                        Ok(false)
                    }
                }
            })
        })
}

impl PgStore {
    /// Builds the pools without connecting, so the process starts (and reports not-ready)
    /// even while the database is away.
    pub async fn connect(url: &str, pool: &PoolConfig) -> Result<PgStore> {
        let base =
            PgConnectOptions::from_str(url).map_err(|e| StoreError::Config(format!("bad PostgreSQL URL `{}`: {e}", redact_url(url))))?;
        let opts = base.clone().application_name(APP_NAME).options(session_settings(pool));
        let max = pool.max_connections.max(1);
        let read = pool_options(max, pool).connect_lazy_with(opts.clone());
        let write = pool_options(max, pool).connect_lazy_with(opts);
        let migrate_opts = base.clone().application_name("baobab-migrate").options([
            ("statement_timeout", "0"),
            ("lock_timeout", "0"),
            ("idle_in_transaction_session_timeout", "0"),
        ]);
        let alive = Arc::new(());
        let closed = Arc::new(AtomicBool::new(false));
        if !pool.commit_timeout.is_zero() {
            let watchdog = CommitWatchdog {
                opts: base.application_name("baobab-watchdog"),
                limit: pool.commit_timeout,
                connect_timeout: pool.acquire_timeout,
                alive: Arc::downgrade(&alive),
                closed: closed.clone(),
            };
            tokio::spawn(watchdog.run());
        }
        Ok(PgStore { read, write, dialect: Dialect::Postgres, max: 2 * max, migrate_opts, _alive: alive, closed })
    }
}

/// Ends our sessions whose commit has waited longer than `limit` for a synchronous standby.
/// Terminating (not cancelling) them matters: a cancelled wait reports the commit as done
/// although the standby never confirmed it; a terminated one closes the connection, so the
/// request answers "try again" and the retry (same idempotency key) finds the order.
/// Statements queued for a lock held by such a stalled commit are cancelled at once (they
/// change nothing), so a checkout behind another one's stuck commit does not wait in turn.
struct CommitWatchdog {
    opts: PgConnectOptions,
    limit: Duration,
    connect_timeout: Duration,
    alive: Weak<()>,
    closed: Arc<AtomicBool>,
}

/// Our sessions waiting for the synchronous standby, and how long they have waited.
const SYNC_WAITS: &str = "SELECT pid, EXTRACT(EPOCH FROM clock_timestamp() - state_change)::float8 FROM pg_stat_activity \
     WHERE datname = current_database() AND application_name = $1 AND wait_event = 'SyncRep'";
/// Terminates those still waiting (CASE: the check comes before the call).
const TERMINATE: &str = "SELECT pid FROM pg_stat_activity \
     WHERE CASE WHEN pid = ANY($1) AND wait_event = 'SyncRep' THEN pg_terminate_backend(pid) ELSE false END";
/// Our statements queued for a lock, and the sessions they wait for.
const LOCK_WAITS: &str = "SELECT pid, pg_blocking_pids(pid) FROM pg_stat_activity \
     WHERE datname = current_database() AND application_name = $1 AND wait_event_type = 'Lock'";
/// Cancels those still queued for a lock.
const CANCEL: &str = "SELECT pid FROM pg_stat_activity \
     WHERE CASE WHEN pid = ANY($1) AND wait_event_type = 'Lock' THEN pg_cancel_backend(pid) ELSE false END";

impl CommitWatchdog {
    async fn run(self) {
        let every = (self.limit / 4).clamp(Duration::from_millis(100), Duration::from_secs(1));
        let mut conn: Option<PgConnection> = None;
        // When commits were last ended for waiting too long.
        let mut last_stall: Option<std::time::Instant> = None;
        loop {
            tokio::time::sleep(every).await;
            if self.alive.upgrade().is_none() || self.closed.load(Ordering::Relaxed) {
                break;
            }
            if conn.is_none() {
                // The database may be away (failover): try again on the next tick.
                conn = tokio::time::timeout(self.connect_timeout, PgConnection::connect_with(&self.opts)).await.ok().and_then(|r| r.ok());
            }
            let Some(c) = conn.as_mut() else { continue };
            // While a stall is known (commits were ended within the last STALL_MEMORY), a commit
            // is not given the whole limit again: a request with several writes would wait it out
            // once per write.
            let known = last_stall.is_some_and(|t| t.elapsed() < STALL_MEMORY);
            let limit = if known { self.limit / 4 } else { self.limit };
            match tokio::time::timeout(self.connect_timeout, self.tick(c, limit)).await {
                Ok(Ok(true)) => last_stall = Some(std::time::Instant::now()),
                Ok(Ok(false)) => {}
                _ => conn = None,
            }
        }
        if let Some(c) = conn {
            let _ = c.close().await;
        }
    }

    /// One look: ends commits that waited `limit` and cancels the lock waits behind stalled
    /// ones. True when it ended a commit.
    async fn tick(&self, c: &mut PgConnection, limit: Duration) -> Result<bool, sqlx::Error> {
        let waits: Vec<(i32, f64)> = sqlx::query_as(SYNC_WAITS).bind(APP_NAME).fetch_all(&mut *c).await?;
        // A healthy synchronous commit takes milliseconds: a quarter of the limit is a stall.
        let stalled: Vec<i32> = waits.iter().filter(|(_, s)| *s >= self.limit.as_secs_f64() / 4.0).map(|(p, _)| *p).collect();
        if stalled.is_empty() {
            return Ok(false);
        }
        // Statements queued behind a stalled commit, directly or behind another such statement
        // (row locks queue: the second in line waits for the first).
        let waiting: Vec<(i32, Vec<i32>)> = sqlx::query_as(LOCK_WAITS).bind(APP_NAME).fetch_all(&mut *c).await?;
        let mut doomed: std::collections::HashSet<i32> = stalled.iter().copied().collect();
        let mut blocked: Vec<i32> = Vec::new();
        loop {
            let before = blocked.len();
            for (pid, by) in &waiting {
                if !doomed.contains(pid) && by.iter().any(|b| doomed.contains(b)) {
                    doomed.insert(*pid);
                    blocked.push(*pid);
                }
            }
            if blocked.len() == before {
                break;
            }
        }
        let cancelled: Vec<i32> =
            if blocked.is_empty() { Vec::new() } else { sqlx::query_scalar(CANCEL).bind(&blocked).fetch_all(&mut *c).await? };
        let overdue: Vec<i32> = waits.iter().filter(|(_, s)| *s >= limit.as_secs_f64()).map(|(p, _)| *p).collect();
        let ended: Vec<i32> =
            if overdue.is_empty() { Vec::new() } else { sqlx::query_scalar(TERMINATE).bind(&overdue).fetch_all(&mut *c).await? };
        if !ended.is_empty() || !cancelled.is_empty() {
            tracing::warn!(
                ended = ended.len(),
                cancelled_lock_waits = cancelled.len(),
                commit_timeout_ms = self.limit.as_millis() as u64,
                "the database is not confirming commits: ended sessions stuck waiting for the synchronous standby"
            );
        }
        Ok(!ended.is_empty())
    }
}

crate::accounts_sql::impl_account_store!(PgStore, sqlx::Postgres);
crate::orders_sql::impl_order_store!(PgStore, sqlx::Postgres);
crate::payments_sql::impl_payment_store!(PgStore, sqlx::Postgres);
crate::imports_sql::impl_import_store!(PgStore, sqlx::Postgres);
crate::common::impl_common_store!(PgStore, sqlx::Postgres);
crate::translations_sql::impl_translation_store!(PgStore, sqlx::Postgres);

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
        PoolStats { size: self.read.size() + self.write.size(), idle: (self.read.num_idle() + self.write.num_idle()) as u32, max: self.max }
    }

    async fn migrate(&self) -> Result<()> {
        // A migration may build an index on a large table or queue for a lock behind live
        // traffic: it runs on a connection of its own, without the request path's limits
        // (and under another name, which the commit watchdog leaves alone).
        let pool =
            PgPoolOptions::new().max_connections(1).acquire_timeout(Duration::from_secs(30)).connect_lazy_with(self.migrate_opts.clone());
        let r = MIGRATOR.run(&pool).await;
        pool.close().await;
        r?;
        self.reindex_search_if_stale().await
    }

    async fn close(&self) {
        self.closed.store(true, Ordering::Relaxed);
        self.read.close().await;
        self.write.close().await;
    }
}
