//! Catalog files in: a Shopify or WooCommerce product CSV imported the same way from the
//! command line (`baobab import products`), the admin's upload page and the demo shop's first
//! start.
//!
//! The file is read up to three times, product by product, so memory stays bounded whatever
//! its size: first to check it (every problem found is reported with its row and column, and
//! nothing is written when there is one; a dry run stops here), then into the store in one
//! transaction (all or nothing), then for its images, which are processed and attached after
//! the products exist. Importing the same file again updates the products it names (by handle,
//! then SKU) and attaches no image twice.

use std::io::Read;
use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use baobab_domain::import::{ImportSummary, ProductUpsert};
use baobab_domain::media::NewImage;
use baobab_import::{Encoding, Format, ImageSource, ImportOptions, ImportedProduct, Problem, ProductReader};
use baobab_store::imports::ImportItem;
use baobab_store::{Key, StoreError};
use serde::Serialize;

use crate::AppState;

/// Opens the file afresh for each pass.
pub type Opener = Arc<dyn Fn() -> std::io::Result<Box<dyn Read + Send>> + Send + Sync>;

/// Adjusts each product before it is written (the demo shop prices every product in all its
/// currencies this way).
pub type Adjust = Arc<dyn Fn(&ImportedProduct, &mut ProductUpsert) + Send + Sync>;

/// Reports progress: (what is being done, products done, products in the file once known).
pub type OnProgress = Arc<dyn Fn(Stage, u64, Option<u64>) + Send + Sync>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Checking,
    Importing,
    Images,
}

#[derive(Clone)]
pub struct Request {
    pub options: ImportOptions,
    /// Check only: report what the file holds and every problem, write nothing.
    pub dry_run: bool,
    /// Image URLs may point at loopback or private addresses (off for uploads from the admin,
    /// so a file cannot make the server fetch from inside its network).
    pub allow_private_image_hosts: bool,
    pub adjust: Option<Adjust>,
    pub on_progress: Option<OnProgress>,
}

/// The most problems a report lists (all are counted).
pub const MAX_LISTED: usize = 200;

/// A problem as the report lists it: where it is (the row as a spreadsheet numbers it, the
/// column by its header) and what is wrong; shown as `row N, column "X": message`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Listed {
    pub row: u64,
    pub column: Option<String>,
    pub message: String,
}

impl std::fmt::Display for Listed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        Problem { row: self.row, column: self.column.clone(), message: self.message.clone() }.fmt(f)
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub dry_run: bool,
    pub rows: u64,
    pub products: u64,
    pub variants: u64,
    pub images: u64,
    pub encoding: Option<&'static str>,
    pub format: Option<&'static str>,
    /// Refusals: any one means nothing was imported.
    pub problems: Vec<Listed>,
    pub problem_count: u64,
    /// Things fixed or skipped that did not stop the import (a generated SKU, a file converted
    /// from Windows-1252, an image that could not be fetched).
    pub warnings: Vec<String>,
    pub warning_count: u64,
    /// What the store did; `None` for a dry run or a refused file.
    pub summary: Option<ImportSummary>,
    pub images_added: u64,
    pub images_already_there: u64,
}

impl Report {
    pub fn imported(&self) -> bool {
        self.summary.is_some()
    }

    fn problem(&mut self, p: &Problem) {
        self.problem_count += 1;
        if self.problems.len() < MAX_LISTED {
            self.problems.push(Listed { row: p.row, column: p.column.clone(), message: p.message.clone() });
        }
    }

