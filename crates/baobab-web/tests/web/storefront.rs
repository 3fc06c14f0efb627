//! Storefront pages: content, metadata, currency, pagination, facets, bad links, page weight.

use std::io::Write;

use crate::support::{TestApp, between};

#[tokio::test]
async fn every_page_has_title_description_and_canonical() {
    let app = TestApp::new().await;
    for (path, title, canonical) in [
        ("/", "Shop online, pay on delivery · Baobab", "http://127.0.0.1:8080/"),
        ("/c/smartphones?page=2&sort=price_asc", "Smartphones · Baobab", "http://127.0.0.1:8080/c/smartphones?page=2"),
        ("/p/kora-phone-model-04?currency=KES", "Kora phone model 04 · Baobab", "http://127.0.0.1:8080/p/kora-phone-model-04"),
        ("/search?q=rice&sort=title_asc", "Search: rice · Baobab", "http://127.0.0.1:8080/search?q=rice"),
    ] {
        let r = app.get(path).await;
        assert_eq!(r.status, 200, "{path}: {}", r.text());
        assert!(r.header("content-type").starts_with("text/html"));
        let html = r.text();
        assert_eq!(between(&html, "<title>", "</title>"), title, "{path}");
        assert_eq!(between(&html, "<link rel=\"canonical\" href=\"", "\""), canonical, "{path}");
        let desc = between(&html, "<meta name=\"description\" content=\"", "\"");
        assert!(desc.len() > 20 && desc.chars().count() <= 160, "{path}: {desc}");
    }
}

#[tokio::test]
async fn home_and_category_pages_list_products() {
    let app = TestApp::new().await;
    let home = app.get("/").await.text();
    assert!(home.contains("href=\"/c/phones\"") && home.contains("href=\"/c/groceries\""));
    assert!(home.contains("Jollof spice mix"), "newest products are shown");
    assert!(!home.contains("Secret prototype"), "drafts are not");

    let page1 = app.get("/c/phones").await.text();
    assert!(page1.contains("30 products"), "a category includes its subcategories");
    assert!(page1.contains("href=\"/c/smartphones\""));
    assert_eq!(page1.matches("<li><a href=\"/p/").count(), 24);
    assert!(page1.contains("rel=\"next\" href=\"/c/phones?page=2\""));
    assert!(page1.contains("Out of stock"));
    assert!(page1.contains("₦"));
    let page2 = app.get("/c/phones?page=2").await.text();
    assert_eq!(page2.matches("<li><a href=\"/p/").count(), 6);
    assert!(page2.contains("rel=\"prev\" href=\"/c/phones\""));
    let sorted = app.get("/c/phones?sort=price_desc").await.text();
    let first = sorted.find("Kora phone model 29").unwrap();
    let second = sorted.find("Kora phone model 28").unwrap();
    assert!(first < second, "price high to low");
    let crumbs = app.get("/c/smartphones").await.text();
    assert!(crumbs.contains("<li><a href=\"/c/phones\">Phones</a></li><li><a href=\"/c/smartphones\">Smartphones</a></li>"));
}

#[tokio::test]
async fn product_page_shows_variants_in_the_chosen_currency() {
    let app = TestApp::new().await;
    let ngn = app.get("/p/kora-phone-model-01").await.text();
    assert!(ngn.contains("From ₦51,000.00"), "{ngn}");
    // a column per option, its values as the rows' names
    assert!(ngn.contains("<th scope=\"col\">Storage</th><th scope=\"col\">Price</th>"), "{ngn}");
    assert!(ngn.contains("<th scope=\"row\">64 GB</th>") && ngn.contains("<th scope=\"row\">128 GB</th>"), "{ngn}");
    assert!(ngn.contains("In stock") && ngn.contains("Only 2 left"));
    assert!(ngn.contains("<dt>Origin</dt><dd>Ghana</dd>"));
    assert!(ngn.contains("<p>Second paragraph.</p>"));
    let kes = app.get("/p/kora-phone-model-01?currency=KES").await.text();
    assert!(kes.contains("KSh\u{a0}4,100.00"), "{kes}");
    assert!(kes.contains("<option selected>KES</option>"));
    let zar = app.get_with("/p/kora-phone-model-01", &[("cookie", "currency=ZAR")]).await.text();
    assert!(zar.contains("R7\u{a0}000,00") && zar.contains("<s>R80\u{a0}000,00</s>"), "{zar}");
    let ghs = app.get("/p/kora-phone-model-01?currency=GHS").await.text();
    assert!(ghs.contains("Not sold in GHS"));
    // a stale or bad cookie falls back to the default rather than failing
    assert_eq!(app.get_with("/p/kora-phone-model-01", &[("cookie", "currency=<x>")]).await.status, 200);
}

