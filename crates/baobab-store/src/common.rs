//! The store logic both backends share. The SQL here is written in the subset PostgreSQL and
//! SQLite agree on (`$n` placeholders, `RETURNING`, `ON CONFLICT`, `WITH RECURSIVE`), and is
//! compiled once per backend, against each backend's own pool type. What differs (connection
//! set-up, migrations, full-text syntax, row locks) lives in `postgres.rs`, `sqlite.rs` and
//! [`crate::listing::Dialect`].
//!
//! Why macros, and not generic code: sqlx can run one query over any `Database`, but the
//! bounds a generic function needs (`for<'c> &'c mut DB::Connection: Executor<'c>`, and
//! `Encode + Type` for every bound value, `FromRow` for every row type) are not implied by a
//! trait, so each of the ~100 store functions would repeat a dozen higher-ranked `where` lines.
//! The store macros (`impl_common_store!`, `impl_account_store!`, `impl_order_store!`,
//! `impl_payment_store!`, `impl_import_store!`) therefore stay, with one signature: `($store:ty, $db:ty)`, for a
//! struct with `read: Pool<$db>`, `write: Pool<$db>` and `dialect: Dialect`. What needs no
//! pool type (column lists, row conversions, SQL builders, folding rows into orders) is
//! ordinary code outside the macros, in `rows.rs`, `listing.rs` and the `*_sql.rs` modules.

pub(crate) const CATEGORY_COLUMNS: &str = "id, parent_id, slug, name, description, position, archived, created_at, updated_at";
pub(crate) const PRODUCT_COLUMNS: &str = "id, category_id, slug, title, description, attributes, status, created_at, updated_at";
pub(crate) const VARIANT_COLUMNS: &str = "id, product_id, sku, options, stock_on_hand, position, archived";
pub(crate) const IMAGE_COLUMNS: &str = "i.id, i.product_id, i.variant_id, i.url, i.alt, i.position, i.width, i.height";
pub(crate) const MEDIA_ASSET_COLUMNS: &str = "hash, source, width, height, bytes, widths, placeholder";
pub(crate) const TOKEN_COLUMNS: &str = "id, name, role, created_at, last_used_at, revoked_at";

/// The product images picked by `filter` (a WHERE condition on `i`, parameters from `$1`), with
/// their media asset, in display order.
pub(crate) fn image_select(filter: &str) -> sqlx::AssertSqlSafe<String> {
    dynamic(format!(
        "SELECT {IMAGE_COLUMNS}, {} FROM product_images i LEFT JOIN media_assets m ON m.hash = i.media_hash WHERE {filter} ORDER BY i.product_id, i.position, i.id",
        crate::rows::MEDIA_COLUMNS_M
    ))
}

/// SQL assembled from our own fixed fragments (never from input: values are bound).
pub(crate) fn dynamic(sql: String) -> sqlx::AssertSqlSafe<String> {
    sqlx::AssertSqlSafe(sql)
}

