//! A product as a catalog file (a Shopify or WooCommerce CSV) brings it: what the store creates
//! or updates, matched by handle or SKU, so importing the same file twice changes nothing.

use serde::Serialize;

use crate::catalog::{NewCategory, NewProduct};

/// One product to create or update.
#[derive(Debug, Clone)]
pub struct ProductUpsert {
    /// Its category path, top level first; each level is found by slug or created under the
    /// one before. Empty: the product keeps its category (or has none).
    pub categories: Vec<NewCategory>,
    /// `slug` is the handle the product is matched by; when no product has it, a product that
    /// holds one of the SKUs is updated instead. Variants are matched by SKU; their prices
    /// replace the prices in the same currencies (other currencies stay).
    pub product: NewProduct,
}

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    pub products_created: u64,
    pub products_updated: u64,
    pub variants_created: u64,
    pub variants_updated: u64,
    pub categories_created: u64,
}
