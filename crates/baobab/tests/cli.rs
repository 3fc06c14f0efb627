//! The `baobab` binary as a user runs it: help, configuration errors, tokens, first start with
//! the demo catalog (in English and French), catalog and translation files in and out,
//! PostgreSQL by configuration alone, and graceful shutdown with a slow request in flight.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_baobab");

struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos();
        let p = std::env::temp_dir().join(format!("baobab-cli-{tag}-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn baobab(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(BIN);
    c.args(args).env_remove("BAOBAB_DATABASE_URL");
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().unwrap()
}

fn text(o: &Output) -> (String, String) {
    (String::from_utf8_lossy(&o.stdout).into_owned(), String::from_utf8_lossy(&o.stderr).into_owned())
}

/// A running server; killed on drop if the test did not stop it.
struct Server {
    child: Child,
    addr: String,
    lines: mpsc::Receiver<String>,
}

impl Server {
    fn start(data: &Path, extra: &[&str], env: &[(&str, &str)]) -> Server {
        let mut c = Command::new(BIN);
        c.arg("--data-dir").arg(data).args(["serve", "--listen", "127.0.0.1:0", "--metrics-listen", "127.0.0.1:0"]).args(extra);
        c.env_remove("BAOBAB_DATABASE_URL").env("BAOBAB_LOG", "info");
        for (k, v) in env {
            c.env(k, v);
        }
        #[allow(clippy::zombie_processes)] // Server's Drop kills and waits
        let mut child = c.stdout(Stdio::piped()).stderr(Stdio::inherit()).spawn().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let line = rx.recv_timeout(deadline.saturating_duration_since(Instant::now())).expect("server announces its address");
            let v: serde_json::Value = serde_json::from_str(&line).unwrap_or_else(|e| panic!("log lines are JSON ({e}): {line}"));
            if v["fields"]["message"] == "baobab is serving" {
                let addr = v["fields"]["listen"].as_str().unwrap().to_string();
                return Server { child, addr, lines: rx };
            }
        }
    }

    fn get(&self, path: &str) -> (u16, String) {
        http(&self.addr, &format!("GET {path} HTTP/1.1\r\nHost: shop\r\nConnection: close\r\n\r\n"))
    }

    fn terminate(&self) {
        assert!(Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status().unwrap().success());
    }

    fn wait(&mut self, limit: Duration) -> std::process::ExitStatus {
        let deadline = Instant::now() + limit;
        loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                return s;
            }
            assert!(Instant::now() < deadline, "server did not exit within {limit:?}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn http(addr: &str, request: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    s.write_all(request.as_bytes()).unwrap();
    read_response(&mut s)
}

fn read_response(s: &mut TcpStream) -> (u16, String) {
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).unwrap();
    let text = String::from_utf8_lossy(&buf).into_owned();
    let status = text.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    (status, text)
}

fn body(response: &str) -> serde_json::Value {
    let json = &response[response.find("\r\n\r\n").unwrap() + 4..];
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {json}"))
}

#[test]
fn every_command_describes_itself() {
    for args in [
        &["--help"][..],
        &["serve", "--help"],
        &["migrate", "--help"],
        &["token", "--help"],
        &["token", "create", "--help"],
        &["token", "revoke", "--help"],
    ] {
        let o = baobab(args, &[]);
        let (out, _) = text(&o);
        assert!(o.status.success(), "{args:?}");
        assert!(out.contains("Usage: baobab"), "{args:?}: {out}");
    }
    let (out, _) = text(&baobab(&["--help"], &[]));
    for word in ["serve", "migrate", "token", "--config", "--data-dir"] {
        assert!(out.contains(word), "{word} in --help");
    }
    let (out, _) = text(&baobab(&["serve", "--help"], &[]));
    assert!(out.contains("--listen") && out.contains("--metrics-listen") && out.contains("--no-demo"));
}

