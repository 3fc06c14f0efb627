//! Product CSV import and export compatible with Shopify and WooCommerce, and the order CSV
//! accountants ask for.
//!
//! - [`ProductReader`] streams products out of a Shopify product CSV (current and older column
//!   names) or a WooCommerce product export, each checked against the domain's rules, with every
//!   problem located by row and column ([`Problem`]) for a dry run.
//! - [`ProductWriter`] writes products in Shopify's current product CSV columns; reading the
//!   file back gives the same products.
//! - [`TranslationReader`] and [`TranslationWriter`] read and write catalog translations in the
//!   columns of Shopify's translation CSV (one row per field per language).
//! - [`OrderWriter`] writes one row per order line with the order's totals, for accounting.
//!
//! Every text cell written starts safely in a spreadsheet: a leading `=`, `+`, `-`, `@`, tab or
//! carriage return is escaped with a single quote ([`escape_formula`]).
//!
//! No store, no HTTP, no async: the caller writes what is read.
//!
//! # Decisions
//!
//! - **Encoding.** A UTF-8 byte-order mark is stripped. The first cell that is not plain ASCII
//!   decides: valid UTF-8 makes the file UTF-8; anything else makes it Windows-1252 (what Excel
//!   on Windows saves as "CSV (Comma delimited)"), converted, and said once in
//!   [`ProductReader::notes`]. A file that then contradicts itself (UTF-8 and Windows-1252 cells,
//!   or non-UTF-8 bytes after a byte-order mark), or holds a byte Windows-1252 leaves undefined
//!   (0x81, 0x8D, 0x8F, 0x90, 0x9D), is refused at that cell, naming row, column and byte: the
//!   rest of such a file cannot be trusted. UTF-16 is refused at once.
//! - **Categories.** Shopify's "Product category" (its taxonomy, `A > B > C`) when filled, else
//!   "Type" read as a path; WooCommerce's first entry of "Categories". The export writes the
//!   category path into "Type", since Shopify's "Product category" takes only its own taxonomy.
//! - **Tags** ([`TagsAs`]): attributes by default (`Material:Cotton` → `Material: Cotton`, the
//!   rest joined into the attribute `Tags`), or the first tag as the category.
//! - **Attributes** (Shopify) come from metafield columns, read on a product's first row in column
//!   order: the column `Attributes (product.metafields.custom.attributes)` (what the export
//!   writes) gives its `Name: Value` lines where it stands, and any other column headed
//!   `Name (product.metafields.namespace.key)`, Shopify's form for a metafield
//!   (`Color (product.metafields.shopify.color-pattern)`), gives `Name: cell` when its cell is
//!   not empty. A name met again keeps one attribute, its values joined by `, `. Tags mapped to
//!   attributes follow, then the vendor as the attribute `Vendor` unless one of that name was
//!   read: a file whose vendor repeats a brand attribute should leave "Vendor" empty.
//! - **Descriptions** are HTML in both formats and plain text in Baobab: tags are dropped, `<br>`
//!   and block ends become line breaks; the export writes text back as escaped HTML with `<br>`.
//! - **Forgiving where the owner's intent is clear**, with a warning on the product: a missing
//!   SKU is generated from the handle, a compare-at price not above the price is dropped, a
//!   negative stock count becomes 0, a handle that is not a slug is slugified.

mod amount;
mod export;
mod model;
mod orders;
mod problem;
mod reader;
mod text;
mod translations;

pub use amount::format_amount;
pub use export::{ExportError, PRODUCT_COLUMNS, ProductWriter, write_products};
pub use model::{ImageSource, ImportedImage, ImportedProduct, ImportedVariant};
pub use orders::{ORDER_COLUMNS, OrderLineRecord, OrderRecord, OrderWriter, write_order_lines};
pub use problem::Problem;
pub use reader::{Format, ImportOptions, ProductReader, ReadResult, TagsAs, parse_currency};
pub use text::{Encoding, encode_windows_1252, escape_formula, html_to_text, text_to_html};
pub use translations::{TRANSLATION_COLUMNS, TranslatedField, TranslatedKind, TranslationReader, TranslationRow, TranslationWriter};
