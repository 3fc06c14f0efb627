//! Checkout throughput of the order store on SQLite and PostgreSQL: orders placed per second by
//! concurrent buyers, with their latency, in two scenarios per backend, then a sold-out check.
//!
//! - spread: every worker places orders of 1–3 random lines from a catalog of 200 variants, half
//!   of them with a 10 % coupon, with a delivery quote and VAT 7.5 % included, each under its own
//!   idempotency key, as the checkout does;
//! - hot item: the same, but every order is one unit of the same variant (all contend for one
//!   stock row);
//! - sold out: 200 concurrent orders for a variant with 10 units must place exactly 10 and refuse
//!   190 as out of stock.
//!
//! Each backend gets a fresh database (a temporary SQLite file; a database created on the
//! PostgreSQL server and dropped at the end) and the portal's default pool settings.
//!
//! Environment: `WORKERS` (16) concurrent buyers, `DURATION_SECS` (5) per scenario,
//! `COUPON_PERCENT` (50) of orders with the coupon (every such order counts a use on its row);
//! `BAOBAB_TEST_DATABASE_URL`, an admin URL of the PostgreSQL server (without it PostgreSQL is
//! skipped, or with `BAOBAB_TEST_REQUIRE_POSTGRES=1` refused); `BAOBAB_BENCH_DATABASE`, the name of
//! the database to create there (default `baobab_bench_<pid>`). Exits non-zero when an order
//! fails or the sold-out check is not exact. `bench/checkout` sets all of this up:
//!
//! `cargo run --release -p baobab-store --example checkout_bench --features testing`

use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use baobab_domain::Currency;
use baobab_domain::account::Address;
use baobab_domain::catalog::{NewProduct, NewVariant, Price, ProductStatus};
use baobab_domain::order::{Coupon, CouponKind, TaxRule};
use baobab_domain::order::{NewOrder, NewOrderLine};
use baobab_domain::payment::PaymentMethod;
use baobab_domain::shipping::ShippingQuote;
use baobab_store::orders::Placed;
use baobab_store::testing::{PG_REQUIRED_VAR, PG_URL_VAR, drop_database, with_database};
use baobab_store::{PoolConfig, Store, StoreError, redact_url};
use chrono::Utc;

const CATALOG_VARIANTS: usize = 200;
const STOCK: i64 = 1_000_000;
const COUPON: &str = "BENCH10";
const SOLD_OUT_ORDERS: usize = 200;
const SOLD_OUT_UNITS: i64 = 10;
const DB_VAR: &str = "BAOBAB_BENCH_DATABASE";

/// A small deterministic generator (xorshift64), so every run asks for the same orders.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn below(&mut self, n: u64) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x % n
    }
}

struct Catalog {
    variants: Vec<i64>,
    hot: i64,
    sold_out: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scenario {
    Spread,
    Hot,
}

impl Scenario {
    fn name(self) -> &'static str {
        match self {
            Scenario::Spread => "spread",
            Scenario::Hot => "hot item",
        }
    }
}

struct Outcome {
    placed: u64,
    units: i64,
    errors: u64,
    first_errors: Vec<String>,
    elapsed: Duration,
    /// Microseconds of each placed order, sorted.
    latencies: Vec<u64>,
}

impl Outcome {
    fn per_second(&self) -> f64 {
        self.placed as f64 / self.elapsed.as_secs_f64()
    }

    /// Nearest-rank percentile, in milliseconds.
    fn ms(&self, p: f64) -> f64 {
        if self.latencies.is_empty() {
            return 0.0;
        }
        let rank = ((p / 100.0) * self.latencies.len() as f64).ceil() as usize;
        self.latencies[rank.clamp(1, self.latencies.len()) - 1] as f64 / 1000.0
    }
}

struct SoldOut {
    placed: usize,
    out_of_stock: usize,
    others: Vec<String>,
    stock_left: i64,
    elapsed: Duration,
}

impl SoldOut {
    fn exact(&self) -> bool {
        self.placed == SOLD_OUT_UNITS as usize
            && self.out_of_stock == SOLD_OUT_ORDERS - SOLD_OUT_UNITS as usize
            && self.others.is_empty()
            && self.stock_left == 0
    }
}

struct Report {
    backend: &'static str,
    runs: Vec<(Scenario, Outcome)>,
    sold_out: SoldOut,
    /// Checks that failed: orders missing from the store, stock not matching what was sold.
    problems: Vec<String>,
}

