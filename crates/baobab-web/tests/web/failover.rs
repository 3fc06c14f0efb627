//! The PostgreSQL backend rides out the database going away and coming back (an RDS Multi-AZ
//! failover): requests fail fast with 503 while it is gone, and succeed again, without a
//! restart, once it is back. The test owns its PostgreSQL server and stops and starts it.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use baobab_store::PoolConfig;
use baobab_web::WebSettings;

use crate::support::TestApp;

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
