//! Public API reads: listing, filters, pagination, search, lookups and their bad inputs.

use crate::support::TestApp;

#[tokio::test]
async fn lists_filters_and_paginates_products() {
    let app = TestApp::new().await;
    let r = app.get("/api/v1/products?per_page=10&page=2&sort=price_asc").await;
    assert_eq!(r.status, 200, "{}", r.text());
    let j = r.json();
    assert_eq!(j["total"], 33, "drafts are not public");
    assert_eq!(j["page"], 2);
    assert_eq!(j["items"].as_array().unwrap().len(), 10);
    let prices: Vec<i64> = j["items"].as_array().unwrap().iter().map(|p| p["price"]["amount_minor"].as_i64().unwrap()).collect();
    assert!(prices.windows(2).all(|w| w[0] <= w[1]), "{prices:?}");
    assert_eq!(j["items"][0]["price"]["currency"], "NGN");

    let j = app.get("/api/v1/products?currency=GHS").await.json();
    assert_eq!(j["total"], 3, "only products priced in GHS");
    let j = app.get("/api/v1/products?category=phones&in_stock=true&min_price=5500000&max_price=6000000").await.json();
    let titles: Vec<&str> = j["items"].as_array().unwrap().iter().map(|p| p["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["Kora phone model 10", "Kora phone model 08", "Kora phone model 07", "Kora phone model 05"], "{j}");
    let j = app.get(&format!("/api/v1/products?category={}&facets=1", app.ids.groceries)).await.json();
    assert_eq!(j["total"], 3);
    assert!(j["facets"]["prices"].as_array().unwrap().len() >= 2);
}

#[tokio::test]
async fn gets_products_and_categories_by_id_or_slug() {
    let app = TestApp::new().await;
    let by_slug = app.get("/api/v1/products/kora-phone-model-00").await;
    assert_eq!(by_slug.status, 200);
    let p = by_slug.json();
    assert_eq!(p["variants"].as_array().unwrap().len(), 2);
    assert_eq!(p["variants"][0]["prices"][0]["amount_minor"], 400_000);
    let by_id = app.get(&format!("/api/v1/products/{}", app.ids.phone)).await.json();
    assert_eq!(by_id, p);
    let cat = app.get("/api/v1/categories/smartphones").await.json();
    assert_eq!(cat["parent_id"], app.ids.phones);
    assert_eq!(app.get("/api/v1/categories").await.json()["items"].as_array().unwrap().len(), 3);

    for missing in ["/api/v1/products/no-such-thing", "/api/v1/products/999999", "/api/v1/categories/nope", "/api/v1/nothing-here"] {
        let r = app.get(missing).await;
        assert_eq!(r.status, 404, "{missing}");
        assert_eq!(r.json()["error"]["code"], "not_found");
    }
    // a draft exists but is not public
    assert_eq!(app.get(&format!("/api/v1/products/{}", app.ids.draft)).await.status, 404);
    let staff =
        app.get_with(&format!("/api/v1/products/{}", app.ids.draft), &[("authorization", &format!("Bearer {}", app.catalog_token))]).await;
    assert_eq!(staff.status, 200);
    assert_eq!(staff.header("cache-control"), "private, no-store");
}

#[tokio::test]
async fn search_needs_words_and_ranks_titles_first() {
    let app = TestApp::new().await;
    let j = app.get("/api/v1/search?q=shea").await.json();
    assert_eq!(j["total"], 1);
    assert_eq!(j["items"][0]["title"], "Shea butter 250 g");
    assert!(j["facets"].is_object());
    let j = app.get("/api/v1/search?q=ghana+rice").await.json();
    assert_eq!(j["items"][0]["title"], "Long grain rice 5 kg", "attributes are searchable");
    let j = app.get("/api/v1/search?q=model+07").await.json();
    assert_eq!(j["items"][0]["title"], "Kora phone model 07");
    app.get("/api/v1/search").await.assert_error(400, "q");
    app.get("/api/v1/search?q=%20%21%21").await.assert_error(400, "q");
}

#[tokio::test]
async fn bad_query_values_are_400s_naming_the_parameter() {
    let app = TestApp::new().await;
    let cases = [
        ("page=-1", "page"),
        ("page=0", "page"),
        ("page=abc", "page"),
        ("page=1&page=2", "page"),
        ("per_page=101", "per_page"),
        ("per_page=0", "per_page"),
        ("sort=cheapest", "sort"),
        ("currency=ngn", "currency"),
        ("currency=NAIRA", "currency"),
        ("currency=JPY", "currency"),
        ("min_price=-5", "min_price"),
        ("max_price=1.5", "max_price"),
        ("min_price=10&max_price=5", "max_price"),
        ("in_stock=maybe", "in_stock"),
        ("facets=lots", "facets"),
        ("category=no-such-category", "category"),
        ("status=draft", "status"),
    ];
    for (q, field) in cases {
        let r = app.get(&format!("/api/v1/products?{q}")).await;
        r.assert_error(400, field);
        assert_eq!(r.json()["error"]["code"], "bad_request", "{q}");
    }
    let long = "a".repeat(201);
    app.get(&format!("/api/v1/search?q={long}")).await.assert_error(400, "q");
    let staff = app.get_with("/api/v1/products?status=pending", &[("authorization", &format!("Bearer {}", app.catalog_token))]).await;
    staff.assert_error(400, "status");
}

#[tokio::test]
async fn staff_listing_sees_every_status() {
    let app = TestApp::new().await;
    let auth = format!("Bearer {}", app.catalog_token);
    let j = app.get_with("/api/v1/products?status=draft", &[("authorization", &auth)]).await.json();
    assert_eq!(j["total"], 1);
    assert_eq!(j["items"][0]["status"], "draft");
    let j = app.get_with("/api/v1/products?status=any&per_page=100", &[("authorization", &auth)]).await.json();
    assert_eq!(j["total"], 34);
}

#[tokio::test]
async fn postgres_serves_the_same_api() {
    let Some(app) = TestApp::postgres().await else { return };
    let j = app.get("/api/v1/products?per_page=5&sort=title_asc&currency=KES").await.json();
    assert_eq!(j["total"], 30);
    assert_eq!(j["items"][0]["title"], "Kora phone model 00");
    let j = app.get("/api/v1/search?q=shea").await.json();
    assert_eq!(j["items"][0]["title"], "Shea butter 250 g");
    let r = app.staff(axum::http::Method::POST, "/api/v1/categories", serde_json::json!({"name": "Solar"})).await;
    assert_eq!(r.status, 201, "{}", r.text());
    assert_eq!(app.get("/c/solar").await.status, 200);
}
