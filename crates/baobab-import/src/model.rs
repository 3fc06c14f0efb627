//! What one imported product is, before it reaches the store, and how it maps onto the domain.

use std::path::PathBuf;

use baobab_domain::Currency;
use baobab_domain::catalog::{NameValue, NewCategory, NewProduct, NewVariant, Price, ProductStatus};
use baobab_domain::slug::slugify;

use crate::problem::Problem;

/// Where an image comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageSource {
    /// An `https://` or `http://` URL, to be downloaded (or kept as an external reference).
    Url(String),
    /// A file inside the image folder given to the reader (checked to exist, never outside it).
    LocalFile(PathBuf),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedImage {
    /// The row it was found on.
    pub row: u64,
    pub source: ImageSource,
    /// 1-based order among the product's images.
    pub position: u32,
    pub alt: String,
    /// Show it for the variant with this (normalised) SKU.
    pub variant_sku: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedVariant {
    /// The row it was found on.
    pub row: u64,
    /// Normalised (trimmed, upper-case); generated from the handle when the file has none.
    pub sku: String,
    /// One value per option name of the product, in the same order.
    pub option_values: Vec<String>,
    /// In minor units of the product's currency.
    pub price_minor: i64,
    /// The struck-through "was" price; only kept when above the price.
    pub compare_at_minor: Option<i64>,
    /// `None`: the file does not track stock for it.
    pub inventory: Option<i64>,
    /// Weight in grams (the domain does not store weights yet).
    pub grams: Option<i64>,
}

/// One product read from a file, checked: every variant has a price, the SKUs and handle are
/// unique in the file, and [`ImportedProduct::to_new_product`] passes the domain's validation.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedProduct {
    /// The product's first row.
    pub row: u64,
    /// The URL slug (Shopify's handle, checked and normalised).
    pub handle: String,
    pub title: String,
    /// Plain text (HTML converted).
    pub description: String,
    pub vendor: String,
    /// The category path, top level first (`["Clothing", "Hoodies"]`); empty when none.
    pub category: Vec<String>,
    /// Shopify's "Type" as written.
    pub product_type: String,
    /// The tags as written in the file.
    pub tags: Vec<String>,
    /// Product attributes (`Material: cotton`): from the file's attribute columns, the vendor,
    /// and the tags when they are mapped to attributes.
    pub attributes: Vec<NameValue>,
    pub status: ProductStatus,
    /// Option names (`Size`, `Colour`); at most three from Shopify.
    pub option_names: Vec<String>,
    pub variants: Vec<ImportedVariant>,
    pub images: Vec<ImportedImage>,
    pub currency: Currency,
    /// Things changed on the way in that the shop owner should know (a compare-at price that
    /// was not above the price, a negative stock count set to 0, a generated SKU…).
    pub warnings: Vec<Problem>,
}

impl ImportedProduct {
    /// The domain input that creates this product. `category_id` is left empty: resolve
    /// [`ImportedProduct::category_chain`] first. Stock the file does not track becomes 0.
    pub fn to_new_product(&self) -> NewProduct {
        NewProduct {
            title: self.title.clone(),
            slug: Some(self.handle.clone()),
            description: self.description.clone(),
            category_id: None,
            attributes: self.attributes.clone(),
            status: Some(self.status),
            variants: self.variants.iter().enumerate().map(|(i, v)| self.new_variant(i, v)).collect(),
        }
    }

    fn new_variant(&self, position: usize, v: &ImportedVariant) -> NewVariant {
        NewVariant {
            sku: v.sku.clone(),
            options: self
                .option_names
                .iter()
                .zip(&v.option_values)
                .map(|(n, val)| NameValue { name: n.clone(), value: val.clone() })
                .collect(),
            prices: vec![Price { currency: self.currency, amount_minor: v.price_minor, compare_at_minor: v.compare_at_minor }],
            stock_on_hand: v.inventory.unwrap_or(0).max(0),
            position: position as i32,
        }
    }

    /// The categories the product belongs under, top level first, each to be found by slug
    /// under the previous one or created (`parent_id` is left for the caller to fill in).
    pub fn category_chain(&self) -> Vec<NewCategory> {
        self.category
            .iter()
            .enumerate()
            .map(|(i, name)| NewCategory {
                name: name.clone(),
                slug: Some(category_slug(&self.category[..=i])),
                description: String::new(),
                parent_id: None,
                position: 0,
            })
            .collect()
    }
}

/// A category's slug: its own name's slug (`Hoodies` → `hoodies`); a name without letters a-z
/// (another script) gets `category-` and a hash of the path, so two such names never collide.
fn category_slug(path: &[String]) -> String {
    let own = slugify(path.last().map(String::as_str).unwrap_or_default());
    if !own.is_empty() {
        return own;
    }
    // FNV-1a: stable across runs and releases, unlike the standard library's hasher.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in path.join("\u{1f}").bytes() {
        h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
    }
    format!("category-{h:016x}")
}