/// Shoppers choose a variant by its option values, one column per option; the SKU, a stock code,
/// never names a variant. A product sold as one variant without options shows no variant name.
#[tokio::test]
async fn product_page_names_variants_by_their_option_values() {
    use crate::support::{price, product, variant};
    use baobab_domain::catalog::NameValue;
    let app = TestApp::new().await;
    let opt = |pairs: &[(&str, &str)]| pairs.iter().map(|(n, v)| NameValue { name: n.to_string(), value: v.to_string() }).collect();
    let mut variants = Vec::new();
    for (i, (size, colour, stock)) in [("M", "Indigo", 4), ("M", "Mustard", 0), ("L", "Indigo", 9)].into_iter().enumerate() {
        let mut v = variant(&format!("WEWCC-10-{i}"), vec![price("NGN", 1_850_000 + i as i64 * 50_000)], stock);
        v.options = opt(&[("Size", size), ("Colour", colour)]);
        variants.push(v);
    }
    let mut one_size = variant("WEWCC-10-9", vec![price("NGN", 1_700_000)], 2);
    one_size.options = opt(&[("Size", "One size")]);
    variants.push(one_size);
    app.store().create_product(&product("Wax print shirt", app.ids.smartphones, variants)).await.unwrap();

    let html = app.get("/p/wax-print-shirt").await.text();
    let table = between(&html, "<table class=\"variants\">", "</table>");
    assert!(
        table.starts_with("<thead><tr><th scope=\"col\">Size</th><th scope=\"col\">Colour</th><th scope=\"col\">Price</th></tr></thead>"),
        "{table}"
    );
    let rows: Vec<&str> = table.split("<tr>").skip(2).collect();
    assert_eq!(rows.len(), 4, "{table}");
    for (row, cells) in rows.iter().zip([
        "<th scope=\"row\">M</th><th scope=\"row\">Indigo</th><td>₦18,500.00<br><small class=\"ok\">Only 4 left</small>",
        "<th scope=\"row\">M</th><th scope=\"row\">Mustard</th><td>₦19,000.00<br><small class=\"out\">Out of stock</small></td>",
        "<th scope=\"row\">L</th><th scope=\"row\">Indigo</th><td>₦19,500.00<br><small class=\"ok\">In stock</small>",
        "<th scope=\"row\">One size</th><th scope=\"row\">—</th><td>₦17,000.00<br><small class=\"ok\">Only 2 left</small>",
    ]) {
        assert!(row.starts_with(cells), "{row}");
    }
    assert!(rows[0].contains("<button aria-label=\"Add to cart: M, Indigo\">Add to cart</button>"), "{}", rows[0]);
    assert!(!rows[1].contains("<button"), "an option out of stock cannot be added");
    assert!(!html.contains("WEWCC-10"), "no SKU names a variant: {html}");
    assert!(!html.contains("Size: M") && !html.contains("Colour: Indigo"), "values, not name: value strings");

    // one variant without options: price, stock and the button, no variant name; the SKU only
    // as a detail
    let plain = app.get("/p/long-grain-rice-5-kg").await.text();
    assert!(!plain.contains("<table"), "{plain}");
    assert!(plain.contains("<p class=\"ok\">In stock</p>") && plain.contains("<button>Add to cart</button>"), "{plain}");
    assert_eq!(plain.matches("LONG-GRAIN-RICE-5-KG").count(), 1, "{plain}");
    assert!(plain.contains("<dt>SKU</dt><dd>LONG-GRAIN-RICE-5-KG</dd></dl>"), "{plain}");
}

#[tokio::test]
async fn currency_switch_sets_a_cookie_and_goes_back() {
    let app = TestApp::new().await;
    let r = app.get("/currency?code=KES&back=/c/phones%3Fpage%3D2").await;
    assert_eq!(r.status, 303);
    assert_eq!(r.header("location"), "/c/phones?page=2");
    assert!(r.header("set-cookie").starts_with("currency=KES; Path=/"));
    assert!(r.header("set-cookie").contains("SameSite=Lax"));
    for evil in ["https://evil.example", "//evil.example", "/\\evil.example"] {
        let r = app.get(&format!("/currency?code=KES&back={evil}")).await;
        assert_eq!(r.header("location"), "/", "never an open redirect: {evil}");
    }
    let bad = app.get("/currency?code=XYZ").await;
    assert_eq!(bad.status, 400);
    assert!(bad.text().contains("code"), "{}", bad.text());
    assert!(bad.headers.get("set-cookie").is_none());
}