fn ngn() -> Currency {
    "NGN".parse().expect("NGN is a currency")
}

fn env_number(name: &str, default: u64) -> Result<u64, String> {
    match std::env::var(name) {
        Ok(v) if !v.trim().is_empty() => match v.trim().parse::<u64>() {
            Ok(n) if n > 0 => Ok(n),
            _ => Err(format!("{name} must be a whole number above 0 (got `{v}`)")),
        },
        _ => Ok(default),
    }
}

/// An order as the checkout places it: standard delivery in Lagos (free over ₦20,000), VAT 7.5 %
/// included in the prices, paid on delivery, retry-safe under its idempotency key.
fn checkout(lines: Vec<NewOrderLine>, coupon: bool, key: String) -> NewOrder {
    let mut request_hash = lines.iter().map(|l| format!("{}x{}", l.variant_id, l.quantity)).collect::<Vec<_>>().join(",");
    if coupon {
        request_hash.push('+');
        request_hash.push_str(COUPON);
    }
    NewOrder {
        user_id: None,
        email: "buyer@example.com".into(),
        currency: ngn(),
        payment_method: PaymentMethod::CashOnDelivery,
        lines,
        shipping: ShippingQuote {
            method_id: "ng-standard".into(),
            name: "Standard delivery".into(),
            pickup: false,
            price_minor: 150_000,
            free_over_minor: Some(2_000_000),
        },
        coupon_code: coupon.then(|| COUPON.to_string()),
        tax: TaxRule { rate_bp: 750, prices_include_tax: true },
        shipping_address: Address {
            name: "Ada Obi".into(),
            line1: "12 Admiralty Way".into(),
            city: "Lagos".into(),
            region: "LA".into(),
            country: "NG".into(),
            phone: "+2348012345678".into(),
            ..Default::default()
        },
        placed_by: format!("s:{key}"),
        language: None,
        idempotency_key: Some(key),
        request_hash,
        expires_at: Some(Utc::now() + chrono::Duration::minutes(30)),
    }
}

async fn product(store: &Arc<dyn Store>, title: String, sku: String, amount_minor: i64, stock: i64) -> Result<i64, StoreError> {
    let p = store
        .create_product(&NewProduct {
            title,
            slug: None,
            description: String::new(),
            category_id: None,
            attributes: vec![],
            status: Some(ProductStatus::Active),
            variants: vec![NewVariant {
                sku,
                options: vec![],
                prices: vec![Price { currency: ngn(), amount_minor, compare_at_minor: None }],
                stock_on_hand: stock,
                position: 0,
            }],
        })
        .await?;
    Ok(p.variants[0].id)
}

async fn make_catalog(store: &Arc<dyn Store>) -> Result<Catalog, StoreError> {
    let mut variants = Vec::with_capacity(CATALOG_VARIANTS);
    for i in 0..CATALOG_VARIANTS {
        // ₦500.00 to ₦50,000.00
        let amount = 50_000 + (i as i64 * 37_300) % 4_950_000;
        variants.push(product(store, format!("Catalog item {i:03}"), format!("BENCH-{i:03}"), amount, STOCK).await?);
    }
    let hot = product(store, "Hot item".into(), "BENCH-HOT".into(), 1_250_000, STOCK).await?;
    let sold_out = product(store, "Last few".into(), "BENCH-LAST".into(), 850_000, SOLD_OUT_UNITS).await?;
    store
        .create_coupon(&Coupon {
            code: COUPON.into(),
            kind: CouponKind::Percent(1000),
            currency: None,
            minimum_minor: 0,
            expires_at: None,
            usage_limit: None,
            used: 0,
            active: true,
        })
        .await?;
    Ok(Catalog { variants, hot, sold_out })
}

struct Load {
    workers: usize,
    duration: Duration,
    /// Share of orders with the coupon, in %.
    coupon_percent: u64,
}

