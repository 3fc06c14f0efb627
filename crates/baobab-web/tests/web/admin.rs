//! The staff admin: invitations, mandatory TOTP two-factor authentication (wrong and replayed
//! codes), role checks on every route, CSRF, session end on role change, API tokens, audit log.

use baobab_domain::account::StaffRole;
use baobab_domain::totp;

use crate::accounts::Browser;
use crate::support::{TestApp, between};

/// The TOTP code `step_offset` steps from now. A replay test uses -1 (the step before now): it is
/// at or before the enrolment's step even when the 30 s step turns over during the test.
pub fn code(secret_b32: &str, step_offset: i64) -> String {
    let secret = totp::base32_decode(secret_b32).unwrap();
    let step = (totp::step_of(chrono::Utc::now().timestamp() as u64) as i64 + step_offset) as u64;
    format!("{:06}", totp::code_at(&secret, step))
}

pub async fn staff_member_pub<'a>(app: &'a TestApp, email: &str, role: StaffRole) -> (Browser<'a>, String) {
    staff_member(app, email, role).await
}

/// Invites a staff member, sets the password through the e-mailed link and enrols TOTP.
/// Returns the logged-in browser (2FA proven) and the TOTP secret.
async fn staff_member<'a>(app: &'a TestApp, email: &str, role: StaffRole) -> (Browser<'a>, String) {
    let (_, link) = baobab_web::admin::invite_staff(&app.state, email, role, "").await.unwrap();
    let path = link.trim_start_matches("http://127.0.0.1:8080");
    let mut b = Browser::new(app);
    let token = path.split("token=").nth(1).unwrap().to_string();
    let csrf = b.csrf(path).await;
    let r = b.post("/account/reset", &[("csrf", &csrf), ("token", &token), ("password", "staff-password-1")]).await;
    assert_eq!(r.status, 303, "{}", r.text());
    let r = b.get("/admin").await;
    assert_eq!(r.status, 303);
    assert_eq!(r.header("location"), "/admin/2fa/setup", "2FA is required before any admin page");
    let setup = b.get("/admin/2fa/setup").await.text();
    let secret = between(&setup, "<code>", "</code>");
    assert!(setup.contains("otpauth://totp/"));
    let csrf = b.csrf("/admin/2fa/setup").await;
    let wrong = b.post("/admin/2fa/setup", &[("csrf", &csrf), ("code", "000000")]).await;
    assert_eq!(wrong.status, 422);
    let ok = b.post("/admin/2fa/setup", &[("csrf", &csrf), ("code", &code(&secret, 0))]).await;
    assert_eq!(ok.status, 303, "{}", ok.text());
    (b, secret)
}

#[tokio::test]
async fn owner_enrols_two_factor_and_uses_the_admin() {
    let app = TestApp::new().await;
    let (mut owner, secret) = staff_member(&app, "owner@example.com", StaffRole::Owner).await;
    let dash = owner.get("/admin").await;
    assert_eq!(dash.status, 200, "{}", dash.text());
    assert_eq!(dash.header("cache-control"), "no-store");
    assert!(dash.text().contains("Low stock"));
    for page in ["/admin/customers", "/admin/staff", "/admin/tokens", "/admin/audit"] {
        assert_eq!(owner.get(page).await.status, 200, "{page}");
    }

    // a new login must prove 2FA again; the code already used is refused (replay)
    let csrf = owner.csrf("/admin").await;
    owner.post("/account/logout", &[("csrf", &csrf)]).await;
    assert_eq!(owner.login("owner@example.com", "staff-password-1").await.status, 303);
    let r = owner.get("/admin").await;
    assert_eq!(r.header("location"), "/admin/2fa");
    let csrf = owner.csrf("/admin/2fa").await;
    let replay = owner.post("/admin/2fa", &[("csrf", &csrf), ("code", &code(&secret, -1))]).await;
    assert_eq!(replay.status, 401);
    assert!(replay.text().contains("already used"), "{}", replay.text());
    let wrong = owner.post("/admin/2fa", &[("csrf", &csrf), ("code", "12345x")]).await;
    assert_eq!(wrong.status, 401);
    let ok = owner.post("/admin/2fa", &[("csrf", &csrf), ("code", &code(&secret, 1))]).await;
    assert_eq!(ok.status, 303, "{}", ok.text());
    assert_eq!(owner.get("/admin").await.status, 200);

    let audit = owner.get("/admin/audit").await.text();
    for e in ["2fa_enabled", "2fa_replayed", "2fa_failed", "2fa_ok", "password_changed"] {
        assert!(audit.contains(e), "{e} in the audit log");
    }
}

