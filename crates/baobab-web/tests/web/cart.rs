//! Cart and checkout as a shopper's browser sees them: add from the product page, change
//! quantities, check out with cash on delivery or bank transfer, see the confirmation (only the
//! buyer can), retries that create nothing, stock that runs out, and the cart following a login.

use crate::accounts::Browser;
use crate::support::{TestApp, between};

fn checkout_fields<'a>(csrf: &'a str, key: &'a str, method: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", csrf),
        ("idempotency_key", key),
        ("email", "guest@example.com"),
        ("name", "Chidi Okafor"),
        ("line1", "5 Allen Avenue, opposite the bank"),
        ("city", "Ikeja"),
        ("country", "NG"),
        ("phone", "+234 802 000 1111"),
        ("payment_method", method),
        ("shipping_method", "lagos-express"),
    ]
}

#[tokio::test]
async fn guest_adds_checks_out_and_sees_the_confirmation() {
    let app = TestApp::new().await;
    let p = app.store().product(baobab_store::Key::Slug("kora-phone-model-01")).await.unwrap().unwrap();
    let v = p.variants[0].id;
    let page = app.get("/p/kora-phone-model-01").await;
    assert!(page.text().contains("action=\"/cart/add\""), "product pages offer the cart");
    assert!(page.header("cache-control").starts_with("public"), "and stay cacheable (no session data in them)");

    let mut b = Browser::new(&app);
    let r = b.post("/cart/add", &[("variant_id", &v.to_string()), ("quantity", "1")]).await;
    assert_eq!(r.status, 303, "{}", r.text());
    assert!(b.session_cookie().len() == 64, "a guest session holds the cart");
    b.post("/cart/add", &[("variant_id", &v.to_string()), ("quantity", "1")]).await;
    let cart = b.get("/cart").await;
    assert_eq!(cart.header("cache-control"), "no-store");
    let html = cart.text();
    assert!(html.contains("value=\"2\""), "quantities add up");
    assert!(html.contains("₦102,000.00"), "2 × ₦51,000.00: {html}");

    let csrf = between(&html, "name=\"csrf\" value=\"", "\"");
    let co = b.get("/checkout").await;
    assert_eq!(co.status, 200, "{}", co.text());
    let key = between(&co.text(), "name=\"idempotency_key\" value=\"", "\"");
    let mut bad = checkout_fields(&csrf, &key, "cash_on_delivery");
    bad[6] = ("country", "Nigeria");
    bad[7] = ("phone", "0802");
    let r = b.post("/checkout", &bad).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("country") && r.text().contains("phone"));
    let r = b.post("/checkout", &checkout_fields(&csrf, &key, "cheque")).await;
    assert_eq!(r.status, 422);

    let r = b.post("/checkout", &checkout_fields(&csrf, &key, "cash_on_delivery")).await;
    assert_eq!(r.status, 303, "{}", r.text());
    let order_url = r.header("location").to_string();
    assert!(order_url.starts_with("/orders/"));
    let conf = b.get(&order_url).await.text();
    assert!(
        conf.contains("Order BB-") && conf.contains("pending payment") && conf.contains("in cash when your order is delivered"),
        "{conf}"
    );
    assert!(conf.contains("Total ₦102,000.00"));
    assert_eq!(app.store().variant(v).await.unwrap().unwrap().stock_on_hand, 3, "stock taken");
    assert!(!b.get("/cart").await.text().contains("value=\"2\""), "the cart is emptied");

    // the browser retries the same form (same key): the same order, nothing taken twice
    let again = b.post("/checkout", &checkout_fields(&csrf, &key, "cash_on_delivery")).await;
    assert_eq!(again.status, 303, "{}", between(&again.text(), "<section", "</section>"));
    assert_eq!(again.header("location"), order_url, "the first order again");
    assert_eq!(app.store().variant(v).await.unwrap().unwrap().stock_on_hand, 3);

    // nobody else can read it
    let mut other = Browser::new(&app);
    assert_eq!(other.get(&order_url).await.status, 404);
    assert_eq!(other.get("/orders/abc").await.status, 400);
    let mails = app.store().claim_emails(chrono::Utc::now(), 60, 10).await.unwrap();
    assert!(mails.iter().any(|m| m.to == "guest@example.com" && m.subject.starts_with("Your order BB-")));
}

