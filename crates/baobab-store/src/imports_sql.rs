//! The catalog import, shared by both backends.

/// Implements `ImportStore` (one signature with the other store macros; `crate::common` says why
/// they are macros). Uses `insert_variant`, `insert_prices` and `refresh_search` from
/// `impl_common_store!`.
macro_rules! impl_import_store {
    ($store:ty, $db:ty) => {
        impl $store {
            /// Finds each level of a category path by slug, creating the missing ones under the
            /// level before; the last level's id.
            async fn upsert_category_path(
                conn: &mut <$db as sqlx::Database>::Connection,
                path: &[baobab_domain::catalog::NewCategory],
                summary: &mut baobab_domain::import::ImportSummary,
                known: &mut std::collections::HashMap<String, i64>,
            ) -> $crate::Result<Option<i64>> {
                let mut parent: Option<i64> = None;
                for level in path {
                    let level = level.validate()?;
                    let slug = level.slug.clone().unwrap_or_default();
                    if let Some(id) = known.get(&slug) {
                        parent = Some(*id);
                        continue;
                    }
                    let found: Option<i64> =
                        sqlx::query_scalar("SELECT id FROM categories WHERE slug = $1").bind(&slug).fetch_optional(&mut *conn).await?;
                    parent = Some(match found {
                        Some(id) => id,
                        None => {
                            summary.categories_created += 1;
                            let now = chrono::Utc::now();
                            sqlx::query_scalar(
                                "INSERT INTO categories (parent_id, slug, name, description, position, archived, created_at, updated_at) \
                                 VALUES ($1, $2, $3, $4, $5, FALSE, $6, $6) RETURNING id",
                            )
                            .bind(parent)
                            .bind(&slug)
                            .bind(&level.name)
                            .bind(&level.description)
                            .bind(level.position)
                            .bind(now)
                            .fetch_one(&mut *conn)
                            .await?
                        }
                    });
                    known.extend(parent.map(|id| (slug, id)));
                }
                Ok(parent)
            }

            /// Creates or updates one product and its variants (matched by handle, then SKU).
            async fn upsert_product(
                conn: &mut <$db as sqlx::Database>::Connection,
                up: &baobab_domain::import::ProductUpsert,
                summary: &mut baobab_domain::import::ImportSummary,
                categories: &mut std::collections::HashMap<String, i64>,
            ) -> $crate::Result<()> {
                let new = up.product.validate()?;
                let slug = new.slug.clone().unwrap_or_default();
                let category_id = match up.categories.is_empty() {
                    true => new.category_id,
                    false => Self::upsert_category_path(conn, &up.categories, summary, categories).await?,
                };
                let mut existing: Option<i64> =
                    sqlx::query_scalar("SELECT id FROM products WHERE slug = $1").bind(&slug).fetch_optional(&mut *conn).await?;
                if existing.is_none() {
                    for v in &new.variants {
                        existing = sqlx::query_scalar("SELECT product_id FROM variants WHERE sku = $1")
                            .bind(&v.sku)
                            .fetch_optional(&mut *conn)
                            .await?;
                        if existing.is_some() {
                            break;
                        }
                    }
                }
                let now = chrono::Utc::now();
                let status = new.status.unwrap_or(baobab_domain::catalog::ProductStatus::Draft).as_str();
                let id: i64 = match existing {
                    Some(id) => {
                        summary.products_updated += 1;
                        sqlx::query(
                            "UPDATE products SET category_id = COALESCE($1, category_id), title = $2, description = $3, attributes = $4, \
                             status = $5, updated_at = $6 WHERE id = $7",
                        )
                        .bind(category_id)
                        .bind(&new.title)
                        .bind(&new.description)
                        .bind(sqlx::types::Json(&new.attributes))
                        .bind(status)
                        .bind(now)
                        .bind(id)
                        .execute(&mut *conn)
                        .await?;
                        id
                    }
                    None => {
                        summary.products_created += 1;
                        sqlx::query_scalar(
                            "INSERT INTO products (category_id, slug, title, description, attributes, status, created_at, updated_at) \
                             VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
                        )
                        .bind(category_id)
                        .bind(&slug)
                        .bind(&new.title)
                        .bind(&new.description)
                        .bind(sqlx::types::Json(&new.attributes))
                        .bind(status)
                        .bind(now)
                        .fetch_one(&mut *conn)
                        .await?
                    }
                };
                for v in &new.variants {
                    let found: Option<(i64, i64)> = sqlx::query_as("SELECT id, product_id FROM variants WHERE sku = $1")
                        .bind(&v.sku)
                        .fetch_optional(&mut *conn)
                        .await?;
                    match found {
                        Some((_, owner)) if owner != id => {
                            return Err($crate::StoreError::Conflict {
                                field: "sku",
                                message: format!("{} belongs to another product (id {owner})", v.sku),
                            });
                        }
                        Some((variant_id, _)) => {
                            summary.variants_updated += 1;
                            sqlx::query(
                                "UPDATE variants SET options = $1, stock_on_hand = $2, position = $3, archived = FALSE, updated_at = $4 WHERE id = $5",
                            )
                            .bind(sqlx::types::Json(&v.options))
                            .bind(v.stock_on_hand)
                            .bind(v.position)
                            .bind(now)
                            .bind(variant_id)
                            .execute(&mut *conn)
                            .await?;
                            for p in &v.prices {
                                sqlx::query("DELETE FROM variant_prices WHERE variant_id = $1 AND currency = $2")
                                    .bind(variant_id)
                                    .bind(p.currency.code())
                                    .execute(&mut *conn)
                                    .await?;
                            }
                            Self::insert_prices(conn, variant_id, &v.prices).await?;
                        }
                        None => {
                            summary.variants_created += 1;
                            Self::insert_variant(conn, id, v).await?;
                        }
                    }
                }
                Self::refresh_search(conn, id).await
            }
        }

        #[async_trait::async_trait]
        impl $crate::imports::ImportStore for $store {
            async fn import_products(
                &self,
                mut items: tokio::sync::mpsc::Receiver<$crate::imports::ImportItem>,
            ) -> $crate::Result<baobab_domain::import::ImportSummary> {
                use $crate::StoreError;
                let mut tx = self.write.begin().await?;
                let mut summary = baobab_domain::import::ImportSummary::default();
                // Category ids by slug, found or made in this transaction: a file names the same
                // few categories on every row.
                let mut categories = std::collections::HashMap::new();
                while let Some(item) = items.recv().await {
                    match item {
                        $crate::imports::ImportItem::Product(p) => {
                            let handle = p.product.slug.clone().unwrap_or_else(|| p.product.title.clone());
                            Self::upsert_product(&mut tx, &p, &mut summary, &mut categories).await.map_err(|e| match e {
                                StoreError::Invalid(v) => StoreError::invalid(&format!("product `{handle}`"), v.to_string()),
                                StoreError::Conflict { field, message } => {
                                    StoreError::Conflict { field, message: format!("product `{handle}`: {message}") }
                                }
                                other => other,
                            })?;
                        }
                        $crate::imports::ImportItem::Commit => {
                            tx.commit().await?;
                            return Ok(summary);
                        }
                    }
                }
                Err(StoreError::invalid("import", "the file was not read to its end: nothing was imported"))
            }
        }
    };
}

pub(crate) use impl_import_store;