    fn warning(&mut self, w: String) {
        self.warning_count += 1;
        if self.warnings.len() < MAX_LISTED {
            self.warnings.push(w);
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read the file: {0}")]
    Io(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn progress(req: &Request, stage: Stage, done: u64, total: Option<u64>) {
    if let Some(p) = &req.on_progress {
        p(stage, done, total);
    }
}

fn encoding_name(e: Encoding) -> &'static str {
    match e {
        Encoding::Utf8 => "UTF-8",
        Encoding::Utf8Bom => "UTF-8 with a byte-order mark",
        Encoding::Windows1252 => "Windows-1252 (converted)",
    }
}

fn format_name(f: Format) -> &'static str {
    match f {
        Format::Shopify => "Shopify",
        Format::WooCommerce => "WooCommerce",
        Format::Auto => "unknown",
    }
}

/// Checks the file and, unless it is a dry run or a problem was found, imports it.
pub async fn import_products(state: &AppState, open: Opener, req: Request) -> Result<Report, ImportError> {
    let mut report = check(open.clone(), req.clone()).await?;
    if report.dry_run || report.problem_count > 0 {
        return Ok(report);
    }
    report.summary = Some(write(state, open.clone(), &req, report.products).await?);
    state.catalog_changed();
    if report.images > 0 {
        attach_images(state, open, &req, &mut report).await?;
    }
    Ok(report)
}

/// Pass 1: read everything, count it, collect every problem.
async fn check(open: Opener, req: Request) -> Result<Report, ImportError> {
    tokio::task::spawn_blocking(move || {
        let input = open().map_err(|e| ImportError::Io(e.to_string()))?;
        let mut reader = ProductReader::with_options(input, req.options.clone());
        let mut report = Report { dry_run: req.dry_run, ..Default::default() };
        while let Some(item) = reader.next() {
            if report.format.is_none() {
                report.format = reader.format().map(format_name);
            }
            match item {
                Ok(p) => {
                    report.products += 1;
                    report.variants += p.variants.len() as u64;
                    report.images += p.images.len() as u64;
                    for w in &p.warnings {
                        report.warning(w.to_string());
                    }
                    if report.products.is_multiple_of(500) {
                        progress(&req, Stage::Checking, report.products, None);
                    }
                }
                Err(problems) => problems.iter().for_each(|p| report.problem(p)),
            }
        }
        for n in reader.notes() {
            report.warning(n.to_string());
        }
        report.rows = reader.rows_read();
        report.encoding = Some(encoding_name(reader.encoding()));
        progress(&req, Stage::Checking, report.products, Some(report.products));
        Ok(report)
    })
    .await
    .map_err(|e| ImportError::Io(format!("the reader stopped: {e}")))?
}

/// Pass 2: stream the products into one store transaction; committed only when the whole
/// file was read again without a problem.
async fn write(state: &AppState, open: Opener, req: &Request, total: u64) -> Result<ImportSummary, ImportError> {
    let (tx, rx) = tokio::sync::mpsc::channel::<ImportItem>(64);
    let req2 = req.clone();
    let feeder = tokio::task::spawn_blocking(move || -> Result<(), ImportError> {
        let input = open().map_err(|e| ImportError::Io(e.to_string()))?;
        let mut done = 0u64;
        for item in ProductReader::with_options(input, req2.options.clone()) {
            // The file changed since it was checked: stop, and the store keeps nothing.
            let Ok(p) = item else { return Err(ImportError::Io("the file changed while it was imported".into())) };
            let mut upsert = ProductUpsert { categories: p.category_chain(), product: p.to_new_product() };
            if let Some(adjust) = &req2.adjust {
                adjust(&p, &mut upsert);
            }
            if tx.blocking_send(ImportItem::Product(Box::new(upsert))).is_err() {
                return Ok(()); // the store refused a product: its error is the answer
            }
            done += 1;
            if done.is_multiple_of(100) {
                progress(&req2, Stage::Importing, done, Some(total));
            }
        }
        let _ = tx.blocking_send(ImportItem::Commit);
        progress(&req2, Stage::Importing, done, Some(total));
        Ok(())
    });
    let stored = state.store.import_products(rx).await;
    let fed = feeder.await.map_err(|e| ImportError::Io(format!("the reader stopped: {e}")))?;
    let summary = stored?;
    fed?;
    Ok(summary)
}

/// Pass 3: process and attach each product's images, skipping those it already has (the same
/// picture, by content hash, or the same URL). Products are done a few at a time (one per core,
/// at most four), each product's images in their order.
async fn attach_images(state: &AppState, open: Opener, req: &Request, report: &mut Report) -> Result<(), ImportError> {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<ImportedProduct>(4);
    let options = req.options.clone();
    let reader = tokio::task::spawn_blocking(move || -> Result<(), ImportError> {
        let input = open().map_err(|e| ImportError::Io(e.to_string()))?;
        for p in ProductReader::with_options(input, options).flatten() {
            if !p.images.is_empty() && tx.blocking_send(p).is_err() {
                break;
            }
        }
        Ok(())
    });
    let client = http_client();
    let parallel = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).clamp(1, 4);
    let mut running = tokio::task::JoinSet::new();
    let mut done = 0u64;
    let mut first_error = None;
    let mut finish = |r: Result<Result<ImagesDone, StoreError>, tokio::task::JoinError>, report: &mut Report, done: &mut u64| match r {
        Ok(Ok(d)) => {
            *done += d.seen;
            report.images_added += d.added;
            report.images_already_there += d.already;
            d.warnings.into_iter().for_each(|w| report.warning(w));
            progress(req, Stage::Images, *done, Some(report.images));
        }
        Ok(Err(e)) => {
            first_error.get_or_insert(ImportError::Store(e));
        }
        Err(e) => {
            first_error.get_or_insert(ImportError::Io(format!("an image task stopped: {e}")));
        }
    };
    while let Some(p) = rx.recv().await {
        while running.len() >= parallel {
            if let Some(r) = running.join_next().await {
                finish(r, report, &mut done);
            }
        }
        let (state, client, allow) = (state.clone(), client.clone(), req.allow_private_image_hosts);
        running.spawn(async move { product_images(&state, &client, allow, p).await });
    }
    while let Some(r) = running.join_next().await {
        finish(r, report, &mut done);
    }
    reader.await.map_err(|e| ImportError::Io(format!("the reader stopped: {e}")))??;
    match first_error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// What one product's images came to.
#[derive(Default)]
struct ImagesDone {
    seen: u64,
    added: u64,
    already: u64,
    warnings: Vec<String>,
}

async fn product_images(
    state: &AppState,
    client: &reqwest::Client,
    allow_private: bool,
    p: ImportedProduct,
) -> Result<ImagesDone, StoreError> {
    let mut out = ImagesDone::default();
    let Some(product) = state.store.product(Key::Slug(&p.handle)).await? else { return Ok(out) };
    let hashes: Vec<String> = product.images.iter().filter_map(|i| i.media.as_ref().map(|m| m.hash.clone())).collect();
    for img in &p.images {
        out.seen += 1;
        let variant_id = img.variant_sku.as_ref().and_then(|sku| product.variants.iter().find(|v| &v.sku == sku)).map(|v| v.id);
        let where_ = format!("row {}, image {}", img.row, img.position);
        let bytes = match &img.source {
            ImageSource::LocalFile(path) => match tokio::fs::read(path).await {
                Ok(b) => b,
                Err(e) => {
                    out.warnings.push(format!("{where_}: cannot read {}: {e}", path.display()));
                    continue;
                }
            },
            ImageSource::Url(url) => {
                if product.images.iter().any(|i| i.url == *url) {
                    out.already += 1;
                    continue;
                }
                match fetch(client, url, allow_private, state.settings.media_limits.max_bytes).await {
                    Ok(b) => b,
                    Err(why) => {
                        out.warnings.push(format!("{where_}: {url}: {why}"));
                        continue;
                    }
                }
            }
        };
        if hashes.contains(&baobab_media::pipeline::hash(&bytes)) {
            out.already += 1;
            continue;
        }
        let new = NewImage { media_hash: None, url: None, alt: img.alt.clone(), position: None, variant_id };
        match crate::api::images::attach_upload(state, product.id, bytes, new).await {
            Ok(_) => out.added += 1,
            Err(e) => out.warnings.push(format!("{where_}: {}", e.message)),
        }
    }
    Ok(out)
}

fn http_client() -> reqwest::Client {
    // reqwest is built without a default TLS provider: use ring, as the rest of Baobab does.
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(5))
        .timeout(Duration::from_secs(30))
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .user_agent("baobab-import")
        .build()
        .unwrap_or_default()
}

/// Downloads an image (at most `max_bytes`), refusing addresses inside the network unless
/// allowed; redirects are not followed (they could lead there).
async fn fetch(client: &reqwest::Client, url: &str, allow_private: bool, max_bytes: usize) -> Result<Vec<u8>, String> {
    let parsed = reqwest::Url::parse(url).map_err(|e| format!("not a URL ({e})"))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err("only http and https images can be fetched".into());
    }
    let host = parsed.host_str().ok_or("the URL has no host")?.to_string();
    let port = parsed.port_or_known_default().unwrap_or(443);
    let addrs: Vec<std::net::SocketAddr> =
        tokio::net::lookup_host((host.trim_matches(['[', ']']), port)).await.map_err(|e| format!("cannot resolve {host}: {e}"))?.collect();
    if !allow_private && addrs.iter().any(|a| is_internal(a.ip())) {
        return Err(format!("{host} is an address inside the network; images are fetched only from public hosts"));
    }
    let mut resp = client.get(parsed).send().await.map_err(|e| format!("cannot fetch it ({e})"))?;
    if !resp.status().is_success() {
        return Err(format!("the server answered {}", resp.status()));
    }
    let mut body = Vec::new();
    while let Some(chunk) = resp.chunk().await.map_err(|e| format!("the download broke off ({e})"))? {
        if body.len() + chunk.len() > max_bytes {
            return Err(format!("larger than {} MB", max_bytes / 1_000_000));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// Loopback, private, link-local (cloud metadata), unspecified or other non-public addresses.
fn is_internal(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.octets()[0] == 100 && (v4.octets()[1] & 0xC0) == 64
        }
        IpAddr::V6(v6) => {
            v6.is_loopback()
                || v6.is_unspecified()
                || (v6.segments()[0] & 0xfe00) == 0xfc00
                || (v6.segments()[0] & 0xffc0) == 0xfe80
                || v6.to_ipv4_mapped().is_some_and(|v4| is_internal(IpAddr::V4(v4)))
        }
    }
}

/// An image folder given on the command line, checked to exist.
pub fn image_dir(path: Option<PathBuf>) -> Result<Option<PathBuf>, String> {
    match path {
        Some(p) if !p.is_dir() => Err(format!("--images {}: not a folder", p.display())),
        other => Ok(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_inside_the_network_are_recognised() {
        for inside in [
            "127.0.0.1",
            "10.1.2.3",
            "192.168.0.10",
            "172.16.5.4",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:10.0.0.1",
        ] {
            assert!(is_internal(inside.parse().unwrap()), "{inside}");
        }
        for outside in ["102.89.1.1", "41.58.0.1", "2c0f:f248::1", "8.8.8.8"] {
            assert!(!is_internal(outside.parse().unwrap()), "{outside}");
        }
    }
}
