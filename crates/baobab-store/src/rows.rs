//! Database rows and their conversion into domain types. The same structs decode on both
//! backends: SQLite INTEGER/TEXT and PostgreSQL BIGINT/BOOLEAN/JSONB/TIMESTAMPTZ alike.

use std::collections::BTreeMap;

use baobab_domain::auth::Role;
use baobab_domain::catalog::{Category, NameValue, Price, Product, ProductImage, ProductStatus, ProductSummary, Variant};
use baobab_domain::media::MediaAsset;
use baobab_domain::translation::{AttributeTranslation, CategoryTranslation, CategoryTranslationEntry, ProductTranslation};
use chrono::{DateTime, Utc};
use sqlx::types::Json;

use crate::{ApiToken, StoreError};

#[derive(sqlx::FromRow)]
pub(crate) struct CategoryRow {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub position: i32,
    pub archived: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<CategoryRow> for Category {
    fn from(r: CategoryRow) -> Self {
        Category {
            id: r.id,
            parent_id: r.parent_id,
            slug: r.slug,
            name: r.name,
            description: r.description,
            position: r.position,
            archived: r.archived,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

pub(crate) fn status(s: &str) -> Result<ProductStatus, StoreError> {
    ProductStatus::parse(s).ok_or_else(|| StoreError::Internal(format!("unknown product status `{s}` in database")))
}

#[derive(sqlx::FromRow)]
pub(crate) struct ProductRow {
    pub id: i64,
    pub category_id: Option<i64>,
    pub slug: String,
    pub title: String,
    pub description: String,
    pub attributes: Json<Vec<NameValue>>,
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl ProductRow {
    pub fn into_product(self, variants: Vec<Variant>, images: Vec<ProductImage>) -> Result<Product, StoreError> {
        Ok(Product {
            id: self.id,
            category_id: self.category_id,
            slug: self.slug,
            title: self.title,
            description: self.description,
            attributes: self.attributes.0,
            status: status(&self.status)?,
            variants,
            images,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct VariantRow {
    pub id: i64,
    pub product_id: i64,
    pub sku: String,
    pub options: Json<Vec<NameValue>>,
    pub stock_on_hand: i64,
    pub position: i32,
    pub archived: bool,
}

#[derive(sqlx::FromRow)]
pub(crate) struct PriceRow {
    pub variant_id: i64,
    pub currency: String,
    pub amount_minor: i64,
    pub compare_at_minor: Option<i64>,
}

/// Joins variant rows with their price rows (prices of unknown currencies are skipped).
pub(crate) fn assemble_variants(rows: Vec<VariantRow>, prices: &[PriceRow]) -> Vec<Variant> {
    rows.into_iter()
        .map(|r| {
            let mut ps: Vec<Price> = prices
                .iter()
                .filter(|p| p.variant_id == r.id)
                .filter_map(|p| {
                    Some(Price { currency: p.currency.parse().ok()?, amount_minor: p.amount_minor, compare_at_minor: p.compare_at_minor })
                })
                .collect();
            ps.sort_by_key(|p| p.currency);
            Variant {
                id: r.id,
                product_id: r.product_id,
                sku: r.sku,
                options: r.options.0,
                prices: ps,
                stock_on_hand: r.stock_on_hand,
                position: r.position,
                archived: r.archived,
            }
        })
        .collect()
}

/// The SELECT list of [`MediaCols`] for an image row (`m` = media_assets joined on the image's media_hash).
pub(crate) const MEDIA_COLUMNS_M: &str = "m.hash AS media_hash, m.source AS media_source, m.width AS media_width, \
     m.height AS media_height, m.bytes AS media_bytes, m.widths AS media_widths, m.placeholder AS media_placeholder";

/// The media columns joined to an image (all NULL for an external-URL image).
#[derive(sqlx::FromRow, Default)]
pub(crate) struct MediaCols {
    pub media_hash: Option<String>,
    pub media_source: Option<String>,
    pub media_width: Option<i32>,
    pub media_height: Option<i32>,
    pub media_bytes: Option<i64>,
    pub media_widths: Option<Json<Vec<i32>>>,
    pub media_placeholder: Option<String>,
}

impl MediaCols {
    pub fn into_asset(self) -> Option<MediaAsset> {
        Some(MediaAsset {
            hash: self.media_hash?,
            source: self.media_source?,
            width: self.media_width?,
            height: self.media_height?,
            bytes: self.media_bytes?,
            widths: self.media_widths?.0,
            placeholder: self.media_placeholder?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct ImageRow {
    pub id: i64,
    pub product_id: i64,
    pub variant_id: Option<i64>,
    pub url: String,
    pub alt: String,
    pub position: i32,
    pub width: Option<i32>,
    pub height: Option<i32>,
    #[sqlx(flatten)]
    pub media: MediaCols,
}

impl From<ImageRow> for ProductImage {
    fn from(r: ImageRow) -> Self {
        ProductImage {
            id: r.id,
            product_id: r.product_id,
            variant_id: r.variant_id,
            url: r.url,
            alt: r.alt,
            position: r.position,
            width: r.width,
            height: r.height,
            media: r.media.into_asset(),
        }
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct MediaAssetRow {
    pub hash: String,
    pub source: String,
    pub width: i32,
    pub height: i32,
    pub bytes: i64,
    pub widths: Json<Vec<i32>>,
    pub placeholder: String,
}

impl From<MediaAssetRow> for MediaAsset {
    fn from(r: MediaAssetRow) -> Self {
        MediaAsset {
            hash: r.hash,
            source: r.source,
            width: r.width,
            height: r.height,
            bytes: r.bytes,
            widths: r.widths.0,
            placeholder: r.placeholder,
        }
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct SummaryRow {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub category_id: Option<i64>,
    pub status: String,
    pub min_price: Option<i64>,
    pub in_stock: bool,
    pub total_count: i64,
    pub image_id: Option<i64>,
    pub image_variant_id: Option<i64>,
    pub image_url: Option<String>,
    pub image_alt: Option<String>,
    pub image_position: Option<i32>,
    pub image_width: Option<i32>,
    pub image_height: Option<i32>,
    #[sqlx(flatten)]
    pub image_media: MediaCols,
    /// Only listings in another language than the default select it.
    #[sqlx(default)]
    pub title_fallback: bool,
}

impl SummaryRow {
    pub fn into_summary(self, currency: baobab_domain::Currency) -> Result<ProductSummary, StoreError> {
        let image = match (self.image_id, self.image_url) {
            (Some(id), Some(url)) => Some(ProductImage {
                id,
                product_id: self.id,
                variant_id: self.image_variant_id,
                url,
                alt: self.image_alt.unwrap_or_default(),
                position: self.image_position.unwrap_or(0),
                width: self.image_width,
                height: self.image_height,
                media: self.image_media.into_asset(),
            }),
            _ => None,
        };
        Ok(ProductSummary {
            id: self.id,
            slug: self.slug,
            title: self.title,
            category_id: self.category_id,
            status: status(&self.status)?,
            price: self.min_price.map(|amount_minor| Price { currency, amount_minor, compare_at_minor: None }),
            in_stock: self.in_stock,
            image,
            title_fallback: self.title_fallback,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct FacetDbRow {
    pub category_id: Option<i64>,
    pub min_price: Option<i64>,
    pub in_stock: bool,
}

#[derive(sqlx::FromRow)]
pub(crate) struct TokenRow {
    pub id: i64,
    pub name: String,
    pub role: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl TryFrom<TokenRow> for ApiToken {
    type Error = StoreError;
    fn try_from(r: TokenRow) -> Result<Self, StoreError> {
        let role: Role = r.role.parse().map_err(StoreError::Internal)?;
        Ok(ApiToken { id: r.id, name: r.name, role, created_at: r.created_at, last_used_at: r.last_used_at, revoked_at: r.revoked_at })
    }
}

/// Text that goes into the search index for a product.
#[derive(sqlx::FromRow)]
pub(crate) struct SearchSourceRow {
    pub title: String,
    pub description: String,
    pub attributes: Json<Vec<NameValue>>,
    pub category_id: Option<i64>,
    pub category_name: Option<String>,
}

/// A product's translation, as its search text in that language needs it.
#[derive(sqlx::FromRow)]
pub(crate) struct TranslationSearchRow {
    pub id: i64,
    pub title: Option<String>,
    pub description: Option<String>,
    pub attributes: Json<BTreeMap<String, AttributeTranslation>>,
    /// The product's category's name in that language.
    pub category_name: Option<String>,
}

#[derive(sqlx::FromRow)]
pub(crate) struct ProductTranslationRow {
    pub lang: String,
    pub title: Option<String>,
    pub description: Option<String>,
    pub slug: Option<String>,
    pub attributes: Json<BTreeMap<String, AttributeTranslation>>,
}

impl ProductTranslationRow {
    pub fn into_pair(self) -> (String, ProductTranslation) {
        (self.lang, ProductTranslation { title: self.title, description: self.description, slug: self.slug, attributes: self.attributes.0 })
    }
}

/// A product joined with one of its translations (all NULL when it has none).
#[derive(sqlx::FromRow)]
pub(crate) struct TranslatedProductRow {
    #[sqlx(flatten)]
    pub product: ProductRow,
    pub t_lang: Option<String>,
    pub t_title: Option<String>,
    pub t_description: Option<String>,
    pub t_slug: Option<String>,
    pub t_attributes: Option<Json<BTreeMap<String, AttributeTranslation>>>,
}

impl TranslatedProductRow {
    /// The product (from the first row) and its translations by language.
    pub fn fold(rows: Vec<TranslatedProductRow>) -> (Option<ProductRow>, BTreeMap<String, ProductTranslation>) {
        let mut product = None;
        let mut translations = BTreeMap::new();
        for r in rows {
            if let Some(lang) = r.t_lang {
                let t = ProductTranslation {
                    title: r.t_title,
                    description: r.t_description,
                    slug: r.t_slug,
                    attributes: r.t_attributes.map(|a| a.0).unwrap_or_default(),
                };
                translations.insert(lang, t);
            }
            product.get_or_insert(r.product);
        }
        (product, translations)
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct CategoryTranslationRow {
    pub category_id: i64,
    pub lang: String,
    pub name: Option<String>,
    pub description: Option<String>,
    pub slug: Option<String>,
}

impl From<CategoryTranslationRow> for CategoryTranslationEntry {
    fn from(r: CategoryTranslationRow) -> Self {
        CategoryTranslationEntry {
            category_id: r.category_id,
            lang: r.lang,
            translation: CategoryTranslation { name: r.name, description: r.description, slug: r.slug },
        }
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct VariantSearchRow {
    pub sku: String,
    pub options: Json<Vec<NameValue>>,
}