#[test]
fn invalid_configuration_stops_start_up_naming_key_and_value() {
    let d = TempDir::new("badcfg");
    let dir = d.0.display().to_string();
    for (args, env, words) in [
        (vec!["--data-dir", &dir, "serve", "--listen", "nowhere"], vec![], vec!["`listen`", "`nowhere`", "command line"]),
        (vec!["--data-dir", &dir, "serve"], vec![("BAOBAB_DEFAULT_CURRENCY", "NAIRA")], vec!["default_currency", "NAIRA", "BAOBAB_"]),
        (vec!["--data-dir", &dir, "serve"], vec![("BAOBAB_SHUTDOWN__TIMEOUT_SECONDS", "soon")], vec!["shutdown.timeout_seconds", "soon"]),
        (
            vec!["--data-dir", &dir, "serve"],
            vec![("BAOBAB_DATABASE_URL", "mysql://root:hunter2@db/shop")],
            vec!["database_url", "mysql://root:***@db/shop"],
        ),
        (vec!["--data-dir", &dir, "--config", "/nonexistent.toml", "serve"], vec![], vec!["/nonexistent.toml"]),
    ] {
        let t = Instant::now();
        let o = baobab(&args, &env);
        let (_, err) = text(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?} {env:?}: {err}");
        for w in words {
            assert!(err.contains(w), "{w} in: {err}");
        }
        assert!(!err.contains("hunter2"), "passwords are never printed");
        assert!(t.elapsed() < Duration::from_secs(5));
    }
    let cfg = d.0.join("bad.toml");
    std::fs::write(&cfg, "listen = 8080\n").unwrap();
    let o = baobab(&["--data-dir", &dir, "--config", cfg.to_str().unwrap(), "serve"], &[]);
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(2));
    assert!(err.contains("listen") && err.contains("8080") && err.contains("bad.toml"), "{err}");
}

#[test]
fn tokens_are_created_listed_and_revoked() {
    let d = TempDir::new("tokens");
    let dir = d.0.to_str().unwrap();
    let o = baobab(&["--data-dir", dir, "token", "create", "--name", "importer", "--role", "boss"], &[]);
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(2));
    assert!(err.contains("boss") && err.contains("catalog"), "{err}");
    let o = baobab(&["--data-dir", dir, "token", "create", "--name", "importer", "--role", "catalog"], &[]);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(out.trim().starts_with("bbk_") && out.trim().len() == 68, "{out}");
    assert!(err.contains("not shown again"));
    let (list, _) = text(&baobab(&["--data-dir", dir, "token", "list"], &[]));
    assert!(list.contains("importer") && list.contains("catalog"), "{list}");
    assert!(!list.contains(out.trim()), "secrets are never listed");
    let o = baobab(&["--data-dir", dir, "token", "create", "--name", " ", "--role", "catalog"], &[]);
    assert!(!o.status.success());
    assert!(text(&o).1.contains("name"));
    let o = baobab(&["--data-dir", dir, "token", "revoke", "99"], &[]);
    assert!(!o.status.success());
    assert!(text(&o).1.contains("no live token with id 99"));
    let o = baobab(&["--data-dir", dir, "token", "revoke", "abc"], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).1.contains("abc"));
    assert!(baobab(&["--data-dir", dir, "token", "revoke", "1"], &[]).status.success());
    assert!(
        text(&baobab(&["--data-dir", dir, "token", "list"], &[])).0.lines().nth(1).unwrap().split_whitespace().count() > 6,
        "revocation time shown"
    );
}

#[test]
fn first_start_seeds_the_demo_once_and_no_demo_skips_it() {
    let d = TempDir::new("demo");
    let mut s = Server::start(&d.0, &[], &[]);
    let (status, res) = s.get("/api/v1/products?per_page=1");
    assert_eq!(status, 200, "{res}");
    assert_eq!(body(&res)["total"], 47);
    assert_eq!(s.get("/c/groceries").0, 200);
    assert_eq!(s.get("/readyz").0, 200);
    assert!(d.0.join("baobab.db").exists() && d.0.join("media").is_dir(), "one data directory holds the database and media");
    // The demo exists in French too: French slugs lead to French pages.
    let (status, page) = s.get("/fr/p/lanterne-solaire-avec-recharge-telephone");
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Lanterne solaire avec recharge de téléphone") && page.contains("Huit heures de lumière"), "{page}");
    let (status, page) = s.get("/fr/c/solaire-et-energie");
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Solaire et énergie") && page.contains("Kit solaire pour la maison 50 W"), "{page}");
    s.terminate();
    assert!(s.wait(Duration::from_secs(20)).success());
    demo_is_all_in_french(&d.0);

    let mut again = Server::start(&d.0, &[], &[]);
    assert_eq!(body(&again.get("/api/v1/products?per_page=1").1)["total"], 47, "never seeded twice");
    again.terminate();
    assert!(again.wait(Duration::from_secs(20)).success());

    let empty = TempDir::new("nodemo");
    let s = Server::start(&empty.0, &["--no-demo"], &[]);
    assert_eq!(body(&s.get("/api/v1/products").1)["total"], 0);
    drop(s);
}

