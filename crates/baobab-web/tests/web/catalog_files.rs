//! Catalog files through the admin: product CSV uploads (checked, dry run, all or nothing,
//! idempotent, any encoding Excel saves, never a 500 on garbage), CSRF and roles, and the
//! product and order CSV downloads (headers, bad values, round trip, formula escaping).

use axum::http::Method;
use baobab_domain::account::StaffRole;

use crate::accounts::Browser;
use crate::admin::staff_member_pub as staff_member;
use crate::support::{Res, TestApp, price, product, variant};

const ORIGIN: &str = "http://127.0.0.1:8080";

const SHOPIFY_CSV: &str = "\u{feff}Title,URL handle,Description,Type,Status,SKU,Option1 name,Option1 value,Price,Compare-at price,Inventory quantity\n\
Indigo wax print,indigo-wax-print,<p>Six yards of cotton.</p>,Fashion > Fabrics,active,WAX-1,Length,6 yards,12500.00,15000.00,10\n\
Kaftan,kaftan,<p>Linen kaftan.</p>,Fashion > Clothing,active,KAF-S,Size,S,30000.00,,4\n\
,kaftan,,,,KAF-M,,M,31000.00,,2\n";

/// A multipart body with the given text fields and, when given, a file named `name`.
fn multipart(fields: &[(&str, &str)], file: Option<(&str, &[u8])>) -> (String, Vec<u8>) {
    let boundary = "----catalog-file-boundary";
    let mut body = Vec::new();
    for (k, v) in fields {
        body.extend_from_slice(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n").as_bytes());
    }
    if let Some((name, bytes)) = file {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: text/csv\r\n\r\n")
                .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// Posts the import form as a browser would (the session cookie, this site's Origin).
async fn upload(app: &TestApp, b: &Browser<'_>, fields: &[(&str, &str)], file: Option<(&str, &[u8])>) -> Res {
    let (ctype, body) = multipart(fields, file);
    let cookie = format!("baobab_session={}", b.session_cookie());
    let headers = [("content-type", ctype.as_str()), ("cookie", cookie.as_str()), ("origin", ORIGIN)];
    app.raw(Method::POST, "/admin/import", &headers, body).await
}

/// The import form's fields with the CSRF token: a real import unless `dry_run`.
fn form<'a>(csrf: &'a str, currency: &'a str, dry_run: bool) -> Vec<(&'a str, &'a str)> {
    let mut f = vec![("csrf", csrf), ("format", "auto"), ("currency", currency), ("tags", "attributes")];
    if dry_run {
        f.push(("dry_run", "on"));
    }
    f
}

async fn product_count(app: &TestApp) -> usize {
    app.snapshot().await["products"].as_array().unwrap().len()
}

#[tokio::test]
async fn a_bad_file_is_checked_row_by_row_and_nothing_is_written() {
    let app = TestApp::new().await;
    let (mut cm, _) = staff_member(&app, "importer@example.com", StaffRole::CatalogManager).await;
    let page = cm.get("/admin/import").await;
    assert_eq!(page.status, 200, "{}", page.text());
    let html = page.text();
    assert!(html.contains("enctype=\"multipart/form-data\"") && html.contains("accept=\".csv,text/csv\""), "{html}");
    assert!(html.contains("<option value=\"woocommerce\">") && html.contains("<option value=\"NGN\" selected>"), "{html}");
    assert!(html.contains("name=\"dry_run\" value=\"on\" checked"), "dry run is the default: {html}");
    assert!(html.contains("href=\"/admin/import\" aria-current=\"page\""), "in the admin navigation");
    assert!(cm.get("/admin").await.text().contains("href=\"/admin/import\""), "linked for catalog managers");

    let before = app.snapshot().await;
    let csrf = cm.csrf("/admin/import").await;
    let broken = SHOPIFY_CSV.replace("12500.00", "\"12500,00\"").replace("31000.00", "-31000.00");
    // even with "Check only" off, a file with problems writes nothing
    for dry_run in [true, false] {
        let r = upload(&app, &cm, &form(&csrf, "NGN", dry_run), Some(("broken.csv", broken.as_bytes()))).await;
        assert_eq!(r.status, 422, "{}", r.text());
        let html = r.text();
        assert!(html.contains("Nothing was imported: the file has 2 problems"), "{html}");
        assert!(html.contains("<td>2</td><td>Price</td><td>") && html.contains("decimal comma"), "row 2, Price: {html}");
        assert!(html.contains("<td>4</td><td>Price</td><td>"), "row 4, Price: {html}");
        assert!(html.contains("broken.csv: Shopify format"), "{html}");
    }
    assert_eq!(app.snapshot().await, before, "nothing was created or changed");
    let audit = app.store().audit_entries(0, 100).await.unwrap();
    assert!(!audit.iter().any(|e| e.event == "catalog_imported"), "a refused file is not an import");

    // an image given as a file name cannot be read from an upload, and the page says why
    let with_image = "Title,URL handle,Price,Product image URL\nLamp,lamp,5000.00,lamp.jpg\n";
    let r = upload(&app, &cm, &form(&csrf, "NGN", true), Some(("lamp.csv", with_image.as_bytes()))).await;
    assert_eq!(r.status, 422, "{}", r.text());
    assert!(r.text().contains("lamp.jpg") && r.text().contains("must be https:// addresses on public hosts"), "{}", r.text());
}

#[tokio::test]
async fn a_file_is_imported_then_updated_never_duplicated() {
    let app = TestApp::new().await;
    let (mut cm, _) = staff_member(&app, "importer@example.com", StaffRole::CatalogManager).await;
    let csrf = cm.csrf("/admin/import").await;
    let before = product_count(&app).await;

    let r = upload(&app, &cm, &form(&csrf, "NGN", true), Some(("products.csv", SHOPIFY_CSV.as_bytes()))).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.text().contains("2 products, 3 variants") && r.text().contains("nothing was written"), "{}", r.text());
    assert!(r.text().contains("name=\"dry_run\" value=\"on\">"), "after a clean check the form is ready to import");
    assert_eq!(product_count(&app).await, before, "the dry run wrote nothing");
    assert_eq!(app.get("/p/kaftan").await.status, 404);

    let r = upload(&app, &cm, &form(&csrf, "NGN", false), Some(("products.csv", SHOPIFY_CSV.as_bytes()))).await;
    assert_eq!(r.status, 200, "{}", r.text());
    let html = r.text();
    assert!(html.contains("Imported: 2 products created, 0 updated; 3 variants created, 0 updated; 3 categories created"), "{html}");
    let shop = app.get("/p/kaftan").await;
    assert_eq!(shop.status, 200);
    assert!(shop.text().contains("Linen kaftan.") && shop.text().contains("₦30,000.00"), "{}", shop.text());
    assert!(app.get("/p/indigo-wax-print").await.text().contains("₦12,500.00"));
    assert_eq!(product_count(&app).await, before + 2);

    let again = upload(&app, &cm, &form(&csrf, "NGN", false), Some(("products.csv", SHOPIFY_CSV.as_bytes()))).await;
    assert_eq!(again.status, 200, "{}", again.text());
    assert!(again.text().contains("0 products created, 2 updated; 0 variants created, 3 updated"), "{}", again.text());
    assert_eq!(product_count(&app).await, before + 2, "no duplicates");

    let audit = app.store().audit_entries(0, 100).await.unwrap();
    let imports: Vec<_> = audit.iter().filter(|e| e.event == "catalog_imported").collect();
    assert_eq!(imports.len(), 2, "one entry per real import, none for the dry run");
    assert_eq!(imports[0].subject, "products.csv");
    assert!(imports.iter().any(|e| e.detail["products_created"] == 2) && imports.iter().any(|e| e.detail["products_updated"] == 2));
}

#[tokio::test]
async fn excel_windows_1252_files_are_converted() {
    let app = TestApp::new().await;
    let (mut cm, _) = staff_member(&app, "importer@example.com", StaffRole::CatalogManager).await;
    let csrf = cm.csrf("/admin/import").await;
    let text = "Title,URL handle,Description,Price\nCafé Touba 250 g,cafe-touba,Café moulu au poivre de Guinée,2500.00\n";
    let bytes = baobab_import::encode_windows_1252(text).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err(), "the file is not UTF-8");
    let r = upload(&app, &cm, &form(&csrf, "NGN", false), Some(("cafe.csv", &bytes))).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.text().contains("Windows-1252 (converted)"), "{}", r.text());
    let shop = app.get("/p/cafe-touba").await.text();
    assert!(shop.contains("Café Touba 250 g") && shop.contains("poivre de Guinée"), "{shop}");
}

