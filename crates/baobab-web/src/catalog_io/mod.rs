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
//!
//! Catalog translations come in the same way, checked whole before anything is written
//! ([`translations`]).

use std::io::Read;
use std::path::PathBuf;
use std::sync::Arc;

use baobab_domain::import::{ImportSummary, ProductUpsert};
use baobab_import::{Encoding, Format, ImportOptions, ImportedProduct, Problem, ProductReader};
use baobab_store::StoreError;
use baobab_store::imports::ImportItem;
use serde::Serialize;

use crate::AppState;

mod images;
pub mod translations;

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
        images::attach_images(state, open, &req, &mut report).await?;
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

/// An image folder given on the command line, checked to exist.
pub fn image_dir(path: Option<PathBuf>) -> Result<Option<PathBuf>, String> {
    match path {
        Some(p) if !p.is_dir() => Err(format!("--images {}: not a folder", p.display())),
        other => Ok(other),
    }
}