#[test]
fn graceful_shutdown_finishes_a_slow_request_in_flight() {
    let d = TempDir::new("shutdown");
    let dir = d.0.to_str().unwrap();
    let token = text(&baobab(&["--data-dir", dir, "token", "create", "--name", "t", "--role", "catalog"], &[])).0.trim().to_string();
    let mut s = Server::start(&d.0, &["--no-demo"], &[("BAOBAB_SHUTDOWN__DRAIN_SECONDS", "2"), ("BAOBAB_SHUTDOWN__TIMEOUT_SECONDS", "10")]);

    // A slow upload: headers and half the body now, the rest after SIGTERM.
    let json = r#"{"name": "Created during shutdown"}"#;
    let (first, rest) = json.split_at(10);
    let mut slow = TcpStream::connect(&s.addr).unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(slow, "POST /api/v1/categories HTTP/1.1\r\nHost: shop\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{first}", json.len()).unwrap();
    slow.flush().unwrap();
    std::thread::sleep(Duration::from_millis(300));

    assert_eq!(s.get("/healthz").0, 200);
    s.terminate();
    // The health check (the load balancer's and the group's) turns 503 at once, while the
    // listener still answers (drain period): the balancer stops sending before the listener closes.
    let deadline = Instant::now() + Duration::from_secs(2);
    let health = loop {
        let (code, res) = s.get("/healthz");
        if code == 503 || Instant::now() > deadline {
            break (code, res);
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(health.0, 503, "{}", health.1);
    assert_eq!(body(&health.1)["status"], "shutting_down");
    let ready = s.get("/readyz");
    assert_eq!(ready.0, 503, "{}", ready.1);
    assert_eq!(body(&ready.1)["status"], "shutting_down");

    slow.write_all(rest.as_bytes()).unwrap();
    let (code, res) = read_response(&mut slow);
    assert_eq!(code, 201, "the in-flight request completed: {res}");
    let status = s.wait(Duration::from_secs(20));
    assert!(status.success(), "exit status {status:?}");
    let logs: Vec<String> = s.lines.try_iter().collect();
    assert!(logs.iter().any(|l| l.contains("shutdown requested")), "{logs:?}");
    assert!(logs.iter().any(|l| l.contains("\"stopped\"")), "{logs:?}");
    // The category really was stored.
    let again = Server::start(&d.0, &["--no-demo"], &[]);
    assert_eq!(body(&again.get("/api/v1/categories").1)["items"][0]["name"], "Created during shutdown");
}

#[test]
fn runs_on_postgres_by_configuration_alone() {
    let Some(admin) = baobab_store::testing::pg_admin_url() else { return };
    let name = format!("baobab_cli_{}", std::process::id());
    let url = baobab_store::testing::with_database(&admin, &name);
    let guard = create_database(&admin, &name);
    let d = TempDir::new("pg");
    let dir = d.0.to_str().unwrap();
    let env = [("BAOBAB_DATABASE_URL", url.as_str())];
    let o = baobab(&["--data-dir", dir, "migrate"], &env);
    assert!(o.status.success(), "{:?}", text(&o));
    assert!(text(&o).0.contains("postgres"));
    assert!(baobab(&["--data-dir", dir, "migrate"], &env).status.success(), "migrate twice is harmless");
    let mut s = Server::start(&d.0, &[], &[("BAOBAB_DATABASE_URL", url.as_str()), ("BAOBAB_DEMO", "true")]);
    let (code, ready) = s.get("/readyz");
    assert_eq!(code, 200, "{ready}");
    assert_eq!(body(&ready)["checks"]["database"]["backend"], "postgres");
    assert_eq!(body(&s.get("/api/v1/search?q=shea").1)["items"][0]["title"], "Raw shea butter, 250 g");
    assert!(!d.0.join("baobab.db").exists(), "no SQLite file in PostgreSQL mode");
    s.terminate();
    assert!(s.wait(Duration::from_secs(20)).success());
    drop(guard);
}

/// Creates the database now and drops it when the guard goes.
fn create_database(admin: &str, name: &str) -> DbGuard {
    let out = Command::new("psql").args([admin, "-q", "-c", &format!("CREATE DATABASE \"{name}\"")]).output().expect("psql");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    DbGuard { admin: admin.to_string(), name: name.to_string() }
}

struct DbGuard {
    admin: String,
    name: String,
}

impl Drop for DbGuard {
    fn drop(&mut self) {
        baobab_store::testing::drop_database(&self.admin, &self.name);
    }
}

#[test]
fn media_reprocess_runs_and_rejects_bad_flags() {
    let d = TempDir::new("reprocess");
    let dir = d.0.to_str().unwrap();
    let o = baobab(&["--data-dir", dir, "media", "reprocess"], &[]);
    let (_, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("reprocessed 0 images"), "{err}");
    let o = baobab(&["--data-dir", dir, "media", "reprocess", "--limit", "lots"], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).1.contains("lots"));
    let o = baobab(&["--data-dir", dir, "media", "reprocess"], &[("BAOBAB_MEDIA__BACKEND", "s3")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).1.contains("media.bucket"));
}

#[test]
fn staff_are_invited_from_the_command_line() {
    let d = TempDir::new("staff");
    let dir = d.0.to_str().unwrap();
    let o = baobab(&["--data-dir", dir, "staff", "add", "--email", "owner@example.com", "--role", "boss"], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).1.contains("boss") && text(&o).1.contains("owner"));
    let o = baobab(&["--data-dir", dir, "staff", "add", "--email", "Owner@Example.com", "--role", "owner"], &[]);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(out.trim().starts_with("http://127.0.0.1:8080/account/reset?token="), "{out}");
    let again = baobab(&["--data-dir", dir, "staff", "add", "--email", "owner@example.com", "--role", "support"], &[]);
    assert!(!again.status.success());
    assert!(text(&again).1.contains("e-mail"), "{}", text(&again).1);
    let bad = baobab(&["--data-dir", dir, "staff", "add", "--email", "not-an-email", "--role", "support"], &[]);
    assert!(!bad.status.success());
    assert!(text(&bad).1.contains("email"));
    let (list, _) = text(&baobab(&["--data-dir", dir, "staff", "list"], &[]));
    assert!(list.contains("owner@example.com") && list.contains("owner") && list.contains("not yet"), "{list}");
}