#[tokio::test]
async fn search_page_has_facets_that_narrow() {
    let app = TestApp::new().await;
    let html = app.get("/search?q=kora").await.text();
    assert!(html.contains("30 results"));
    assert!(html.contains("Smartphones (30)"));
    assert!(html.contains("In stock only (20)"));
    assert!(html.contains("<meta name=\"robots\" content=\"noindex\">"));
    let band = between(&html, "<h2>Price</h2><ul class=\"facet\"><li><a href=\"", "\"").replace("&amp;", "&");
    let narrowed = app.get(&band).await.text();
    assert!(narrowed.contains("Clear filters"));
    let stock = app.get("/search?q=kora&in_stock=1").await.text();
    assert!(stock.contains("20 results"));
    let none = app.get("/search?q=zzzzqqq").await.text();
    assert!(none.contains("Nothing matched"));
    let all = app.get("/search").await.text();
    assert!(all.contains("33 results"));
}

#[tokio::test]
async fn bad_links_get_clear_error_pages() {
    let app = TestApp::new().await;
    for (path, status, words) in [
        ("/c/no-such-category", 404, "Category not found"),
        ("/p/no-such-product", 404, "Product not found"),
        ("/p/secret-prototype", 404, "Product not found"),
        ("/c/phones?page=99", 404, "Page not found"),
        ("/nowhere", 404, "Page not found"),
        ("/c/phones?page=-1", 400, "page"),
        ("/c/phones?page=x", 400, "page"),
        ("/c/phones?sort=best", 400, "sort"),
        ("/c/phones?in_stock=perhaps", 400, "in_stock"),
        ("/p/kora-phone-model-01?currency=naira", 400, "currency"),
        ("/?currency=JPY", 400, "currency"),
        ("/search?min_price=-3", 400, "min_price"),
        ("/search?per_page=1000", 400, "per_page"),
        ("/search?category=nope", 400, "category"),
        ("/search?status=draft", 400, "status"),
    ] {
        let r = app.get(path).await;
        assert_eq!(r.status.as_u16(), status, "{path}");
        assert!(r.header("content-type").starts_with("text/html"), "{path}");
        assert!(r.text().contains(words), "{path}: {}", r.text());
    }
}

fn gzip_len(bytes: &[u8]) -> usize {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap().len()
}

/// The HTML and CSS that render a category page and a product page fit the first TCP round
/// trip (14 KB compressed) — what matters most on slow mobile networks.
#[tokio::test]
async fn pages_fit_the_first_round_trip() {
    const BUDGET: usize = 14 * 1024;
    let app = TestApp::new().await;
    let css = app.get(&app.state.assets.css.path).await.body;
    let css_gz = gzip_len(&css);
    // the shopping pages too, seen by a guest with two items in the cart and a placed order
    let mut b = crate::accounts::Browser::new(&app);
    for slug in ["kora-phone-model-05", "kora-phone-model-07"] {
        let v = app.store().product(baobab_store::Key::Slug(slug)).await.unwrap().unwrap().variants[0].id;
        b.post("/cart/add", &[("variant_id", &v.to_string()), ("quantity", "1")]).await;
    }
    let cart = b.get("/cart").await.body;
    let checkout = b.get("/checkout").await.body;
    let placed = crate::cart::checkout_with(&mut b, &[]).await;
    assert_eq!(placed.status, 303, "{}", placed.text());
    let order = b.get(placed.header("location")).await.body;
    let seen = [("/cart", cart), ("/checkout", checkout), ("/orders/{id}", order)];
    for path in ["/c/phones", "/p/kora-phone-model-05", "/search?q=kora", "/", "/cart", "/checkout", "/orders/{id}"] {
        let html = match seen.iter().find(|(p, _)| *p == path) {
            Some((_, body)) => body.clone(),
            None => app.get(path).await.body,
        };
        let total = gzip_len(&html) + css_gz;
        println!(
            "page weight {path}: html {} B ({} B gzip) + css {} B ({} B gzip) = {} B gzip of {} B budget",
            html.len(),
            gzip_len(&html),
            css.len(),
            css_gz,
            total,
            BUDGET
        );
        assert!(total <= BUDGET, "{path}: {total} B gzip exceeds {BUDGET} B");
    }
}