#[tokio::test]
async fn garbage_and_empty_files_get_a_clear_page_never_a_500() {
    let app = TestApp::new().await;
    let (mut cm, _) = staff_member(&app, "importer@example.com", StaffRole::CatalogManager).await;
    let csrf = cm.csrf("/admin/import").await;
    let before = app.snapshot().await;
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let noise: Vec<u8> = (0..8192)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect();
    let header_only = b"Title,URL handle,Price\n".to_vec();
    let utf16 = [0xFF, 0xFE, b'T', 0, b'i', 0];
    for (name, bytes, expected) in [
        ("noise.csv", noise.as_slice(), "Nothing was imported"),
        ("utf16.csv", &utf16[..], "UTF-16"),
        ("header.csv", &header_only[..], "holds no products"),
        ("empty.csv", &[][..], "choose a product CSV file"),
    ] {
        for dry_run in [true, false] {
            let r = upload(&app, &cm, &form(&csrf, "NGN", dry_run), Some((name, bytes))).await;
            assert_eq!(r.status, 422, "{name}: {}", r.text());
            assert!(r.text().contains(expected), "{name}: {}", r.text());
            assert!(r.text().contains("name=\"file\""), "{name}: the form is there to try again");
        }
    }
    let no_file = upload(&app, &cm, &form(&csrf, "NGN", true), None).await;
    assert_eq!(no_file.status, 422);
    let bad_choice = upload(&app, &cm, &[("csrf", &csrf), ("format", "excel"), ("currency", "XYZ")], Some(("p.csv", b"x"))).await;
    assert_eq!(bad_choice.status, 422);
    assert!(bad_choice.text().contains("format: choose auto") && bad_choice.text().contains("currency `XYZ`"), "{}", bad_choice.text());
    let not_multipart = cm.post("/admin/import", &[("csrf", &csrf)]).await;
    assert_eq!(not_multipart.status, 415, "{}", not_multipart.text());
    assert_eq!(app.snapshot().await, before, "nothing written");
}