/// A Shopify product file (current column names) with two products, one of them in two sizes.
const SHOPIFY_CSV: &str = "\u{feff}Title,URL handle,Description,Type,Status,SKU,Option1 name,Option1 value,Price,Compare-at price,Inventory quantity\n\
Indigo wax print,indigo-wax-print,<p>Six yards of cotton.</p>,Fashion > Fabrics,active,WAX-1,Length,6 yards,12.50,15.00,10\n\
Kaftan,kaftan,<p>Linen kaftan.</p>,Fashion > Clothing,active,KAF-S,Size,S,30.00,,4\n\
,kaftan,,,,KAF-M,,M,31.00,,2\n";

#[test]
fn products_are_imported_checked_and_exported_again() {
    let d = TempDir::new("import");
    let dir = d.0.to_str().unwrap();
    let file = d.0.join("products.csv");
    std::fs::write(&file, SHOPIFY_CSV).unwrap();
    let file = file.to_str().unwrap();

    // Bad flags name the bad value; nothing is read.
    for (flag, value) in [("--format", "excel"), ("--currency", "XYZ"), ("--tags", "labels")] {
        let o = baobab(&["--data-dir", dir, "import", "products", file, flag, value], &[]);
        assert_eq!(o.status.code(), Some(2), "{flag}");
        assert!(text(&o).1.contains(value), "{flag}: {}", text(&o).1);
    }
    let o = baobab(&["--data-dir", dir, "import", "products", "/nonexistent/products.csv"], &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).1.contains("/nonexistent/products.csv"), "{}", text(&o).1);
    let o = baobab(&["--data-dir", dir, "import", "products", file, "--images", "/nonexistent/images"], &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).1.contains("/nonexistent/images"), "{}", text(&o).1);

    // A file with problems: each one named by row and column, and nothing imported.
    let broken = d.0.join("broken.csv");
    std::fs::write(&broken, SHOPIFY_CSV.replace("12.50", "\"12,50\"").replace("31.00", "-31.00")).unwrap();
    let o = baobab(&["--data-dir", dir, "import", "products", broken.to_str().unwrap(), "--currency", "USD"], &[]);
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out}{err}");
    assert!(out.contains("row 2, column \"Price\"") && out.contains("decimal comma"), "{out}");
    assert!(out.contains("row 4, column \"Price\""), "{out}");
    assert!(err.contains("nothing was imported"), "{err}");

    // A dry run checks and writes nothing.
    let o = baobab(&["--data-dir", dir, "import", "products", file, "--currency", "USD", "--dry-run"], &[]);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{out}{err}");
    assert!(out.contains("2 products, 3 variants") && out.contains("dry run"), "{out}");
    let export = |dir: &str| {
        let o = baobab(&["--data-dir", dir, "export", "products", "--currency", "USD"], &[]);
        assert!(o.status.success(), "{}", text(&o).1);
        text(&o).0
    };
    assert_eq!(export(dir).lines().count(), 1, "only the header: the dry run wrote nothing");

    // The real run, then the same file again: updated, never duplicated.
    let o = baobab(&["--data-dir", dir, "import", "products", file, "--currency", "USD"], &[]);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{out}{err}");
    assert!(out.contains("2 products created") && out.contains("3 variants created") && out.contains("3 categories created"), "{out}");
    let o = baobab(&["--data-dir", dir, "import", "products", file, "--currency", "USD"], &[]);
    assert!(text(&o).0.contains("0 products created, 2 updated; 0 variants created, 3 updated"), "{}", text(&o).0);

    // Export, import the export elsewhere, export again: the same file.
    let first = export(dir);
    assert!(first.contains("indigo-wax-print") && first.contains("KAF-M") && first.contains("12.50"), "{first}");
    let exported = d.0.join("exported.csv");
    std::fs::write(&exported, &first).unwrap();
    let d2 = TempDir::new("import-again");
    let dir2 = d2.0.to_str().unwrap();
    let o = baobab(&["--data-dir", dir2, "import", "products", exported.to_str().unwrap(), "--currency", "USD"], &[]);
    assert!(o.status.success(), "{}{}", text(&o).0, text(&o).1);
    assert_eq!(export(dir2), first, "export → import → export round-trips");

    // Orders: a header and no rows yet; bad dates are named.
    let o = baobab(&["--data-dir", dir, "export", "orders", "--from", "2026-01-01"], &[]);
    assert!(o.status.success(), "{}", text(&o).1);
    assert_eq!(text(&o).0.lines().count(), 1);
    let o = baobab(&["--data-dir", dir, "export", "orders", "--from", "01/02/2026"], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).1.contains("01/02/2026"));
}