#[tokio::test]
async fn cart_inputs_and_stock_limits() {
    let app = TestApp::new().await;
    let p = app.store().product(baobab_store::Key::Slug("kora-phone-model-02")).await.unwrap().unwrap();
    let v = p.variants[0].id; // 5 in stock
    let mut b = Browser::new(&app);
    let no_origin = b.post_with("/cart/add", &[("variant_id", &v.to_string()), ("quantity", "1")], None).await;
    assert_eq!(no_origin.status, 403, "add-to-cart needs this site's Origin");
    let foreign = b.post_with("/cart/add", &[("variant_id", &v.to_string()), ("quantity", "1")], Some("https://evil.example")).await;
    assert_eq!(foreign.status, 403);
    for (vid, q) in [
        (v.to_string(), "0"),
        (v.to_string(), "-1"),
        (v.to_string(), "101"),
        (v.to_string(), "two"),
        ("abc".to_string(), "1"),
        ("999999".to_string(), "1"),
    ] {
        let r = b.post("/cart/add", &[("variant_id", &vid), ("quantity", q)]).await;
        assert_eq!(r.status, 400, "{vid} × {q}: {}", r.text());
    }
    b.post("/cart/add", &[("variant_id", &v.to_string()), ("quantity", "9")]).await;
    let html = b.get("/cart").await.text();
    let csrf = between(&html, "name=\"csrf\" value=\"", "\"");
    let co = b.get("/checkout").await;
    assert_eq!(co.status, 200, "{}", co.text());
    let key = between(&co.text(), "name=\"idempotency_key\" value=\"", "\"");
    let r = b.post("/checkout", &checkout_fields(&csrf, &key, "bank_transfer")).await;
    assert_eq!(r.status, 409, "more than in stock");
    assert!(r.text().contains("not enough"));
    assert_eq!(app.store().variant(v).await.unwrap().unwrap().stock_on_hand, 5, "nothing taken");
    let no_token = b.post("/cart/update", &[("variant_id", &v.to_string()), ("quantity", "2")]).await;
    assert_eq!(no_token.status, 403);
    assert_eq!(b.post("/cart/update", &[("csrf", &csrf), ("variant_id", &v.to_string()), ("quantity", "2")]).await.status, 303);
    let html = b.get("/checkout").await.text();
    let key = between(&html, "name=\"idempotency_key\" value=\"", "\"");
    let r = b.post("/checkout", &checkout_fields(&csrf, &key, "bank_transfer")).await;
    assert_eq!(r.status, 303);
    let conf = b.get(r.header("location")).await.text();
    assert!(conf.contains("Please transfer ₦104,000.00 with the reference BB-"), "{conf}");
    let empty = b.post("/checkout", &checkout_fields(&csrf, &"ab".repeat(16), "bank_transfer")).await;
    assert_eq!(empty.status, 422, "an empty cart cannot be checked out");
    assert!(empty.text().contains("lines"), "{}", empty.text());
}

#[tokio::test]
async fn the_cart_follows_the_shopper_into_their_account() {
    let app = TestApp::new().await;
    let p = app.store().product(baobab_store::Key::Slug("kora-phone-model-04")).await.unwrap().unwrap();
    let mut owner = Browser::new(&app);
    owner.register("member@example.com", "member-password").await;
    let csrf = owner.csrf("/account").await;
    owner.post("/account/logout", &[("csrf", &csrf)]).await;

    let mut b = Browser::new(&app);
    b.post("/cart/add", &[("variant_id", &p.variants[0].id.to_string()), ("quantity", "1")]).await;
    assert_eq!(b.login("member@example.com", "member-password").await.status, 303);
    let html = b.get("/cart").await.text();
    assert!(html.contains("Kora phone model 04"), "merged at login");
    let csrf = between(&html, "name=\"csrf\" value=\"", "\"");
    let co = b.get("/checkout").await;
    assert_eq!(co.status, 200, "{}", co.text());
    let key = between(&co.text(), "name=\"idempotency_key\" value=\"", "\"");
    let mut fields = checkout_fields(&csrf, &key, "cash_on_delivery");
    fields[2] = ("email", "member@example.com");
    let r = b.post("/checkout", &fields).await;
    assert_eq!(r.status, 303, "{}", r.text());
    let account = b.get("/account").await.text();
    assert!(account.contains("BB-") && account.contains("pending payment"), "order history");
    let (mut owner, _) = crate::admin::staff_member_pub(&app, "dash@example.com", baobab_domain::account::StaffRole::Owner).await;
    let dash = owner.get("/admin").await.text();
    assert!(dash.contains("<td>NGN</td><td>1</td>"), "today's orders by currency on the dashboard: {dash}");
}

