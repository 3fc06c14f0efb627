//! Throw-away stores for tests: a fresh SQLite file, or a fresh PostgreSQL database created on
//! the server named by `BAOBAB_TEST_DATABASE_URL` and dropped when the test ends.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use crate::{PoolConfig, Store};

/// Environment variable with an admin URL of a PostgreSQL server for tests.
pub const PG_URL_VAR: &str = "BAOBAB_TEST_DATABASE_URL";
/// When set to 1, a missing PostgreSQL server fails the PostgreSQL cases instead of skipping them.
pub const PG_REQUIRED_VAR: &str = "BAOBAB_TEST_REQUIRE_POSTGRES";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn unique(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos();
    format!("{prefix}_{}_{}_{nanos}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed))
}

/// The admin URL for PostgreSQL tests, or None (after a note) when they are to be skipped.
pub fn pg_admin_url() -> Option<String> {
    match std::env::var(PG_URL_VAR) {
        Ok(u) if !u.is_empty() => Some(u),
        _ => {
            if std::env::var(PG_REQUIRED_VAR).as_deref() == Ok("1") {
                panic!("{PG_REQUIRED_VAR}=1 but {PG_URL_VAR} is not set");
            }
            eprintln!("note: {PG_URL_VAR} not set; skipping a PostgreSQL case");
            None
        }
    }
}

/// Replaces the database name (the path) of a PostgreSQL URL.
pub fn with_database(url: &str, db: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let host_end = base[scheme_end..].find('/').map(|i| scheme_end + i).unwrap_or(base.len());
    let mut out = format!("{}/{db}", &base[..host_end]);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

/// A migrated store that cleans up after itself.
pub struct TestStore {
    pub store: Arc<dyn Store>,
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    File(std::path::PathBuf),
    Database { admin_url: String, name: String },
}

impl TestStore {
    /// None when the backend is PostgreSQL and no test server is configured.
    pub async fn new(backend: Backend) -> Option<TestStore> {
        Self::with_pool(backend, &PoolConfig::default()).await
    }

    pub async fn with_pool(backend: Backend, pool: &PoolConfig) -> Option<TestStore> {
        let (url, cleanup) = match backend {
            Backend::Sqlite => {
                let path = std::env::temp_dir().join(format!("{}.db", unique("baobab_test")));
                (format!("sqlite:{}", path.display()), Cleanup::File(path))
            }
            Backend::Postgres => {
                let admin_url = pg_admin_url()?;
                let name = unique("baobab_test");
                create_database(&admin_url, &name).await;
                (with_database(&admin_url, &name), Cleanup::Database { admin_url, name })
            }
        };
        let store = crate::connect(&url, pool).await.expect("connect test store");
        store.migrate().await.expect("migrate test store");
        Some(TestStore { store, url, cleanup })
    }
}

async fn create_database(admin_url: &str, name: &str) {
    use sqlx::Connection;
    let mut conn = sqlx::PgConnection::connect(admin_url).await.unwrap_or_else(|e| panic!("connect to {PG_URL_VAR}: {e}"));
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE \"{name}\""))).execute(&mut conn).await.expect("create test database");
    let _ = conn.close().await;
}

/// Drops a database, ending its connections first. Runs on its own thread and runtime so it
/// can be called from `Drop` inside or outside an async context.
pub fn drop_database(admin_url: &str, name: &str) {
    let (admin_url, name) = (admin_url.to_string(), name.to_string());
    let _ = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(async {
            use sqlx::Connection;
            if let Ok(mut conn) = sqlx::PgConnection::connect(&admin_url).await {
                let sql = format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                let _ = sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&mut conn).await;
                let _ = conn.close().await;
            }
        })
    })
    .join();
}

impl Drop for TestStore {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::File(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            Cleanup::Database { admin_url, name } => drop_database(admin_url, name),
        }
    }
}

/// Runs `work` and counts the SQL statements it sends: sqlx reports each one as a `sqlx::query`
/// event, which a process-wide subscriber (installed on first use) tallies per call. Statements
/// sent by other tasks meanwhile are not counted, nor a new pool connection's setup.
///
/// Panics when the process already has another global `tracing` subscriber.
pub async fn count_queries<F: std::future::Future>(work: F) -> (F::Output, usize) {
    use tracing::Instrument;
    query_count::install();
    let key = query_count::NEXT.fetch_add(1, Ordering::Relaxed);
    let out = work.instrument(tracing::info_span!(target: "baobab_store::testing", "count_queries", key)).await;
    (out, query_count::take(key))
}