#[tokio::test]
async fn a_file_over_the_limit_is_refused_with_413() {
    let app = TestApp::new().await;
    let (mut cm, _) = staff_member(&app, "importer@example.com", StaffRole::CatalogManager).await;
    let csrf = cm.csrf("/admin/import").await;
    let mut big = SHOPIFY_CSV.as_bytes().to_vec();
    big.resize(21 * 1024 * 1024, b'\n');
    let r = upload(&app, &cm, &form(&csrf, "NGN", true), Some(("big.csv", &big))).await;
    assert_eq!(r.status, 413, "{}", r.text());
    assert!(r.text().contains("file: is larger than 20 MB"), "{}", r.text());
}

#[tokio::test]
async fn an_upload_cannot_make_the_shop_fetch_from_inside_its_network() {
    let app = TestApp::new().await;
    let (mut cm, _) = staff_member(&app, "importer@example.com", StaffRole::CatalogManager).await;
    let csrf = cm.csrf("/admin/import").await;
    // a server inside the network that would hand out an image: it must never be asked
    let inside = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    inside.set_nonblocking(true).unwrap();
    let port = inside.local_addr().unwrap().port();
    let csv = format!(
        "Title,URL handle,Price,Product image URL\nLamp,lamp,5000.00,http://127.0.0.1:{port}/lamp.jpg\n\
         Mat,mat,2000.00,http://[::ffff:169.254.169.254]/latest/meta-data\n"
    );
    let r = upload(&app, &cm, &form(&csrf, "NGN", false), Some(("lamp.csv", csv.as_bytes()))).await;
    assert_eq!(r.status, 200, "the products are imported: {}", r.text());
    let html = r.text();
    assert!(html.contains("2 products created") && html.contains("Images: 0 added"), "{html}");
    assert!(html.contains(&format!("127.0.0.1:{port}/lamp.jpg: 127.0.0.1 is an address inside the network")), "{html}");
    assert!(html.contains("169.254.169.254") && html.matches("images are fetched only from public hosts").count() == 2, "{html}");
    assert!(matches!(inside.accept(), Err(e) if e.kind() == std::io::ErrorKind::WouldBlock), "no connection was made");
    assert!(app.store().product(baobab_store::Key::Slug("lamp")).await.unwrap().unwrap().images.is_empty());
}

