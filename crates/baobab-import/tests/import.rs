//! Reading Shopify and WooCommerce product files, writing them back, and every bad input.

use std::io::Read;

use baobab_domain::Currency;
use baobab_domain::catalog::{NameValue, Price, Product, ProductImage, ProductStatus, Variant};
use baobab_import::{
    Encoding, Format, ImageSource, ImportOptions, ImportedProduct, OrderLineRecord, OrderRecord, ProductReader, ReadResult, TagsAs,
    encode_windows_1252, parse_currency, write_order_lines, write_products,
};
use chrono::{TimeZone, Utc};

const NGN: Currency = Currency::NGN;

fn read_with(bytes: &[u8], opts: ImportOptions) -> (Vec<ReadResult>, Vec<String>, Encoding) {
    let mut r = ProductReader::with_options(bytes, opts);
    let items: Vec<ReadResult> = r.by_ref().collect();
    let notes = r.notes().iter().map(|p| p.to_string()).collect();
    (items, notes, r.encoding())
}

fn read(csv: &str) -> Vec<ReadResult> {
    read_with(csv.as_bytes(), ImportOptions::new(Format::Auto, NGN)).0
}

fn products(csv: &str) -> Vec<ImportedProduct> {
    read(csv)
        .into_iter()
        .map(|r| r.unwrap_or_else(|p| panic!("{}", p.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"))))
        .collect()
}

/// Every problem of a file, as the dry run shows them.
fn problems(csv: &str) -> Vec<String> {
    read(csv).into_iter().filter_map(Result::err).flatten().map(|p| p.to_string()).collect()
}

// Shopify's current template, and the same products under the older column names.
const CURRENT: &str = "Title,URL handle,Description,Vendor,Product category,Type,Tags,Published on online store,Status,SKU,Barcode,Option1 name,Option1 value,Option2 name,Option2 value,Option3 name,Option3 value,Price,Compare-at price,Inventory tracker,Inventory quantity,Weight value (grams),Product image URL,Image position,Image alt text,Variant image URL
Dashiki shirt,dashiki-shirt,<p>Classic dashiki in <b>breathable</b> cotton.</p>,Adire House,Apparel & Accessories > Clothing > Shirts,Clothing,\"Material:Cotton, summer\",TRUE,active,DSH-S-IND,,Size,S,Colour,Indigo,,,15.00,18.00,shopify,10,250,https://cdn.example.com/dashiki-1.jpg,1,Dashiki front,
,dashiki-shirt,,,,,,,,DSH-M-IND,,,M,,Indigo,,,15.00,18.00,shopify,24,250,https://cdn.example.com/dashiki-2.jpg,2,Dashiki back,https://cdn.example.com/dashiki-2.jpg
,dashiki-shirt,,,,,,,,DSH-M-GLD,,,M,,Gold,,,16.00,,shopify,0,260,,,,https://cdn.example.com/dashiki-gold.jpg
Kente stole,kente-stole,Hand-woven in Bonwire.,,,Fabrics,,FALSE,,KNT-1,,Title,Default Title,,,,,45.00,,shopify,6,,,,,
";

fn older(current: &str) -> String {
    let (head, rest) = current.split_once('\n').unwrap();
    let head = head
        .replace("Weight value (grams)", "Variant Grams")
        .replace("URL handle", "Handle")
        .replace("Description", "Body (HTML)")
        .replace("Published on online store", "Published")
        .replace("SKU", "Variant SKU")
        .replace(" name", " Name")
        .replace(" value", " Value")
        .replace("Compare-at price", "Variant Compare At Price")
        .replace("Price", "Variant Price")
        .replace("Inventory quantity", "Variant Inventory Qty")
        .replace("Product image URL", "Image Src")
        .replace("Image position", "Image Position")
        .replace("Image alt text", "Image Alt Text")
        .replace("Variant image URL", "Variant Image")
        .replace("Variant Compare At Variant Price", "Variant Compare At Price");
    format!("{head}\n{rest}")
}

#[test]
fn shopify_current_columns() {
    let ps = products(CURRENT);
    assert_eq!(ps.len(), 2);
    let d = &ps[0];
    assert_eq!((d.row, d.handle.as_str(), d.title.as_str()), (2, "dashiki-shirt", "Dashiki shirt"));
    assert_eq!(d.description, "Classic dashiki in breathable cotton.");
    assert_eq!(d.category, ["Apparel & Accessories", "Clothing", "Shirts"]);
    assert_eq!(d.status, ProductStatus::Active);
    assert_eq!(d.option_names, ["Size", "Colour"]);
    let skus: Vec<&str> = d.variants.iter().map(|v| v.sku.as_str()).collect();
    assert_eq!(skus, ["DSH-S-IND", "DSH-M-IND", "DSH-M-GLD"]);
    assert_eq!(d.variants[1].option_values, ["M", "Indigo"]);
    assert_eq!((d.variants[0].price_minor, d.variants[0].compare_at_minor), (1500, Some(1800)));
    assert_eq!((d.variants[2].price_minor, d.variants[2].compare_at_minor), (1600, None));
    assert_eq!(d.variants[1].inventory, Some(24));
    assert_eq!(d.variants[2].grams, Some(260));
    assert_eq!(
        d.attributes,
        [
            NameValue { name: "Material".into(), value: "Cotton".into() },
            NameValue { name: "Tags".into(), value: "summer".into() },
            NameValue { name: "Vendor".into(), value: "Adire House".into() },
        ]
    );
    let imgs: Vec<(u32, &str, Option<&str>)> = d
        .images
        .iter()
        .map(|i| match &i.source {
            ImageSource::Url(u) => (i.position, u.as_str(), i.variant_sku.as_deref()),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        imgs,
        [
            (1, "https://cdn.example.com/dashiki-1.jpg", None),
            (2, "https://cdn.example.com/dashiki-2.jpg", Some("DSH-M-IND")),
            (3, "https://cdn.example.com/dashiki-gold.jpg", Some("DSH-M-GLD")),
        ]
    );
    let k = &ps[1];
    assert_eq!((k.status, k.option_names.len(), k.category.clone()), (ProductStatus::Draft, 0, vec!["Fabrics".to_string()]));
    let np = k.to_new_product().validate().unwrap();
    assert_eq!(np.variants[0].prices, [Price { currency: NGN, amount_minor: 4500, compare_at_minor: None }]);
    assert_eq!(np.variants[0].stock_on_hand, 6);
    assert_eq!(k.category_chain()[0].slug.as_deref(), Some("fabrics"));
}

#[test]
fn shopify_older_columns_read_the_same() {
    let old = older(CURRENT);
    assert!(old.starts_with("Title,Handle,Body (HTML),Vendor,Product category,Type,Tags,Published,Status,Variant SKU"), "{old}");
    assert!(
        old.contains("Variant Price,Variant Compare At Price,Inventory tracker,Variant Inventory Qty,Variant Grams,Image Src"),
        "{old}"
    );
    assert_eq!(products(&old), products(CURRENT));
}

#[test]
fn bom_and_no_bom() {
    let mut with_bom = vec![0xEF, 0xBB, 0xBF];
    with_bom.extend_from_slice(CURRENT.as_bytes());
    let (a, _, enc) = read_with(&with_bom, ImportOptions::new(Format::Auto, NGN));
    assert_eq!(enc, Encoding::Utf8Bom);
    let (b, notes, enc) = read_with(CURRENT.as_bytes(), ImportOptions::new(Format::Shopify, NGN));
    assert_eq!(enc, Encoding::Utf8);
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(a, b);
    assert!(a.iter().all(Result::is_ok));
}

const SMALL: &str = "Handle,Title,Variant SKU,Variant Price\n";

#[test]
fn windows_1252_is_converted_and_said() {
    let text = format!("{SMALL}cafe,Café “Touba” – 1 kg,CAF-1,12.00\n");
    let bytes = encode_windows_1252(&text).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err());
    let (items, notes, enc) = read_with(&bytes, ImportOptions::new(Format::Auto, NGN));
    assert_eq!(enc, Encoding::Windows1252);
    assert_eq!(items[0].as_ref().unwrap().title, "Café “Touba” – 1 kg");
    assert_eq!(
        notes,
        [
            "row 2: the file is not UTF-8; it was read as Windows-1252 (Excel's \"CSV (Comma delimited)\") and converted; check accented letters, or save the file as \"CSV UTF-8\""
        ]
    );
}

#[test]
fn mixed_or_unknown_encodings_are_refused() {
    let mut bytes = format!("{SMALL}cafe,Café,CAF-1,12.00\nthe,Th").into_bytes();
    bytes.push(0xE9); // é in Windows-1252, after a UTF-8 é
    bytes.extend_from_slice(b",THE-1,3.00\n");
    assert_eq!(
        read_with(&bytes, ImportOptions::new(Format::Auto, NGN))
            .0
            .into_iter()
            .filter_map(Result::err)
            .flatten()
            .map(|p| p.to_string())
            .collect::<Vec<_>>(),
        [
            "row 3, column \"Title\": byte 0xE9 (character 3 of the cell) is not UTF-8, but row 2 is UTF-8: the file mixes encodings; save it again as \"CSV UTF-8\""
        ]
    );
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(format!("{SMALL}the,Th").as_bytes());
    bom.push(0xE9);
    bom.extend_from_slice(b",THE-1,3.00\n");
    let p = read_with(&bom, ImportOptions::new(Format::Auto, NGN)).0.remove(0).unwrap_err();
    assert_eq!(
        p[0].to_string(),
        "row 2, column \"Title\": byte 0xE9 (character 3 of the cell) is not UTF-8, but the file starts with a UTF-8 byte-order mark: the file mixes encodings; save it again as \"CSV UTF-8\""
    );
    let mut undefined = format!("{SMALL}x,Bad ").into_bytes();
    undefined.push(0x81);
    undefined.extend_from_slice(b",X-1,1.00\n");
    let p = read_with(&undefined, ImportOptions::new(Format::Auto, NGN)).0.remove(0).unwrap_err();
    assert_eq!(
        p[0].to_string(),
        "row 2, column \"Title\": byte 0x81 (byte 5 of the cell) is neither UTF-8 nor Windows-1252: the file's encoding is unknown; save it again as \"CSV UTF-8\""
    );
    let utf16 = [0xFF, 0xFE, b'H', 0];
    let p = read_with(&utf16, ImportOptions::new(Format::Auto, NGN)).0.remove(0).unwrap_err();
    assert_eq!(p[0].to_string(), "row 1: the file is UTF-16 (Excel's \"Unicode Text\"); save it as \"CSV UTF-8\" instead");
}

#[test]
fn missing_columns() {
    assert_eq!(
        problems("Handle,Title,Variant SKU\nx,X,X-1\n"),
        ["row 1: the \"Variant Price\" column is missing (\"Price\" is accepted too): every variant needs a price"]
    );
    assert_eq!(problems("URL handle,SKU,Price\nx,X-1,1\n"), ["row 1: the \"Title\" column is missing: every product needs a title"]);
    assert_eq!(
        problems("Name,Price\nx,1\n"),
        [
            "row 1: the header row is neither a Shopify product CSV (it needs \"Handle\" or \"URL handle\", and \"Title\") nor a WooCommerce product export (it needs \"Type\", \"SKU\", \"Name\" and \"Regular price\")"
        ]
    );
    assert_eq!(problems(""), ["row 1: the file is empty: it needs a header row and one row per variant"]);
    assert_eq!(
        problems("Handle,Title,SKU,Price,SKU\nx,X,A,1,B\n"),
        ["row 1, column \"SKU\": the column appears 2 times (columns 3, 5); keep one"]
    );
    assert_eq!(
        problems("ID,Type,SKU,Name,Parent\n1,simple,A,X,\n"),
        ["row 1: the \"Regular price\" column is missing: WooCommerce product exports have it on every row"]
    );
}

#[test]
fn duplicate_skus_and_handles() {
    let csv = format!("{SMALL}a,A,SKU-1,1.00\nb,B,sku-1,2.00\na,A again,SKU-3,3.00\n");
    assert_eq!(
        problems(&csv),
        [
            "row 3, column \"Variant SKU\": \"SKU-1\" is also the SKU on row 2; every SKU must be unique",
            "row 4, column \"Handle\": \"a\" is also the handle of the product on row 2; keep all rows of one product together, one after another",
        ]
    );
}

#[test]
fn bad_amounts() {
    let csv = format!("{SMALL}a,A,A-1,-5.00\nb,B,B-1,\"12,50\"\nc,C,C-1,\"1,250.00\"\nd,D,D-1,₦12\ne,E,E-1,1.005\nf,F,F-1,\n");
    assert_eq!(
        problems(&csv),
        [
            "row 2, column \"Variant Price\": \"-5.00\" is negative; it must be 0 or more",
            "row 3, column \"Variant Price\": \"12,50\" uses a decimal comma; write 12.50",
            "row 4, column \"Variant Price\": \"1,250.00\" has a thousands separator; write 1250.00",
            "row 5, column \"Variant Price\": \"₦12\" is not a plain number; write it with digits and a point only, without currency signs or units, e.g. 12.50",
            "row 6, column \"Variant Price\": \"1.005\" has more decimals than NGN has (2)",
            "row 7, column \"Variant Price\": no price; every variant needs one",
        ]
    );
    // The same rule for compare-at prices and stock; a decimal comma in a whole-number currency.
    let csv = "Handle,Title,SKU,Price,Compare-at price,Inventory quantity\na,A,A-1,100,\"120,5\",\"1,5\"\n";
    assert_eq!(
        problems(csv),
        [
            "row 2, column \"Compare-at price\": \"120,5\" uses a decimal comma; write 120.5",
            "row 2, column \"Inventory quantity\": \"1,5\" uses a decimal comma; write 1.5",
        ]
    );
    let xof = ImportOptions::new(Format::Auto, "XOF".parse().unwrap());
    let errs: Vec<String> = read_with(b"Handle,Title,SKU,Price\na,A,A-1,1500.50\n", xof)
        .0
        .into_iter()
        .filter_map(Result::err)
        .flatten()
        .map(|p| p.to_string())
        .collect();
    assert_eq!(errs, ["row 2, column \"Price\": \"1500.50\" has decimals, but XOF has no minor unit; write a whole number"]);
}

#[test]
fn unknown_currency() {
    assert_eq!(
        parse_currency("XYZ").unwrap_err(),
        "currency `XYZ` is not supported (supported: NGN, KES, ZAR, GHS, EGP, USD, XOF, XAF, UGX, TZS, RWF, ETB)"
    );
    assert_eq!(parse_currency("naira").unwrap_err(), "`naira` is not an ISO 4217 currency code (three capital letters, e.g. NGN)");
    assert_eq!(parse_currency(" kes").ok(), None);
    assert_eq!(parse_currency("KES").unwrap(), Currency::KES);
    let csv = "ID,Type,SKU,Name,Regular price,Currency\n1,simple,A,Shea butter,10.00,XYZ\n2,simple,B,Black soap,5.00,KES\n3,simple,C,Oil,4.00,ngn\n";
    assert_eq!(
        problems(csv),
        [
            "row 2, column \"Currency\": \"XYZ\" is not a currency Baobab prices in (it knows NGN, KES, ZAR, GHS, EGP, USD, XOF, XAF, UGX, TZS, RWF, ETB)",
            "row 3, column \"Currency\": this row is priced in KES, but the import is in NGN; import each currency's prices separately",
        ]
    );
}

#[test]
fn shopify_option_and_status_problems() {
    let csv = "Handle,Title,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Variant SKU,Variant Price,Status,Published\n\
a,A,Size,S,,Red,A-1,1.00,live,\n\
a,,,,,,A-2,1.00,,\n\
a,,,S,,,A-3,1.00,,\n\
b,,,,,,B-1,1.00,,yes\n";
    assert_eq!(
        problems(csv),
        [
            "row 2, column \"Status\": \"live\" is not a status; write active, draft or archived",
            "row 2, column \"Option2 Value\": \"Red\" has no option name: write it in \"Option2 Name\" on the product's first row",
            "row 3, column \"Option1 Value\": no value for the option \"Size\"",
            "row 4, column \"Option1 Value\": the options \"S\" repeat those of row 2; each variant needs its own",
            "row 5, column \"Title\": the product's first row has no title",
            "row 5, column \"Published\": \"yes\" is neither TRUE nor FALSE",
        ]
    );
}

#[test]
fn warnings_do_not_stop_a_product() {
    let csv =
        "Handle,Title,Variant SKU,Variant Price,Variant Compare At Price,Variant Inventory Qty\nAnkara Fabric,Ankara,,10.00,9.00,-2\n";
    let p = &products(csv)[0];
    assert_eq!(p.handle, "ankara-fabric");
    assert_eq!(p.variants[0].sku, "ANKARA-FABRIC-1");
    assert_eq!(p.variants[0].compare_at_minor, None);
    assert_eq!(p.variants[0].inventory, Some(0));
    let w: Vec<String> = p.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        w,
        [
            "row 2, column \"Handle\": \"Ankara Fabric\" is not a URL handle (letters a-z, digits and dashes); \"ankara-fabric\" is used",
            "row 2, column \"Variant Compare At Price\": 9.00 is not above the price 10.00, so it is not shown as a \"was\" price",
            "row 2, column \"Variant Inventory Qty\": -2 is below zero; the stock is set to 0",
            "row 2, column \"Variant SKU\": no SKU; the variant was given \"ANKARA-FABRIC-1\"",
        ]
    );
}

#[test]
fn domain_rules_are_located() {
    let long = "x".repeat(201);
    let csv = format!("{SMALL}a,{long},A-1,1.00\nb,B,B 1,1.00\n");
    assert_eq!(
        problems(&csv),
        [
            "row 2, column \"Title\": must be at most 200 characters",
            "row 3, column \"Variant SKU\": \"B 1\" is not a usable SKU: it may contain only letters, digits, '.', '_' and '-'",
        ]
    );
}

#[test]
fn tags_as_category() {
    let csv = "Handle,Title,Type,Tags,Variant SKU,Variant Price\na,A,Misc,\"Solar > Lanterns, eco, Power:5 W\",A-1,1.00\n";
    let mut opts = ImportOptions::new(Format::Auto, NGN);
    opts.tags = TagsAs::Category;
    let p = read_with(csv.as_bytes(), opts).0.remove(0).unwrap();
    assert_eq!(p.category, ["Solar", "Lanterns"]);
    assert_eq!(p.attributes, [NameValue { name: "Tags".into(), value: "eco, Power:5 W".into() }]);
    assert_eq!(p.category_chain().iter().map(|c| c.slug.clone().unwrap()).collect::<Vec<_>>(), ["solar", "lanterns"]);
    let p = &products(csv)[0];
    assert_eq!(p.category, ["Misc"]);
    assert_eq!(
        p.attributes,
        [NameValue { name: "Power".into(), value: "5 W".into() }, NameValue { name: "Tags".into(), value: "Solar > Lanterns, eco".into() }]
    );
}

#[test]
fn shopify_metafield_columns_are_attributes() {
    let csv = "URL handle,Title,Vendor,SKU,Price,Brand (product.metafields.custom.brand),Attributes (product.metafields.custom.attributes),\
Color (product.metafields.shopify.color-pattern),Material (product.metafields.custom.material),Size (EU) (product.metafields.custom.size_eu),\
Notes (variant.metafields.custom.notes),Odd (product.metafields.custom),Plain (metafields.custom.plain)
kente,Kente stole,Adire House,K-1,10.00,Kora,\"Warranty: 12 months\nMaterial: Cotton\",Indigo; gold,Silk,42,a note,odd,plain
kente,,,,,Other brand,Origin: Ghana,,,,,,
jua,Jua lantern,,J-1,5.00,Jua,,,,,,,
bare,Bare,,B-1,1.00,,,,,,,,
";
    let ps = products(csv);
    let nv = |n: &str, v: &str| NameValue { name: n.into(), value: v.into() };
    // Column order; the `attributes` column's lines where it stands; a name met twice joined;
    // only the first row counts; the vendor last, as before.
    assert_eq!(
        ps[0].attributes,
        [
            nv("Brand", "Kora"),
            nv("Warranty", "12 months"),
            nv("Material", "Cotton, Silk"),
            nv("Color", "Indigo; gold"),
            nv("Size (EU)", "42"),
            nv("Vendor", "Adire House"),
        ]
    );
    assert_eq!(ps[1].attributes, [nv("Brand", "Jua")]);
    assert!(ps[2].attributes.is_empty(), "{:?}", ps[2].attributes);

    // A problem with a metafield's value points at its column.
    let long = "x".repeat(501);
    let csv = format!(
        "URL handle,Title,SKU,Price,Brand (product.metafields.custom.brand),Origin (product.metafields.custom.origin)\na,A,A-1,1.00,Kora,{long}\n"
    );
    assert_eq!(problems(&csv), ["row 2, column \"Origin (product.metafields.custom.origin)\": must be at most 500 characters"]);
    // A metafield column given twice is refused like any other.
    let csv = "URL handle,Title,SKU,Price,Brand (product.metafields.custom.brand),brand (product.metafields.custom.brand)\na,A,A-1,1.00,Kora,Kora\n";
    assert_eq!(
        problems(csv),
        ["row 1, column \"Brand (product.metafields.custom.brand)\": the column appears 2 times (columns 5, 6); keep one"]
    );
}

#[test]
fn images_from_a_folder() {
    let dir = std::env::temp_dir().join(format!("baobab-import-images-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("lantern.jpg"), b"not really a jpeg").unwrap();
    let csv = "Handle,Title,Variant SKU,Variant Price,Image Src\na,A,A-1,1.00,lantern.jpg\na,,,,../secret.jpg\na,,,,missing.jpg\na,,,,ftp://x/y.jpg\n";
    let mut opts = ImportOptions::new(Format::Auto, NGN);
    opts.image_dir = Some(dir.clone());
    let errs: Vec<String> = read_with(csv.as_bytes(), opts.clone()).0.remove(0).unwrap_err().iter().map(|p| p.to_string()).collect();
    assert_eq!(
        errs,
        [
            "row 3, column \"Image Src\": \"../secret.jpg\" points outside the image folder; give a file name inside it".to_string(),
            format!("row 4, column \"Image Src\": \"missing.jpg\" is not in the image folder {}", dir.display()),
            "row 5, column \"Image Src\": \"ftp://x/y.jpg\" is not an image URL Baobab can fetch: use an https:// address or a file name from the image folder".to_string(),
        ]
    );
    let ok = read_with(b"Handle,Title,Variant SKU,Variant Price,Image Src\na,A,A-1,1.00,lantern.jpg\n", opts).0.remove(0).unwrap();
    assert_eq!(ok.images[0].source, ImageSource::LocalFile(dir.join("lantern.jpg")));
    assert_eq!(
        problems("Handle,Title,Variant SKU,Variant Price,Image Src\na,A,A-1,1.00,lantern.jpg\n"),
        ["row 2, column \"Image Src\": \"lantern.jpg\" is not a URL; to import images from files, give the folder that holds them"]
    );
    std::fs::remove_dir_all(dir).unwrap();
}

// WooCommerce's export: variations after unrelated products, parents by SKU or by id.
const WOO: &str = "ID,Type,SKU,Name,Published,\"Is featured?\",\"Visibility in catalog\",\"Short description\",Description,\"In stock?\",Stock,\"Weight (kg)\",\"Sale price\",\"Regular price\",Categories,Tags,Images,Parent,\"Attribute 1 name\",\"Attribute 1 value(s)\",\"Attribute 1 visible\",\"Attribute 1 global\",\"Attribute 2 name\",\"Attribute 2 value(s)\",\"Attribute 2 visible\",\"Attribute 2 global\"
44,variable,woo-vneck-tee,\"V-Neck T-Shirt\",1,1,visible,\"A variable product.\",\"Soft cotton.\\nMade in Aba.\",1,,.5,,,\"Clothing > Tshirts\",\"summer, cotton\",\"https://cdn.example.com/vneck.jpg, https://cdn.example.com/vneck-red.jpg\",,Color,\"Blue, Red\",1,1,Size,\"Large, Small\",1,1
46,simple,woo-hoodie-logo,\"Hoodie with Logo\",1,0,visible,\"A simple product.\",\"<p>Warm &amp; soft.</p>\",1,12,2,38.00,45.00,\"Clothing > Hoodies, Sale\",,https://cdn.example.com/hoodie.jpg,,Color,Blue,1,1,Material,\"Cotton\\, fleece\",1,0
47,\"simple, downloadable, virtual\",woo-album,Album,-1,0,visible,,,1,,,,15,Music,,,,,,,,,,,
87,grouped,logo-collection,\"Logo Collection\",1,0,visible,,,1,,,,,Clothing,,,,,,,,,,,
76,variation,woo-vneck-tee-red,\"V-Neck T-Shirt - Red\",1,0,visible,,,1,5,,,20,,,https://cdn.example.com/vneck-red.jpg,woo-vneck-tee,Color,Red,,1,Size,,,1
77,variation,woo-vneck-tee-blue,\"V-Neck T-Shirt - Blue\",1,0,visible,,,1,parent,,15,18,,,,id:44,Color,Blue,,1,Size,,,1
";

#[test]
fn woocommerce_simple_and_variable() {
    let (items, notes, _) = read_with(WOO.as_bytes(), ImportOptions::new(Format::Auto, NGN));
    assert_eq!(
        notes,
        ["row 5, column \"Type\": skipped: grouped products are not imported (a Baobab product is sold here, with its own variants)"]
    );
    let ps: Vec<ImportedProduct> = items.into_iter().map(|r| r.unwrap()).collect();
    let names: Vec<&str> = ps.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(names, ["Hoodie with Logo", "Album", "V-Neck T-Shirt"], "simple products stream; variable ones end the file");
    let h = &ps[0];
    assert_eq!((h.handle.as_str(), h.description.as_str()), ("hoodie-with-logo", "Warm & soft."));
    assert_eq!(h.category, ["Clothing", "Hoodies"]);
    assert_eq!(
        h.attributes,
        [NameValue { name: "Color".into(), value: "Blue".into() }, NameValue { name: "Material".into(), value: "Cotton, fleece".into() }]
    );
    let v = &h.variants[0];
    assert_eq!(
        (v.sku.as_str(), v.price_minor, v.compare_at_minor, v.inventory, v.grams),
        ("WOO-HOODIE-LOGO", 3800, Some(4500), Some(12), Some(2000))
    );
    assert_eq!(
        h.warnings[0].to_string(),
        "row 3, column \"Categories\": a Baobab product has one category: \"Clothing > Hoodies\" is used, 1 other(s) are not"
    );
    assert_eq!(ps[1].status, ProductStatus::Draft);
    let t = &ps[2];
    assert_eq!(t.description, "Soft cotton.\nMade in Aba.");
    assert_eq!(t.option_names, ["Color"], "Size has no value on any variation: it stays an attribute");
    assert!(t.attributes.contains(&NameValue { name: "Size".into(), value: "Large, Small".into() }));
    type Row<'a> = (&'a str, &'a [String], i64, Option<i64>, Option<i64>);
    let vs: Vec<Row> =
        t.variants.iter().map(|v| (v.sku.as_str(), v.option_values.as_slice(), v.price_minor, v.compare_at_minor, v.inventory)).collect();
    assert_eq!(
        vs,
        [
            ("WOO-VNECK-TEE-RED", &["Red".to_string()][..], 2000, None, Some(5)),
            ("WOO-VNECK-TEE-BLUE", &["Blue".to_string()][..], 1500, Some(1800), None),
        ]
    );
    assert_eq!(t.images.iter().map(|i| i.variant_sku.as_deref()).collect::<Vec<_>>(), [None, Some("WOO-VNECK-TEE-RED")]);
    t.to_new_product().validate().unwrap();
}

#[test]
fn woocommerce_problems() {
    let csv = "ID,Type,SKU,Name,Regular price,Parent,Attribute 1 name,Attribute 1 value(s),Published\n\
1,variable,TEE,Tee,,,Size,\"S, M\",1\n\
2,variation,TEE-S,Tee S,10,TEE,Size,S,\n\
3,variation,TEE-X,Tee any,10,TEE,Size,,\n\
4,variation,CAP-S,Cap S,10,CAP,Size,S,\n\
5,variation,,Lost,10,,,,\n\
6,bundle,B,Bundle,10,,,,\n\
7,simple,S,Soap,\"4,50\",,,,2\n\
8,variable,EMPTY,Nothing here,,,,,\n";
    assert_eq!(
        problems(csv),
        [
            "row 6, column \"Parent\": a variation needs its product's SKU (or id:ID) in this column",
            "row 7, column \"Type\": \"bundle\" is not a product type this import knows; write simple, variable or variation",
            "row 8, column \"Published\": \"2\" is not 1 (published), 0 (private) or -1 (draft)",
            "row 8, column \"Regular price\": \"4,50\" uses a decimal comma; write 4.50",
            "row 4: no value for \"Size\": a variation for any Size cannot be sold here; give each variation its own Size",
            "row 9, column \"Type\": the variable product has no variations in this file (rows of type \"variation\" naming it in \"Parent\")",
            "row 5, column \"Parent\": no variable product with the SKU or ID \"CAP\" in this file",
        ]
    );
}

fn demo_product() -> Product {
    let now = Utc::now();
    let price = |ngn: i64, cmp: Option<i64>| {
        vec![
            Price { currency: NGN, amount_minor: ngn, compare_at_minor: cmp },
            Price { currency: Currency::KES, amount_minor: ngn / 10, compare_at_minor: None },
        ]
    };
    let variant = |id: i64, sku: &str, size: &str, colour: &str, amount: i64, cmp: Option<i64>, stock: i64, pos: i32| Variant {
        id,
        product_id: 1,
        sku: sku.into(),
        options: vec![NameValue { name: "Size".into(), value: size.into() }, NameValue { name: "Colour".into(), value: colour.into() }],
        prices: price(amount, cmp),
        stock_on_hand: stock,
        position: pos,
        archived: false,
    };
    let image = |id: i64, url: &str, alt: &str, pos: i32, variant_id: Option<i64>| ProductImage {
        id,
        product_id: 1,
        variant_id,
        url: url.into(),
        alt: alt.into(),
        position: pos,
        width: None,
        height: None,
        media: None,
    };
    Product {
        id: 1,
        category_id: Some(7),
        slug: "power-bank-20000".into(),
        title: "=Power bank 20,000 mAh".into(),
        description: "Charges a phone four times.\n\nTwo USB ports & a torch <bright>.".into(),
        attributes: vec![
            NameValue { name: "Capacity".into(), value: "20,000 mAh".into() },
            NameValue { name: "Vendor".into(), value: "Jua Power".into() },
            NameValue { name: "Warranty".into(), value: "+12 months".into() },
        ],
        status: ProductStatus::Active,
        variants: vec![
            variant(11, "-PB-BLK", "Large", "Black", 2_500_000, Some(3_000_000), 90, 0),
            variant(12, "PB-WHT", "Large", "White", 2_500_000, None, 0, 1),
            Variant { archived: true, ..variant(13, "PB-OLD", "Small", "Grey", 100, None, 1, 2) },
        ],
        images: vec![
            image(21, "/media/pb/front.jpg", "@front", 0, None),
            image(22, "https://cdn.example.com/pb-white.jpg", "White", 1, Some(12)),
        ],
        created_at: now,
        updated_at: now,
    }
}

#[test]
fn export_then_import_round_trips() {
    let product = demo_product();
    let path = vec!["Phones & Tablets".to_string(), "Phone accessories".to_string()];
    let mut simple = demo_product();
    simple.slug = "kente-stole".into();
    simple.title = "Kente stole".into();
    simple.status = ProductStatus::Draft;
    simple.attributes.clear();
    simple.images.clear();
    simple.variants.truncate(1);
    simple.variants[0].options.clear();
    simple.variants[0].sku = "KNT-1".into();
    let none: Vec<String> = vec![];
    let mut w = baobab_import::ProductWriter::new(Vec::new(), NGN).unwrap().with_base_url("https://shop.example");
    w.write(&product, &path).unwrap();
    w.write(&simple, &none).unwrap();
    assert_eq!(w.rows(), 4);
    let bytes = w.finish().unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.contains("'=Power bank"), "formula escaped: {text}");
    assert!(text.contains("'-PB-BLK"), "{text}");
    let mut opts = ImportOptions::new(Format::Auto, NGN);
    opts.tags = TagsAs::Attributes;
    let (items, notes, _) = read_with(&bytes, opts);
    assert!(notes.is_empty(), "{notes:?}");
    let back: Vec<ImportedProduct> = items.into_iter().map(|r| r.unwrap_or_else(|p| panic!("{p:?}\n{text}"))).collect();
    assert_eq!(back.len(), 2);
    let p = &back[0];
    assert_eq!(p.title, product.title);
    assert_eq!(p.handle, product.slug);
    assert_eq!(p.description, product.description);
    assert_eq!(p.category, path);
    assert_eq!(p.attributes, product.attributes);
    assert_eq!(p.status, ProductStatus::Active);
    assert_eq!(p.option_names, ["Size", "Colour"]);
    let np = p.to_new_product();
    let live: Vec<&Variant> = product.live_variants().collect();
    assert_eq!(np.variants.len(), live.len());
    for (n, v) in np.variants.iter().zip(live) {
        assert_eq!(n.sku, v.sku);
        assert_eq!(n.options, v.options);
        assert_eq!(n.prices, vec![*v.price_in(NGN).unwrap()]);
        assert_eq!(n.stock_on_hand, v.stock_on_hand);
    }
    let imgs: Vec<(String, &str, Option<&str>)> = p
        .images
        .iter()
        .map(|i| match &i.source {
            ImageSource::Url(u) => (u.clone(), i.alt.as_str(), i.variant_sku.as_deref()),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        imgs,
        [
            ("https://shop.example/media/pb/front.jpg".to_string(), "@front", None),
            ("https://cdn.example.com/pb-white.jpg".to_string(), "White", Some("PB-WHT")),
        ]
    );
    let s = &back[1];
    assert_eq!((s.status, s.option_names.len(), s.category.len()), (ProductStatus::Draft, 0, 0));
    assert_eq!(s.variants[0].sku, "KNT-1");
}

#[test]
fn export_with_base_url_and_too_many_options() {
    let product = demo_product();
    let mut w = baobab_import::ProductWriter::new(Vec::new(), NGN).unwrap().with_base_url("https://shop.example/");
    w.write(&product, &[]).unwrap();
    let text = String::from_utf8(w.finish().unwrap()).unwrap();
    assert!(text.contains("https://shop.example/media/pb/front.jpg"), "{text}");
    let mut many = demo_product();
    for v in &mut many.variants {
        for k in 0..2 {
            v.options.push(NameValue { name: format!("Extra {k}"), value: "x".into() });
        }
    }
    let err = write_products(Vec::new(), NGN, [(&many, &[][..])]).unwrap_err().to_string();
    assert_eq!(err, "product \"power-bank-20000\": it has 4 options; Shopify's format carries at most three");
}

#[test]
fn order_lines_for_accountants_escape_formulas() {
    let order = OrderRecord {
        number: "BAO-1042".into(),
        placed_at: Utc.with_ymd_and_hms(2026, 11, 24, 9, 5, 0).unwrap(),
        status: "paid".into(),
        email: "=HYPERLINK(\"http://evil.example\",\"click\")".into(),
        currency: NGN,
        payment_method: "@Paystack card".into(),
        subtotal_minor: 5_500_000,
        discount_minor: 500_000,
        shipping_minor: 250_000,
        tax_minor: 393_750,
        total_minor: 5_643_750,
        lines: vec![
            OrderLineRecord { sku: "-PB-BLK".into(), title: "+Power bank".into(), quantity: 2, unit_price_minor: 2_500_000 },
            OrderLineRecord { sku: "GELE-1".into(), title: "\tGele head wrap\r".into(), quantity: 1, unit_price_minor: 500_000 },
        ],
    };
    let empty = OrderRecord { number: "BAO-1043".into(), lines: vec![], total_minor: 0, ..order.clone() };
    let text = String::from_utf8(write_order_lines(Vec::new(), [&order, &empty]).unwrap()).unwrap();
    let expected = "Order,Date (UTC),Status,Email,Currency,Payment method,SKU,Item,Quantity,Unit price,Line total,Subtotal,Discount,Shipping,Tax,Total\n\
BAO-1042,2026-11-24 09:05:00,paid,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",NGN,'@Paystack card,'-PB-BLK,'+Power bank,2,25000.00,50000.00,55000.00,5000.00,2500.00,3937.50,56437.50\n\
BAO-1042,2026-11-24 09:05:00,paid,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",NGN,'@Paystack card,GELE-1,\"'\tGele head wrap\r\",1,5000.00,5000.00,,,,,\n\
BAO-1043,2026-11-24 09:05:00,paid,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",NGN,'@Paystack card,,,,,,55000.00,5000.00,2500.00,3937.50,0.00\n";
    assert_eq!(text, expected);
    // Every text cell that a spreadsheet would run starts with the quote.
    let mut r = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    for rec in r.records() {
        for cell in rec.unwrap().iter() {
            let first = cell.chars().next();
            let numeric = cell.parse::<f64>().is_ok();
            assert!(numeric || !matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')), "unescaped cell {cell:?}");
        }
    }
}

/// Generates a Shopify file of `rows` rows on the fly (two variants per product), so the test
/// itself holds nothing of it.
struct Generated {
    rows: usize,
    next: usize,
    buf: Vec<u8>,
    pos: usize,
}

impl Read for Generated {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if self.pos == self.buf.len() {
            self.buf.clear();
            self.pos = 0;
            if self.next == 0 {
                self.buf.extend_from_slice(b"Handle,Title,Body (HTML),Vendor,Type,Tags,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Inventory Qty,Image Src\n");
            }
            while self.buf.len() < 8192 && self.next < self.rows {
                let p = self.next / 2;
                let line = if self.next.is_multiple_of(2) {
                    format!(
                        "product-{p},Product {p},\"<p>Description of product {p}, with a comma.</p>\",Vendor,Home > Kitchen,\"a, b\",Size,S,P{p}-S,{}.50,{},https://cdn.example.com/{p}.jpg\n",
                        p % 997,
                        p % 50
                    )
                } else {
                    format!("product-{p},,,,,,,L,P{p}-L,{}.00,3,\n", p % 991 + 1)
                };
                self.buf.extend_from_slice(line.as_bytes());
                self.next += 1;
            }
        }
        let n = out.len().min(self.buf.len() - self.pos);
        out[..n].copy_from_slice(&self.buf[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

#[test]
fn a_hundred_thousand_rows_stream() {
    let rows = 100_000;
    let reader = ProductReader::new(Generated { rows, next: 0, buf: Vec::new(), pos: 0 }, Format::Auto, NGN);
    let mut count = 0;
    let mut variants = 0;
    for item in reader {
        let p = item.unwrap_or_else(|e| panic!("{e:?}"));
        variants += p.variants.len();
        count += 1;
    }
    assert_eq!((count, variants), (rows / 2, rows));
}

#[test]
fn random_bytes_never_panic() {
    // xorshift: deterministic, no dependency.
    let mut seed: u64 = std::env::var("BAOBAB_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x9E37_79B9_7F4A_7C15);
    let iters: usize = std::env::var("BAOBAB_FUZZ_ITERS").ok().and_then(|s| s.parse().ok()).unwrap_or(1500);
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let seeds: Vec<Vec<u8>> = vec![CURRENT.as_bytes().to_vec(), older(CURRENT).into_bytes(), WOO.as_bytes().to_vec()];
    let alphabet = b",\"\n\r;\t=-+@'\\<>&#:0123456789.aZ \xEF\xBB\xBF\xE9\x81\xC3\xA9";
    for i in 0..iters {
        let mut bytes =
            if i % 5 == 0 { (0..(next() % 300)).map(|_| next() as u8).collect::<Vec<u8>>() } else { seeds[i % seeds.len()].clone() };
        for _ in 0..(next() % 12) {
            if bytes.is_empty() {
                break;
            }
            let at = (next() as usize) % bytes.len();
            match next() % 3 {
                0 => bytes[at] = alphabet[(next() as usize) % alphabet.len()],
                1 => {
                    bytes.remove(at);
                }
                _ => bytes.insert(at, alphabet[(next() as usize) % alphabet.len()]),
            }
        }
        for format in [Format::Auto, Format::Shopify, Format::WooCommerce] {
            let mut r = ProductReader::new(bytes.as_slice(), format, NGN);
            for p in r.by_ref().take(10_000).flatten() {
                let _ = p.to_new_product().validate().expect("a product the reader passed is valid");
                let _ = p.category_chain();
            }
            let _ = r.notes();
        }
    }
}