#[tokio::test]
async fn roles_are_checked_on_every_route() {
    let app = TestApp::new().await;
    let (mut support, _) = staff_member(&app, "support@example.com", StaffRole::Support).await;
    assert_eq!(support.get("/admin").await.status, 200);
    assert_eq!(support.get("/admin/customers").await.status, 200, "support sees customers");
    for page in ["/admin/staff", "/admin/tokens", "/admin/audit"] {
        assert_eq!(support.get(page).await.status, 403, "{page}");
    }
    let mut customer = Browser::new(&app);
    customer.register("shopper@example.com", "shopper-password").await;
    let cust = app.store().user_by_email("shopper@example.com").await.unwrap().unwrap();
    let csrf = support.csrf("/admin/customers").await;
    let edit = support.post(&format!("/admin/customers/{}/disable", cust.id), &[("csrf", &csrf)]).await;
    assert_eq!(edit.status, 403, "support sees but cannot edit");
    assert!(app.store().user_by_id(cust.id).await.unwrap().unwrap().disabled_at.is_none());
    let staff_add = support.post("/admin/staff", &[("csrf", &csrf), ("email", "x@example.com"), ("role", "owner")]).await;
    assert_eq!(staff_add.status, 403);
    assert_eq!(customer.get("/admin").await.status, 403, "customers have no staff access");
    assert_eq!(Browser::new(&app).get("/admin").await.status, 303, "anonymous: to the login page");
}

