//! Translations of the catalog, shared by both backends: what needs no pool type here, the
//! `TranslationStore` implementation in [`impl_translation_store!`] (one signature with the
//! other store macros; `crate::common` says why they are macros). It uses `refresh_search`,
//! `insert_product`, `write_product`, `insert_category`, `write_category` and the `patched_*`
//! helpers of `impl_common_store!`.

use std::collections::BTreeMap;

use baobab_domain::ValidationError;
use baobab_domain::error::Collector;
use baobab_domain::search::{document, normalize};
use baobab_domain::translation::MAX_TRANSLATIONS;

use crate::rows::{SearchSourceRow, TranslationSearchRow, VariantSearchRow};

/// Products or categories: where their translations live.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Product,
    Category,
}

impl Kind {
    pub(crate) fn table(self) -> &'static str {
        match self {
            Kind::Product => "product_translations",
            Kind::Category => "category_translations",
        }
    }

    /// The translations' column naming what they translate.
    pub(crate) fn owner(self) -> &'static str {
        match self {
            Kind::Product => "product_id",
            Kind::Category => "category_id",
        }
    }

    /// The table of the items themselves.
    pub(crate) fn items(self) -> &'static str {
        match self {
            Kind::Product => "products",
            Kind::Category => "categories",
        }
    }

    pub(crate) fn noun(self) -> &'static str {
        match self {
            Kind::Product => "product",
            Kind::Category => "category",
        }
    }
}

/// A product's normalised search title and text: in the default language (`t` None) or as a
/// shopper reading a translation sees it, the default content standing in for what the
/// translation lacks. The text holds the description, the category's name, attribute values,
/// SKUs and option values.
pub(crate) fn search_text(src: &SearchSourceRow, variants: &[VariantSearchRow], t: Option<&TranslationSearchRow>) -> (String, String) {
    let title = t.and_then(|t| t.title.as_deref()).unwrap_or(&src.title);
    let description = t.and_then(|t| t.description.as_deref()).unwrap_or(&src.description);
    let mut parts: Vec<&str> = vec![description];
    parts.extend(t.and_then(|t| t.category_name.as_deref()).or(src.category_name.as_deref()));
    for a in &src.attributes.0 {
        parts.push(t.and_then(|t| t.attributes.0.get(&a.name)).and_then(|x| x.value.as_deref()).unwrap_or(&a.value));
    }
    for v in variants {
        parts.push(&v.sku);
        for o in &v.options.0 {
            parts.push(&o.value);
        }
    }
    (normalize(title), document(parts))
}

/// Both checks' results, or every problem of the two.
pub(crate) fn both<A, B>(a: Result<A, ValidationError>, b: Result<B, ValidationError>) -> Result<(A, B), ValidationError> {
    match (a, b) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        (Err(mut a), Err(b)) => {
            a.errors.extend(b.errors);
            Err(a)
        }
        (Err(e), _) | (_, Err(e)) => Err(e),
    }
}

/// Checks every translation of a request at once (every problem named), normalised.
pub(crate) fn check_all<T>(
    translations: &BTreeMap<String, T>,
    validate: impl Fn(&T, &str) -> Result<T, ValidationError>,
) -> Result<Vec<(String, T)>, ValidationError> {
    if translations.len() > MAX_TRANSLATIONS {
        return Err(ValidationError::new("translations", format!("at most {MAX_TRANSLATIONS} languages")));
    }
    let mut c = Collector::default();
    let mut out = Vec::with_capacity(translations.len());
    for (lang, t) in translations {
        if let Some(v) = c.check(validate(t, lang)) {
            out.push((lang.clone(), v));
        }
    }
    c.finish()?;
    Ok(out)
}

