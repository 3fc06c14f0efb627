//! The demo shop's catalog (`crates/baobab/demo`), read as the shop reads it on its first start:
//! every product, variant, picture, category and attribute the files hold, and nothing else.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs::File;
use std::path::{Path, PathBuf};

use baobab_domain::Currency;
use baobab_domain::catalog::{NameValue, ProductStatus};
use baobab_import::{Format, ImageSource, ImportOptions, ImportedProduct, ProductReader};

fn demo_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../baobab/demo")
}

/// The demo products as the shop imports them; panics on any problem or note.
fn demo_products() -> Vec<ImportedProduct> {
    let mut opts = ImportOptions::new(Format::Shopify, Currency::USD);
    opts.image_dir = Some(demo_dir().join("images"));
    let file = File::open(demo_dir().join("products.csv")).expect("products.csv");
    let mut reader = ProductReader::with_options(file, opts);
    let mut products = Vec::new();
    let mut problems = Vec::new();
    for item in reader.by_ref() {
        match item {
            Ok(p) => products.push(p),
            Err(ps) => problems.extend(ps.iter().map(|p| p.to_string())),
        }
    }
    assert!(problems.is_empty(), "problems:\n{}", problems.join("\n"));
    let notes: Vec<String> = reader.notes().iter().map(|p| p.to_string()).collect();
    assert!(notes.is_empty(), "notes: {notes:?}");
    products
}

/// The raw rows of a demo CSV, as header name → cell.
fn raw_rows(name: &str) -> Vec<HashMap<String, String>> {
    let mut csv = csv::Reader::from_path(demo_dir().join(name)).expect(name);
    let header: Vec<String> = csv.headers().expect("header").iter().map(str::to_string).collect();
    csv.records().map(|r| header.iter().cloned().zip(r.expect("row").iter().map(str::to_string)).collect()).collect()
}

fn attrs(pairs: &[(&str, &str)]) -> Vec<NameValue> {
    pairs.iter().map(|(n, v)| NameValue { name: n.to_string(), value: v.to_string() }).collect()
}

fn by_handle<'a>(products: &'a [ImportedProduct], handle: &str) -> &'a ImportedProduct {
    products.iter().find(|p| p.handle == handle).unwrap_or_else(|| panic!("no product {handle}"))
}

#[test]
fn demo_catalog_reads_whole() {
    let products = demo_products();
    assert_eq!(products.len(), 47);
    let rows = raw_rows("products.csv");

    // Counted from the raw rows: a variant is a row with a price; a picture is a distinct file
    // named in "Product image URL" or "Variant image URL" of a product's rows.
    let mut variants: BTreeMap<&str, usize> = BTreeMap::new();
    let mut images: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for r in &rows {
        let handle = r["URL handle"].as_str();
        if !r["Price"].is_empty() {
            *variants.entry(handle).or_default() += 1;
        }
        for column in ["Product image URL", "Variant image URL"] {
            if !r[column].is_empty() {
                images.entry(handle).or_default().insert(r[column].as_str());
            }
        }
    }
    let variant_rows = rows.iter().filter(|r| !r["SKU"].is_empty()).count();
    assert_eq!(variants.values().sum::<usize>(), variant_rows, "every variant row has a SKU and a price");
    assert_eq!(products.iter().map(|p| p.variants.len()).sum::<usize>(), variant_rows);
    assert_eq!(products.iter().map(|p| p.images.len()).sum::<usize>(), images.values().map(BTreeSet::len).sum::<usize>());

    let image_dir = demo_dir().join("images");
    for p in &products {
        assert_eq!(p.variants.len(), variants[p.handle.as_str()], "{}: variants", p.handle);
        assert_eq!(p.images.len(), images[p.handle.as_str()].len(), "{}: images", p.handle);
        assert!(p.warnings.is_empty(), "{}: {:?}", p.handle, p.warnings);
        assert_eq!(p.status, ProductStatus::Active, "{}", p.handle);
        assert!(!p.description.is_empty(), "{}", p.handle);
        assert!(p.variants.iter().all(|v| v.price_minor > 0 && v.inventory.is_some()), "{}", p.handle);
        for (k, img) in p.images.iter().enumerate() {
            assert_eq!(img.position, k as u32 + 1, "{}", p.handle);
            match &img.source {
                ImageSource::LocalFile(path) => {
                    assert!(path.is_file(), "{}: {} is missing", p.handle, path.display());
                    assert!(path.starts_with(&image_dir), "{}: {}", p.handle, path.display());
                }
                other => panic!("{}: {other:?} is not a file of the image folder", p.handle),
            }
        }
        assert!(p.attributes.iter().all(|a| a.name != "Vendor"), "{}: {:?}", p.handle, p.attributes);
    }
}

