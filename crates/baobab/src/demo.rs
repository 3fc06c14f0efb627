//! The demo catalog seeded on first start: a small pan-African general store.
//! Prices are set in US cents and converted once, here, with integer rates and each market's
//! usual rounding, so every product has a realistic price in all six currencies.

use baobab_domain::Currency;
use baobab_domain::catalog::{NameValue, NewCategory, NewProduct, NewVariant, Price, ProductStatus};
use baobab_store::{Key, Store, StoreError};

/// Meta key recording that the demo catalog was seeded (so it is never seeded twice).
pub const SEEDED_KEY: &str = "demo_seeded";

/// (slug, name, parent slug, description)
const CATEGORIES: &[(&str, &str, Option<&str>, &str)] = &[
    ("phones-tablets", "Phones & Tablets", None, "Smartphones, feature phones and the accessories that keep them going."),
    ("smartphones", "Smartphones", Some("phones-tablets"), "Dual-SIM 4G and 5G smartphones with big batteries."),
    ("feature-phones", "Feature phones", Some("phones-tablets"), "Tough phones with week-long batteries, torches and FM radio."),
    ("phone-accessories", "Phone accessories", Some("phones-tablets"), "Power banks, chargers, earbuds and cases."),
    ("fashion", "Fashion", None, "Prints, fabrics, clothing and footwear."),
    ("fabrics", "Ankara & Kitenge fabrics", Some("fashion"), "Wax prints, kitenge, kente and adire by the yard."),
    ("clothing", "Clothing", Some("fashion"), "Dashikis, kaftans, shukas and head wraps."),
    ("footwear", "Footwear", Some("fashion"), "Sandals, slippers and school shoes."),
    ("groceries", "Groceries", None, "Pantry staples, spices and drinks."),
    ("grains-flour", "Grains & flour", Some("groceries"), "Rice, maize flour, semolina and gari."),
    ("spices-sauces", "Spices & sauces", Some("groceries"), "Seasoning for jollof, suya, wat and braai."),
    ("drinks", "Drinks", Some("groceries"), "Tea, rooibos and hibiscus."),
    ("home-kitchen", "Home & Kitchen", None, "Pots, stoves, flasks and baskets."),
    ("beauty", "Beauty & Personal care", None, "Shea butter, black soap and natural oils."),
    ("solar-power", "Solar & Power", None, "Solar lanterns, home systems and rechargeable lights for when the grid is off."),
    ("baby-kids", "Baby & Kids", None, "Carriers, clothes and toys."),
];

/// (category slug, title, description, attributes "Name=Value;…", option name, variants "value:usd_cents:stock|…")
type DemoProduct = (&'static str, &'static str, &'static str, &'static str, &'static str, &'static str);