/// `load.workers` buyers placing orders back to back until `load.duration` has passed.
async fn run(store: &Arc<dyn Store>, catalog: &Arc<Catalog>, scenario: Scenario, load: &Load, tag: &str) -> Outcome {
    let start = Instant::now();
    let deadline = start + load.duration;
    let coupon_percent = load.coupon_percent;
    let mut tasks = Vec::with_capacity(load.workers);
    for w in 0..load.workers {
        let (store, catalog, tag) = (store.clone(), catalog.clone(), tag.to_string());
        tasks.push(tokio::spawn(async move {
            let mut rng = Rng::new(w as u64 + 1);
            let (mut latencies, mut units, mut errors, mut first_errors) = (Vec::new(), 0i64, 0u64, Vec::new());
            let mut n = 0u64;
            while Instant::now() < deadline {
                n += 1;
                let lines = match scenario {
                    Scenario::Spread => {
                        let count = 1 + rng.below(3) as usize;
                        let mut lines: Vec<NewOrderLine> = Vec::with_capacity(count);
                        while lines.len() < count {
                            let variant_id = catalog.variants[rng.below(catalog.variants.len() as u64) as usize];
                            if lines.iter().all(|l| l.variant_id != variant_id) {
                                lines.push(NewOrderLine { variant_id, quantity: 1 + rng.below(2) as i32 });
                            }
                        }
                        lines
                    }
                    Scenario::Hot => vec![NewOrderLine { variant_id: catalog.hot, quantity: 1 }],
                };
                let order = checkout(lines, rng.below(100) < coupon_percent, format!("{tag}-{w}-{n}"));
                let t = Instant::now();
                let result = store.place_order(&order).await;
                let us = t.elapsed().as_micros() as u64;
                let failure = match result {
                    Ok(Placed::New(o)) => {
                        latencies.push(us);
                        units += o.lines.iter().map(|l| l.quantity as i64).sum::<i64>();
                        None
                    }
                    Ok(Placed::Replayed(o)) => Some(format!("order {} replayed for a new key", o.id)),
                    Err(e) => Some(e.to_string()),
                };
                if let Some(f) = failure {
                    errors += 1;
                    if first_errors.len() < 3 {
                        first_errors.push(f);
                    }
                }
            }
            (latencies, units, errors, first_errors)
        }));
    }
    let mut out = Outcome { placed: 0, units: 0, errors: 0, first_errors: vec![], elapsed: Duration::ZERO, latencies: vec![] };
    for t in tasks {
        let (latencies, units, errors, first_errors) = t.await.expect("worker");
        out.latencies.extend(latencies);
        out.units += units;
        out.errors += errors;
        out.first_errors.extend(first_errors);
    }
    // Until the last order in flight at the deadline has finished.
    out.elapsed = start.elapsed();
    out.placed = out.latencies.len() as u64;
    out.latencies.sort_unstable();
    out.first_errors.truncate(5);
    out
}

async fn sold_out(store: &Arc<dyn Store>, variant_id: i64) -> Result<SoldOut, StoreError> {
    let started = Instant::now();
    let mut tasks = Vec::with_capacity(SOLD_OUT_ORDERS);
    for i in 0..SOLD_OUT_ORDERS {
        let store = store.clone();
        tasks.push(tokio::spawn(async move {
            store.place_order(&checkout(vec![NewOrderLine { variant_id, quantity: 1 }], false, format!("sold-out-{i}"))).await
        }));
    }
    let (mut placed, mut out_of_stock, mut others) = (0, 0, Vec::new());
    for t in tasks {
        match t.await.expect("buyer") {
            Ok(Placed::New(_)) => placed += 1,
            Err(StoreError::Conflict { field: "stock", .. }) => out_of_stock += 1,
            Ok(Placed::Replayed(o)) => others.push(format!("order {} replayed for a new key", o.id)),
            Err(e) => others.push(e.to_string()),
        }
    }
    let elapsed = started.elapsed();
    let stock_left = stock(store, variant_id).await?;
    Ok(SoldOut { placed, out_of_stock, others, stock_left, elapsed })
}

async fn stock(store: &Arc<dyn Store>, variant_id: i64) -> Result<i64, StoreError> {
    Ok(store.variant(variant_id).await?.map(|v| v.stock_on_hand).unwrap_or(-1))
}

/// Units on hand over the catalog and the hot item.
async fn stock_total(store: &Arc<dyn Store>, catalog: &Catalog) -> Result<i64, StoreError> {
    let mut total = stock(store, catalog.hot).await?;
    for v in &catalog.variants {
        total += stock(store, *v).await?;
    }
    Ok(total)
}