#[test]
fn demo_categories_are_those_of_categories_csv() {
    let products = demo_products();
    // Name → (handle, parent handle).
    let categories: HashMap<String, (String, String)> =
        raw_rows("categories.csv").into_iter().map(|r| (r["Name"].clone(), (r["Handle"].clone(), r["Parent handle"].clone()))).collect();
    // Names are unique, so a name finds its category (and its slug, which need not be the
    // name's own: "Ankara & Kitenge fabrics" is `fabrics`).
    assert_eq!(categories.len(), 16);
    let mut used = BTreeSet::new();
    for p in &products {
        let last = p.category.last().unwrap_or_else(|| panic!("{} has no category", p.handle));
        assert!(categories.contains_key(last), "{}: \"{last}\" is not in categories.csv", p.handle);
        // Every level is a category, under the one before it.
        let mut parent = String::new();
        for name in &p.category {
            let (handle, parent_handle) = categories.get(name).unwrap_or_else(|| panic!("{}: \"{name}\"", p.handle));
            assert_eq!(parent_handle, &parent, "{}: \"{name}\" is not under \"{parent}\"", p.handle);
            parent = handle.clone();
        }
        used.insert(parent);
    }
    // Every leaf category has products (the top-level ones with children hold none directly).
    let parents: BTreeSet<&str> = categories.values().map(|(_, parent)| parent.as_str()).collect();
    for (handle, _) in categories.values().filter(|(h, _)| !parents.contains(h.as_str())) {
        assert!(used.contains(handle), "no product in {handle}");
    }
}

#[test]
fn demo_attributes_options_and_descriptions_are_the_seeded_ones() {
    let products = demo_products();

    // As the catalog constants the shop was seeded from give them.
    let kora = by_handle(&products, "kora-s20-smartphone");
    assert_eq!(kora.title, "Kora S20 smartphone");
    assert_eq!(kora.attributes, attrs(&[("Brand", "Kora"), ("Warranty", "12 months")]));
    assert_eq!(kora.description, "6.6-inch screen, 5,000 mAh battery, dual SIM, 4G.\n\nComes with charger and clear case.");
    assert_eq!(kora.category, ["Phones & Tablets", "Smartphones"]);
    assert_eq!(kora.option_names, ["Storage"]);
    let kora_variants: Vec<(&str, &[String], i64, Option<i64>)> =
        kora.variants.iter().map(|v| (v.sku.as_str(), v.option_values.as_slice(), v.price_minor, v.inventory)).collect();
    assert_eq!(
        kora_variants,
        [("KSS-01-1", &["64 GB".to_string()][..], 12_900, Some(25)), ("KSS-01-2", &["128 GB".to_string()][..], 15_900, Some(8))]
    );

    let savanna = by_handle(&products, "savanna-note-12-pro");
    assert_eq!(savanna.description, "AMOLED display, 50 MP camera and 33 W fast charging.");
    assert_eq!(savanna.attributes, attrs(&[("Brand", "Savanna"), ("Warranty", "12 months")]));
    assert_eq!(savanna.variants[1].option_values, ["256 GB"]);
    assert_eq!((savanna.variants[1].price_minor, savanna.variants[1].compare_at_minor), (25_900, Some(31_080)));

    let kibo = by_handle(&products, "kibo-105-dual-sim-feature-phone");
    assert_eq!(kibo.attributes, attrs(&[("Brand", "Kibo"), ("Battery", "1,000 mAh")]));
    assert_eq!(kibo.option_names, ["Colour"]);
    let colours: Vec<&str> = kibo.variants.iter().map(|v| v.option_values[0].as_str()).collect();
    assert_eq!(colours, ["Black", "Blue", "Red"]);
    assert!(kibo.images.iter().all(|i| i.variant_sku.is_some()), "one picture per colour: {:?}", kibo.images);

    let ankara = by_handle(&products, "ankara-wax-print-fabric-6-yards");
    assert_eq!(ankara.description, "Bright, colour-fast 100% cotton wax print for dresses, shirts and wrappers.");
    assert_eq!(ankara.attributes, attrs(&[("Material", "100% cotton"), ("Length", "6 yards")]));

    // Shopify's "Title" / "Default Title" means no options.
    let tembo = by_handle(&products, "tembo-a5-smartphone-32-gb");
    assert!(tembo.option_names.is_empty() && tembo.variants[0].option_values.is_empty(), "{tembo:?}");
    assert_eq!(tembo.attributes, attrs(&[("Brand", "Tembo"), ("Warranty", "6 months")]));

    // Every product: its attributes are its first row's non-empty metafield cells, in column
    // order, and nothing else.
    let rows = raw_rows("products.csv");
    let header: Vec<String> =
        csv::Reader::from_path(demo_dir().join("products.csv")).unwrap().headers().unwrap().iter().map(str::to_string).collect();
    let metafields: Vec<(&str, &str)> = header
        .iter()
        .filter(|h| h.ends_with(')') && h.contains(" (product.metafields.custom."))
        .map(|h| (h.as_str(), h.split(" (").next().unwrap()))
        .collect();
    assert!(metafields.len() >= 10, "{header:?}");
    for p in &products {
        let first = rows.iter().find(|r| r["URL handle"] == p.handle && !r["Title"].is_empty()).unwrap();
        let want: Vec<NameValue> = metafields
            .iter()
            .filter(|(h, _)| !first[*h].is_empty())
            .map(|(h, name)| NameValue { name: name.to_string(), value: first[*h].clone() })
            .collect();
        assert!(!want.is_empty(), "{} has attributes", p.handle);
        assert_eq!(p.attributes, want, "{}", p.handle);
    }
}