const PRODUCTS: &[DemoProduct] = &[
    (
        "smartphones",
        "Kora S20 smartphone",
        "6.6-inch screen, 5,000 mAh battery, dual SIM, 4G.\n\nComes with charger and clear case.",
        "Brand=Kora;Warranty=12 months",
        "Storage",
        "64 GB:12900:25|128 GB:15900:8",
    ),
    (
        "smartphones",
        "Savanna Note 12 Pro",
        "AMOLED display, 50 MP camera and 33 W fast charging.",
        "Brand=Savanna;Warranty=12 months",
        "Storage",
        "128 GB:21900:14|256 GB:25900:3",
    ),
    (
        "smartphones",
        "Tembo A5 smartphone 32 GB",
        "An easy first smartphone: big battery, Android Go, FM radio.",
        "Brand=Tembo;Warranty=6 months",
        "",
        ":7900:40",
    ),
    (
        "smartphones",
        "Mwezi X1 5G",
        "5G, 120 Hz display, 108 MP camera, 5,500 mAh battery.",
        "Brand=Mwezi;Warranty=24 months",
        "Storage",
        "256 GB:38900:0",
    ),
    (
        "smartphones",
        "Jua Lite 4G",
        "Compact 4G phone with a 4,000 mAh battery and face unlock.",
        "Brand=Jua",
        "Storage",
        "32 GB:6900:30|64 GB:8400:12",
    ),
    (
        "feature-phones",
        "Kibo 105 dual-SIM feature phone",
        "Up to 20 days standby, torch, FM radio and the classic snake game.",
        "Brand=Kibo;Battery=1,000 mAh",
        "Colour",
        "Black:1900:120|Blue:1900:60|Red:1900:0",
    ),
    (
        "feature-phones",
        "Simba torch phone with FM radio",
        "Super-bright torch, loud speaker, three SIM slots.",
        "Brand=Simba",
        "",
        ":2400:75",
    ),
    (
        "feature-phones",
        "Nuru senior phone with big buttons",
        "Large keys, SOS button, hearing-aid compatible.",
        "Brand=Nuru",
        "",
        ":3400:18",
    ),
    (
        "phone-accessories",
        "Power bank 20,000 mAh",
        "Charges a phone four times; two USB ports and a torch.",
        "Capacity=20,000 mAh",
        "Colour",
        "Black:2500:90|White:2500:35",
    ),
    (
        "phone-accessories",
        "Wireless earbuds with charging case",
        "Bluetooth 5.3, 30 hours with the case, splash resistant.",
        "Battery=30 hours",
        "",
        ":2900:50",
    ),
    ("phone-accessories", "USB-C fast charger 25 W", "Wall charger with a 1 m USB-C cable.", "Output=25 W", "", ":1200:200"),
    (
        "phone-accessories",
        "Rugged phone case",
        "Shock-proof case with a kickstand.",
        "Material=TPU and polycarbonate",
        "Model",
        "Kora S20:900:40|Savanna Note 12:900:22|Jua Lite:900:5",
    ),
    (
        "fabrics",
        "Ankara wax print fabric, 6 yards",
        "Bright, colour-fast 100% cotton wax print for dresses, shirts and wrappers.",
        "Material=100% cotton;Length=6 yards",
        "Pattern",
        "Indigo circles:1800:30|Gold leaf:1900:12|Kente stripes:1800:0",
    ),
    (
        "fabrics",
        "Kitenge cotton print, 2 yards",
        "Soft kitenge print from Tanzania, ideal for shirts and kangas.",
        "Material=Cotton;Length=2 yards",
        "Colour",
        "Orange:900:25|Green:900:25",
    ),
    (
        "fabrics",
        "Kente stole, hand-woven",
        "Hand-woven in Bonwire, Ghana. For graduations and celebrations.",
        "Origin=Ghana;Length=1.8 m",
        "",
        ":4500:6",
    ),
    ("fabrics", "Adire indigo tie-dye fabric", "Hand-dyed adire from Abeokuta, 2 yards.", "Origin=Nigeria;Length=2 yards", "", ":2200:9"),
    (
        "clothing",
        "Dashiki shirt",
        "Classic dashiki in breathable cotton.",
        "Material=Cotton",
        "Size",
        "S:1500:10|M:1500:24|L:1500:18|XL:1600:4",
    ),
    (
        "clothing",
        "Maasai shuka blanket",
        "Warm checked shuka, the traditional Maasai wrap.",
        "Origin=Kenya;Size=1.5 x 2 m",
        "Colour",
        "Red:1400:40|Blue:1400:22",
    ),
    (
        "clothing",
        "Boubou kaftan",
        "Flowing embroidered boubou for men and women.",
        "Material=Cotton damask",
        "Size",
        "M:3800:6|L:3800:8|XL:3900:2",
    ),
    (
        "clothing",
        "Gele head wrap",
        "Stiff aso-oke gele, ready to tie.",
        "Material=Aso-oke",
        "Colour",
        "Gold:1100:15|Wine:1100:9|Emerald:1100:0",
    ),
    (
        "footwear",
        "Akala sandals, recycled tyre",
        "Hard-wearing sandals made from recycled tyres in Nairobi.",
        "Origin=Kenya",
        "Size",
        "40:800:20|42:800:30|44:800:12",
    ),
    ("footwear", "Leather palm slippers", "Hand-stitched leather slippers.", "Material=Leather", "Size", "41:1700:8|43:1700:11|45:1700:3"),
    (
        "footwear",
        "School shoes, black leather",
        "Durable school shoes with a rubber sole.",
        "Material=Leather",
        "Size",
        "30:1900:14|34:2100:20|38:2300:16",
    ),
    (
        "grains-flour",
        "Long grain parboiled rice",
        "Stone-free parboiled rice that cooks up fluffy for jollof.",
        "Type=Parboiled",
        "Bag",
        "5 kg:900:60|10 kg:1700:35|25 kg:3900:10",
    ),
    ("grains-flour", "Maize flour (unga), 2 kg", "Fine white maize flour for ugali, sadza and pap.", "Weight=2 kg", "", ":250:300"),
    ("grains-flour", "Semolina, 1 kg", "Smooth semolina for swallow.", "Weight=1 kg", "", ":280:150"),
    ("grains-flour", "Gari, white, 2 kg", "Crisp white gari from fresh cassava.", "Weight=2 kg", "", ":350:0"),
    ("spices-sauces", "Jollof seasoning mix", "Smoky tomato, pepper and thyme blend for party jollof.", "Weight=200 g", "", ":300:80"),
    (
        "spices-sauces",
        "Suya spice (yaji), 100 g",
        "Groundnut, ginger and chilli rub for suya.",
        "Weight=100 g;Contains=Peanuts",
        "",
        ":250:65",
    ),
    (
        "spices-sauces",
        "Berbere spice blend, 250 g",
        "Ethiopian chilli blend for doro wat and misir.",
        "Weight=250 g;Origin=Ethiopia",
        "",
        ":450:20",
    ),
    (
        "spices-sauces",
        "Peri-peri sauce, 250 ml",
        "Bird's-eye chilli sauce for chicken and braai.",
        "Volume=250 ml",
        "Heat",
        "Medium:350:40|Hot:350:35|Extra hot:380:9",
    ),
    ("drinks", "Kenyan black tea, 500 g", "Strong CTC tea from the Kericho highlands.", "Origin=Kenya;Weight=500 g", "", ":400:110"),
    ("drinks", "Hibiscus flowers (zobo, bissap), 250 g", "Dried hibiscus for zobo and bissap drinks.", "Weight=250 g", "", ":300:70"),
    ("drinks", "Rooibos tea, 80 bags", "Caffeine-free rooibos from the Cederberg.", "Origin=South Africa", "", ":500:45"),
    (
        "home-kitchen",
        "Cast iron potjie pot",
        "Three-legged cast iron pot for fire or coals.",
        "Material=Cast iron",
        "Size",
        "No. 1 (3 L):2900:12|No. 2 (6 L):3900:7|No. 3 (8 L):4900:0",
    ),
    (
        "home-kitchen",
        "Charcoal jiko stove, energy saving",
        "Ceramic-lined jiko that uses up to half the charcoal.",
        "Material=Steel and ceramic",
        "",
        ":1800:25",
    ),
    (
        "home-kitchen",
        "Woven sisal basket",
        "Hand-woven sisal kiondo with leather straps.",
        "Origin=Kenya",
        "Size",
        "Small:1500:14|Large:2400:6",
    ),
    ("home-kitchen", "Thermos flask 1.8 L", "Keeps tea hot for 12 hours.", "Volume=1.8 L", "Colour", "Silver:1300:30|Floral:1400:16"),
    ("beauty", "Raw shea butter, 250 g", "Unrefined grade-A shea butter from Northern Ghana.", "Origin=Ghana;Weight=250 g", "", ":600:90"),
    (
        "beauty",
        "African black soap, 500 g",
        "Made with plantain skin ash, cocoa pods and shea butter.",
        "Origin=Ghana;Weight=500 g",
        "",
        ":500:70",
    ),
    ("beauty", "Baobab seed oil, 100 ml", "Cold-pressed baobab oil for skin and hair.", "Volume=100 ml", "", ":1100:25"),
    (
        "solar-power",
        "Solar lantern with phone charging",
        "Eight hours of light from a day of sun; USB phone charging.",
        "Battery=2,600 mAh",
        "",
        ":1500:60",
    ),
    (
        "solar-power",
        "Solar home system 50 W",
        "Panel, battery box, four bulbs and a radio: lights a small home.",
        "Panel=50 W;Warranty=24 months",
        "",
        ":14900:8",
    ),
    (
        "solar-power",
        "Rechargeable LED bulb",
        "Screws into a normal socket; stays lit for four hours in a power cut.",
        "Power=9 W",
        "Pack",
        "Single:400:120|Pack of 3:1100:40",
    ),
    ("baby-kids", "Baby carrier wrap (kanga)", "Soft cotton kanga for carrying babies on the back.", "Material=Cotton", "", ":900:30"),
    (
        "baby-kids",
        "Cotton baby onesies, 3-pack",
        "Soft cotton onesies with poppers.",
        "Material=Cotton",
        "Size",
        "0-3 months:1200:20|3-6 months:1200:15|6-12 months:1300:0",
    ),
    ("baby-kids", "Wooden alphabet puzzle", "Hand-painted wooden letters, sanded smooth.", "Age=2+", "", ":1000:18"),
];

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