async fn bench(store: Arc<dyn Store>, load: &Load) -> Result<Report, StoreError> {
    let backend = store.backend();
    let t = Instant::now();
    let catalog = Arc::new(make_catalog(&store).await?);
    eprintln!(
        "{backend}: catalog of {CATALOG_VARIANTS} variants, a hot item, a {SOLD_OUT_UNITS}-unit item and a coupon in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    // Warm-up: opens the pool's connections and prepares the statements.
    let warm = run(&store, &catalog, Scenario::Spread, &Load { duration: Duration::from_millis(500), ..*load }, "warm-up").await;
    let mut problems = Vec::new();
    if warm.errors > 0 {
        problems.push(format!("warm-up: {} orders failed: {}", warm.errors, warm.first_errors.join(" | ")));
    }
    let mut runs = Vec::new();
    for scenario in [Scenario::Spread, Scenario::Hot] {
        let stock_before = stock_total(&store, &catalog).await?;
        let since = Utc::now() - chrono::Duration::seconds(1);
        let before = orders_in_store(&store, since).await?;
        let out = run(&store, &catalog, scenario, load, &scenario.name().replace(' ', "-")).await;
        eprintln!(
            "{backend} {}: {} orders in {:.2} s ({:.0}/s), p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms, {} errors",
            scenario.name(),
            out.placed,
            out.elapsed.as_secs_f64(),
            out.per_second(),
            out.ms(50.0),
            out.ms(99.0),
            out.ms(100.0),
            out.errors
        );
        for e in &out.first_errors {
            eprintln!("  error: {e}");
        }
        // What the buyers were told must be what the store holds.
        let stored = orders_in_store(&store, since).await? - before;
        if stored != out.placed as i64 {
            problems.push(format!("{}: {} orders placed but {stored} stored", scenario.name(), out.placed));
        }
        let sold = stock_before - stock_total(&store, &catalog).await?;
        if sold != out.units {
            problems.push(format!("{}: {} units ordered but the stock went down by {sold}", scenario.name(), out.units));
        }
        runs.push((scenario, out));
    }
    let sold_out = sold_out(&store, catalog.sold_out).await?;
    eprintln!(
        "{backend} sold out: {SOLD_OUT_ORDERS} concurrent orders for {SOLD_OUT_UNITS} units: {} placed, {} out of stock, {} other, stock left {}, in {:.0} ms",
        sold_out.placed,
        sold_out.out_of_stock,
        sold_out.others.len(),
        sold_out.stock_left,
        sold_out.elapsed.as_secs_f64() * 1000.0
    );
    for e in sold_out.others.iter().take(5) {
        eprintln!("  error: {e}");
    }
    store.close().await;
    Ok(Report { backend, runs, sold_out, problems })
}

async fn orders_in_store(store: &Arc<dyn Store>, since: chrono::DateTime<Utc>) -> Result<i64, StoreError> {
    Ok(store.order_totals_since(since).await?.iter().map(|(_, n, _)| n).sum())
}

/// A temporary SQLite file, removed with its WAL files.
struct SqliteFile(std::path::PathBuf);

impl Drop for SqliteFile {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", self.0.display()));
        }
    }
}

/// A database created on the PostgreSQL server for this run, dropped at the end.
struct PgDatabase {
    admin_url: String,
    name: String,
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        drop_database(&self.admin_url, &self.name);
    }
}

/// None when no PostgreSQL server is configured and none is required.
async fn pg_database() -> Result<Option<PgDatabase>, String> {
    let admin_url = match std::env::var(PG_URL_VAR) {
        Ok(u) if !u.is_empty() => u,
        _ if std::env::var(PG_REQUIRED_VAR).as_deref() == Ok("1") => {
            return Err(format!("{PG_REQUIRED_VAR}=1 but {PG_URL_VAR} is not set; it must name a PostgreSQL server"));
        }
        _ => {
            eprintln!("note: {PG_URL_VAR} is not set; PostgreSQL is skipped");
            return Ok(None);
        }
    };
    let name = std::env::var(DB_VAR).unwrap_or_else(|_| format!("baobab_bench_{}", std::process::id()));
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
        return Err(format!("{DB_VAR} must be lower-case letters, digits and _ (got `{name}`)"));
    }
    use sqlx::Connection;
    let where_ = redact_url(&admin_url);
    let mut conn = match tokio::time::timeout(Duration::from_secs(10), sqlx::PgConnection::connect(&admin_url)).await {
        Ok(Ok(c)) => c,
        Ok(Err(e)) => return Err(format!("cannot connect to PostgreSQL at {where_}: {e}")),
        Err(_) => return Err(format!("cannot connect to PostgreSQL at {where_}: no answer in 10 s")),
    };
    for sql in [format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"), format!("CREATE DATABASE \"{name}\"")] {
        sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&mut conn).await.map_err(|e| format!("PostgreSQL at {where_}: {e}"))?;
    }
    let _ = conn.close().await;
    Ok(Some(PgDatabase { admin_url, name }))
}

