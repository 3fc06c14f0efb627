//! Catalog and order files out, the same from the command line (`baobab export products|orders`)
//! and the admin's downloads: every product in Shopify's product CSV columns (which
//! `catalog_io` reads back), and one row per order line for the accountants.
//!
//! Every text cell is written spreadsheet-safe by `baobab-import` (a leading `=`, `+`, `-`, `@`
//! is escaped with a quote), so a product title or an e-mail address cannot become a formula.

use std::collections::HashMap;
use std::io::Write;

use baobab_domain::Currency;
use baobab_domain::catalog::Category;
use baobab_domain::query::{Pagination, ProductQuery, StatusFilter};
use baobab_import::{OrderLineRecord, OrderRecord, OrderWriter, ProductWriter};
use baobab_store::{Key, StoreError};
use chrono::{DateTime, NaiveDate, Utc};

use crate::AppState;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Write(#[from] baobab_import::ExportError),
}

/// Every category's path from the top (`["Fashion", "Fabrics"]`), by id.
pub async fn category_paths(state: &AppState) -> Result<HashMap<i64, Vec<String>>, StoreError> {
    let cats = state.store.categories().await?;
    let by_id: HashMap<i64, &Category> = cats.iter().map(|c| (c.id, c)).collect();
    let mut paths = HashMap::new();
    for c in &cats {
        let mut path = vec![c.name.clone()];
        let mut parent = c.parent_id;
        while let Some(p) = parent.and_then(|id| by_id.get(&id)) {
            if path.len() > 16 {
                break;
            }
            path.insert(0, p.name.clone());
            parent = p.parent_id;
        }
        paths.insert(c.id, path);
    }
    Ok(paths)
}

/// Writes every product (drafts and archived included) in Shopify's product CSV columns, with
/// its prices in `currency` (the shop's default when `None`). Returns how many were written.
/// `out` may be `&mut dyn Write` (the command line's stdout or file) or a buffer that can move
/// between threads (the admin's download).
pub async fn export_products<W: Write + ?Sized>(state: &AppState, currency: Option<Currency>, out: &mut W) -> Result<u64, ExportError> {
    let currency = currency.unwrap_or(state.settings.default_currency);
    let paths = category_paths(state).await?;
    let base = state.settings.public_url.clone();
    let mut writer = ProductWriter::new(out, currency)?.with_base_url(base.trim_end_matches('/'));
    // Oldest first (the order they were made or imported in), so an export imported elsewhere
    // and exported again gives the same file.
    let mut ids = Vec::new();
    for page in 1.. {
        let mut q = ProductQuery::storefront(currency);
        q.status = StatusFilter::Any;
        q.priced_only = false;
        q.pagination = Pagination { page, per_page: 100 };
        let listing = state.store.products(&q).await?;
        ids.extend(listing.items.iter().map(|i| i.id));
        if listing.items.len() < 100 {
            break;
        }
    }
    ids.sort_unstable();
    ids.dedup();
    let mut count = 0u64;
    for id in ids {
        let Some(mut p) = state.store.product(Key::Id(id)).await? else { continue };
        crate::media::fill_urls(state, &mut p.images);
        let path = p.category_id.and_then(|id| paths.get(&id)).cloned().unwrap_or_default();
        writer.write(&p, &path)?;
        count += 1;
    }
    writer.finish()?;
    Ok(count)
}

/// Writes one row per order line, newest order first, of the orders placed in [from, to]
/// (whole UTC days). Returns how many orders were written.
pub async fn export_orders<W: Write + ?Sized>(
    state: &AppState,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    out: &mut W,
) -> Result<u64, ExportError> {
    let start: Option<DateTime<Utc>> = from.map(|d| d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc());
    let end: Option<DateTime<Utc>> = to.map(|d| d.and_hms_opt(23, 59, 59).unwrap_or_default().and_utc());
    let mut writer = OrderWriter::new(out)?;
    let mut count = 0u64;
    let mut offset = 0i64;
    'pages: loop {
        let orders = state.store.list_orders(None, offset, 100).await?;
        for o in &orders {
            if end.is_some_and(|e| o.created_at > e) {
                continue;
            }
            if start.is_some_and(|s| o.created_at < s) {
                break 'pages; // newest first: the rest are older still
            }
            writer.write(&OrderRecord {
                number: crate::checkout::order_number(o.id),
                placed_at: o.created_at,
                status: o.status.as_str().to_string(),
                email: o.email.clone(),
                currency: o.currency,
                payment_method: o.payment_method.label().to_string(),
                subtotal_minor: o.totals.subtotal,
                discount_minor: o.totals.discount,
                shipping_minor: o.totals.shipping,
                tax_minor: o.totals.tax,
                total_minor: o.totals.total,
                lines: o
                    .lines
                    .iter()
                    .map(|l| OrderLineRecord {
                        sku: l.sku.clone(),
                        title: l.title.clone(),
                        quantity: l.quantity as i64,
                        unit_price_minor: l.unit_price_minor,
                    })
                    .collect(),
            })?;
            count += 1;
        }
        if orders.len() < 100 {
            break;
        }
        offset += 100;
    }
    writer.finish()?;
    Ok(count)
}
