//! The demo shop seeded on first start: a small pan-African general store with pictures.
//!
//! Its catalog is `demo/products.csv` (Shopify's product CSV format) and `demo/categories.csv`,
//! loaded through the same importer as `baobab import products`, then its French in
//! `demo/translations.csv` (Shopify's translation CSV columns) as `baobab import translations`
//! loads it (rows in languages the shop does not offer are skipped); the pictures in
//! `demo/images/` are compiled into the binary and imported from a scratch folder. Prices in the
//! file are base prices in US dollars, converted here once with integer rates and each market's
//! usual rounding, so every product has a realistic price in all six currencies.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use baobab_domain::Currency;
use baobab_domain::catalog::{NewCategory, Price};
use baobab_domain::import::ProductUpsert;
use baobab_import::{Format, ImportOptions, ImportedProduct};
use baobab_store::StoreError;
use baobab_web::AppState;
use baobab_web::catalog_io::translations::{self, TranslationRequest};
use baobab_web::catalog_io::{self, Report, Request};

/// Meta key recording that the demo catalog was seeded (so it is never seeded twice).
pub const SEEDED_KEY: &str = "demo_seeded";

pub const PRODUCTS_CSV: &str = include_str!("../demo/products.csv");
pub const CATEGORIES_CSV: &str = include_str!("../demo/categories.csv");
pub const TRANSLATIONS_CSV: &str = include_str!("../demo/translations.csv");

include!(concat!(env!("OUT_DIR"), "/demo_images.rs"));

/// Converts a US-cent price into each market's currency with its usual rounding.
/// (rate numerator/denominator per US dollar, rounding step in minor units, "x.99" style)
fn prices(usd_cents: i64) -> Vec<Price> {
    const RATES: &[(&str, i64, i64, i64, bool)] = &[
        ("NGN", 1600, 1, 5_000, false),
        ("KES", 130, 1, 1_000, false),
        ("ZAR", 18, 1, 100, true),
        ("GHS", 31, 2, 100, false),
        ("EGP", 49, 1, 500, false),
        ("USD", 1, 1, 100, true),
    ];
    RATES
        .iter()
        .map(|&(code, num, den, step, ninety_nine)| {
            let raw = usd_cents * num / den;
            let rounded = ((raw + step / 2) / step).max(1) * step;
            let amount_minor = if ninety_nine { rounded - 1 } else { rounded };
            let currency: Currency = code.parse().expect("demo currency");
            Price { currency, amount_minor, compare_at_minor: None }
        })
        .collect()
}

/// `categories.csv`: each category by name, with its slug, description and place in the tree.
fn categories() -> HashMap<String, NewCategory> {
    let mut out = HashMap::new();
    let mut rows = csv::Reader::from_reader(CATEGORIES_CSV.as_bytes());
    for (i, row) in rows.records().flatten().enumerate() {
        let (slug, name, description) = (row.get(0).unwrap_or_default(), row.get(1).unwrap_or_default(), row.get(3).unwrap_or_default());
        out.insert(
            name.to_string(),
            NewCategory {
                name: name.into(),
                slug: Some(slug.into()),
                description: description.into(),
                parent_id: None,
                position: i as i32,
            },
        );
    }
    out
}

/// What the demo adds to each product the importer reads: its categories as `categories.csv`
/// names them, and prices in all six currencies (on sale: the "was" price a fifth above).
pub fn adjust() -> catalog_io::Adjust {
    let cats = categories();
    Arc::new(move |p: &ImportedProduct, up: &mut ProductUpsert| {
        for level in &mut up.categories {
            if let Some(c) = cats.get(&level.name) {
                *level = c.clone();
            }
        }
        for v in &mut up.product.variants {
            let usd = v.prices.iter().find(|x| x.currency.code() == "USD").map(|x| (x.amount_minor, x.compare_at_minor.is_some()));
            if let Some((cents, on_sale)) = usd {
                v.prices = prices(cents)
                    .into_iter()
                    .map(|mut x| {
                        x.compare_at_minor = on_sale.then_some(x.amount_minor + x.amount_minor / 5);
                        x
                    })
                    .collect();
            }
        }
        let _ = p;
    })
}

/// Writes the compiled-in pictures to `dir` for the importer to read.
fn unpack_images(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (name, bytes) in IMAGES {
        std::fs::write(dir.join(name), bytes)?;
    }
    Ok(())
}

/// Imports the demo catalog (products, then pictures) unless it was seeded before. Safe to run
/// from several instances at once: the import matches products by handle, and the marker is set
/// only at the end. `scratch` is a folder the pictures are unpacked into and removed from.
pub async fn seed(state: &AppState, scratch: PathBuf) -> Result<Option<Report>, StoreError> {
    if state.store.meta(SEEDED_KEY).await?.is_some() {
        return Ok(None);
    }
    unpack_images(&scratch).map_err(|e| StoreError::Unavailable(format!("demo pictures into {}: {e}", scratch.display())))?;
    let mut options = ImportOptions::new(Format::Shopify, "USD".parse().expect("USD"));
    options.image_dir = Some(scratch.clone());
    let request = Request { options, dry_run: false, allow_private_image_hosts: false, adjust: Some(adjust()), on_progress: None };
    let open: catalog_io::Opener = Arc::new(|| Ok(Box::new(PRODUCTS_CSV.as_bytes()) as Box<dyn std::io::Read + Send>));
    let result = catalog_io::import_products(state, open, request).await;
    let _ = std::fs::remove_dir_all(&scratch);
    let report = result.map_err(|e| match e {
        catalog_io::ImportError::Store(s) => s,
        other => StoreError::Unavailable(other.to_string()),
    })?;
    if report.problem_count > 0 {
        return Err(StoreError::invalid("demo", report.problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("; ")));
    }
    translate(state).await?;
    state.store.set_meta_once(SEEDED_KEY, env!("CARGO_PKG_VERSION")).await?;
    Ok(Some(report))
}