/// Every demo product and category has its French title, description, slug and attribute names
/// and values: nothing is left to translate, counted by the store.
fn demo_is_all_in_french(data: &Path) {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    rt.block_on(async {
        let url = format!("sqlite:{}", data.join("baobab.db").display());
        let store = baobab_store::connect(&url, &baobab_store::PoolConfig::default()).await.unwrap();
        let gaps = store.translation_gaps(&["fr".to_string()]).await.unwrap().remove(0);
        assert_eq!((gaps.products, gaps.categories), (47, 16), "{gaps:?}");
        assert_eq!((gaps.products_untranslated, gaps.product_titles, gaps.categories_untranslated), (0, 0, 0), "{gaps:?}");
        assert_eq!(gaps.missing_fields, 0, "descriptions and attributes too: {gaps:?}");
        let mut q = baobab_domain::query::ProductQuery::storefront("USD".parse().unwrap());
        q.status = baobab_domain::query::StatusFilter::Any;
        q.priced_only = false;
        q.pagination = baobab_domain::query::Pagination { page: 1, per_page: 100 };
        let ids: Vec<i64> = store.products(&q).await.unwrap().items.iter().map(|p| p.id).collect();
        assert_eq!(ids.len(), 47);
        let mut french_titles = 0;
        for id in ids {
            let t = store.product_translations(id).await.unwrap();
            let fr = t.get("fr").unwrap_or_else(|| panic!("product {id} has French"));
            assert!(fr.slug.as_deref().is_some_and(|s| !s.is_empty()), "product {id}: a French slug");
            french_titles += fr.title.is_some() as u32;
        }
        assert_eq!(french_titles, 47);
        store.close().await;
    });
}