#[tokio::test]
async fn owner_manages_staff_and_tokens_with_checked_input() {
    let app = TestApp::new().await;
    let (mut owner, _) = staff_member(&app, "boss@example.com", StaffRole::Owner).await;
    let (mut member, _) = staff_member(&app, "member@example.com", StaffRole::CatalogManager).await;
    assert_eq!(member.get("/admin").await.status, 200);

    let csrf = owner.csrf("/admin/staff").await;
    assert_eq!(owner.post("/admin/staff", &[("email", "new@example.com"), ("role", "support")]).await.status, 403, "no CSRF token");
    let bad_email = owner.post("/admin/staff", &[("csrf", &csrf), ("email", "nope"), ("role", "support")]).await;
    assert_eq!(bad_email.status, 422);
    assert!(bad_email.text().contains("email: is not an e-mail address"), "{}", bad_email.text());
    let bad_role = owner.post("/admin/staff", &[("csrf", &csrf), ("email", "new@example.com"), ("role", "boss")]).await;
    assert_eq!(bad_role.status, 422);
    assert!(bad_role.text().contains("owner"));
    assert_eq!(owner.post("/admin/staff", &[("csrf", &csrf), ("email", "new@example.com"), ("role", "support")]).await.status, 200);
    let taken = owner.post("/admin/staff", &[("csrf", &csrf), ("email", "NEW@example.com"), ("role", "support")]).await;
    assert_eq!(taken.status, 409);
    assert!(taken.text().contains("email: an account with this address exists"), "{}", taken.text());

    let me = app.store().user_by_email("boss@example.com").await.unwrap().unwrap();
    let them = app.store().user_by_email("member@example.com").await.unwrap().unwrap();
    assert_eq!(
        owner.post(&format!("/admin/staff/{}/role", me.id), &[("csrf", &csrf), ("role", "support")]).await.status,
        422,
        "not your own role"
    );
    assert_eq!(owner.post("/admin/staff/999999/role", &[("csrf", &csrf), ("role", "support")]).await.status, 404);
    assert_eq!(owner.post("/admin/staff/abc/role", &[("csrf", &csrf), ("role", "support")]).await.status, 400);
    let changed = owner.post(&format!("/admin/staff/{}/role", them.id), &[("csrf", &csrf), ("role", "order_manager")]).await;
    assert_eq!(changed.status, 200, "{}", changed.text());
    assert_eq!(member.get("/admin").await.status, 303, "a role change ends the member's sessions");

    // API tokens from the admin: shown once, usable, revocable
    let csrf = owner.csrf("/admin/tokens").await;
    let bad = owner.post("/admin/tokens", &[("csrf", &csrf), ("name", "importer"), ("role", "root")]).await;
    assert_eq!(bad.status, 422);
    let created = owner.post("/admin/tokens", &[("csrf", &csrf), ("name", "importer"), ("role", "catalog")]).await.text();
    let secret = between(&created, "<code>", "</code>");
    assert!(secret.starts_with("bbk_"));
    let api = app
        .json_as(axum::http::Method::POST, "/api/v1/categories", Some(&secret), serde_json::json!({"name": "Made via admin token"}))
        .await;
    assert_eq!(api.status, 201);
    let id = app.store().tokens().await.unwrap().iter().find(|t| t.name == "importer").unwrap().id;
    assert_eq!(owner.post(&format!("/admin/tokens/{id}/revoke"), &[("csrf", &csrf)]).await.status, 200);
    let after = app.json_as(axum::http::Method::POST, "/api/v1/categories", Some(&secret), serde_json::json!({"name": "Too late"})).await;
    assert_eq!(after.status, 401);
    assert!(!owner.get("/admin/tokens").await.text().contains(&secret), "never shown again");

    let mut shopper = Browser::new(&app);
    shopper.register("buyer@example.com", "buyer-password").await;
    let buyer = app.store().user_by_email("buyer@example.com").await.unwrap().unwrap();
    let csrf = owner.csrf("/admin/customers").await;
    assert_eq!(owner.post(&format!("/admin/customers/{}/disable", buyer.id), &[("csrf", &csrf)]).await.status, 303);
    assert_eq!(shopper.get("/account").await.status, 303, "a disabled customer is logged out");
    assert_eq!(Browser::new(&app).login("buyer@example.com", "buyer-password").await.status, 401);

    let audit = owner.get("/admin/audit").await.text();
    for e in ["staff_added", "staff_role_changed", "api_token_created", "api_token_revoked", "customer_disabled"] {
        assert!(audit.contains(e), "{e}");
    }
}