/// Loads the demo's translations into the languages the shop offers.
async fn translate(state: &AppState) -> Result<(), StoreError> {
    let open: catalog_io::Opener = Arc::new(|| Ok(Box::new(TRANSLATIONS_CSV.as_bytes()) as Box<dyn std::io::Read + Send>));
    let request = TranslationRequest { dry_run: false, skip_unoffered: true };
    let report = translations::import_translations(state, open, request).await.map_err(|e| match e {
        catalog_io::ImportError::Store(s) => s,
        other => StoreError::Unavailable(other.to_string()),
    })?;
    if report.problem_count > 0 {
        let problems = report.problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("; ");
        return Err(StoreError::invalid("demo", format!("translations.csv: {problems}")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversion_rounds_like_the_market() {
        let p = prices(12_900);
        let get = |c: &str| p.iter().find(|x| x.currency.code() == c).unwrap().amount_minor;
        assert_eq!(get("NGN"), 20_640_000); // ₦206,400.00
        assert_eq!(get("KES") % 1_000, 0);
        assert_eq!(get("USD"), 12_899);
        assert_eq!(get("ZAR") % 100, 99);
    }

    #[test]
    fn catalog_is_big_valid_and_multi_currency() {
        let scratch = std::env::temp_dir().join(format!("baobab-demo-test-{}", std::process::id()));
        unpack_images(&scratch).unwrap();
        let mut options = ImportOptions::new(Format::Shopify, "USD".parse().unwrap());
        options.image_dir = Some(scratch.clone());
        let adjust = adjust();
        let cats = categories();
        let mut skus = std::collections::HashSet::new();
        let (mut products, mut images) = (0, 0);
        for item in baobab_import::ProductReader::with_options(PRODUCTS_CSV.as_bytes(), options) {
            let p = item.unwrap_or_else(|problems| panic!("{problems:?}"));
            let mut up = ProductUpsert { categories: p.category_chain(), product: p.to_new_product() };
            adjust(&p, &mut up);
            assert!(!up.categories.is_empty(), "{} has a category", p.title);
            for c in &up.categories {
                assert_eq!(
                    cats.get(&c.name).and_then(|x| x.slug.clone()),
                    c.slug.clone(),
                    "{}: category {} is one of categories.csv",
                    p.title,
                    c.name
                );
            }
            let v = up.product.validate().unwrap_or_else(|e| panic!("{}: {e}", p.title));
            for var in &v.variants {
                assert!(skus.insert(var.sku.clone()), "duplicate SKU {}", var.sku);
                assert_eq!(var.prices.len(), 6);
            }
            products += 1;
            images += p.images.len();
        }
        std::fs::remove_dir_all(&scratch).unwrap();
        assert_eq!(products, 47);
        assert!(images >= products, "at least one picture per product");
        assert_eq!(cats.len(), 16);
    }

    /// `translations.csv` reads without a problem or a skipped row, and gives every product and
    /// category its French title, description and slug, and every attribute its name and value.
    #[test]
    fn translations_cover_the_whole_catalog_in_french() {
        use baobab_import::{TranslatedField as F, TranslatedKind as K, TranslationReader};
        let mut reader = TranslationReader::new(TRANSLATIONS_CSV.as_bytes());
        let mut given = std::collections::HashSet::new();
        for row in reader.by_ref() {
            let r = row.unwrap_or_else(|p| panic!("{p}"));
            assert_eq!(r.lang, "fr");
            given.insert((r.kind, r.identification, r.field));
        }
        assert!(reader.notes().is_empty() && reader.empty_rows() == 0, "{:?}", reader.notes());
        let mut expected = 0;
        for c in categories().values() {
            let slug = c.slug.clone().unwrap();
            for f in [F::Title, F::Description, F::Slug] {
                assert!(given.contains(&(K::Category, slug.clone(), f.clone())), "{slug}: {f:?}");
                expected += 1;
            }
        }
        let mut options = ImportOptions::new(Format::Shopify, "USD".parse().unwrap());
        options.image_dir = Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("demo/images"));
        for item in baobab_import::ProductReader::with_options(PRODUCTS_CSV.as_bytes(), options) {
            let p = item.unwrap_or_else(|problems| panic!("{problems:?}"));
            let mut fields = vec![F::Title, F::Description, F::Slug];
            for a in &p.attributes {
                fields.extend([F::AttributeName(a.name.clone()), F::AttributeValue(a.name.clone())]);
            }
            for f in fields {
                assert!(given.contains(&(K::Product, p.handle.clone(), f.clone())), "{}: {f:?}", p.handle);
                expected += 1;
            }
        }
        assert_eq!(given.len(), expected, "nothing for items the catalog lacks");
    }
}