async fn open(url: &str) -> Result<Arc<dyn Store>, String> {
    let store = baobab_store::connect(url, &PoolConfig::default()).await.map_err(|e| format!("{}: {e}", redact_url(url)))?;
    store.migrate().await.map_err(|e| format!("migrating {}: {e}", redact_url(url)))?;
    Ok(store)
}

async fn main_inner() -> Result<bool, String> {
    let workers = env_number("WORKERS", 16)? as usize;
    let secs = env_number("DURATION_SECS", 5)?;
    let coupon_percent = match std::env::var("COUPON_PERCENT") {
        Ok(v) if !v.trim().is_empty() => {
            v.trim().parse::<u64>().ok().filter(|p| *p <= 100).ok_or(format!("COUPON_PERCENT must be 0 to 100 (got `{v}`)"))?
        }
        _ => 50,
    };
    let load = Load { workers, duration: Duration::from_secs(secs), coupon_percent };
    let pool = PoolConfig::default();
    let pg = pg_database().await?;
    println!(
        "Baobab checkout benchmark: release build, {workers} concurrent buyers, {secs} s per scenario, {coupon_percent} % of orders with a coupon, {} CPU cores",
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
    );
    println!(
        "pools as the portal configures them by default: SQLite one writer connection (+{} readers, WAL), PostgreSQL {} connections",
        pool.max_connections, pool.max_connections
    );

    let mut reports = Vec::new();
    {
        let file = SqliteFile(std::env::temp_dir().join(format!("baobab_bench_{}.db", std::process::id())));
        let store = open(&format!("sqlite:{}", file.0.display())).await?;
        reports.push(bench(store, &load).await.map_err(|e| format!("sqlite: {e}"))?);
    }
    if let Some(db) = &pg {
        let store = open(&with_database(&db.admin_url, &db.name)).await?;
        reports.push(bench(store, &load).await.map_err(|e| format!("postgres: {e}"))?);
    }
    drop(pg);

    println!();
    println!(
        "{:<9} {:<9} {:>9} {:>8} {:>8} {:>8} {:>8} {:>7}",
        "backend", "scenario", "orders/s", "p50 ms", "p99 ms", "max ms", "orders", "errors"
    );
    for r in &reports {
        for (scenario, o) in &r.runs {
            println!(
                "{:<9} {:<9} {:>9.0} {:>8.2} {:>8.2} {:>8.2} {:>8} {:>7}",
                r.backend,
                scenario.name(),
                o.per_second(),
                o.ms(50.0),
                o.ms(99.0),
                o.ms(100.0),
                o.placed,
                o.errors
            );
        }
    }
    if let [sqlite, postgres] = &reports[..] {
        let ratios: Vec<String> = sqlite
            .runs
            .iter()
            .zip(&postgres.runs)
            .map(|((s, a), (_, b))| format!("{} {:.2}", s.name(), b.per_second() / a.per_second()))
            .collect();
        println!("ratio postgres/sqlite orders/s: {}", ratios.join(", "));
        let (a, b) = (&sqlite.runs[0].1, &sqlite.runs[1].1);
        let (c, d) = (&postgres.runs[0].1, &postgres.runs[1].1);
        println!(
            "ratio hot item/spread orders/s: sqlite {:.2}, postgres {:.2}",
            b.per_second() / a.per_second(),
            d.per_second() / c.per_second()
        );
    }
    let mut ok = true;
    for r in &reports {
        let s = &r.sold_out;
        println!(
            "sold out, {}: {SOLD_OUT_ORDERS} concurrent orders for {SOLD_OUT_UNITS} units: {} placed, {} out of stock, stock left {}, in {:.0} ms{}",
            r.backend,
            s.placed,
            s.out_of_stock,
            s.stock_left,
            s.elapsed.as_secs_f64() * 1000.0,
            if s.exact() { "" } else { " — NOT EXACT" }
        );
        ok &= s.exact();
        let errors: u64 = r.runs.iter().map(|(_, o)| o.errors).sum();
        if errors > 0 {
            println!("FAILED, {}: {errors} orders failed", r.backend);
            ok = false;
        }
        for p in &r.problems {
            println!("FAILED, {}: {p}", r.backend);
            ok = false;
        }
    }
    Ok(ok)
}

#[tokio::main]
async fn main() -> ExitCode {
    match main_inner().await {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("checkout benchmark: {e}");
            ExitCode::from(2)
        }
    }
}