/// Checks the changes of a request (None removes a language; its code must still be one).
pub(crate) fn check_changes<T>(
    changes: &BTreeMap<String, Option<T>>,
    validate: impl Fn(&T, &str) -> Result<T, ValidationError>,
) -> Result<Vec<(String, Option<T>)>, ValidationError> {
    if changes.len() > MAX_TRANSLATIONS {
        return Err(ValidationError::new("translations", format!("at most {MAX_TRANSLATIONS} languages")));
    }
    let mut c = Collector::default();
    let mut out = Vec::with_capacity(changes.len());
    for (lang, t) in changes {
        match t {
            Some(t) => {
                if let Some(v) = c.check(validate(t, lang)) {
                    out.push((lang.clone(), Some(v)));
                }
            }
            None => {
                if c.check(baobab_domain::translation::validate_lang(&baobab_domain::translation::field(lang, ""), lang)).is_some() {
                    out.push((lang.clone(), None));
                }
            }
        }
    }
    c.finish()?;
    Ok(out)
}

/// Implements `TranslationStore` for a backend (see the module comment).
macro_rules! impl_translation_store {
    ($store:ty, $db:ty) => {
        impl $store {
            /// Refuses a translated slug that another item uses, in the same language or as its
            /// default slug (either would make one URL name two items).
            async fn check_translated_slug(
                conn: &mut <$db as sqlx::Database>::Connection,
                kind: $crate::translations_sql::Kind,
                id: i64,
                lang: &str,
                slug: &str,
            ) -> $crate::Result<()> {
                let field = baobab_domain::translation::field(lang, "slug");
                let in_lang: Option<i64> = sqlx::query_scalar($crate::common::dynamic(format!(
                    "SELECT {owner} FROM {table} WHERE lang = $1 AND slug = $2 AND {owner} <> $3",
                    owner = kind.owner(),
                    table = kind.table()
                )))
                .bind(lang)
                .bind(slug)
                .bind(id)
                .fetch_optional(&mut *conn)
                .await?;
                if in_lang.is_some() {
                    return Err($crate::StoreError::invalid(&field, format!("`{slug}` is already another {}'s slug in {lang}", kind.noun())));
                }
                let default: Option<i64> =
                    sqlx::query_scalar($crate::common::dynamic(format!("SELECT id FROM {} WHERE slug = $1 AND id <> $2", kind.items())))
                        .bind(slug)
                        .bind(id)
                        .fetch_optional(&mut *conn)
                        .await?;
                if default.is_some() {
                    return Err($crate::StoreError::invalid(
                        &field,
                        format!("`{slug}` is already another {}'s slug in the default language", kind.noun()),
                    ));
                }
                Ok(())
            }

            /// Writes one checked product translation (replacing the language's old one).
            async fn put_product_translation(
                conn: &mut <$db as sqlx::Database>::Connection,
                product_id: i64,
                attributes: &[baobab_domain::catalog::NameValue],
                lang: &str,
                t: &baobab_domain::translation::ProductTranslation,
            ) -> $crate::Result<()> {
                t.check_attributes(lang, attributes)?;
                if let Some(slug) = &t.slug {
                    Self::check_translated_slug(conn, $crate::translations_sql::Kind::Product, product_id, lang, slug).await?;
                }
                sqlx::query(
                    "INSERT INTO product_translations (product_id, lang, title, description, slug, attributes, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (product_id, lang) DO UPDATE SET title = excluded.title, \
                     description = excluded.description, slug = excluded.slug, attributes = excluded.attributes, updated_at = excluded.updated_at",
                )
                .bind(product_id)
                .bind(lang)
                .bind(t.title.as_deref())
                .bind(t.description.as_deref())
                .bind(t.slug.as_deref())
                .bind(sqlx::types::Json(&t.attributes))
                .bind(chrono::Utc::now())
                .execute(&mut *conn)
                .await?;
                Ok(())
            }

            async fn put_category_translation(
                conn: &mut <$db as sqlx::Database>::Connection,
                category_id: i64,
                lang: &str,
                t: &baobab_domain::translation::CategoryTranslation,
            ) -> $crate::Result<()> {
                if let Some(slug) = &t.slug {
                    Self::check_translated_slug(conn, $crate::translations_sql::Kind::Category, category_id, lang, slug).await?;
                }
                sqlx::query(
                    "INSERT INTO category_translations (category_id, lang, name, description, slug, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (category_id, lang) DO UPDATE SET name = excluded.name, \
                     description = excluded.description, slug = excluded.slug, updated_at = excluded.updated_at",
                )
                .bind(category_id)
                .bind(lang)
                .bind(t.name.as_deref())
                .bind(t.description.as_deref())
                .bind(t.slug.as_deref())
                .bind(chrono::Utc::now())
                .execute(&mut *conn)
                .await?;
                Ok(())
            }

            async fn delete_translation(
                conn: &mut <$db as sqlx::Database>::Connection,
                kind: $crate::translations_sql::Kind,
                id: i64,
                lang: &str,
            ) -> $crate::Result<bool> {
                let r = sqlx::query($crate::common::dynamic(format!("DELETE FROM {} WHERE {} = $1 AND lang = $2", kind.table(), kind.owner())))
                    .bind(id)
                    .bind(lang)
                    .execute(&mut *conn)
                    .await?;
                Ok(r.rows_affected() > 0)
            }

            /// Marks an item changed (its translations are part of it).
            async fn touch(conn: &mut <$db as sqlx::Database>::Connection, kind: $crate::translations_sql::Kind, id: i64) -> $crate::Result<()> {
                let r = sqlx::query($crate::common::dynamic(format!("UPDATE {} SET updated_at = $1 WHERE id = $2", kind.items())))
                    .bind(chrono::Utc::now())
                    .bind(id)
                    .execute(&mut *conn)
                    .await?;
                $crate::error::found(r.rows_affected(), kind.noun())
            }

            /// Reindexes, in `lang`, the products of a category that are translated into it.
            async fn refresh_category_products(
                conn: &mut <$db as sqlx::Database>::Connection,
                category_id: i64,
                lang: &str,
            ) -> $crate::Result<()> {
                let ids: Vec<i64> = sqlx::query_scalar(
                    "SELECT t.product_id FROM product_translations t JOIN products p ON p.id = t.product_id \
                     WHERE p.category_id = $1 AND t.lang = $2",
                )
                .bind(category_id)
                .bind(lang)
                .fetch_all(&mut *conn)
                .await?;
                for id in ids {
                    Self::refresh_search(conn, id).await?;
                }
                Ok(())
            }
        }

        #[async_trait::async_trait]
        impl $crate::translations::TranslationStore for $store {
            async fn product_translations(
                &self,
                product_id: i64,
            ) -> $crate::Result<std::collections::BTreeMap<String, baobab_domain::translation::ProductTranslation>> {
                let rows: Vec<$crate::rows::ProductTranslationRow> = sqlx::query_as(
                    "SELECT lang, title, description, slug, attributes FROM product_translations WHERE product_id = $1 ORDER BY lang",
                )
                .bind(product_id)
                .fetch_all(&self.read)
                .await?;
                Ok(rows.into_iter().map($crate::rows::ProductTranslationRow::into_pair).collect())
            }

            async fn upsert_product_translation(
                &self,
                product_id: i64,
                lang: &str,
                t: &baobab_domain::translation::ProductTranslation,
            ) -> $crate::Result<baobab_domain::translation::ProductTranslation> {
                let t = t.validate(lang)?;
                let mut tx = self.write.begin().await?;
                let attributes: Option<sqlx::types::Json<Vec<baobab_domain::catalog::NameValue>>> =
                    sqlx::query_scalar("SELECT attributes FROM products WHERE id = $1").bind(product_id).fetch_optional(&mut *tx).await?;
                let attributes = attributes.ok_or($crate::StoreError::NotFound("product"))?;
                Self::put_product_translation(&mut tx, product_id, &attributes.0, lang, &t).await?;
                Self::touch(&mut tx, $crate::translations_sql::Kind::Product, product_id).await?;
                Self::refresh_search(&mut tx, product_id).await?;
                tx.commit().await?;
                Ok(t)
            }

            async fn delete_product_translation(&self, product_id: i64, lang: &str) -> $crate::Result<bool> {
                let mut tx = self.write.begin().await?;
                let gone = Self::delete_translation(&mut tx, $crate::translations_sql::Kind::Product, product_id, lang).await?;
                if gone {
                    Self::touch(&mut tx, $crate::translations_sql::Kind::Product, product_id).await?;
                }
                tx.commit().await?;
                Ok(gone)
            }

            async fn create_product_translated(
                &self,
                new: &baobab_domain::catalog::NewProduct,
                translations: &std::collections::BTreeMap<String, baobab_domain::translation::ProductTranslation>,
            ) -> $crate::Result<baobab_domain::catalog::Product> {
                let checked = new.validate();
                let translated = $crate::translations_sql::check_all(translations, |t, l| t.validate(l));
                let (new, translated) = $crate::translations_sql::both(checked, translated)?;
                let mut tx = self.write.begin().await?;
                let id = Self::insert_product(&mut tx, &new).await?;
                for (lang, t) in &translated {
                    Self::put_product_translation(&mut tx, id, &new.attributes, lang, t).await?;
                }
                Self::refresh_search(&mut tx, id).await?;
                tx.commit().await?;
                $crate::CatalogStore::product(self, $crate::Key::Id(id)).await?.ok_or($crate::StoreError::NotFound("product"))
            }

            async fn update_product_translated(
                &self,
                id: i64,
                patch: &baobab_domain::catalog::ProductPatch,
                changes: &$crate::translations::TranslationChanges<baobab_domain::translation::ProductTranslation>,
            ) -> $crate::Result<baobab_domain::catalog::Product> {
                let changes = $crate::translations_sql::check_changes(changes, |t, l| t.validate(l))?;
                let (p, reslugged) = self.patched_product(id, patch).await?;
                let mut tx = self.write.begin().await?;
                Self::write_product(&mut tx, &p, reslugged).await?;
                for (lang, change) in &changes {
                    match change {
                        Some(t) => Self::put_product_translation(&mut tx, id, &p.attributes, lang, t).await?,
                        None => {
                            Self::delete_translation(&mut tx, $crate::translations_sql::Kind::Product, id, lang).await?;
                        }
                    }
                }
                Self::refresh_search(&mut tx, id).await?;
                tx.commit().await?;
                $crate::CatalogStore::product(self, $crate::Key::Id(id)).await?.ok_or($crate::StoreError::NotFound("product"))
            }

            async fn localized_product(
                &self,
                key: $crate::Key<'_>,
                lang: Option<&str>,
            ) -> $crate::Result<Option<baobab_domain::translation::LocalizedProduct>> {
                use $crate::common::{PRODUCT_COLUMNS, dynamic};
                // the product and its translations in one query: a row per language (or one
                // with no translation), so a page in any language costs what it did before
                let columns = PRODUCT_COLUMNS.split(", ").map(|c| format!("p.{c}")).collect::<Vec<_>>().join(", ");
                let select = format!(
                    "SELECT {columns}, t.lang AS t_lang, t.title AS t_title, t.description AS t_description, t.slug AS t_slug, \
                     t.attributes AS t_attributes FROM products p LEFT JOIN product_translations t ON t.product_id = p.id"
                );
                let q = match key {
                    $crate::Key::Id(id) => sqlx::query_as(dynamic(format!("{select} WHERE p.id = $1 ORDER BY t.lang"))).bind(id),
                    // the language's own slug, then the default slug, then another language's
                    $crate::Key::Slug(s) => sqlx::query_as(dynamic(format!(
                        "{select} WHERE p.id = (SELECT m.id FROM (\
                         SELECT product_id AS id, CASE WHEN lang = $1 THEN 0 ELSE 2 END AS pref, lang FROM product_translations WHERE slug = $2 \
                         UNION ALL SELECT id, 1 AS pref, '' AS lang FROM products WHERE slug = $2) m ORDER BY m.pref, m.lang LIMIT 1) ORDER BY t.lang"
                    )))
                    .bind(lang.unwrap_or("").to_string())
                    .bind(s.to_string()),
                };
                let rows: Vec<$crate::rows::TranslatedProductRow> = q.fetch_all(&self.read).await?;
                let Some(id) = rows.first().map(|r| r.product.id) else { return Ok(None) };
                let variants = self.load_variants(&[id], None).await?;
                let images = self.load_images(&[id]).await?;
                let (row, translations) = $crate::rows::TranslatedProductRow::fold(rows);
                let Some(row) = row else { return Ok(None) };
                Ok(Some(baobab_domain::translation::LocalizedProduct::new(row.into_product(variants, images)?, lang, translations)))
            }

            async fn category_translations(
                &self,
                category_id: i64,
            ) -> $crate::Result<std::collections::BTreeMap<String, baobab_domain::translation::CategoryTranslation>> {
                let rows: Vec<$crate::rows::CategoryTranslationRow> = sqlx::query_as(
                    "SELECT category_id, lang, name, description, slug FROM category_translations WHERE category_id = $1 ORDER BY lang",
                )
                .bind(category_id)
                .fetch_all(&self.read)
                .await?;
                Ok(rows.into_iter().map(|r| (r.lang.clone(), baobab_domain::translation::CategoryTranslationEntry::from(r).translation)).collect())
            }

            async fn all_category_translations(&self) -> $crate::Result<Vec<baobab_domain::translation::CategoryTranslationEntry>> {
                let rows: Vec<$crate::rows::CategoryTranslationRow> =
                    sqlx::query_as("SELECT category_id, lang, name, description, slug FROM category_translations ORDER BY category_id, lang")
                        .fetch_all(&self.read)
                        .await?;
                Ok(rows.into_iter().map(Into::into).collect())
            }

            async fn upsert_category_translation(
                &self,
                category_id: i64,
                lang: &str,
                t: &baobab_domain::translation::CategoryTranslation,
            ) -> $crate::Result<baobab_domain::translation::CategoryTranslation> {
                let t = t.validate(lang)?;
                let mut tx = self.write.begin().await?;
                Self::touch(&mut tx, $crate::translations_sql::Kind::Category, category_id).await?;
                Self::put_category_translation(&mut tx, category_id, lang, &t).await?;
                Self::refresh_category_products(&mut tx, category_id, lang).await?;
                tx.commit().await?;
                Ok(t)
            }

            async fn delete_category_translation(&self, category_id: i64, lang: &str) -> $crate::Result<bool> {
                let mut tx = self.write.begin().await?;
                let gone = Self::delete_translation(&mut tx, $crate::translations_sql::Kind::Category, category_id, lang).await?;
                if gone {
                    Self::touch(&mut tx, $crate::translations_sql::Kind::Category, category_id).await?;
                    Self::refresh_category_products(&mut tx, category_id, lang).await?;
                }
                tx.commit().await?;
                Ok(gone)
            }

            async fn create_category_translated(
                &self,
                new: &baobab_domain::catalog::NewCategory,
                translations: &std::collections::BTreeMap<String, baobab_domain::translation::CategoryTranslation>,
            ) -> $crate::Result<baobab_domain::catalog::Category> {
                let checked = new.validate();
                let translated = $crate::translations_sql::check_all(translations, |t, l| t.validate(l));
                let (new, translated) = $crate::translations_sql::both(checked, translated)?;
                let mut tx = self.write.begin().await?;
                let id = Self::insert_category(&mut tx, &new).await?;
                for (lang, t) in &translated {
                    Self::put_category_translation(&mut tx, id, lang, t).await?;
                }
                tx.commit().await?;
                $crate::CatalogStore::category(self, $crate::Key::Id(id)).await?.ok_or($crate::StoreError::NotFound("category"))
            }

            async fn update_category_translated(
                &self,
                id: i64,
                patch: &baobab_domain::catalog::CategoryPatch,
                changes: &$crate::translations::TranslationChanges<baobab_domain::translation::CategoryTranslation>,
            ) -> $crate::Result<baobab_domain::catalog::Category> {
                let changes = $crate::translations_sql::check_changes(changes, |t, l| t.validate(l))?;
                let (cat, renamed, reslugged) = self.patched_category(id, patch).await?;
                let mut tx = self.write.begin().await?;
                for (lang, change) in &changes {
                    match change {
                        Some(t) => Self::put_category_translation(&mut tx, id, lang, t).await?,
                        None => {
                            Self::delete_translation(&mut tx, $crate::translations_sql::Kind::Category, id, lang).await?;
                        }
                    }
                }
                // a new default name reindexes every product of the category, translations included
                Self::write_category(&mut tx, &cat, renamed, reslugged).await?;
                if !renamed {
                    for (lang, _) in &changes {
                        Self::refresh_category_products(&mut tx, id, lang).await?;
                    }
                }
                tx.commit().await?;
                $crate::CatalogStore::category(self, $crate::Key::Id(id)).await?.ok_or($crate::StoreError::NotFound("category"))
            }

            async fn translation_gaps(&self, langs: &[String]) -> $crate::Result<Vec<baobab_domain::translation::TranslationGaps>> {
                use std::collections::HashMap;
                use baobab_domain::translation::{CategoryTranslation, ProductTranslation, TranslationGaps};
                let products: Vec<(i64, bool, sqlx::types::Json<Vec<baobab_domain::catalog::NameValue>>)> =
                    sqlx::query_as("SELECT id, description <> '' AS has_description, attributes FROM products WHERE status <> 'archived' ORDER BY id")
                        .fetch_all(&self.read)
                        .await?;
                let translated: Vec<(i64, String, bool, bool, sqlx::types::Json<std::collections::BTreeMap<String, baobab_domain::translation::AttributeTranslation>>)> =
                    sqlx::query_as(
                        "SELECT t.product_id, t.lang, t.title IS NOT NULL AS has_title, t.description IS NOT NULL AS has_description, t.attributes \
                         FROM product_translations t JOIN products p ON p.id = t.product_id WHERE p.status <> 'archived'",
                    )
                    .fetch_all(&self.read)
                    .await?;
                let categories: Vec<(i64, bool)> =
                    sqlx::query_as("SELECT id, description <> '' AS has_description FROM categories WHERE archived = FALSE ORDER BY id")
                        .fetch_all(&self.read)
                        .await?;
                let cat_translated: Vec<(i64, String, bool, bool)> = sqlx::query_as(
                    "SELECT t.category_id, t.lang, t.name IS NOT NULL AS has_name, t.description IS NOT NULL AS has_description \
                     FROM category_translations t JOIN categories c ON c.id = t.category_id WHERE c.archived = FALSE",
                )
                .fetch_all(&self.read)
                .await?;
                // Only presence matters for the counts: present fields are stood in for by empty text.
                let present = |yes: bool| yes.then(String::new);
                let mut by_product: HashMap<(i64, &str), ProductTranslation> = HashMap::new();
                for (id, lang, title, description, attributes) in &translated {
                    let t = ProductTranslation { title: present(*title), description: present(*description), slug: None, attributes: attributes.0.clone() };
                    by_product.insert((*id, lang.as_str()), t);
                }
                let mut by_category: HashMap<(i64, &str), CategoryTranslation> = HashMap::new();
                for (id, lang, name, description) in &cat_translated {
                    by_category.insert((*id, lang.as_str()), CategoryTranslation { name: present(*name), description: present(*description), slug: None });
                }
                Ok(langs
                    .iter()
                    .map(|lang| {
                        let mut g = TranslationGaps { lang: lang.clone(), ..Default::default() };
                        for (id, has_description, attributes) in &products {
                            g.add_product(*has_description, &attributes.0, by_product.get(&(*id, lang.as_str())));
                        }
                        for (id, has_description) in &categories {
                            g.add_category(*has_description, by_category.get(&(*id, lang.as_str())));
                        }
                        g
                    })
                    .collect())
            }
        }
    };
}

pub(crate) use impl_translation_store;