#[tokio::test]
async fn imports_need_a_token_and_the_catalog_role() {
    let app = TestApp::new().await;
    let (cm, _) = staff_member(&app, "importer@example.com", StaffRole::CatalogManager).await;
    let r = upload(&app, &cm, &form("", "NGN", false), Some(("products.csv", SHOPIFY_CSV.as_bytes()))).await;
    assert_eq!(r.status, 403, "no CSRF token: {}", r.text());
    let r = upload(&app, &cm, &form("not-the-token", "NGN", false), Some(("products.csv", SHOPIFY_CSV.as_bytes()))).await;
    assert_eq!(r.status, 403, "a wrong token");
    assert_eq!(app.get("/p/kaftan").await.status, 404, "nothing imported");

    let (mut om, _) = staff_member(&app, "orders@example.com", StaffRole::OrderManager).await;
    assert_eq!(om.get("/admin/import").await.status, 403);
    assert!(!om.get("/admin").await.text().contains("href=\"/admin/import\""), "not in an order manager's navigation");
    let csrf = om.csrf("/admin").await;
    let r = upload(&app, &om, &form(&csrf, "NGN", false), Some(("products.csv", SHOPIFY_CSV.as_bytes()))).await;
    assert_eq!(r.status, 403, "order managers cannot import");
    assert_eq!(om.get("/admin/export/products.csv").await.status, 403, "nor download the catalog");
    assert_eq!(app.get("/p/kaftan").await.status, 404);

    let (mut support, _) = staff_member(&app, "help@example.com", StaffRole::Support).await;
    assert_eq!(support.get("/admin/export/products.csv").await.status, 403, "support cannot download products");
    assert_eq!(support.get("/admin/export/orders.csv").await.status, 403, "nor orders");
    assert_eq!(Browser::new(&app).get("/admin/export/orders.csv").await.status, 303, "anonymous: to the login page");
}

#[tokio::test]
async fn order_managers_download_the_orders_for_the_accountants() {
    let app = TestApp::new().await;
    let mut shopper = Browser::new(&app);
    let v = app.store().product(baobab_store::Key::Slug("kora-phone-model-07")).await.unwrap().unwrap().variants[0].id;
    shopper.post("/cart/add", &[("variant_id", &v.to_string()), ("quantity", "2")]).await;
    let placed = crate::cart::checkout_with(
        &mut shopper,
        &[("city", "Accra"), ("country", "GH"), ("phone", "+233241234567"), ("shipping_method", "gh-standard")],
    )
    .await;
    assert_eq!(placed.status, 303, "{}", placed.text());

    let (mut om, _) = staff_member(&app, "orders@example.com", StaffRole::OrderManager).await;
    let list = om.get("/admin/orders").await.text();
    assert!(list.contains("action=\"/admin/export/orders.csv\"") && list.contains("type=\"date\" name=\"from\""), "{list}");
    let today = chrono::Utc::now().date_naive();
    let r = om.get(&format!("/admin/export/orders.csv?from={today}&to={today}")).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.header("content-type"), "text/csv; charset=utf-8");
    assert_eq!(r.header("content-disposition"), format!("attachment; filename=\"orders-{today}-to-{today}.csv\""));
    assert_eq!(r.header("cache-control"), "no-store");
    let csv = r.text();
    assert!(csv.starts_with(&baobab_import::ORDER_COLUMNS.join(",")), "{csv}");
    assert_eq!(csv.lines().count(), 2, "one order line: {csv}");
    assert!(csv.contains("PH-07") && csv.contains("Kora phone model 07") && csv.contains("buyer@example.com"), "{csv}");
    let tomorrow = today.succ_opt().unwrap();
    let none = om.get(&format!("/admin/export/orders.csv?from={tomorrow}")).await;
    assert_eq!(none.status, 200);
    assert_eq!(none.text().lines().count(), 1, "only the header");

    for (query, named) in
        [("from=01/02/2026", "01/02/2026"), ("to=yesterday", "yesterday"), ("from=2026-02-01&to=2026-01-01", "2026-01-01")]
    {
        let r = om.get(&format!("/admin/export/orders.csv?{query}")).await;
        assert_eq!(r.status, 400, "{query}");
        assert!(r.text().contains(named), "{query}: {}", r.text());
    }
    let audit = app.store().audit_entries(0, 100).await.unwrap();
    assert!(audit.iter().any(|e| e.event == "orders_exported" && e.detail["orders"] == 1), "downloads are audited");
    let (mut cm, _) = staff_member(&app, "catalog@example.com", StaffRole::CatalogManager).await;
    assert_eq!(cm.get("/admin/export/orders.csv").await.status, 403, "catalog managers do not download orders");
}