#[tokio::test]
async fn the_order_api_moves_orders_through_their_lifecycle() {
    use axum::http::Method;
    use serde_json::json;
    let app = TestApp::new().await;
    let p = app.store().product(baobab_store::Key::Slug("kora-phone-model-05")).await.unwrap().unwrap();
    let order = app
        .store()
        .place_order(&baobab_domain::order::NewOrder {
            user_id: None,
            email: "api@example.com".into(),
            currency: baobab_domain::Currency::NGN,
            payment_method: baobab_domain::payment::PaymentMethod::BankTransfer,
            lines: vec![baobab_domain::order::NewOrderLine { variant_id: p.variants[0].id, quantity: 2 }],
            shipping: baobab_domain::shipping::ShippingQuote::free(),
            coupon_code: None,
            tax: baobab_domain::order::TaxRule { rate_bp: 0, prices_include_tax: true },
            shipping_address: Default::default(),
            idempotency_key: None,
            request_hash: "x".into(),
            expires_at: None,
            placed_by: "s:api".into(),
            language: None,
        })
        .await
        .unwrap()
        .order()
        .clone();
    let orders = Some(app.orders_token.as_str());
    let catalog = Some(app.catalog_token.as_str());
    let path = format!("/api/v1/orders/{}/transitions", order.id);
    assert_eq!(app.json_as(Method::POST, &path, None, json!({"event": "pay"})).await.status, 401);
    assert_eq!(
        app.json_as(Method::POST, &path, catalog, json!({"event": "pay"})).await.status,
        403,
        "the catalog role does not manage orders"
    );
    let list = app.get_with("/api/v1/orders?status=pending_payment", &[("authorization", &format!("Bearer {}", app.orders_token))]).await;
    assert_eq!(list.status, 200, "{}", list.text());
    assert_eq!(list.json()["items"][0]["id"], order.id);
    app.get_with("/api/v1/orders?status=lost", &[("authorization", &format!("Bearer {}", app.orders_token))])
        .await
        .assert_error(400, "status");

    app.json_as(Method::POST, &path, orders, json!({"event": "ship"})).await.assert_error(409, "status");
    app.json_as(Method::POST, &path, orders, json!({"event": "teleport"})).await.assert_error(422, "event");
    app.json_as(Method::POST, &path, orders, json!({"event": "refund"})).await.assert_error(422, "amount_minor");
    app.json_as(Method::POST, &path, orders, json!({"event": "pay", "amount_minor": 5})).await.assert_error(422, "amount_minor");
    app.json_as(Method::POST, &path, orders, json!({"event": "pay", "extra": 1})).await.assert_error(422, "extra");
    let paid = app.json_as(Method::POST, &path, orders, json!({"event": "pay", "note": "transfer received"})).await;
    assert_eq!(paid.status, 200, "{}", paid.text());
    assert_eq!(paid.json()["status"], "paid");
    let total = paid.json()["totals"]["total"].as_i64().unwrap();
    app.json_as(Method::POST, &path, orders, json!({"event": "refund", "amount_minor": total + 1})).await.assert_error(409, "status");
    let part = app.json_as(Method::POST, &path, orders, json!({"event": "refund", "amount_minor": 1000})).await;
    assert_eq!(part.json()["status"], "partially_refunded");
    assert_eq!(part.json()["refunded_minor"], 1000);
    assert_eq!(app.get_with("/api/v1/orders/999999", &[("authorization", &format!("Bearer {}", app.orders_token))]).await.status, 404);
}

/// The checkout page's fields after `changes`, from a fresh checkout page.
pub async fn checkout_form(b: &mut Browser<'_>, path: &str, changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let html = b.get(path).await.text();
    let mut fields: Vec<(String, String)> = vec![
        ("csrf".into(), between(&html, "name=\"csrf\" value=\"", "\"")),
        ("idempotency_key".into(), between(&html, "name=\"idempotency_key\" value=\"", "\"")),
    ];
    for (k, v) in [
        ("email", "buyer@example.com"),
        ("name", "Amina Bello"),
        ("line1", "12 Zoo Road"),
        ("city", "Kano"),
        ("country", "NG"),
        ("phone", "+234 803 555 0101"),
        ("shipping_method", "ng-standard"),
        ("payment_method", "cash_on_delivery"),
        ("step", "place"),
    ] {
        fields.push((k.into(), v.into()));
    }
    for (k, v) in changes {
        match fields.iter_mut().find(|(x, _)| x == k) {
            Some(f) => f.1 = v.to_string(),
            None => fields.push((k.to_string(), v.to_string())),
        }
    }
    fields
}