/// Products with an attribute, for the translation files.
const PRODUCTS_WITH_ATTRIBUTES: &str = "Title,URL handle,Description,Type,Status,SKU,Price,Material (product.metafields.custom.material)\n\
Indigo wax print,indigo-wax-print,<p>Six yards of cotton.</p>,Fashion > Fabrics,active,WAX-1,12.50,Cotton\n\
Kaftan,kaftan,<p>Linen kaftan.</p>,Fashion > Clothing,active,KAF-S,30.00,Linen\n";

const TRANSLATIONS_HEADER: &str = "Type,Identification,Field,Locale,Market,Status,Default content,Translated content\n";

/// French for both products and a category, an empty row (skipped) and a theme row (not ours).
const TRANSLATIONS_CSV: &str = "Type,Identification,Field,Locale,Market,Status,Default content,Translated content\n\
PRODUCT,indigo-wax-print,title,fr,,,Indigo wax print,Pagne wax indigo\n\
PRODUCT,indigo-wax-print,body_html,fr,,,<p>Six yards of cotton.</p>,<p>Six yards de coton.</p><p>Grand teint.</p>\n\
PRODUCT,indigo-wax-print,handle,fr,,,indigo-wax-print,pagne-wax-indigo\n\
PRODUCT,indigo-wax-print,attribute.Material.name,fr,,,Material,Matière\n\
PRODUCT,indigo-wax-print,attribute.Material.value,fr,,,Cotton,Coton\n\
PRODUCT,kaftan,title,fr,,,Kaftan,Caftan\n\
PRODUCT,kaftan,body_html,fr,,,<p>Linen kaftan.</p>,\n\
COLLECTION,fabrics,title,fr,,,Fabrics,Tissus\n\
ONLINE_STORE_THEME,'123456789,general.welcome,fr,,,Welcome,Bienvenue\n";

