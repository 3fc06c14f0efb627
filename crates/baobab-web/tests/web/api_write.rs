//! Staff writes: authentication, creation, updates, archiving, and every kind of bad body.

use axum::http::Method;
use serde_json::json;

use crate::support::TestApp;

fn new_product(slug: &str, sku: &str) -> serde_json::Value {
    json!({
        "title": "Solar lantern",
        "slug": slug,
        "description": "Eight hours of light.",
        "status": "active",
        "attributes": [{"name": "Battery", "value": "2600 mAh"}],
        "variants": [{"sku": sku, "options": [{"name": "Colour", "value": "Green"}], "stock_on_hand": 4,
                      "prices": [{"currency": "KES", "amount_minor": 250000, "compare_at_minor": 300000}, {"currency": "NGN", "amount_minor": 2400000}]}]
    })
}

#[tokio::test]
async fn writes_need_a_catalog_token() {
    let app = TestApp::new().await;
    let body = json!({"name": "Solar"});
    let none = app.json_as(Method::POST, "/api/v1/categories", None, body.clone()).await;
    none.assert_error(401, "");
    assert_eq!(none.json()["error"]["code"], "unauthorized");
    assert!(none.header("www-authenticate").starts_with("Bearer"));
    let bogus = format!("bbk_{}", "0".repeat(64));
    app.json_as(Method::POST, "/api/v1/categories", Some(&bogus), body.clone()).await.assert_error(401, "");
    app.json_as(Method::POST, "/api/v1/categories", Some("not-a-token"), body.clone()).await.assert_error(401, "");
    let basic = app
        .raw(
            Method::POST,
            "/api/v1/categories",
            &[("authorization", "Basic dXNlcjpwdw=="), ("content-type", "application/json")],
            body.to_string(),
        )
        .await;
    assert_eq!(basic.status, 401);
    let forbidden = app.json_as(Method::POST, "/api/v1/categories", Some(&app.orders_token), body.clone()).await;
    assert_eq!(forbidden.status, 403, "{}", forbidden.text());
    assert_eq!(forbidden.json()["error"]["code"], "forbidden");
    // a bad token on a public read is rejected too, rather than silently ignored
    assert_eq!(app.get_with("/api/v1/products", &[("authorization", &format!("Bearer {bogus}"))]).await.status, 401);

    // revoked tokens stop working
    let tokens = app.store().tokens().await.unwrap();
    let id = tokens.iter().find(|t| t.name == "test catalog").unwrap().id;
    app.store().revoke_token(id).await.unwrap();
    app.staff(Method::POST, "/api/v1/categories", body).await.assert_error(401, "");
    assert_eq!(app.get("/api/v1/categories").await.json()["items"].as_array().unwrap().len(), 3, "nothing was created");
}

