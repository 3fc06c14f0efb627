//! The PostgreSQL backend rides out the database going away and coming back (an RDS Multi-AZ
//! failover): requests fail fast with 503 while it is gone, and succeed again, without a
//! restart, once it is back. It also rides out a database that stalls instead of dying
//! (commits waiting for a synchronous standby that is gone). The tests own their PostgreSQL
//! server and stop, start and reconfigure it.

use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use baobab_store::PoolConfig;
use baobab_web::WebSettings;

use crate::accounts::Browser;
use crate::cart::checkout_form;
use crate::support::{Res, TestApp};

fn pg_bin() -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> =
        std::fs::read_dir("/usr/lib/postgresql").ok()?.filter_map(|e| e.ok()).map(|e| e.path().join("bin")).collect();
    dirs.sort();
    dirs.into_iter().rev().find(|d| d.join("pg_ctl").exists())
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0").unwrap_or(false)
}

/// A PostgreSQL server of the test's own, in a temporary directory.
struct OwnServer {
    bin: PathBuf,
    dir: PathBuf,
    port: u16,
}

impl OwnServer {
    fn run(&self, tool: &str, args: &[&str]) -> std::process::Output {
        let exe = self.bin.join(tool);
        let mut cmd = if is_root() {
            // PostgreSQL refuses to run as root.
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&exe);
            c
        } else {
            Command::new(&exe)
        };
        cmd.args(args).output().unwrap_or_else(|e| panic!("{tool}: {e}"))
    }

    fn start(&self) {
        let opts = format!("-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off", self.port, self.dir.display());
        let log = self.dir.join("log");
        let out = self.run("pg_ctl", &["-D", &self.data(), "-l", &log.display().to_string(), "-o", &opts, "-w", "start"]);
        assert!(out.status.success(), "pg_ctl start: {}", String::from_utf8_lossy(&out.stderr));
    }

    fn stop(&self) {
        let out = self.run("pg_ctl", &["-D", &self.data(), "-m", "immediate", "-w", "stop"]);
        assert!(out.status.success(), "pg_ctl stop: {}", String::from_utf8_lossy(&out.stderr));
    }

    fn data(&self) -> String {
        self.dir.join("data").display().to_string()
    }

    fn new() -> Option<OwnServer> {
        let Some(bin) = pg_bin() else {
            assert!(std::env::var("BAOBAB_TEST_REQUIRE_POSTGRES").as_deref() != Ok("1"), "PostgreSQL server binaries not found");
            eprintln!("note: no PostgreSQL server binaries; skipping the failover test");
            return None;
        };
        let port = {
            let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            l.local_addr().unwrap().port()
        };
        let dir = std::env::temp_dir().join(format!("baobab-failover-{}-{port}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        if is_root() {
            let ok = Command::new("chown").args(["-R", "postgres:postgres"]).arg(&dir).status().unwrap().success();
            assert!(ok, "chown test directory");
        }
        let server = OwnServer { bin, dir, port };
        let out = server.run("initdb", &["-D", &server.data(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
        assert!(out.status.success(), "initdb: {}", String::from_utf8_lossy(&out.stderr));
        server.start();
        Some(server)
    }
}

impl Drop for OwnServer {
    fn drop(&mut self) {
        let _ = self.run("pg_ctl", &["-D", &self.data(), "-m", "immediate", "stop"]);
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

async fn wait_until(limit: Duration, mut f: impl AsyncFnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < limit {
        if f().await {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    false
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_outage_is_503_and_recovers_without_restart() {
    let Some(server) = tokio::task::spawn_blocking(OwnServer::new).await.unwrap() else { return };
    let url = format!("postgres://postgres@127.0.0.1:{}/postgres", server.port);
    let pool = PoolConfig { acquire_timeout: Duration::from_millis(1000), ..Default::default() };
    let store = baobab_store::connect(&url, &pool).await.unwrap();
    store.migrate().await.unwrap();
    let app = TestApp::over(store, WebSettings::default(), vec![]).await;
    assert_eq!(app.get("/api/v1/products").await.status, 200);
    assert_eq!(app.get("/readyz").await.status, 200);

    let s = tokio::task::spawn_blocking(move || {
        server.stop();
        server
    })
    .await
    .unwrap();

    for path in ["/api/v1/products", "/c/phones", "/p/kora-phone-model-01"] {
        let t = Instant::now();
        let r = app.get(path).await;
        let took = t.elapsed();
        assert_eq!(r.status, 503, "{path}: {}", r.text());
        assert_eq!(r.header("retry-after"), "5");
        assert!(took < Duration::from_secs(3), "{path} failed fast: {took:?}");
    }
    let r = app.get("/api/v1/products").await;
    assert_eq!(r.json()["error"]["code"], "unavailable");
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status, 503);
    assert_eq!(ready.json()["failing"], serde_json::json!(["database"]));
    assert_eq!(app.get("/healthz").await.status, 200, "the process itself is alive");

    let s = tokio::task::spawn_blocking(move || {
        s.start();
        s
    })
    .await
    .unwrap();
    let back = wait_until(Duration::from_secs(30), async || app.get("/api/v1/products").await.status == 200).await;
    assert!(back, "requests succeed again once the database is back");
    assert_eq!(app.get("/readyz").await.status, 200);
    assert_eq!(app.get("/p/kora-phone-model-01").await.status, 200);
    drop(s);
}

impl OwnServer {
    /// Runs one SQL command on the server as its superuser; its output, trimmed.
    fn sql(&self, sql: &str) -> String {
        let port = self.port.to_string();
        let out = self.run("psql", &["-h", "127.0.0.1", "-p", &port, "-U", "postgres", "-d", "postgres", "-XAtc", sql]);
        assert!(out.status.success(), "psql {sql}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }
}

/// Starts or ends a stall: every commit then waits for a synchronous standby that does not
/// exist, as on a promoted standby still configured for one.
async fn stall(server: &Arc<OwnServer>, on: bool) {
    let s = server.clone();
    tokio::task::spawn_blocking(move || {
        s.sql(if on {
            "ALTER SYSTEM SET synchronous_standby_names = 'standby_that_is_gone'"
        } else {
            "ALTER SYSTEM RESET synchronous_standby_names"
        });
        s.sql("SELECT pg_reload_conf()");
    })
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
}

/// A shopper with one bag of rice in the cart and the filled checkout form (its idempotency
/// key included), ready to post it as often as a retrying browser would.
struct Shopper {
    browser: Browser<'static>,
    form: Vec<(String, String)>,
}

impl Shopper {
    async fn new(app: &'static TestApp, variant: i64) -> Shopper {
        let mut browser = Browser::new(app);
        let r = browser.post("/cart/add", &[("variant_id", &variant.to_string()), ("quantity", "1")]).await;
        assert_eq!(r.status, 303, "{}", r.text());
        let form = checkout_form(&mut browser, "/checkout", &[]).await;
        Shopper { browser, form }
    }

    /// Posts the checkout form: the answer and how long it took.
    async fn place(&mut self) -> (Res, Duration) {
        let pairs: Vec<(&str, &str)> = self.form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let t = Instant::now();
        let r = self.browser.post("/checkout", &pairs).await;
        (r, t.elapsed())
    }
}

/// Every shopper posts the checkout form at once; each task gives back the shopper and its answer.
fn place_all(shoppers: Vec<Shopper>) -> Vec<tokio::task::JoinHandle<(Shopper, (Res, Duration))>> {
    shoppers
        .into_iter()
        .map(|mut s| {
            tokio::spawn(async move {
                let answer = s.place().await;
                (s, answer)
            })
        })
        .collect()
}

/// A stalled database (the server answers, but commits hang waiting for a synchronous standby
/// that is gone) must not hold the pool hostage: page views that only read keep being served,
/// checkouts answer a clear "try again" within seconds instead of hanging, no connection stays
/// stuck, a retry with the same idempotency key never places a second order, and orders flow
/// again as soon as the stall ends, without a restart.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stalled_database_answers_try_again_and_keeps_the_pool_free() {
    let Some(server) = tokio::task::spawn_blocking(OwnServer::new).await.unwrap() else { return };
    let server = Arc::new(server);
    let url = format!("postgres://postgres@127.0.0.1:{}/postgres", server.port);
    // A small pool, so that a handful of stuck checkouts would exhaust it.
    let pool = PoolConfig { max_connections: 4, acquire_timeout: Duration::from_millis(1000), ..Default::default() };
    let store = baobab_store::connect(&url, &pool).await.unwrap();
    store.migrate().await.unwrap();
    // 'static: the shoppers below run as tasks of their own, as concurrent browsers do.
    let app: &'static TestApp = Box::leak(Box::new(TestApp::over(store, WebSettings::default(), vec![]).await));
    let rice = app.store().product(baobab_store::Key::Slug("long-grain-rice-5-kg")).await.unwrap().expect("rice");
    let variant = rice.variants[0].id;
    assert_eq!(rice.variants[0].stock_on_hand, 10);
    const SHOPPERS: usize = 8;
    let mut shoppers = Vec::new();
    for _ in 0..SHOPPERS {
        shoppers.push(Shopper::new(app, variant).await);
    }
    let mut late = Shopper::new(app, variant).await;

    stall(&server, true).await;
    let stalled_at = Instant::now();

    // Page views while every checkout is stuck on its commit.
    let reading = tokio::spawn(async move {
        let (mut served, mut total) = (0u32, 0u32);
        let mut slowest = Duration::ZERO;
        while stalled_at.elapsed() < Duration::from_secs(4) {
            for path in ["/", "/c/groceries", "/p/long-grain-rice-5-kg", "/api/v1/products?per_page=5"] {
                let t = Instant::now();
                let r = app.get(path).await;
                slowest = slowest.max(t.elapsed());
                total += 1;
                served += u32::from(r.status == 200);
            }
        }
        (served, total, slowest)
    });
    // A staff system writes through the API meanwhile: its answer is the JSON try-again.
    let staff_write = tokio::spawn(async move {
        let t = Instant::now();
        let r = app.staff(axum::http::Method::POST, "/api/v1/categories", serde_json::json!({"name": "Rice and grains"})).await;
        (r, t.elapsed())
    });
    // All shoppers check out at once: more than the pool has connections.
    let tasks = place_all(shoppers);
    let mut shoppers = Vec::new();
    let mut waits = Vec::new();
    for t in tasks {
        let (s, (r, took)) = t.await.unwrap();
        assert_eq!(r.status, 503, "a stalled checkout is a clear try-again: {}", r.text());
        assert_eq!(r.header("retry-after"), "5");
        assert!(r.text().contains("try again"), "{}", r.text());
        waits.push(took);
        shoppers.push(s);
    }
    let longest = *waits.iter().max().unwrap();
    assert!(longest <= Duration::from_secs(5), "every checkout answered within 5 s: {waits:?}");
    let (served, total, slowest_read) = reading.await.unwrap();
    let (r, api_took) = staff_write.await.unwrap();
    r.assert_error(503, "");
    assert_eq!(r.json()["error"]["code"], "unavailable");
    assert!(api_took <= Duration::from_secs(5), "the API write answered within 5 s: {api_took:?}");
    assert_eq!(served, total, "every page view was served during the stall ({served}/{total})");

    // Nothing is left stuck: no session of ours waits on a commit or a lock, and the pool is
    // free (a read gets a connection at once).
    let unblocked = wait_until(Duration::from_secs(2), async || {
        let s = server.clone();
        let stuck = tokio::task::spawn_blocking(move || {
            s.sql("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'baobab' AND (wait_event = 'SyncRep' OR wait_event_type = 'Lock')")
        })
        .await
        .unwrap();
        stuck == "0"
    })
    .await;
    assert!(unblocked, "no database session stays blocked");
    let free = wait_until(Duration::from_secs(1), async || {
        let p = app.store().pool_stats();
        p.size == p.idle
    })
    .await;
    assert!(free, "no connection is held: {:?}", app.store().pool_stats());
    let t = Instant::now();
    assert_eq!(app.get("/api/v1/products?per_page=5").await.status, 200);
    assert!(t.elapsed() < Duration::from_secs(1), "the pool is not exhausted: {:?}", t.elapsed());

    // Shoppers retry with the same key while the stall goes on. A checkout whose order was
    // committed before its session was ended gets that order back, not a second one.
    let tasks = place_all(shoppers);
    let mut shoppers = Vec::new();
    let mut found_during_stall = Vec::new();
    for t in tasks {
        let (s, (r, took)) = t.await.unwrap();
        assert!(took <= Duration::from_secs(5), "a retry answers within 5 s too: {took:?}");
        match r.status.as_u16() {
            303 => found_during_stall.push(r.header("location").to_string()),
            503 => {}
            other => panic!("a retry during the stall answers 303 or 503, not {other}: {}", r.text()),
        }
        shoppers.push(s);
    }

    // The stall ends: orders flow again, without a restart.
    stall(&server, false).await;
    let ended_at = Instant::now();
    let flowing = loop {
        let (r, _) = late.place().await;
        if r.status == 303 {
            break ended_at.elapsed();
        }
        assert_eq!(r.status, 503, "{}", r.text());
        assert!(ended_at.elapsed() < Duration::from_secs(10), "orders did not flow again after the stall");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(flowing <= Duration::from_secs(5), "orders flow within 5 s of the stall's end: {flowing:?}");

    // Every shopper retries once more: each has exactly one order, and the ones found during
    // the stall are the same orders.
    let mut orders = Vec::new();
    for s in shoppers.iter_mut() {
        let (r, _) = s.place().await;
        assert_eq!(r.status, 303, "{}", r.text());
        orders.push(r.header("location").to_string());
    }
    for o in &found_during_stall {
        assert!(orders.contains(o), "a retry during the stall found the order the shopper placed: {o}");
    }
    let mut unique = orders.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), SHOPPERS, "one order per shopper: {orders:?}");
    let placed = app.store().list_orders(None, 0, 100).await.unwrap();
    assert_eq!(placed.len(), SHOPPERS + 1, "no order placed twice");
    let left = app.store().variant(variant).await.unwrap().unwrap().stock_on_hand;
    assert_eq!(left, 10 - (SHOPPERS as i64 + 1), "stock adds up");
    eprintln!(
        "stall: {served}/{total} page views served (slowest {slowest_read:?}); {SHOPPERS} concurrent checkouts answered \
         503 after at most {longest:?} ({waits:?}), an API write after {api_took:?}; {} retries found their order during the stall; orders flowed {flowing:?} \
         after the stall ended",
        found_during_stall.len()
    );
}

/// A request that outlives `http.request_timeout_seconds` is answered with the shop's "try
/// again" page, and its abandoned database work does not keep its connection: here the commit
/// watchdog is off, so only the request timeout ends the stuck checkouts.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_timed_out_request_gives_its_connection_back() {
    let Some(server) = tokio::task::spawn_blocking(OwnServer::new).await.unwrap() else { return };
    let server = Arc::new(server);
    let url = format!("postgres://postgres@127.0.0.1:{}/postgres", server.port);
    let pool = PoolConfig { max_connections: 2, commit_timeout: Duration::ZERO, ..Default::default() };
    let store = baobab_store::connect(&url, &pool).await.unwrap();
    store.migrate().await.unwrap();
    let settings = WebSettings { request_timeout: Duration::from_secs(1), ..Default::default() };
    let app: &'static TestApp = Box::leak(Box::new(TestApp::over(store, settings, vec![]).await));
    let variant = app.store().product(baobab_store::Key::Slug("long-grain-rice-5-kg")).await.unwrap().expect("rice").variants[0].id;
    let mut shoppers = Vec::new();
    for _ in 0..3 {
        shoppers.push(Shopper::new(app, variant).await);
    }

    stall(&server, true).await;
    let tasks: Vec<_> = shoppers.into_iter().map(|mut s| tokio::spawn(async move { s.place().await })).collect();
    for t in tasks {
        let (r, took) = t.await.unwrap();
        assert_eq!(r.status, 503, "{}", r.text());
        assert!(r.header("content-type").starts_with("text/html"), "the shop's page, not an empty body");
        assert!(r.text().contains("try again"), "{}", r.text());
        assert!(took < Duration::from_secs(2), "answered at the request timeout: {took:?}");
    }
    // The connections left mid-query are closed rather than waited for: none stays in use.
    let freed = wait_until(Duration::from_secs(2), async || {
        let p = app.store().pool_stats();
        p.size == p.idle
    })
    .await;
    assert!(freed, "abandoned connections are given back: {:?}", app.store().pool_stats());
    let r = app.get("/api/v1/products?per_page=5").await;
    assert_eq!(r.status, 200);
    let api = app.raw(axum::http::Method::GET, "/api/v1/products?per_page=5", &[], "").await;
    assert_eq!(api.status, 200);
    stall(&server, false).await;
}

/// A psql session of the server's superuser that keeps the transaction it was given open
/// (and its locks held) until dropped.
struct HeldLock(std::process::Child);

impl OwnServer {
    /// Runs `sql` (which takes locks and returns one row) in a transaction left open.
    fn hold(&self, sql: &str) -> HeldLock {
        use std::io::{BufRead, Write};
        let port = self.port.to_string();
        let psql = self.bin.join("psql");
        let mut cmd = if is_root() {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&psql);
            c
        } else {
            Command::new(&psql)
        };
        let mut child = cmd
            .args(["-h", "127.0.0.1", "-p", &port, "-U", "postgres", "-d", "postgres", "-XAtq"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("psql");
        writeln!(child.stdin.as_mut().unwrap(), "BEGIN;\n{sql}").unwrap();
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.as_mut().unwrap()).read_line(&mut line).unwrap();
        assert!(!line.trim().is_empty(), "the locking statement answered");
        HeldLock(child)
    }
}

impl Drop for HeldLock {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A row lock held elsewhere (here a session that locked the stock row and went quiet) makes a
/// checkout give up after `database.lock_timeout_ms` with a clear "try again" instead of
/// queueing behind it; page views are unaffected, and once the lock is gone the shopper's retry
/// (same form, same key) places the order.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_checkout_behind_a_held_row_lock_answers_try_again() {
    let Some(server) = tokio::task::spawn_blocking(OwnServer::new).await.unwrap() else { return };
    let server = Arc::new(server);
    let url = format!("postgres://postgres@127.0.0.1:{}/postgres", server.port);
    let pool = PoolConfig::default();
    let store = baobab_store::connect(&url, &pool).await.unwrap();
    store.migrate().await.unwrap();
    let app: &'static TestApp = Box::leak(Box::new(TestApp::over(store, WebSettings::default(), vec![]).await));
    let variant = app.store().product(baobab_store::Key::Slug("long-grain-rice-5-kg")).await.unwrap().expect("rice").variants[0].id;
    let mut shopper = Shopper::new(app, variant).await;

    let s = server.clone();
    let held =
        tokio::task::spawn_blocking(move || s.hold(&format!("SELECT id FROM variants WHERE id = {variant} FOR UPDATE;"))).await.unwrap();
    let (r, took) = shopper.place().await;
    assert_eq!(r.status, 503, "{}", r.text());
    assert!(r.text().contains("try again"), "{}", r.text());
    assert!(took >= pool.lock_timeout && took < pool.lock_timeout + Duration::from_secs(2), "gave up at the lock timeout: {took:?}");
    assert_eq!(app.get("/p/long-grain-rice-5-kg").await.status, 200, "page views are not held up");

    tokio::task::spawn_blocking(move || drop(held)).await.unwrap();
    let (r, _) = shopper.place().await;
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(app.store().list_orders(None, 0, 10).await.unwrap().len(), 1);
    assert_eq!(app.store().variant(variant).await.unwrap().unwrap().stock_on_hand, 9);
}