pub async fn checkout_with(b: &mut Browser<'_>, changes: &[(&str, &str)]) -> crate::support::Res {
    checkout_at(b, "/checkout", changes).await
}

/// Fills the checkout page at `path` (e.g. `/checkout?currency=KES`) and posts it there.
pub async fn checkout_at(b: &mut Browser<'_>, path: &str, changes: &[(&str, &str)]) -> crate::support::Res {
    let fields = checkout_form(b, path, changes).await;
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    b.post(path, &pairs).await
}

#[tokio::test]
async fn checkout_prices_delivery_coupons_and_vat_by_address() {
    use baobab_domain::order::{Coupon, CouponKind};
    let app = TestApp::new().await;
    let p = app.store().product(baobab_store::Key::Slug("kora-phone-model-08")).await.unwrap().unwrap();
    let v = &p.variants[0];
    let price = v.price_in(baobab_domain::Currency::NGN).unwrap().amount_minor;
    let coupon = |code: &str, limit: Option<i64>, expired: bool| Coupon {
        code: code.into(),
        kind: CouponKind::Percent(1000),
        currency: None,
        minimum_minor: 0,
        expires_at: expired.then(|| chrono::Utc::now() - chrono::Duration::hours(1)),
        usage_limit: limit,
        used: 0,
        active: true,
    };
    app.store().create_coupon(&coupon("KARIBU10", Some(1), false)).await.unwrap();
    app.store().create_coupon(&coupon("OLD10", None, true)).await.unwrap();

    let mut b = Browser::new(&app);
    assert_eq!(b.get("/checkout").await.header("location"), "/cart", "nothing to check out yet");
    b.post("/cart/add", &[("variant_id", &v.id.to_string()), ("quantity", "1")]).await;
    let page = b.get("/checkout").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.header("cache-control"), "no-store");
    let html = page.text();
    for expected in ["value=\"ng-standard\"", "value=\"lagos-express\"", "Lagos only", "VAT 7.5% included", "value=\"bank_transfer\""] {
        assert!(html.contains(expected), "{expected} on the checkout page");
    }
    // another country: its own methods (Kenya's are not priced in naira: the courier to anywhere)
    let r = checkout_with(&mut b, &[("country", "ke"), ("step", "review")]).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.text().contains("value=\"intl-courier\" checked") && r.text().contains("VAT 16% included"), "{}", r.text());
    // a Lagos-only method for an address in Kano
    let r = checkout_with(&mut b, &[("shipping_method", "lagos-express")]).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("Lagos express (next day) is only for Lagos"), "{}", r.text());
    // coupons: unknown, expired, malformed
    for (code, why) in
        [("NOPE10", "NOPE10 cannot be used for this order"), ("old10", "OLD10 cannot be used for this order"), ("a b", "must be 3 to 32")]
    {
        let r = checkout_with(&mut b, &[("coupon", code), ("step", "review")]).await;
        assert_eq!(r.status, 422, "{code}");
        assert!(r.text().contains(why), "{code}: {}", r.text());
    }
    let r = checkout_with(&mut b, &[("coupon", "karibu10"), ("step", "review")]).await;
    assert_eq!(r.status, 200);
    assert!(r.text().contains("KARIBU10 applied"));
    assert_eq!(app.store().variant(v.id).await.unwrap().unwrap().stock_on_hand, 5, "reviewing takes nothing");

    let r = checkout_with(&mut b, &[("coupon", "karibu10")]).await;
    assert_eq!(r.status, 303, "{}", r.text());
    let id: i64 = r.header("location").trim_start_matches("/orders/").parse().unwrap();
    let order = app.store().order(id).await.unwrap().unwrap();
    let discount = price / 10;
    let shipping = if price - discount >= 10_000_000 { 0 } else { 450_000 };
    let total = price - discount + shipping;
    let tax = total - (total as f64 / 1.075).round() as i64;
    assert_eq!(
        (order.totals.subtotal, order.totals.discount, order.totals.shipping, order.totals.tax, order.totals.total),
        (price, discount, shipping, tax, total)
    );
    assert_eq!((order.coupon_code.as_deref(), order.shipping_method.as_str()), (Some("KARIBU10"), "ng-standard"));
    assert_eq!(order.shipping_address.city, "Kano");
    let conf = b.get(&format!("/orders/{id}")).await.text();
    assert!(conf.contains("Discount (KARIBU10)") && conf.contains("Nationwide courier"), "{conf}");

    // the coupon's one use is spent
    b.post("/cart/add", &[("variant_id", &v.id.to_string()), ("quantity", "1")]).await;
    let r = checkout_with(&mut b, &[("coupon", "KARIBU10")]).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("KARIBU10 cannot be used for this order"));
    // bad inputs: no delivery choice, unknown payment, oversized body, no CSRF
    let r = checkout_with(&mut b, &[("shipping_method", "")]).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("shipping_method: choose a delivery option"));
    let r = checkout_with(&mut b, &[("payment_method", "cheque")]).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("payment_method: choose one of cash_on_delivery, bank_transfer"));
    let big = "x".repeat(40 * 1024);
    let r = checkout_with(&mut b, &[("line1", big.as_str())]).await;
    assert_eq!(r.status, 413);
    let mut no_csrf = checkout_form(&mut b, "/checkout", &[]).await;
    no_csrf[0].1 = "wrong".into();
    let pairs: Vec<(&str, &str)> = no_csrf.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(b.post("/checkout", &pairs).await.status, 403);
    assert_eq!(app.store().variant(v.id).await.unwrap().unwrap().stock_on_hand, 4, "refused checkouts took nothing");

    // the cart's item has no price in cedis: checking out in GHS is refused, nothing taken
    let r =
        checkout_at(&mut b, "/checkout?currency=GHS", &[("country", "GH"), ("city", "Accra"), ("shipping_method", "gh-standard")]).await;
    assert_eq!(r.status, 422, "{}", r.text());
    assert!(r.text().contains("is not for sale in GHS"), "{}", r.text());
    assert_eq!(app.store().variant(v.id).await.unwrap().unwrap().stock_on_hand, 4);

    // an API-style client sends the key as an `Idempotency-Key` header (it wins over the field)
    let fields = checkout_form(&mut b, "/checkout", &[("idempotency_key", "")]).await;
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let origin = Some("http://127.0.0.1:8080");
    let key = [("idempotency-key", "0123456789abcdef0123456789ABCDEF")];
    let first = b.post_headers("/checkout", &pairs, origin, &key).await;
    assert_eq!(first.status, 303, "{}", first.text());
    let again = b.post_headers("/checkout", &pairs, origin, &key).await;
    assert_eq!(again.header("location"), first.header("location"), "the same order");
    assert_eq!(app.store().variant(v.id).await.unwrap().unwrap().stock_on_hand, 3, "taken once");
    let bad = b.post_headers("/checkout", &pairs, origin, &[("idempotency-key", "not-a-key")]).await;
    assert_eq!(bad.status, 422);
    assert!(bad.text().contains("idempotency_key"));
}