fn pairs(s: &str) -> Vec<NameValue> {
    s.split(';')
        .filter(|kv| !kv.is_empty())
        .filter_map(|kv| kv.split_once('=').map(|(k, v)| NameValue { name: k.into(), value: v.into() }))
        .collect()
}

fn sku_prefix(title: &str) -> String {
    let initials: String = baobab_domain::slug::slugify(title).split('-').filter_map(|w| w.chars().next()).take(5).collect();
    initials.to_ascii_uppercase()
}

/// The demo products as store inputs (public for tests: the catalog must stay valid).
pub fn products(category_ids: &dyn Fn(&str) -> Option<i64>) -> Vec<NewProduct> {
    PRODUCTS
        .iter()
        .enumerate()
        .map(|(i, (cat, title, description, attributes, option, variants))| {
            let prefix = format!("{}-{:02}", sku_prefix(title), i + 1);
            let variants = variants
                .split('|')
                .enumerate()
                .map(|(j, v)| {
                    let mut parts = v.split(':');
                    let value = parts.next().unwrap_or_default();
                    let usd: i64 = parts.next().and_then(|p| p.parse().ok()).expect("demo price");
                    let stock: i64 = parts.next().and_then(|p| p.parse().ok()).expect("demo stock");
                    let mut prices = prices(usd);
                    // Every fourth product is on sale: show a struck-through "was" price.
                    if i % 4 == 1 {
                        for p in &mut prices {
                            p.compare_at_minor = Some(p.amount_minor + p.amount_minor / 5);
                        }
                    }
                    NewVariant {
                        sku: format!("{prefix}-{}", j + 1),
                        options: if option.is_empty() { vec![] } else { vec![NameValue { name: (*option).into(), value: value.into() }] },
                        prices,
                        stock_on_hand: stock,
                        position: j as i32,
                    }
                })
                .collect();
            NewProduct {
                title: (*title).into(),
                slug: None,
                description: (*description).into(),
                category_id: category_ids(cat),
                attributes: pairs(attributes),
                status: Some(ProductStatus::Active),
                variants,
            }
        })
        .collect()
}