#[tokio::test]
async fn creates_updates_and_archives_the_catalog() {
    let app = TestApp::new().await;
    let r = app.staff(Method::POST, "/api/v1/categories", json!({"name": "Solar & Power", "description": "Off-grid"})).await;
    assert_eq!(r.status, 201, "{}", r.text());
    let cat = r.json();
    assert_eq!(cat["slug"], "solar-power");
    assert_eq!(r.header("location"), format!("/api/v1/categories/{}", cat["id"]));

    let mut body = new_product("solar-lantern", "sol-lan-g");
    body["category_id"] = cat["id"].clone();
    let r = app.staff(Method::POST, "/api/v1/products", body).await;
    assert_eq!(r.status, 201, "{}", r.text());
    let p = r.json();
    assert_eq!(p["variants"][0]["sku"], "SOL-LAN-G");
    assert_eq!(p["variants"][0]["prices"][0], json!({"currency": "KES", "amount_minor": 250000, "compare_at_minor": 300000}));
    let pid = p["id"].as_i64().unwrap();
    assert_eq!(app.get("/p/solar-lantern").await.status, 200, "new product is on the storefront");

    let r = app.staff(Method::PATCH, &format!("/api/v1/products/{pid}"), json!({"title": "Solar lantern XL", "category_id": null})).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["title"], "Solar lantern XL");
    assert_eq!(r.json()["category_id"], serde_json::Value::Null);

    let r = app
        .staff(
            Method::POST,
            &format!("/api/v1/products/{pid}/variants"),
            json!({"sku": "sol-lan-r", "prices": [{"currency": "USD", "amount_minor": 1599}], "stock_on_hand": 2}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let vid = r.json()["id"].as_i64().unwrap();
    let r = app
        .staff(
            Method::PATCH,
            &format!("/api/v1/variants/{vid}"),
            json!({"stock_on_hand": 9, "prices": [{"currency": "USD", "amount_minor": 1499}]}),
        )
        .await;
    assert_eq!(r.json()["stock_on_hand"], 9);
    assert_eq!(r.json()["prices"], json!([{"currency": "USD", "amount_minor": 1499, "compare_at_minor": null}]));
    let r = app.staff(Method::DELETE, &format!("/api/v1/variants/{vid}"), json!({})).await;
    assert_eq!(r.json()["archived"], true);
    let public = app.get(&format!("/api/v1/products/{pid}")).await.json();
    assert_eq!(public["variants"].as_array().unwrap().len(), 1, "archived variants are not public");

    let r = app.staff(Method::DELETE, &format!("/api/v1/products/{pid}"), json!({})).await;
    assert_eq!(r.json()["status"], "archived");
    assert_eq!(app.get(&format!("/api/v1/products/{pid}")).await.status, 404);
    assert_eq!(app.get("/p/solar-lantern").await.status, 404);

    let r = app.staff(Method::DELETE, &format!("/api/v1/categories/{}", cat["id"]), json!({})).await;
    assert_eq!(r.json()["archived"], true);
    assert_eq!(app.get("/api/v1/categories/solar-power").await.status, 404);
    assert_eq!(app.get("/c/solar-power").await.status, 404);
    let r = app
        .staff(Method::PATCH, &format!("/api/v1/categories/{}", cat["id"]), json!({"archived": false, "parent_id": app.ids.phones}))
        .await;
    assert_eq!(r.json()["parent_id"], app.ids.phones);
}

#[tokio::test]
async fn bad_bodies_are_4xx_naming_the_field_and_change_nothing() {
    let app = TestApp::new().await;
    let before = app.snapshot().await;
    let post = |body: serde_json::Value| app.staff(Method::POST, "/api/v1/products", body);

    let mut dup_sku = new_product("another", "PH-00");
    dup_sku["variants"][0]["sku"] = json!("ph-00");
    post(dup_sku).await.assert_error(409, "sku");
    post(new_product("kora-phone-model-00", "new-sku")).await.assert_error(409, "slug");

    let mut negative = new_product("neg", "neg-1");
    negative["variants"][0]["prices"][0]["amount_minor"] = json!(-100);
    post(negative).await.assert_error(422, "variants[0].prices[0].amount_minor");
    let mut bad_cur = new_product("cur", "cur-1");
    bad_cur["variants"][0]["prices"][0]["currency"] = json!("KSH");
    post(bad_cur).await.assert_error(422, "variants[0].prices[0].currency");
    let mut cmp = new_product("cmp", "cmp-1");
    cmp["variants"][0]["prices"][0]["compare_at_minor"] = json!(1);
    post(cmp).await.assert_error(422, "variants[0].prices[0].compare_at_minor");
    let mut unknown = new_product("unk", "unk-1");
    unknown["colour"] = json!("red");
    post(unknown).await.assert_error(422, "colour");
    let mut wrong_type = new_product("wt", "wt-1");
    wrong_type["variants"][0]["stock_on_hand"] = json!("lots");
    post(wrong_type).await.assert_error(422, "variants[0].stock_on_hand");
    post(json!({"description": "no title"})).await.assert_error(422, "title");
    post(json!({"title": "   "})).await.assert_error(422, "title");
    post(json!({"title": "Bad slug", "slug": "Bad Slug!"})).await.assert_error(422, "slug");
    let mut float = new_product("float", "fl-1");
    float["variants"][0]["prices"][0]["amount_minor"] = json!(12.5);
    post(float).await.assert_error(422, "variants[0].prices[0].amount_minor");
    post(json!({"title": "Lost", "category_id": 99999})).await.assert_error(422, "category_id");

    let auth = format!("Bearer {}", app.catalog_token);
    let malformed =
        app.raw(Method::POST, "/api/v1/products", &[("authorization", &auth), ("content-type", "application/json")], "{\"title\": ").await;
    assert_eq!(malformed.status, 400, "{}", malformed.text());
    assert_eq!(malformed.json()["error"]["code"], "bad_request");
    let no_type = app.raw(Method::POST, "/api/v1/products", &[("authorization", &auth)], "{\"title\": \"x\"}").await;
    assert_eq!(no_type.status, 415, "{}", no_type.text());
    let huge = format!("{{\"title\": \"x\", \"description\": \"{}\"}}", "a".repeat(300 * 1024));
    let too_big = app.raw(Method::POST, "/api/v1/products", &[("authorization", &auth), ("content-type", "application/json")], huge).await;
    assert_eq!(too_big.status, 413, "{}", too_big.text());
    assert_eq!(too_big.json()["error"]["code"], "payload_too_large");

    let cat_post = |body: serde_json::Value| app.staff(Method::POST, "/api/v1/categories", body);
    cat_post(json!({"name": "Phones"})).await.assert_error(409, "slug");
    cat_post(json!({"name": "Orphan", "parent_id": 4242})).await.assert_error(422, "parent_id");
    let cycle =
        app.staff(Method::PATCH, &format!("/api/v1/categories/{}", app.ids.phones), json!({"parent_id": app.ids.smartphones})).await;
    cycle.assert_error(422, "parent_id");

    let v = app.ids.phone_variant;
    app.staff(Method::PATCH, &format!("/api/v1/variants/{v}"), json!({"stock_on_hand": -1})).await.assert_error(422, "stock_on_hand");
    app.staff(Method::PATCH, &format!("/api/v1/variants/{v}"), json!({"sku": "PH-01"})).await.assert_error(409, "sku");
    app.staff(Method::PATCH, &format!("/api/v1/variants/{v}"), json!({"prices": []})).await.assert_error(422, "prices");
    app.staff(Method::PATCH, "/api/v1/variants/abc", json!({})).await.assert_error(400, "id");
    app.staff(Method::PATCH, "/api/v1/products/-4", json!({})).await.assert_error(400, "id");
    assert_eq!(app.staff(Method::PATCH, "/api/v1/variants/999999", json!({"stock_on_hand": 1})).await.status, 404);
    assert_eq!(
        app.staff(
            Method::POST,
            "/api/v1/products/999999/variants",
            json!({"sku": "x", "prices": [{"currency": "NGN", "amount_minor": 1}]})
        )
        .await
        .status,
        404
    );
    app.staff(Method::PATCH, &format!("/api/v1/products/{}", app.ids.phone), json!({"status": "deleted"}))
        .await
        .assert_error(422, "status");

    assert_eq!(app.snapshot().await, before, "rejected writes changed nothing");
}