/// Implements `CatalogStore`, `TokenStore` and `MetaStore` (see the module comment for the
/// signature and why it is a macro).
macro_rules! impl_common_store {
    ($store:ty, $db:ty) => {
        use $crate::common::{
            CATEGORY_COLUMNS, MEDIA_ASSET_COLUMNS, PRODUCT_COLUMNS, TOKEN_COLUMNS, VARIANT_COLUMNS, dynamic, image_select,
        };

        impl $store {
            async fn category_exists(conn: &mut <$db as sqlx::Database>::Connection, id: i64) -> $crate::Result<bool> {
                let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM categories WHERE id = $1").bind(id).fetch_one(&mut *conn).await?;
                Ok(n > 0)
            }

            async fn check_category(conn: &mut <$db as sqlx::Database>::Connection, id: Option<i64>) -> $crate::Result<()> {
                if let Some(id) = id {
                    if !Self::category_exists(conn, id).await? {
                        return Err($crate::StoreError::invalid("category_id", format!("no category with id {id}")));
                    }
                }
                Ok(())
            }

            /// Recomputes the product's searchable text from its title, description, attributes,
            /// category name and variants' SKUs and options; and, for each language it is
            /// translated into, the same text as a shopper reading that language sees it.
            async fn refresh_search(conn: &mut <$db as sqlx::Database>::Connection, product_id: i64) -> $crate::Result<()> {
                let src: $crate::rows::SearchSourceRow = sqlx::query_as(
                    "SELECT p.title, p.description, p.attributes, p.category_id, c.name AS category_name \
                     FROM products p LEFT JOIN categories c ON c.id = p.category_id WHERE p.id = $1",
                )
                .bind(product_id)
                .fetch_one(&mut *conn)
                .await?;
                let variants: Vec<$crate::rows::VariantSearchRow> =
                    sqlx::query_as("SELECT sku, options FROM variants WHERE product_id = $1 AND archived = FALSE")
                        .bind(product_id)
                        .fetch_all(&mut *conn)
                        .await?;
                let (title, text) = $crate::translations_sql::search_text(&src, &variants, None);
                sqlx::query("UPDATE products SET search_title = $1, search_text = $2 WHERE id = $3")
                    .bind(title)
                    .bind(text)
                    .bind(product_id)
                    .execute(&mut *conn)
                    .await?;
                let translated: Vec<$crate::rows::TranslationSearchRow> = sqlx::query_as(
                    "SELECT t.id, t.title, t.description, t.attributes, ct.name AS category_name FROM product_translations t \
                     LEFT JOIN category_translations ct ON ct.category_id = $2 AND ct.lang = t.lang WHERE t.product_id = $1",
                )
                .bind(product_id)
                .bind(src.category_id)
                .fetch_all(&mut *conn)
                .await?;
                for t in &translated {
                    let (title, text) = $crate::translations_sql::search_text(&src, &variants, Some(t));
                    sqlx::query("UPDATE product_translations SET search_title = $1, search_text = $2 WHERE id = $3")
                        .bind(title)
                        .bind(text)
                        .bind(t.id)
                        .execute(&mut *conn)
                        .await?;
                }
                Ok(())
            }

            /// Remakes every product's search text (default and translated) when it was made with
            /// another normalisation than this build's, so stored words and queries agree. Runs
            /// after the migrations, in batches of 200 products a transaction.
            async fn reindex_search_if_stale(&self) -> $crate::Result<()> {
                const KEY: &str = "search_normalization";
                let current: Option<String> =
                    sqlx::query_scalar("SELECT value FROM meta WHERE key = $1").bind(KEY).fetch_optional(&self.write).await?;
                if current.as_deref() == Some(baobab_domain::search::NORMALIZATION_VERSION) {
                    return Ok(());
                }
                let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM products ORDER BY id").fetch_all(&self.write).await?;
                for batch in ids.chunks(200) {
                    let mut tx = self.write.begin().await?;
                    for id in batch {
                        Self::refresh_search(&mut tx, *id).await?;
                    }
                    tx.commit().await?;
                }
                sqlx::query("INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
                    .bind(KEY)
                    .bind(baobab_domain::search::NORMALIZATION_VERSION)
                    .execute(&self.write)
                    .await?;
                if !ids.is_empty() {
                    tracing::info!(products = ids.len(), "search text remade for this version's normalisation");
                }
                Ok(())
            }

            /// Refuses a default slug that another product (`table` = `product_translations`) or
            /// category uses as its slug in some language: the storefront looks a language's
            /// own slugs up first, so that one would hide this one there.
            async fn check_default_slug(
                conn: &mut <$db as sqlx::Database>::Connection,
                kind: $crate::translations_sql::Kind,
                slug: &str,
                id: i64,
            ) -> $crate::Result<()> {
                let lang: Option<String> = sqlx::query_scalar(dynamic(format!(
                    "SELECT lang FROM {} WHERE slug = $1 AND {} <> $2 ORDER BY lang LIMIT 1",
                    kind.table(),
                    kind.owner()
                )))
                .bind(slug)
                .bind(id)
                .fetch_optional(&mut *conn)
                .await?;
                match lang {
                    Some(l) => Err($crate::StoreError::Conflict {
                        field: "slug",
                        message: format!("this slug is already another {}'s slug in `{l}`", kind.noun()),
                    }),
                    None => Ok(()),
                }
            }

            /// Inserts a checked new category; its id.
            async fn insert_category(
                conn: &mut <$db as sqlx::Database>::Connection,
                new: &baobab_domain::catalog::NewCategory,
            ) -> $crate::Result<i64> {
                if let Some(parent) = new.parent_id {
                    if !Self::category_exists(conn, parent).await? {
                        return Err($crate::StoreError::invalid("parent_id", format!("no category with id {parent}")));
                    }
                }
                let slug = new.slug.as_deref().unwrap_or_default();
                Self::check_default_slug(conn, $crate::translations_sql::Kind::Category, slug, -1).await?;
                let now = chrono::Utc::now();
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO categories (parent_id, slug, name, description, position, archived, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, FALSE, $6, $6) RETURNING id",
                )
                .bind(new.parent_id)
                .bind(slug)
                .bind(&new.name)
                .bind(&new.description)
                .bind(new.position)
                .bind(now)
                .fetch_one(&mut *conn)
                .await?;
                Ok(id)
            }

            /// The category as `patch` leaves it (checked against the tree), and whether its name
            /// and its slug change.
            async fn patched_category(
                &self,
                id: i64,
                patch: &baobab_domain::catalog::CategoryPatch,
            ) -> $crate::Result<(baobab_domain::catalog::Category, bool, bool)> {
                patch.validate()?;
                let all = $crate::CatalogStore::categories(self).await?;
                let mut cat = all.iter().find(|c| c.id == id).cloned().ok_or($crate::StoreError::NotFound("category"))?;
                if let Some(Some(parent)) = patch.parent_id {
                    if !all.iter().any(|c| c.id == parent) {
                        return Err($crate::StoreError::invalid("parent_id", format!("no category with id {parent}")));
                    }
                    if baobab_domain::catalog::would_cycle(&all, id, parent) {
                        return Err($crate::StoreError::invalid("parent_id", "a category cannot be placed below itself or its own subcategory"));
                    }
                }
                let renamed = patch.name.as_ref().is_some_and(|n| n.trim() != cat.name);
                let reslugged = patch.slug.as_ref().is_some_and(|s| *s != cat.slug);
                patch.apply(&mut cat);
                Ok((cat, renamed, reslugged))
            }

            /// Writes a patched category; a new name is reindexed in its products' search text.
            async fn write_category(
                conn: &mut <$db as sqlx::Database>::Connection,
                cat: &baobab_domain::catalog::Category,
                renamed: bool,
                reslugged: bool,
            ) -> $crate::Result<()> {
                if reslugged {
                    Self::check_default_slug(conn, $crate::translations_sql::Kind::Category, &cat.slug, cat.id).await?;
                }
                let updated = sqlx::query(
                    "UPDATE categories SET parent_id = $1, slug = $2, name = $3, description = $4, position = $5, archived = $6, updated_at = $7 WHERE id = $8",
                )
                .bind(cat.parent_id)
                .bind(&cat.slug)
                .bind(&cat.name)
                .bind(&cat.description)
                .bind(cat.position)
                .bind(cat.archived)
                .bind(chrono::Utc::now())
                .bind(cat.id)
                .execute(&mut *conn)
                .await?;
                $crate::error::found(updated.rows_affected(), "category")?;
                if renamed {
                    let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM products WHERE category_id = $1").bind(cat.id).fetch_all(&mut *conn).await?;
                    for pid in ids {
                        Self::refresh_search(conn, pid).await?;
                    }
                }
                Ok(())
            }

            /// Inserts a checked new product with its variants (its search text is left to
            /// `refresh_search`); its id.
            async fn insert_product(
                conn: &mut <$db as sqlx::Database>::Connection,
                new: &baobab_domain::catalog::NewProduct,
            ) -> $crate::Result<i64> {
                Self::check_category(conn, new.category_id).await?;
                let slug = new.slug.as_deref().unwrap_or_default();
                Self::check_default_slug(conn, $crate::translations_sql::Kind::Product, slug, -1).await?;
                let now = chrono::Utc::now();
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO products (category_id, slug, title, description, attributes, status, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
                )
                .bind(new.category_id)
                .bind(slug)
                .bind(&new.title)
                .bind(&new.description)
                .bind(sqlx::types::Json(&new.attributes))
                .bind(new.status.unwrap_or(baobab_domain::catalog::ProductStatus::Draft).as_str())
                .bind(now)
                .fetch_one(&mut *conn)
                .await?;
                for v in &new.variants {
                    Self::insert_variant(conn, id, v).await?;
                }
                Ok(id)
            }

            /// The product as `patch` leaves it, and whether its slug changes.
            async fn patched_product(
                &self,
                id: i64,
                patch: &baobab_domain::catalog::ProductPatch,
            ) -> $crate::Result<(baobab_domain::catalog::Product, bool)> {
                patch.validate()?;
                let mut p = $crate::CatalogStore::product(self, $crate::Key::Id(id)).await?.ok_or($crate::StoreError::NotFound("product"))?;
                let reslugged = patch.slug.as_ref().is_some_and(|s| *s != p.slug);
                patch.apply(&mut p);
                Ok((p, reslugged))
            }

            /// Writes a patched product's own fields (its search text is left to `refresh_search`).
            async fn write_product(
                conn: &mut <$db as sqlx::Database>::Connection,
                p: &baobab_domain::catalog::Product,
                reslugged: bool,
            ) -> $crate::Result<()> {
                Self::check_category(conn, p.category_id).await?;
                if reslugged {
                    Self::check_default_slug(conn, $crate::translations_sql::Kind::Product, &p.slug, p.id).await?;
                }
                let updated = sqlx::query(
                    "UPDATE products SET category_id = $1, slug = $2, title = $3, description = $4, attributes = $5, status = $6, updated_at = $7 WHERE id = $8",
                )
                .bind(p.category_id)
                .bind(&p.slug)
                .bind(&p.title)
                .bind(&p.description)
                .bind(sqlx::types::Json(&p.attributes))
                .bind(p.status.as_str())
                .bind(chrono::Utc::now())
                .bind(p.id)
                .execute(&mut *conn)
                .await?;
                $crate::error::found(updated.rows_affected(), "product")
            }

            async fn check_image_variant(conn: &mut <$db as sqlx::Database>::Connection, product_id: i64, variant_id: Option<i64>) -> $crate::Result<()> {
                if let Some(v) = variant_id {
                    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM variants WHERE id = $1 AND product_id = $2")
                        .bind(v)
                        .bind(product_id)
                        .fetch_one(&mut *conn)
                        .await?;
                    if n == 0 {
                        return Err($crate::StoreError::invalid("variant_id", format!("the product has no variant {v}")));
                    }
                }
                Ok(())
            }

            async fn insert_prices(
                conn: &mut <$db as sqlx::Database>::Connection,
                variant_id: i64,
                prices: &[baobab_domain::catalog::Price],
            ) -> $crate::Result<()> {
                for p in prices {
                    sqlx::query("INSERT INTO variant_prices (variant_id, currency, amount_minor, compare_at_minor) VALUES ($1, $2, $3, $4)")
                        .bind(variant_id)
                        .bind(p.currency.code())
                        .bind(p.amount_minor)
                        .bind(p.compare_at_minor)
                        .execute(&mut *conn)
                        .await?;
                }
                Ok(())
            }

            async fn insert_variant(
                conn: &mut <$db as sqlx::Database>::Connection,
                product_id: i64,
                v: &baobab_domain::catalog::NewVariant,
            ) -> $crate::Result<i64> {
                let now = chrono::Utc::now();
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO variants (product_id, sku, options, stock_on_hand, position, archived, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, FALSE, $6, $6) RETURNING id",
                )
                .bind(product_id)
                .bind(&v.sku)
                .bind(sqlx::types::Json(&v.options))
                .bind(v.stock_on_hand)
                .bind(v.position)
                .bind(now)
                .fetch_one(&mut *conn)
                .await?;
                Self::insert_prices(conn, id, &v.prices).await?;
                Ok(id)
            }

            async fn load_variants(&self, product_ids: &[i64], variant_id: Option<i64>) -> $crate::Result<Vec<baobab_domain::catalog::Variant>> {
                let (filter, arg) = match variant_id {
                    Some(v) => ("id = $1".to_string(), v),
                    None if product_ids.len() == 1 => ("product_id = $1".to_string(), product_ids[0]),
                    None => return Ok(Vec::new()),
                };
                let rows: Vec<$crate::rows::VariantRow> =
                    sqlx::query_as(dynamic(format!("SELECT {VARIANT_COLUMNS} FROM variants WHERE {filter} ORDER BY position, id")))
                        .bind(arg)
                        .fetch_all(&self.read)
                        .await?;
                let prices: Vec<$crate::rows::PriceRow> = sqlx::query_as(dynamic(format!(
                    "SELECT variant_id, currency, amount_minor, compare_at_minor FROM variant_prices \
                     WHERE variant_id IN (SELECT id FROM variants WHERE {filter})"
                )))
                .bind(arg)
                .fetch_all(&self.read)
                .await?;
                Ok($crate::rows::assemble_variants(rows, &prices))
            }

            async fn load_images(&self, product_ids: &[i64]) -> $crate::Result<Vec<baobab_domain::catalog::ProductImage>> {
                if product_ids.is_empty() {
                    return Ok(Vec::new());
                }
                let list = product_ids.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",");
                let rows: Vec<$crate::rows::ImageRow> = sqlx::query_as(image_select(&format!("i.product_id IN ({list})"))).fetch_all(&self.read).await?;
                Ok(rows.into_iter().map(Into::into).collect())
            }

            async fn listing_rows<R>(&self, sql: $crate::listing::Sql) -> $crate::Result<Vec<R>>
            where
                R: for<'r> sqlx::FromRow<'r, <$db as sqlx::Database>::Row> + Send + Unpin,
            {
                let mut q = sqlx::query_as::<_, R>(dynamic(sql.text));
                for a in sql.args {
                    q = match a {
                        $crate::listing::Arg::Int(i) => q.bind(i),
                        $crate::listing::Arg::Text(t) => q.bind(t),
                    };
                }
                Ok(q.fetch_all(&self.read).await?)
            }

            async fn listing_count(&self, sql: $crate::listing::Sql) -> $crate::Result<u64> {
                let mut q = sqlx::query_scalar::<_, i64>(dynamic(sql.text));
                for a in sql.args {
                    q = match a {
                        $crate::listing::Arg::Int(i) => q.bind(i),
                        $crate::listing::Arg::Text(t) => q.bind(t),
                    };
                }
                Ok(q.fetch_one(&self.read).await?.max(0) as u64)
            }
        }

        #[async_trait::async_trait]
        impl $crate::CatalogStore for $store {
            async fn categories(&self) -> $crate::Result<Vec<baobab_domain::catalog::Category>> {
                let rows: Vec<$crate::rows::CategoryRow> =
                    sqlx::query_as(dynamic(format!("SELECT {CATEGORY_COLUMNS} FROM categories ORDER BY position, id")))
                        .fetch_all(&self.read)
                        .await?;
                Ok(rows.into_iter().map(Into::into).collect())
            }

            async fn category(&self, key: $crate::Key<'_>) -> $crate::Result<Option<baobab_domain::catalog::Category>> {
                let q = match key {
                    $crate::Key::Id(id) => sqlx::query_as(dynamic(format!("SELECT {CATEGORY_COLUMNS} FROM categories WHERE id = $1"))).bind(id),
                    $crate::Key::Slug(s) => {
                        sqlx::query_as(dynamic(format!("SELECT {CATEGORY_COLUMNS} FROM categories WHERE slug = $1"))).bind(s.to_string())
                    }
                };
                let row: Option<$crate::rows::CategoryRow> = q.fetch_optional(&self.read).await?;
                Ok(row.map(Into::into))
            }

            async fn create_category(&self, new: &baobab_domain::catalog::NewCategory) -> $crate::Result<baobab_domain::catalog::Category> {
                let new = new.validate()?;
                let mut tx = self.write.begin().await?;
                let id = Self::insert_category(&mut tx, &new).await?;
                tx.commit().await?;
                self.category($crate::Key::Id(id)).await?.ok_or($crate::StoreError::NotFound("category"))
            }

            async fn update_category(
                &self,
                id: i64,
                patch: &baobab_domain::catalog::CategoryPatch,
            ) -> $crate::Result<baobab_domain::catalog::Category> {
                let (cat, renamed, reslugged) = self.patched_category(id, patch).await?;
                let mut tx = self.write.begin().await?;
                Self::write_category(&mut tx, &cat, renamed, reslugged).await?;
                tx.commit().await?;
                self.category($crate::Key::Id(id)).await?.ok_or($crate::StoreError::NotFound("category"))
            }

            async fn products(&self, q: &baobab_domain::query::ProductQuery) -> $crate::Result<baobab_domain::query::ProductPage> {
                use $crate::listing::{build, Select};
                q.check()?;
                let rows: Vec<$crate::rows::SummaryRow> = self.listing_rows(build(self.dialect, q, Select::Page)).await?;
                let total = match rows.first() {
                    Some(r) => r.total_count.max(0) as u64,
                    // past the last page the window count is unknown; page 1 empty means none
                    None if q.pagination.page == 1 => 0,
                    None => self.listing_count(build(self.dialect, q, Select::Count)).await?,
                };
                let items = rows.into_iter().map(|r| r.into_summary(q.currency)).collect::<Result<Vec<_>, _>>()?;
                let facets = if q.with_facets {
                    let frows: Vec<$crate::rows::FacetDbRow> = self.listing_rows(build(self.dialect, q, Select::Facets)).await?;
                    let frows: Vec<baobab_domain::query::FacetRow> = frows
                        .into_iter()
                        .map(|r| baobab_domain::query::FacetRow { category_id: r.category_id, min_price: r.min_price, in_stock: r.in_stock })
                        .collect();
                    let ids = match q.category_id {
                        Some(c) => Some(baobab_domain::catalog::descendants(&self.categories().await?, c)),
                        None => None,
                    };
                    Some(baobab_domain::query::compute_facets(&frows, q, ids.as_deref(), q.currency))
                } else {
                    None
                };
                Ok(baobab_domain::query::ProductPage { items, total, page: q.pagination.page, per_page: q.pagination.per_page, facets })
            }

            async fn product(&self, key: $crate::Key<'_>) -> $crate::Result<Option<baobab_domain::catalog::Product>> {
                let q = match key {
                    $crate::Key::Id(id) => sqlx::query_as(dynamic(format!("SELECT {PRODUCT_COLUMNS} FROM products WHERE id = $1"))).bind(id),
                    $crate::Key::Slug(s) => {
                        sqlx::query_as(dynamic(format!("SELECT {PRODUCT_COLUMNS} FROM products WHERE slug = $1"))).bind(s.to_string())
                    }
                };
                let row: Option<$crate::rows::ProductRow> = q.fetch_optional(&self.read).await?;
                let Some(row) = row else { return Ok(None) };
                let variants = self.load_variants(&[row.id], None).await?;
                let images = self.load_images(&[row.id]).await?;
                Ok(Some(row.into_product(variants, images)?))
            }

            async fn create_product(&self, new: &baobab_domain::catalog::NewProduct) -> $crate::Result<baobab_domain::catalog::Product> {
                let new = new.validate()?;
                let mut tx = self.write.begin().await?;
                let id = Self::insert_product(&mut tx, &new).await?;
                Self::refresh_search(&mut tx, id).await?;
                tx.commit().await?;
                self.product($crate::Key::Id(id)).await?.ok_or($crate::StoreError::NotFound("product"))
            }

            async fn update_product(
                &self,
                id: i64,
                patch: &baobab_domain::catalog::ProductPatch,
            ) -> $crate::Result<baobab_domain::catalog::Product> {
                let (p, reslugged) = self.patched_product(id, patch).await?;
                let mut tx = self.write.begin().await?;
                Self::write_product(&mut tx, &p, reslugged).await?;
                Self::refresh_search(&mut tx, id).await?;
                tx.commit().await?;
                self.product($crate::Key::Id(id)).await?.ok_or($crate::StoreError::NotFound("product"))
            }

            async fn variant(&self, id: i64) -> $crate::Result<Option<baobab_domain::catalog::Variant>> {
                Ok(self.load_variants(&[], Some(id)).await?.into_iter().next())
            }

            async fn create_variant(
                &self,
                product_id: i64,
                new: &baobab_domain::catalog::NewVariant,
            ) -> $crate::Result<baobab_domain::catalog::Variant> {
                let new = new.validate()?;
                let mut tx = self.write.begin().await?;
                let exists: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM products WHERE id = $1").bind(product_id).fetch_one(&mut *tx).await?;
                if exists == 0 {
                    return Err($crate::StoreError::NotFound("product"));
                }
                let id = Self::insert_variant(&mut tx, product_id, &new).await?;
                sqlx::query("UPDATE products SET updated_at = $1 WHERE id = $2").bind(chrono::Utc::now()).bind(product_id).execute(&mut *tx).await?;
                Self::refresh_search(&mut tx, product_id).await?;
                tx.commit().await?;
                self.variant(id).await?.ok_or($crate::StoreError::NotFound("variant"))
            }

            async fn update_variant(
                &self,
                id: i64,
                patch: &baobab_domain::catalog::VariantPatch,
            ) -> $crate::Result<baobab_domain::catalog::Variant> {
                let patch = patch.validate()?;
                let mut v = self.variant(id).await?.ok_or($crate::StoreError::NotFound("variant"))?;
                patch.apply(&mut v);
                let now = chrono::Utc::now();
                let mut tx = self.write.begin().await?;
                let updated = sqlx::query(
                    "UPDATE variants SET sku = $1, options = $2, stock_on_hand = $3, position = $4, archived = $5, updated_at = $6 WHERE id = $7",
                )
                .bind(&v.sku)
                .bind(sqlx::types::Json(&v.options))
                .bind(v.stock_on_hand)
                .bind(v.position)
                .bind(v.archived)
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                $crate::error::found(updated.rows_affected(), "variant")?;
                if let Some(prices) = &patch.prices {
                    sqlx::query("DELETE FROM variant_prices WHERE variant_id = $1").bind(id).execute(&mut *tx).await?;
                    Self::insert_prices(&mut tx, id, prices).await?;
                }
                sqlx::query("UPDATE products SET updated_at = $1 WHERE id = $2").bind(now).bind(v.product_id).execute(&mut *tx).await?;
                Self::refresh_search(&mut tx, v.product_id).await?;
                tx.commit().await?;
                self.variant(id).await?.ok_or($crate::StoreError::NotFound("variant"))
            }

            async fn upsert_media_asset(&self, a: &baobab_domain::media::MediaAsset) -> $crate::Result<()> {
                baobab_domain::media::validate_hash("hash", &a.hash)?;
                sqlx::query(
                    "INSERT INTO media_assets (hash, source, width, height, bytes, widths, placeholder, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (hash) DO UPDATE SET \
                     width = excluded.width, height = excluded.height, widths = excluded.widths, placeholder = excluded.placeholder",
                )
                .bind(&a.hash)
                .bind(&a.source)
                .bind(a.width)
                .bind(a.height)
                .bind(a.bytes)
                .bind(sqlx::types::Json(&a.widths))
                .bind(&a.placeholder)
                .bind(chrono::Utc::now())
                .execute(&self.write)
                .await?;
                Ok(())
            }

            async fn media_asset(&self, hash: &str) -> $crate::Result<Option<baobab_domain::media::MediaAsset>> {
                let row: Option<$crate::rows::MediaAssetRow> =
                    sqlx::query_as(dynamic(format!("SELECT {MEDIA_ASSET_COLUMNS} FROM media_assets WHERE hash = $1")))
                        .bind(hash)
                        .fetch_optional(&self.read)
                        .await?;
                Ok(row.map(Into::into))
            }

            async fn media_assets_after(&self, after: Option<&str>, limit: u32) -> $crate::Result<Vec<baobab_domain::media::MediaAsset>> {
                let rows: Vec<$crate::rows::MediaAssetRow> = sqlx::query_as(dynamic(format!(
                    "SELECT {MEDIA_ASSET_COLUMNS} FROM media_assets WHERE hash > $1 ORDER BY hash LIMIT {}",
                    limit.clamp(1, 1000)
                )))
                .bind(after.unwrap_or(""))
                .fetch_all(&self.read)
                .await?;
                Ok(rows.into_iter().map(Into::into).collect())
            }

            async fn count_media_assets(&self) -> $crate::Result<u64> {
                let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM media_assets").fetch_one(&self.read).await?;
                Ok(n.max(0) as u64)
            }

            async fn image(&self, id: i64) -> $crate::Result<Option<baobab_domain::catalog::ProductImage>> {
                let row: Option<$crate::rows::ImageRow> = sqlx::query_as(image_select("i.id = $1")).bind(id).fetch_optional(&self.read).await?;
                Ok(row.map(Into::into))
            }

            async fn add_image(&self, product_id: i64, new: &baobab_domain::media::NewImage) -> $crate::Result<baobab_domain::catalog::ProductImage> {
                new.validate()?;
                let mut tx = self.write.begin().await?;
                let exists: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM products WHERE id = $1").bind(product_id).fetch_one(&mut *tx).await?;
                if exists == 0 {
                    return Err($crate::StoreError::NotFound("product"));
                }
                Self::check_image_variant(&mut tx, product_id, new.variant_id).await?;
                let (mut width, mut height) = (None, None);
                if let Some(hash) = &new.media_hash {
                    let dims: Option<(i32, i32)> =
                        sqlx::query_as("SELECT width, height FROM media_assets WHERE hash = $1").bind(hash).fetch_optional(&mut *tx).await?;
                    let (w, h) = dims.ok_or_else(|| $crate::StoreError::invalid("media_hash", "no uploaded image has this hash"))?;
                    (width, height) = (Some(w), Some(h));
                }
                let position: i32 = match new.position {
                    Some(p) => p,
                    None => sqlx::query_scalar("SELECT COALESCE(MAX(position) + 1, 0) FROM product_images WHERE product_id = $1")
                        .bind(product_id)
                        .fetch_one(&mut *tx)
                        .await?,
                };
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO product_images (product_id, variant_id, url, alt, position, width, height, media_hash) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                )
                .bind(product_id)
                .bind(new.variant_id)
                .bind(new.url.as_deref().unwrap_or(""))
                .bind(new.alt.trim())
                .bind(position)
                .bind(width)
                .bind(height)
                .bind(new.media_hash.as_deref())
                .fetch_one(&mut *tx)
                .await?;
                sqlx::query("UPDATE products SET updated_at = $1 WHERE id = $2").bind(chrono::Utc::now()).bind(product_id).execute(&mut *tx).await?;
                tx.commit().await?;
                self.image(id).await?.ok_or($crate::StoreError::NotFound("image"))
            }

            async fn update_image(&self, id: i64, patch: &baobab_domain::media::ImagePatch) -> $crate::Result<baobab_domain::catalog::ProductImage> {
                patch.validate()?;
                let mut img = self.image(id).await?.ok_or($crate::StoreError::NotFound("image"))?;
                if let Some(a) = &patch.alt {
                    img.alt = a.trim().to_string();
                }
                if let Some(p) = patch.position {
                    img.position = p;
                }
                if let Some(v) = patch.variant_id {
                    img.variant_id = v;
                }
                let mut tx = self.write.begin().await?;
                Self::check_image_variant(&mut tx, img.product_id, img.variant_id).await?;
                sqlx::query("UPDATE product_images SET alt = $1, position = $2, variant_id = $3 WHERE id = $4")
                    .bind(&img.alt)
                    .bind(img.position)
                    .bind(img.variant_id)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("UPDATE products SET updated_at = $1 WHERE id = $2").bind(chrono::Utc::now()).bind(img.product_id).execute(&mut *tx).await?;
                tx.commit().await?;
                self.image(id).await?.ok_or($crate::StoreError::NotFound("image"))
            }

            async fn low_stock(&self, threshold: i64, limit: i64) -> $crate::Result<Vec<(String, String, i64)>> {
                Ok(sqlx::query_as(dynamic(format!(
                    "SELECT p.title, v.sku, v.stock_on_hand FROM variants v JOIN products p ON p.id = v.product_id \
                     WHERE v.archived = FALSE AND p.status = 'active' AND v.stock_on_hand <= $1 ORDER BY v.stock_on_hand, v.sku LIMIT {}",
                    limit.clamp(1, 500)
                )))
                .bind(threshold)
                .fetch_all(&self.read)
                .await?)
            }

            async fn delete_image(&self, id: i64) -> $crate::Result<baobab_domain::catalog::ProductImage> {
                let img = self.image(id).await?.ok_or($crate::StoreError::NotFound("image"))?;
                let r = sqlx::query("DELETE FROM product_images WHERE id = $1").bind(id).execute(&self.write).await?;
                $crate::error::found(r.rows_affected(), "image")?;
                Ok(img)
            }
        }

        #[async_trait::async_trait]
        impl $crate::TokenStore for $store {
            async fn create_token(&self, name: &str, role: baobab_domain::auth::Role, token_hash: &str) -> $crate::Result<$crate::ApiToken> {
                let name = name.trim();
                if name.is_empty() || name.chars().count() > 100 {
                    return Err($crate::StoreError::invalid("name", "must be 1 to 100 characters"));
                }
                let row: $crate::rows::TokenRow = sqlx::query_as(dynamic(format!(
                    "INSERT INTO api_tokens (name, role, token_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING {TOKEN_COLUMNS}"
                )))
                .bind(name)
                .bind(role.as_str())
                .bind(token_hash)
                .bind(chrono::Utc::now())
                .fetch_one(&self.write)
                .await?;
                row.try_into()
            }

            async fn token_by_hash(&self, token_hash: &str) -> $crate::Result<Option<$crate::ApiToken>> {
                let row: Option<$crate::rows::TokenRow> = sqlx::query_as(dynamic(format!(
                    "SELECT {TOKEN_COLUMNS} FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL"
                )))
                .bind(token_hash)
                .fetch_optional(&self.read)
                .await?;
                let Some(row) = row else { return Ok(None) };
                let now = chrono::Utc::now();
                if row.last_used_at.is_none_or(|t| now - t > chrono::Duration::seconds(60)) {
                    // Best effort: a failed bookkeeping write must not fail the request.
                    let _ = sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2").bind(now).bind(row.id).execute(&self.write).await;
                }
                Ok(Some(row.try_into()?))
            }

            async fn tokens(&self) -> $crate::Result<Vec<$crate::ApiToken>> {
                let rows: Vec<$crate::rows::TokenRow> =
                    sqlx::query_as(dynamic(format!("SELECT {TOKEN_COLUMNS} FROM api_tokens ORDER BY id"))).fetch_all(&self.read).await?;
                rows.into_iter().map(TryInto::try_into).collect()
            }

            async fn revoke_token(&self, id: i64) -> $crate::Result<bool> {
                let r = sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL")
                    .bind(chrono::Utc::now())
                    .bind(id)
                    .execute(&self.write)
                    .await?;
                Ok(r.rows_affected() == 1)
            }
        }

        #[async_trait::async_trait]
        impl $crate::MetaStore for $store {
            async fn meta(&self, key: &str) -> $crate::Result<Option<String>> {
                Ok(sqlx::query_scalar("SELECT value FROM meta WHERE key = $1").bind(key).fetch_optional(&self.read).await?)
            }

            async fn set_meta(&self, key: &str, value: &str) -> $crate::Result<()> {
                sqlx::query("INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
                    .bind(key)
                    .bind(value)
                    .execute(&self.write)
                    .await?;
                Ok(())
            }

            async fn delete_meta(&self, key: &str) -> $crate::Result<()> {
                sqlx::query("DELETE FROM meta WHERE key = $1").bind(key).execute(&self.write).await?;
                Ok(())
            }

            async fn set_meta_once(&self, key: &str, value: &str) -> $crate::Result<bool> {
                let r = sqlx::query("INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING")
                    .bind(key)
                    .bind(value)
                    .execute(&self.write)
                    .await?;
                Ok(r.rows_affected() == 1)
            }
        }
    };
}

pub(crate) use impl_common_store;