/// Seeds the demo catalog unless it was seeded before. Safe to run from several instances at
/// once: items that already exist are skipped, and the marker is set only at the end.
pub async fn seed(store: &dyn Store) -> Result<bool, StoreError> {
    if store.meta(SEEDED_KEY).await?.is_some() {
        return Ok(false);
    }
    for (i, (slug, name, parent, description)) in CATEGORIES.iter().enumerate() {
        if store.category(Key::Slug(slug)).await?.is_some() {
            continue;
        }
        let parent_id = match parent {
            Some(p) => store.category(Key::Slug(p)).await?.map(|c| c.id),
            None => None,
        };
        let new = NewCategory {
            name: (*name).into(),
            slug: Some((*slug).into()),
            description: (*description).into(),
            parent_id,
            position: i as i32,
        };
        match store.create_category(&new).await {
            Ok(_) | Err(StoreError::Conflict { .. }) => {}
            Err(e) => return Err(e),
        }
    }
    let cats = store.categories().await?;
    let lookup = |slug: &str| cats.iter().find(|c| c.slug == slug).map(|c| c.id);
    for p in products(&lookup) {
        match store.create_product(&p).await {
            Ok(_) | Err(StoreError::Conflict { .. }) => {}
            Err(e) => return Err(e),
        }
    }
    store.set_meta_once(SEEDED_KEY, env!("CARGO_PKG_VERSION")).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_is_big_valid_and_multi_currency() {
        let cats: Vec<&str> = CATEGORIES.iter().map(|c| c.0).collect();
        assert!(CATEGORIES.iter().filter(|c| c.2.is_none()).count() >= 6);
        let all = products(&|slug| cats.iter().position(|c| *c == slug).map(|i| i as i64 + 1));
        assert!(all.len() >= 40);
        let mut skus = std::collections::HashSet::new();
        for p in &all {
            assert!(p.category_id.is_some(), "{} has a category", p.title);
            let v = p.validate().unwrap_or_else(|e| panic!("{}: {e}", p.title));
            for var in &v.variants {
                assert!(skus.insert(var.sku.clone()), "duplicate SKU {}", var.sku);
                assert_eq!(var.prices.len(), 6);
            }
        }
    }

    #[test]
    fn conversion_rounds_like_the_market() {
        let p = prices(12_900);
        let get = |c: &str| p.iter().find(|x| x.currency.code() == c).unwrap().amount_minor;
        assert_eq!(get("NGN"), 20_640_000); // ₦206,400.00
        assert_eq!(get("KES") % 1_000, 0);
        assert_eq!(get("USD"), 12_899);
        assert_eq!(get("ZAR") % 100, 99);
    }
}
