//! Products out, in Shopify's current product CSV columns.

use std::fmt;
use std::io::Write;

use baobab_domain::Currency;
use baobab_domain::catalog::{Product, ProductStatus};

use crate::amount::format_amount;
use crate::text::{escape_formula, text_to_html};

/// The columns written, Shopify's current names, plus Baobab's attributes as a metafield column
/// (`<name> (product.metafields.<namespace>.<key>)`, the form Shopify uses for metafields).
pub const PRODUCT_COLUMNS: &[&str] = &[
    "Title",
    "URL handle",
    "Description",
    "Vendor",
    "Product category",
    "Type",
    "Tags",
    "Published on online store",
    "Status",
    "SKU",
    "Option1 name",
    "Option1 value",
    "Option2 name",
    "Option2 value",
    "Option3 name",
    "Option3 value",
    "Price",
    "Compare-at price",
    "Inventory tracker",
    "Inventory quantity",
    "Continue selling when out of stock",
    "Product image URL",
    "Image position",
    "Image alt text",
    "Variant image URL",
    "Attributes (product.metafields.custom.attributes)",
];

#[derive(Debug)]
pub enum ExportError {
    Io(std::io::Error),
    Csv(csv::Error),
    /// A product the format cannot carry (more than three options).
    Unsupported {
        product: String,
        message: String,
    },
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::Io(e) => write!(f, "could not write the file: {e}"),
            ExportError::Csv(e) => write!(f, "could not write the file: {e}"),
            ExportError::Unsupported { product, message } => write!(f, "product \"{product}\": {message}"),
        }
    }
}

impl std::error::Error for ExportError {}

impl From<csv::Error> for ExportError {
    fn from(e: csv::Error) -> Self {
        ExportError::Csv(e)
    }
}

impl From<std::io::Error> for ExportError {
    fn from(e: std::io::Error) -> Self {
        ExportError::Io(e)
    }
}

/// Writes products one at a time (so a caller can page through the catalog).
///
/// Per product: its live variants in position order, one row each; its images one per row
/// beside them (as Shopify does); product columns on the first row only. The category path
/// goes into "Type" (`Fashion > Clothing`), since Shopify's "Product category" only takes its
/// own taxonomy. Attributes go into the metafield column as `Name: Value` lines; an attribute
/// named `Vendor` also fills "Vendor". Prices are those in the writer's currency.
pub struct ProductWriter<W: Write> {
    csv: csv::Writer<W>,
    currency: Currency,
    base_url: Option<String>,
    rows: u64,
}

impl<W: Write> ProductWriter<W> {
    /// Writes the header row.
    pub fn new(out: W, currency: Currency) -> Result<ProductWriter<W>, ExportError> {
        let mut csv = csv::WriterBuilder::new().flexible(false).from_writer(out);
        csv.write_record(PRODUCT_COLUMNS)?;
        Ok(ProductWriter { csv, currency, base_url: None, rows: 1 })
    }

    /// Image URLs that are site paths (`/media/…`) are written after this origin
    /// (`https://shop.example`), so the file works outside the shop.
    pub fn with_base_url(mut self, origin: &str) -> Self {
        self.base_url = Some(origin.trim_end_matches('/').to_string());
        self
    }

    /// Rows written so far, the header included.
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// Writes one product; `category_path` is its category's names, top level first.
    pub fn write(&mut self, product: &Product, category_path: &[String]) -> Result<(), ExportError> {
        let mut variants: Vec<_> = product.live_variants().collect();
        variants.sort_by_key(|v| v.position);
        let option_names: Vec<&str> = variants.first().map(|v| v.options.iter().map(|o| o.name.as_str()).collect()).unwrap_or_default();
        if option_names.len() > 3 {
            return Err(ExportError::Unsupported {
                product: product.slug.clone(),
                message: format!("it has {} options; Shopify's format carries at most three", option_names.len()),
            });
        }
        let mut images: Vec<_> = product.images.iter().filter(|i| !i.url.is_empty()).collect();
        images.sort_by_key(|i| i.position);
        let vendor = product.attributes.iter().find(|a| a.name.eq_ignore_ascii_case("Vendor")).map(|a| a.value.as_str()).unwrap_or("");
        let attributes: Vec<String> = product.attributes.iter().map(|a| format!("{}: {}", a.name, a.value)).collect();
        let status = product.status.as_str();
        let published = if product.status == ProductStatus::Active { "TRUE" } else { "FALSE" };
        let rows = variants.len().max(images.len()).max(1);
        for k in 0..rows {
            let mut cells: Vec<String> = vec![String::new(); PRODUCT_COLUMNS.len()];
            cells[1] = product.slug.clone();
            if k == 0 {
                cells[0] = product.title.clone();
                cells[2] = text_to_html(&product.description);
                cells[3] = vendor.to_string();
                cells[5] = category_path.join(" > ");
                cells[7] = published.to_string();
                cells[8] = status.to_string();
                for (j, name) in option_names.iter().enumerate() {
                    cells[10 + 2 * j] = name.to_string();
                }
                cells[25] = attributes.join("\n");
            }
            if let Some(v) = variants.get(k) {
                cells[9] = v.sku.clone();
                for (j, name) in option_names.iter().enumerate() {
                    cells[11 + 2 * j] = v.options.iter().find(|o| o.name == *name).map(|o| o.value.clone()).unwrap_or_default();
                }
                if let Some(p) = v.price_in(self.currency) {
                    cells[16] = format_amount(p.amount_minor, self.currency);
                    cells[17] = p.compare_at_minor.map(|c| format_amount(c, self.currency)).unwrap_or_default();
                }
                cells[18] = "shopify".into();
                cells[19] = v.stock_on_hand.to_string();
                cells[20] = "deny".into();
                if let Some(img) = images.iter().find(|i| i.variant_id == Some(v.id)) {
                    cells[24] = self.absolute(&img.url);
                }
            }
            if let Some(img) = images.get(k) {
                cells[21] = self.absolute(&img.url);
                cells[22] = (k + 1).to_string();
                cells[23] = img.alt.clone();
            }
            let numeric = [16usize, 17, 19, 22];
            let record: Vec<std::borrow::Cow<'_, str>> = cells
                .iter()
                .enumerate()
                .map(|(i, c)| if numeric.contains(&i) { std::borrow::Cow::Borrowed(c.as_str()) } else { escape_formula(c) })
                .collect();
            self.csv.write_record(record.iter().map(|c| c.as_bytes()))?;
            self.rows += 1;
        }
        Ok(())
    }

    fn absolute(&self, url: &str) -> String {
        match &self.base_url {
            Some(base) if url.starts_with('/') && !url.starts_with("//") => format!("{base}{url}"),
            _ => url.to_string(),
        }
    }

    /// Flushes and hands the output back.
    pub fn finish(self) -> Result<W, ExportError> {
        self.csv.into_inner().map_err(|e| ExportError::Io(std::io::Error::other(e.to_string())))
    }
}

/// Writes `products` (each with its category path, top level first) to `out`.
pub fn write_products<'a, W: Write>(
    out: W,
    currency: Currency,
    products: impl IntoIterator<Item = (&'a Product, &'a [String])>,
) -> Result<W, ExportError> {
    let mut w = ProductWriter::new(out, currency)?;
    for (p, path) in products {
        w.write(p, path)?;
    }
    w.finish()
}