fn multipart(fields: &[(&str, &str)], file: Option<&[u8]>) -> (String, Vec<u8>) {
    let boundary = "----admin-boundary";
    let mut body = Vec::new();
    for (k, v) in fields {
        body.extend_from_slice(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n").as_bytes());
    }
    if let Some(bytes) = file {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

#[tokio::test]
async fn catalog_manager_creates_a_product_with_an_image_that_reaches_the_shop() {
    let app = TestApp::new().await;
    let (mut cm, _) = staff_member(&app, "catalog@example.com", StaffRole::CatalogManager).await;
    assert_eq!(cm.get("/admin/products").await.status, 200);
    let csrf = cm.csrf("/admin/products").await;
    let fields = |price: &str| {
        vec![
            ("csrf", csrf.clone()),
            ("title", "Solar fan 12 inch".to_string()),
            ("description", "Runs all night on a charged battery.".to_string()),
            ("category_id", app.ids.groceries.to_string()),
            ("status", "active".to_string()),
            ("sku", "fan-12".to_string()),
            ("price", price.to_string()),
            ("stock", "7".to_string()),
        ]
    };
    let as_refs = |v: &Vec<(&'static str, String)>| v.iter().map(|(k, v)| (*k, v.clone())).collect::<Vec<_>>();
    let bad = as_refs(&fields("twelve"));
    let bad: Vec<(&str, &str)> = bad.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = cm.post("/admin/products", &bad).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("price"));
    let good = as_refs(&fields("18500.50"));
    let good: Vec<(&str, &str)> = good.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = cm.post("/admin/products", &good).await;
    assert_eq!(r.status, 303, "{}", r.text());
    let edit = r.header("location").to_string();
    assert!(edit.starts_with("/admin/products/"));
    let dup = cm.post("/admin/products", &good).await;
    assert_eq!(dup.status, 409, "same slug again");

    // upload an image through the admin form (the API's upload path)
    let img = {
        let mut c = std::io::Cursor::new(Vec::new());
        image::DynamicImage::ImageRgb8(image::RgbImage::from_fn(800, 600, |x, y| image::Rgb([(x % 250) as u8, (y % 250) as u8, 60])))
            .write_to(&mut c, image::ImageFormat::Jpeg)
            .unwrap();
        c.into_inner()
    };
    let csrf = cm.csrf(&edit).await;
    let cookie = format!("baobab_session={}", cm_cookie(&cm));
    let upload = async |fields: &[(&str, &str)], file: &[u8]| {
        let (ctype, body) = multipart(fields, Some(file));
        let headers = [("content-type", ctype.as_str()), ("cookie", cookie.as_str()), ("origin", "http://127.0.0.1:8080")];
        app.raw(axum::http::Method::POST, &format!("{edit}/images"), &headers, body).await
    };
    let up = upload(&[("csrf", &csrf), ("alt", "Solar fan, front")], &img).await;
    assert_eq!(up.status, 303, "{}", up.text());
    let no_csrf = upload(&[("alt", "no token")], &img).await;
    assert_eq!(no_csrf.status, 403);
    let gif = upload(&[("csrf", &csrf)], b"GIF89a not an image").await;
    assert_eq!(gif.status, 415);

    let shop = app.get("/p/solar-fan-12-inch").await.text();
    assert!(shop.contains("Solar fan 12 inch") && shop.contains("₦18,500.50"), "{shop}");
    assert!(shop.contains("alt=\"Solar fan, front\"") && shop.contains("<picture>"));

    // a support member cannot edit the catalog
    let (mut support, _) = staff_member(&app, "helpdesk@example.com", StaffRole::Support).await;
    assert_eq!(support.get("/admin/products").await.status, 403);
    let csrf = support.csrf("/admin").await;
    assert_eq!(support.post("/admin/products", &[("csrf", &csrf), ("title", "x")]).await.status, 403);
}

fn cm_cookie(b: &Browser<'_>) -> String {
    b.session_cookie()
}

#[tokio::test]
async fn accounts_and_admin_work_on_postgres() {
    let Some(app) = TestApp::postgres().await else { return };
    let mut shopper = Browser::new(&app);
    assert_eq!(shopper.register("pg-shopper@example.com", "pg-password-1").await.status, 303);
    let csrf = shopper.csrf("/account").await;
    let addr = [
        ("csrf", csrf.as_str()),
        ("name", "Kofi"),
        ("line1", "Oxford Street"),
        ("city", "Accra"),
        ("country", "GH"),
        ("phone", "+233 24 123 4567"),
    ];
    assert_eq!(shopper.post("/account/addresses", &addr).await.status, 303);
    assert!(shopper.get("/account").await.text().contains("+233241234567"));
    let (mut owner, secret) = staff_member(&app, "pg-owner@example.com", StaffRole::Owner).await;
    assert_eq!(owner.get("/admin/customers").await.status, 200);
    assert!(owner.get("/admin/customers").await.text().contains("pg-shopper@example.com"));
    let csrf = owner.csrf("/admin").await;
    owner.post("/account/logout", &[("csrf", &csrf)]).await;
    owner.login("pg-owner@example.com", "staff-password-1").await;
    let csrf = owner.csrf("/admin/2fa").await;
    assert_eq!(
        owner.post("/admin/2fa", &[("csrf", &csrf), ("code", &code(&secret, -1))]).await.status,
        401,
        "replay refused on PostgreSQL too"
    );
    assert_eq!(owner.post("/admin/2fa", &[("csrf", &csrf), ("code", &code(&secret, 1))]).await.status, 303);
    assert!(owner.get("/admin/audit").await.text().contains("2fa_replayed"));
}

#[tokio::test]
async fn order_managers_move_orders_and_record_refunds() {
    let app = TestApp::new().await;
    // a guest places an order through the shop
    let mut shopper = Browser::new(&app);
    let v = app.store().product(baobab_store::Key::Slug("kora-phone-model-07")).await.unwrap().unwrap().variants[0].id;
    shopper.post("/cart/add", &[("variant_id", &v.to_string()), ("quantity", "1")]).await;
    let placed = crate::cart::checkout_with(
        &mut shopper,
        &[
            ("email", "o@example.com"),
            ("name", "Ama"),
            ("line1", "Ring Road"),
            ("city", "Accra"),
            ("country", "GH"),
            ("phone", "+233241234567"),
            ("shipping_method", "gh-standard"),
        ],
    )
    .await;
    assert_eq!(placed.status, 303, "{}", placed.text());
    let id: i64 = placed.header("location").trim_start_matches("/orders/").parse().unwrap();

    let (mut om, _) = staff_member(&app, "orders@example.com", StaffRole::OrderManager).await;
    let list = om.get("/admin/orders").await;
    assert_eq!(list.status, 200);
    assert!(list.text().contains("o@example.com"));
    let page = om.get(&format!("/admin/orders/{id}")).await.text();
    assert!(page.contains("Mark paid") && page.contains("Cancel") && !page.contains("Mark shipped"), "only the allowed steps");
    let csrf = om.csrf(&format!("/admin/orders/{id}")).await;
    let path = format!("/admin/orders/{id}/transition");
    assert_eq!(om.post(&path, &[("event", "pay")]).await.status, 403, "no CSRF token");
    assert_eq!(om.post(&path, &[("csrf", &csrf), ("event", "teleport")]).await.status, 422);
    assert_eq!(om.post(&path, &[("csrf", &csrf), ("event", "ship")]).await.status, 409, "not allowed yet");
    assert_eq!(om.post(&path, &[("csrf", &csrf), ("event", "pay"), ("note", "cash in hand")]).await.status, 303);
    assert_eq!(om.post(&path, &[("csrf", &csrf), ("event", "refund"), ("amount", "lots")]).await.status, 422);
    assert_eq!(om.post(&path, &[("csrf", &csrf), ("event", "refund"), ("amount", "100.00")]).await.status, 303);
    let o = app.store().order(id).await.unwrap().unwrap();
    assert_eq!((o.status.as_str(), o.refunded_minor), ("partially_refunded", 10_000));
    assert_eq!(om.post(&path, &[("csrf", &csrf), ("event", "refund"), ("amount", "99999999")]).await.status, 409, "not more than was paid");
    assert!(om.get("/admin/audit").await.status == 403, "order managers do not read the audit log");
    let page = om.get(&format!("/admin/orders/{id}")).await.text();
    assert!(page.contains("gh-standard") && page.contains("Ama, Ring Road, Accra, GH"), "delivery: {page}");
    assert!(page.contains("pending payment") && page.contains("staff:") && page.contains("cash in hand"), "history: {page}");
    let mails = app.store().claim_emails(chrono::Utc::now(), 60, 50).await.unwrap();
    assert!(mails.iter().any(|m| m.to == "o@example.com" && m.subject.ends_with(": paid")), "status e-mail");
    assert!(mails.iter().any(|m| m.to == "o@example.com" && m.subject.ends_with(": partially refunded")));

    let (mut cm, _) = staff_member(&app, "cat@example.com", StaffRole::CatalogManager).await;
    assert_eq!(cm.get("/admin/orders").await.status, 403, "catalog managers do not manage orders");
}

#[tokio::test]
async fn coupons_are_made_and_switched_off_by_order_managers() {
    let app = TestApp::new().await;
    let (mut om, _) = staff_member(&app, "promo@example.com", StaffRole::OrderManager).await;
    assert_eq!(om.get("/admin/coupons").await.status, 200);
    let csrf = om.csrf("/admin/coupons").await;
    let make = |fields: &[(&'static str, &'static str)]| {
        let mut v: Vec<(&str, &str)> = vec![("kind", "percent"), ("value", "10")];
        for (k, x) in fields {
            match v.iter_mut().find(|(n, _)| n == k) {
                Some(f) => f.1 = x,
                None => v.push((k, x)),
            }
        }
        v
    };
    let mut ok = make(&[("coupon", "karibu10"), ("usage_limit", "100"), ("expires", "2099-12-31")]);
    ok.push(("csrf", &csrf));
    assert_eq!(om.post("/admin/coupons", &ok).await.status, 303);
    let c = app.store().coupon("KARIBU10").await.unwrap().unwrap();
    assert_eq!(
        (c.kind, c.usage_limit, c.expires_at.unwrap().to_rfc3339()),
        (baobab_domain::order::CouponKind::Percent(1000), Some(100), "2100-01-01T00:00:00+00:00".into())
    );
    assert_eq!(om.post("/admin/coupons", &ok).await.status, 409, "codes are unique");
    for (fields, expected) in [
        (make(&[("coupon", "x")]), "code: must be 3 to 32"),
        (make(&[("coupon", "BAD1"), ("value", "150")]), "percent: must be more than 0 and at most 100"),
        (make(&[("coupon", "BAD2"), ("value", "ten")]), "value: `ten` is not a percentage"),
        (make(&[("coupon", "BAD3"), ("kind", "fixed"), ("value", "500")]), "currency: is needed for an amount off"),
        (make(&[("coupon", "BAD4"), ("kind", "fixed"), ("value", "5.555"), ("currency", "NGN")]), "value: `5.555` is not an amount"),
        (make(&[("coupon", "BAD5"), ("currency", "NAIRA")]), "currency:"),
        (make(&[("coupon", "BAD6"), ("minimum", "1000")]), "currency: is needed for a minimum order"),
        (make(&[("coupon", "BAD7"), ("expires", "31/12/2026")]), "expires: `31/12/2026` is not a date"),
        (make(&[("coupon", "BAD8"), ("usage_limit", "0")]), "usage_limit: must be at least 1"),
        (make(&[("coupon", "BAD9"), ("kind", "gift")]), "kind: choose percent or fixed"),
    ] {
        let mut f = fields.clone();
        f.push(("csrf", &csrf));
        let r = om.post("/admin/coupons", &f).await;
        assert_eq!(r.status, 422, "{fields:?}");
        assert!(r.text().contains(expected), "{fields:?}: {}", r.text());
    }
    assert_eq!(app.store().coupons().await.unwrap().len(), 1, "nothing made by bad forms");
    let fixed =
        [("csrf", csrf.as_str()), ("coupon", "LESS500"), ("kind", "fixed"), ("value", "500"), ("currency", "ngn"), ("minimum", "5000")];
    assert_eq!(om.post("/admin/coupons", &fixed).await.status, 303);
    let page = om.get("/admin/coupons").await.text();
    assert!(page.contains("₦500.00") && page.contains("₦5,000.00") && page.contains("0 of 100"), "{page}");

    assert_eq!(om.post("/admin/coupons/active", &[("csrf", &csrf), ("coupon", "karibu10"), ("active", "no")]).await.status, 303);
    assert!(!app.store().coupon("KARIBU10").await.unwrap().unwrap().active);
    assert_eq!(om.post("/admin/coupons/active", &[("csrf", &csrf), ("coupon", "NOPE"), ("active", "no")]).await.status, 404);
    assert_eq!(om.post("/admin/coupons/active", &[("csrf", &csrf), ("coupon", "LESS500"), ("active", "maybe")]).await.status, 422);
    assert_eq!(om.post("/admin/coupons/active", &[("coupon", "LESS500"), ("active", "no")]).await.status, 403, "no CSRF token");
    let (mut support, _) = staff_member(&app, "help@example.com", StaffRole::Support).await;
    assert_eq!(support.get("/admin/coupons").await.status, 403);
    assert!(om.get("/admin/audit").await.status == 403);
}