mod query_count {
    use std::collections::HashMap;
    use std::sync::atomic::AtomicU64;
    use std::sync::{Mutex, Once};

    use tracing::field::{Field, Visit};
    use tracing::subscriber::Interest;
    use tracing::{Event, Metadata, Subscriber, span};
    use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
    use tracing_subscriber::registry::LookupSpan;

    pub(super) static NEXT: AtomicU64 = AtomicU64::new(1);
    static COUNTS: Mutex<Option<HashMap<u64, usize>>> = Mutex::new(None);
    static INSTALL: Once = Once::new();

    pub(super) fn install() {
        INSTALL.call_once(|| {
            tracing::subscriber::set_global_default(tracing_subscriber::registry().with(Counter))
                .expect("count_queries needs to install the global tracing subscriber");
        });
    }

    pub(super) fn take(key: u64) -> usize {
        COUNTS.lock().unwrap().get_or_insert_default().remove(&key).unwrap_or(0)
    }

    /// The key of a `count_queries` span, kept in its extensions.
    struct Key(u64);

    impl Visit for Key {
        fn record_u64(&mut self, field: &Field, value: u64) {
            if field.name() == "key" {
                self.0 = value;
            }
        }

        fn record_debug(&mut self, _: &Field, _: &dyn std::fmt::Debug) {}
    }

    struct Counter;

    /// Whether a `sqlx::query` event is a connection's set-up statement.
    struct Statement(bool);

    impl Visit for Statement {
        fn record_str(&mut self, field: &Field, value: &str) {
            if matches!(field.name(), "summary" | "db.statement") && value.trim_start().to_ascii_uppercase().starts_with("PRAGMA") {
                self.0 = true;
            }
        }

        fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
            self.record_str(field, format!("{value:?}").trim_matches('"'));
        }
    }

    /// Our spans, and sqlx's statement events (and the `enabled!` hints sqlx checks first).
    fn wanted(m: &Metadata<'_>) -> bool {
        if m.is_span() { m.name() == "count_queries" && m.target() == "baobab_store::testing" } else { m.target() == "sqlx::query" }
    }

    impl<S: Subscriber + for<'a> LookupSpan<'a>> Layer<S> for Counter {
        fn register_callsite(&self, m: &'static Metadata<'static>) -> Interest {
            if wanted(m) { Interest::always() } else { Interest::never() }
        }

        fn enabled(&self, m: &Metadata<'_>, _: Context<'_, S>) -> bool {
            wanted(m)
        }

        fn on_new_span(&self, attrs: &span::Attributes<'_>, id: &span::Id, ctx: Context<'_, S>) {
            let mut key = Key(0);
            attrs.record(&mut key);
            if let Some(span) = ctx.span(id) {
                span.extensions_mut().insert(key);
            }
        }

        fn on_event(&self, event: &Event<'_>, ctx: Context<'_, S>) {
            // A connection the pool opens inside the span runs its set-up (SQLite's PRAGMAs)
            // through the same logger; that is the pool's work, not the query under test.
            let mut statement = Statement(false);
            event.record(&mut statement);
            if statement.0 {
                return;
            }
            let Some(scope) = ctx.event_scope(event) else { return };
            for span in scope {
                if let Some(Key(key)) = span.extensions().get::<Key>() {
                    *COUNTS.lock().unwrap().get_or_insert_default().entry(*key).or_default() += 1;
                    return;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    /// A connection opened inside the span runs SQLite's PRAGMAs; only the query itself counts.
    #[tokio::test]
    async fn connection_set_up_is_not_counted() {
        use sqlx::Connection;
        let (n, counted) = super::count_queries(async {
            let mut c = sqlx::SqliteConnection::connect("sqlite::memory:").await.unwrap();
            sqlx::query("SELECT 1").execute(&mut c).await.unwrap().rows_affected()
        })
        .await;
        assert_eq!((n, counted), (0, 1));
    }

    #[test]
    fn replaces_database_in_url() {
        assert_eq!(super::with_database("postgres://u@h:5432/postgres?sslmode=disable", "x"), "postgres://u@h:5432/x?sslmode=disable");
        assert_eq!(super::with_database("postgres://u@h", "x"), "postgres://u@h/x");
    }
}
