//! Catalog content in the shop's other languages: products' and categories' translations, the
//! product and category pages in a language, and what is left to translate.
//!
//! Languages are lower-case BCP 47 tags (`fr`, `pt-br`). The store does not know which language
//! is the shop's default: the products' and categories' own content is it, and callers pass
//! the other languages. Reading a product or a listing in a language costs a constant number of
//! queries (a join with the translations, never a query per item); the default language's
//! listings run exactly the SQL they ran before translations existed.

use std::collections::BTreeMap;

use async_trait::async_trait;
use baobab_domain::catalog::{Category, CategoryPatch, NewCategory, NewProduct, Product, ProductPatch};
use baobab_domain::translation::{CategoryTranslation, CategoryTranslationEntry, LocalizedProduct, ProductTranslation, TranslationGaps};

use crate::{Key, Result};

/// Changes to an item's translations, by language: the new translation (replacing the old one
/// whole), or None to remove it. Languages not named are left as they are.
pub type TranslationChanges<T> = BTreeMap<String, Option<T>>;

#[async_trait]
pub trait TranslationStore: Send + Sync {
    /// A product's translations by language (empty when it has none, or there is no such product).
    async fn product_translations(&self, product_id: i64) -> Result<BTreeMap<String, ProductTranslation>>;
    /// Sets the product's translation into `lang`, replacing any it had, and reindexes its
    /// search text in that language. The translation is checked ([`ProductTranslation::validate`]:
    /// blank fields dropped, a missing slug made from the title) and may only name the product's
    /// own attributes; a slug another product uses in `lang`, or as its default slug, is refused.
    /// Errors name fields `translations.<lang>.<field>`. Returns the translation as stored.
    async fn upsert_product_translation(&self, product_id: i64, lang: &str, t: &ProductTranslation) -> Result<ProductTranslation>;
    /// Removes the product's translation into `lang`; false when it had none.
    async fn delete_product_translation(&self, product_id: i64, lang: &str) -> Result<bool>;
    /// Creates a product and its translations in one transaction: all or nothing.
    async fn create_product_translated(&self, new: &NewProduct, translations: &BTreeMap<String, ProductTranslation>) -> Result<Product>;
    /// Updates a product and changes its translations in one transaction: all or nothing.
    async fn update_product_translated(
        &self,
        id: i64,
        patch: &ProductPatch,
        changes: &TranslationChanges<ProductTranslation>,
    ) -> Result<Product>;
    /// A product as shown in `lang` (None: the default language), each field falling back to the
    /// default content, with all its translations. A slug is looked up as `lang`'s slug first,
    /// then as the default slug, then as any other language's slug (the caller redirects to
    /// [`LocalizedProduct::slug_in`] when the slug asked for is not the page's own). Four queries,
    /// as many as [`crate::CatalogStore::product`]: the translations come with the product's row.
    async fn localized_product(&self, key: Key<'_>, lang: Option<&str>) -> Result<Option<LocalizedProduct>>;

    /// A category's translations by language.
    async fn category_translations(&self, category_id: i64) -> Result<BTreeMap<String, CategoryTranslation>>;
    /// Every category's translations (for the storefront's navigation and links), by category
    /// then language. One query.
    async fn all_category_translations(&self) -> Result<Vec<CategoryTranslationEntry>>;
    /// Sets the category's translation into `lang` (checked like a product's) and reindexes the
    /// search text of its products translated into `lang`.
    async fn upsert_category_translation(&self, category_id: i64, lang: &str, t: &CategoryTranslation) -> Result<CategoryTranslation>;
    async fn delete_category_translation(&self, category_id: i64, lang: &str) -> Result<bool>;
    async fn create_category_translated(&self, new: &NewCategory, translations: &BTreeMap<String, CategoryTranslation>)
    -> Result<Category>;
    async fn update_category_translated(
        &self,
        id: i64,
        patch: &CategoryPatch,
        changes: &TranslationChanges<CategoryTranslation>,
    ) -> Result<Category>;

    /// Per language of `langs`, in that order, what is left to translate (archived products and
    /// categories left out). Four queries, whatever the number of languages.
    async fn translation_gaps(&self, langs: &[String]) -> Result<Vec<TranslationGaps>>;
}
