//! Product CSV import and export compatible with Shopify and WooCommerce, and the order CSV
//! accountants ask for.
//!
//! - [`ProductReader`] streams products out of a Shopify product CSV (current and older column
//!   names) or a WooCommerce product export, each checked against the domain's rules, with every
//!   problem located by row and column ([`Problem`]) for a dry run.
//! - [`ProductWriter`] writes products in Shopify's current product CSV columns; reading the
//!   file back gives the same products.
//! - [`OrderWriter`] writes one row per order line with the order's totals, for accounting.
//!
//! Every text cell written starts safely in a spreadsheet: a leading `=`, `+`, `-`, `@`, tab or
//! carriage return is escaped with a single quote ([`escape_formula`]).
//!
//! No store, no HTTP, no async: the caller writes what is read.

mod amount;
mod export;
mod model;
mod orders;
mod problem;
mod reader;
mod text;

pub use amount::format_amount;
pub use export::{ExportError, PRODUCT_COLUMNS, ProductWriter, write_products};
pub use model::{ImageSource, ImportedImage, ImportedProduct, ImportedVariant};
pub use orders::{ORDER_COLUMNS, OrderLineRecord, OrderRecord, OrderWriter, write_order_lines};
pub use problem::Problem;
pub use reader::{Format, ImportOptions, ProductReader, ReadResult, TagsAs, parse_currency};
pub use text::{Encoding, encode_windows_1252, escape_formula, html_to_text, text_to_html};