/// Cart, checkout and order lines name an item by its product's title and option values; the
/// SKU is a code beside it in the cart, never the item's name.
#[tokio::test]
async fn lines_are_named_by_title_and_option_values() {
    let app = TestApp::new().await;
    let mut b = Browser::new(&app);
    for slug in ["kora-phone-model-01", "long-grain-rice-5-kg"] {
        let v = app.store().product(baobab_store::Key::Slug(slug)).await.unwrap().unwrap().variants[0].id;
        assert_eq!(b.post("/cart/add", &[("variant_id", &v.to_string()), ("quantity", "1")]).await.status, 303);
    }
    let cart = b.get("/cart").await.text();
    assert!(cart.contains("<td>Kora phone model 01 — Storage: 64 GB<br><small>SKU: PH-01</small></td>"), "{cart}");
    assert!(cart.contains("<td>Long grain rice 5 kg<br><small>SKU: LONG-GRAIN-RICE-5-KG</small></td>"), "{cart}");
    let checkout = b.get("/checkout").await.text();
    let placed = checkout_with(&mut b, &[]).await;
    assert_eq!(placed.status, 303, "{}", placed.text());
    let order = b.get(placed.header("location")).await.text();
    for page in [checkout, order] {
        assert!(page.contains("<td>Kora phone model 01 — Storage: 64 GB</td>"), "{page}");
        assert!(page.contains("<td>Long grain rice 5 kg</td>"), "{page}");
        assert!(!page.contains("PH-01") && !page.contains("LONG-GRAIN-RICE-5-KG"), "no SKU names a line: {page}");
    }
}