#[tokio::test]
async fn the_products_download_imports_again_unchanged_and_escapes_formulas() {
    let app = TestApp::new().await;
    let mut evil = product(
        "=HYPERLINK(\"http://evil.example\") Solar lamp",
        app.ids.groceries,
        vec![variant("lamp-1", vec![price("NGN", 500_000)], 3)],
    );
    evil.slug = Some("solar-lamp".into());
    app.store().create_product(&evil).await.unwrap();
    let (mut cm, _) = staff_member(&app, "importer@example.com", StaffRole::CatalogManager).await;

    let bad = cm.get("/admin/export/products.csv?currency=XYZ").await;
    assert_eq!(bad.status, 400);
    assert!(bad.text().contains("XYZ"), "{}", bad.text());
    let bad = cm.get("/admin/export/products.csv?currency=naira").await;
    assert_eq!(bad.status, 400);
    assert!(bad.text().contains("naira"), "{}", bad.text());

    let r = cm.get("/admin/export/products.csv?currency=NGN").await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.header("content-type"), "text/csv; charset=utf-8");
    let today = chrono::Utc::now().format("%Y-%m-%d");
    assert_eq!(r.header("content-disposition"), format!("attachment; filename=\"products-NGN-{today}.csv\""));
    assert_eq!(r.header("cache-control"), "no-store");
    let first = r.text();
    assert!(first.starts_with("Title,URL handle,"), "{first}");
    assert!(first.contains("\"'=HYPERLINK(\"\"http://evil.example\"\") Solar lamp\""), "a leading = is quoted: {first}");
    assert!(!first.lines().any(|l| l.starts_with('=') || l.starts_with("\"=")), "no cell starts a formula");
    assert!(first.contains("Kora phone model 29") && first.contains("Secret prototype"), "drafts included");
    assert_eq!(cm.get("/admin/export/products.csv").await.text(), first, "NGN is the default");

    // import the download through the admin: every product updated, none created, same file out
    let count = app.snapshot().await["products"].as_array().unwrap().len();
    let csrf = cm.csrf("/admin/import").await;
    let r = upload(&app, &cm, &form(&csrf, "NGN", false), Some(("products-NGN.csv", first.as_bytes()))).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.text().contains(&format!("Imported: 0 products created, {count} updated")), "{}", r.text());
    assert_eq!(app.snapshot().await["products"].as_array().unwrap().len(), count);
    let lamp = app.store().product(baobab_store::Key::Slug("solar-lamp")).await.unwrap().unwrap();
    assert_eq!(lamp.title, "=HYPERLINK(\"http://evil.example\") Solar lamp", "the escape is undone on the way in");
    assert_eq!(cm.get("/admin/export/products.csv").await.text(), first, "export → import → export is the same file");

    let import_page = cm.get("/admin/import").await.text();
    assert!(import_page.contains("action=\"/admin/export/products.csv\""), "the download is offered on the import page");
}

#[tokio::test]
async fn imports_work_on_postgres() {
    let Some(app) = TestApp::postgres().await else { return };
    let (mut cm, _) = staff_member(&app, "pg-importer@example.com", StaffRole::CatalogManager).await;
    let csrf = cm.csrf("/admin/import").await;
    let r = upload(&app, &cm, &form(&csrf, "NGN", false), Some(("products.csv", SHOPIFY_CSV.as_bytes()))).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.text().contains("2 products created"), "{}", r.text());
    let again = upload(&app, &cm, &form(&csrf, "NGN", false), Some(("products.csv", SHOPIFY_CSV.as_bytes()))).await;
    assert!(again.text().contains("0 products created, 2 updated"), "{}", again.text());
    assert!(app.get("/p/indigo-wax-print").await.text().contains("₦12,500.00"));
    let csv = cm.get("/admin/export/products.csv").await.text();
    assert!(csv.contains("indigo-wax-print") && csv.contains("KAF-M"), "{csv}");
}
