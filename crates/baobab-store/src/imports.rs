//! Catalog imports: every product of a file created or updated in one transaction, so a file
//! is imported whole or not at all, while the products stream in one at a time.

use async_trait::async_trait;
use baobab_domain::import::{ImportSummary, ProductUpsert};
use tokio::sync::mpsc::Receiver;

use crate::Result;

/// What the importer sends, in order: products, then `Commit` once the whole file was read
/// without a problem.
#[derive(Debug)]
pub enum ImportItem {
    Product(Box<ProductUpsert>),
    Commit,
}

#[async_trait]
pub trait ImportStore: Send + Sync {
    /// Applies the products received, in one transaction, committed when `Commit` arrives.
    /// If the sender goes away first, or a product is refused (its error names its handle),
    /// nothing is kept.
    async fn import_products(&self, items: Receiver<ImportItem>) -> Result<ImportSummary>;
}