#[test]
fn translations_are_imported_checked_and_exported_again() {
    let d = TempDir::new("translations");
    let dir = d.0.to_str().unwrap();
    let write = |name: &str, body: &[u8]| {
        let p = d.0.join(name);
        std::fs::write(&p, body).unwrap();
        p.to_str().unwrap().to_string()
    };
    let products = write("products.csv", PRODUCTS_WITH_ATTRIBUTES.as_bytes());
    let o = baobab(&["--data-dir", dir, "import", "products", &products, "--currency", "USD"], &[]);
    assert!(o.status.success(), "{}{}", text(&o).0, text(&o).1);
    let export = |dir: &str, lang: &str| {
        let o = baobab(&["--data-dir", dir, "export", "translations", "--lang", lang], &[]);
        assert!(o.status.success(), "{}", text(&o).1);
        text(&o).0
    };
    let untranslated = export(dir, "fr");
    assert!(untranslated.starts_with(TRANSLATIONS_HEADER), "{untranslated}");
    assert!(untranslated.contains("PRODUCT,kaftan,title,fr,,,Kaftan,\n"), "a row to fill in: {untranslated}");

    // Bad files: every problem named by row and column, and nothing written.
    let line = |body: &str| format!("{TRANSLATIONS_HEADER}{body}\n");
    let cases: Vec<(&str, Vec<u8>, &[&str])> = vec![
        (
            "unknown handle",
            line("PRODUCT,no-such-thing,title,fr,,,,Rien").into_bytes(),
            &["row 2, column \"Identification\"", "no product has the handle or id `no-such-thing`"],
        ),
        ("Shopify's id", line("PRODUCT,'8079393226938,title,fr,,,,Caftan").into_bytes(), &["`8079393226938`", "not Shopify's own ids"]),
        (
            "unknown locale",
            line("PRODUCT,kaftan,title,de,,,,Kaftan").into_bytes(),
            &["row 2, column \"Locale\"", "`de` is not one of the languages"],
        ),
        ("default locale", line("PRODUCT,kaftan,title,en,,,,Kaftan").into_bytes(), &["row 2, column \"Locale\"", "default language"]),
        (
            "not a locale",
            line("PRODUCT,kaftan,title,français,,,,Caftan").into_bytes(),
            &["row 2, column \"Locale\"", "not a language code"],
        ),
        (
            "bad slug",
            line("PRODUCT,kaftan,handle,fr,,,,Caftan Lin!").into_bytes(),
            &["row 2, column \"Translated content\"", "is not a handle"],
        ),
        (
            "duplicate slug",
            line("PRODUCT,kaftan,handle,fr,,,,caftan\nPRODUCT,indigo-wax-print,handle,fr,,,,caftan").into_bytes(),
            &["row 3, column \"Translated content\"", "also given to product `kaftan` in fr on row 2"],
        ),
        (
            "slug held by another product",
            line("PRODUCT,kaftan,handle,fr,,,,indigo-wax-print").into_bytes(),
            &["row 2, column \"Translated content\"", "already product `indigo-wax-print`'s in the default language"],
        ),
        (
            "attribute the product lacks",
            line("PRODUCT,kaftan,attribute.Colour.name,fr,,,,Couleur").into_bytes(),
            &["row 2, column \"Translated content\"", "no attribute of this name"],
        ),
        ("title too long", line(&format!("PRODUCT,kaftan,title,fr,,,,{}", "a".repeat(201))).into_bytes(), &["row 2", "at most 200"]),
        (
            "field given twice",
            line("PRODUCT,kaftan,title,fr,,,,Caftan\nPRODUCT,kaftan,title,fr,,,,Boubou").into_bytes(),
            &["row 3", "given twice"],
        ),
        ("unknown field", line("PRODUCT,kaftan,titel,fr,,,,Caftan").into_bytes(), &["row 2, column \"Field\"", "unknown field `titel`"]),
        (
            "missing columns",
            b"Type,Identification,Field,Locale\nPRODUCT,kaftan,title,fr\n".to_vec(),
            &["row 1", "lacks the column(s) \"Translated content\""],
        ),
        ("not UTF-8", [TRANSLATIONS_HEADER.as_bytes(), b"PRODUCT,kaftan,title,fr,,,,Caf\xe9tan\n"].concat(), &["row 2", "is not UTF-8"]),
        ("empty file", Vec::new(), &["row 1", "the file is empty"]),
    ];
    for (what, body, expected) in &cases {
        let file = write("bad.csv", body);
        for dry in [true, false] {
            let mut args = vec!["--data-dir", dir, "import", "translations", &file];
            if dry {
                args.push("--dry-run");
            }
            let o = baobab(&args, &[]);
            let (out, err) = text(&o);
            assert_eq!(o.status.code(), Some(1), "{what}: {out}{err}");
            for e in *expected {
                assert!(out.contains(e), "{what}: `{e}` in {out}");
            }
            assert!(err.contains("nothing was imported"), "{what}: {err}");
        }
    }
    assert_eq!(export(dir, "fr"), untranslated, "no bad file wrote anything");

    // A dry run checks the good file and writes nothing.
    let good = write("fr.csv", TRANSLATIONS_CSV.as_bytes());
    let o = baobab(&["--data-dir", dir, "import", "translations", &good, "--dry-run"], &[]);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{out}{err}");
    assert!(
        out.contains("7 translated fields (1 empty rows skipped) for 2 products and 1 categories in fr") && out.contains("dry run"),
        "{out}"
    );
    assert!(out.contains("warning: row 10: 1 row(s) skipped: Type ONLINE_STORE_THEME is not imported"), "{out}");
    assert_eq!(export(dir, "fr"), untranslated);

    // The real run, then the same file again: nothing changes the second time.
    let o = baobab(&["--data-dir", dir, "import", "translations", &good], &[]);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{out}{err}");
    assert!(out.contains("2 product translations written, 0 unchanged; 1 category translations written, 0 unchanged"), "{out}");
    let first = export(dir, "fr");
    let o = baobab(&["--data-dir", dir, "import", "translations", &good], &[]);
    assert!(
        text(&o).0.contains("0 product translations written, 2 unchanged; 0 category translations written, 1 unchanged"),
        "{}",
        text(&o).0
    );
    assert_eq!(export(dir, "fr"), first, "importing again changed nothing");
    for row in [
        "PRODUCT,indigo-wax-print,title,fr,,,Indigo wax print,Pagne wax indigo\n",
        "PRODUCT,indigo-wax-print,body_html,fr,,,Six yards of cotton.,Six yards de coton.<br><br>Grand teint.\n",
        "PRODUCT,indigo-wax-print,handle,fr,,,indigo-wax-print,pagne-wax-indigo\n",
        "PRODUCT,indigo-wax-print,attribute.Material.value,fr,,,Cotton,Coton\n",
        "PRODUCT,kaftan,handle,fr,,,kaftan,caftan\n",
        "COLLECTION,fabrics,title,fr,,,Fabrics,Tissus\n",
    ] {
        assert!(first.contains(row), "{row} in {first}");
    }
    // A later file adds to a translation, and an empty cell removes nothing.
    let more =
        write("more.csv", line("PRODUCT,kaftan,attribute.Material.value,fr,,,Linen,Lin\nPRODUCT,kaftan,title,fr,,,Kaftan,").as_bytes());
    let o = baobab(&["--data-dir", dir, "import", "translations", &more], &[]);
    assert!(o.status.success(), "{}{}", text(&o).0, text(&o).1);
    let after = export(dir, "fr");
    assert!(
        after.contains("PRODUCT,kaftan,title,fr,,,Kaftan,Caftan\n") && after.contains("attribute.Material.value,fr,,,Linen,Lin\n"),
        "{after}"
    );

    // Export languages: one the shop does not translate into is refused, naming it.
    for (lang, says) in [("de", "not a language the shop translates into"), ("en", "default language")] {
        let o = baobab(&["--data-dir", dir, "export", "translations", "--lang", lang], &[]);
        assert_eq!(o.status.code(), Some(1));
        assert!(text(&o).1.contains(says), "{lang}: {}", text(&o).1);
    }
    let o = baobab(&["--data-dir", dir, "export", "translations"], &[]);
    assert!(text(&o).0.contains(",ar,") && text(&o).0.contains(",sw,"), "every other language by default");

    // Export → import elsewhere → export: the same file.
    let exported = d.0.join("exported.csv");
    let o = baobab(&["--data-dir", dir, "export", "translations", "--lang", "fr", "--out", exported.to_str().unwrap()], &[]);
    assert!(o.status.success(), "{}", text(&o).1);
    let d2 = TempDir::new("translations-again");
    let dir2 = d2.0.to_str().unwrap();
    let o = baobab(&["--data-dir", dir2, "import", "products", &products, "--currency", "USD"], &[]);
    assert!(o.status.success());
    let o = baobab(&["--data-dir", dir2, "import", "translations", exported.to_str().unwrap()], &[]);
    assert!(o.status.success(), "{}{}", text(&o).0, text(&o).1);
    assert_eq!(export(dir2, "fr"), after, "export → import → export round-trips");
}
