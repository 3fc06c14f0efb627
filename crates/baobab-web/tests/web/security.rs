//! Regression tests for the findings of a black-box security test of accounts and checkout:
//! one test per finding, each failing before its fix.

use std::time::Instant;

use axum::body::Body;
use axum::http::{Method, Request};
use baobab_domain::user::{NewUser, UserKind};
use baobab_web::WebSettings;
use chrono::Utc;

use crate::accounts::Browser;
use crate::cart::checkout_with;
use crate::support::TestApp;

const ORIGIN: &str = "http://127.0.0.1:8080";

/// Every way of writing "another host" that a browser reads after removing tabs and newlines,
/// stripping leading and trailing C0 controls and spaces, and reading `\` as `/`.
const OFF_SITE: &[&str] = &[
    "/%09/evil.example/x",
    "/%0A/evil.example",
    "/%0D/evil.example",
    "/%0D%0A/evil.example",
    "%09//evil.example",
    "%20//evil.example",
    "%00//evil.example",
    "%1F//evil.example",
    "//evil.example%00",
    "/%5Cevil.example",
    "%5C/evil.example",
    "%5C%5Cevil.example",
    "/%09%5Cevil.example",
    "%5C%09%5Cevil.example",
    "//evil.example",
    "///evil.example",
    "https://evil.example",
    "https:evil.example",
    "javascript:alert(1)",
    "java%09script:alert(1)",
];

fn off_site(location: &str) -> bool {
    let read: String = location.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let read = read.replace('\\', "/");
    !read.starts_with('/') || read.starts_with("//")
}

#[tokio::test]
async fn redirects_stay_on_the_site_however_the_target_is_written() {
    let app = TestApp::new().await;
    for evil in OFF_SITE {
        for path in [format!("/currency?code=KES&back={evil}"), format!("/data-saver?on=1&back={evil}")] {
            let r = app.get(&path).await;
            assert_eq!(r.status, 303, "{path}");
            assert_eq!(r.header("location"), "/", "{path} went to {:?}", r.header("location"));
        }
        // The login form carries only a safe `next`, and the login's redirect is on the site.
        let mut b = Browser::new(&app);
        let html = b.get(&format!("/account/login?next={evil}")).await.text();
        assert!(html.contains("name=\"next\" value=\"/\""), "{evil}: the form's next is the home page");
    }
    // After a login with a hostile `next` posted straight to the form handler.
    let mut owner = Browser::new(&app);
    owner.register("next@example.com", "a-long-password").await;
    for evil in ["/\t/evil.example", "/\n/evil.example", " //evil.example", "/\\evil.example", "\t\\\\evil.example"] {
        let mut b = Browser::new(&app);
        let csrf = b.csrf("/account/login").await;
        let r = b
            .post("/account/login", &[("csrf", &csrf), ("email", "next@example.com"), ("password", "a-long-password"), ("next", evil)])
            .await;
        assert_eq!(r.status, 303, "{evil:?}");
        assert!(!off_site(r.header("location")), "{evil:?} went to {:?}", r.header("location"));
        assert_eq!(r.header("location"), "/account", "{evil:?}");
    }
    // Same-site targets still work, as the browser will read them.
    assert_eq!(app.get("/currency?code=KES&back=/c/phones%3Fpage%3D2").await.header("location"), "/c/phones?page=2");
    assert_eq!(app.get("/currency?code=KES&back=%20/cart%09").await.header("location"), "/cart");
}

/// The link in the newest e-mail to `to` that contains `path`.
async fn mailed_link(app: &TestApp, to: &str, path: &str) -> String {
    let mails = app.store().claim_emails(Utc::now(), 60, 100).await.unwrap();
    let mail = mails.iter().rev().find(|m| m.to == to && m.body.contains(path)).unwrap_or_else(|| panic!("no e-mail to {to}"));
    let i = mail.body.find(path).unwrap();
    let link = &mail.body[i..];
    link[..link.find(char::is_whitespace).unwrap_or(link.len())].to_string()
}

async fn ask_for_reset(app: &TestApp, email: &str) -> String {
    let mut b = Browser::new(app);
    let csrf = b.csrf("/account/forgot").await;
    assert_eq!(b.post("/account/forgot", &[("csrf", &csrf), ("email", email)]).await.status, 200);
    mailed_link(app, email, "/account/reset?token=").await
}

#[tokio::test]
async fn a_completed_reset_voids_every_other_reset_link() {
    let app = TestApp::new().await;
    Browser::new(&app).register("two-links@example.com", "first-password-1").await;
    let first = ask_for_reset(&app, "two-links@example.com").await;
    let second = ask_for_reset(&app, "two-links@example.com").await;
    assert_ne!(first, second);
    let mut b = Browser::new(&app);
    let csrf = b.csrf(&first).await;
    let token = first.split("token=").nth(1).unwrap();
    let done = b.post("/account/reset", &[("csrf", &csrf), ("token", token), ("password", "second-password-2")]).await;
    assert_eq!(done.status, 303, "{}", done.text());
    // The older link was used; the newer one must be dead too.
    let mut c = Browser::new(&app);
    let csrf = c.csrf("/account/forgot").await;
    let token = second.split("token=").nth(1).unwrap();
    let late = c.post("/account/reset", &[("csrf", &csrf), ("token", token), ("password", "attacker-password-3")]).await;
    assert_eq!(late.status, 400, "{}", late.text());
    assert!(late.text().contains("ask for a new link"));
    assert_eq!(Browser::new(&app).login("two-links@example.com", "attacker-password-3").await.status, 401);
    assert_eq!(Browser::new(&app).login("two-links@example.com", "second-password-2").await.status, 303);
}

#[tokio::test]
async fn the_reset_form_applies_the_registration_password_rules() {
    let app = TestApp::new().await;
    Browser::new(&app).register("policy@example.com", "first-password-1").await;
    let link = ask_for_reset(&app, "policy@example.com").await;
    let token = link.split("token=").nth(1).unwrap();
    let mut b = Browser::new(&app);
    let csrf = b.csrf(&link).await;
    for (password, words) in
        [("Policy@Example.com", "must not be your e-mail address"), ("short", "at least 10"), ("aaaaaaaaaaaa", "one character")]
    {
        let r = b.post("/account/reset", &[("csrf", &csrf), ("token", token), ("password", password)]).await;
        assert_eq!(r.status, 422, "{password}");
        assert!(r.text().contains(words), "{password}: {}", r.text());
    }
    // A refused password does not spend the link.
    let ok = b.post("/account/reset", &[("csrf", &csrf), ("token", token), ("password", "a-fine-password-9")]).await;
    assert_eq!(ok.status, 303, "{}", ok.text());
}

#[tokio::test]
async fn registration_answers_alike_for_new_and_taken_addresses() {
    let app = TestApp::new().await;
    Browser::new(&app).register("customer@example.com", "customer-password").await;
    app.store()
        .create_user(&NewUser {
            email: "staff@example.com".into(),
            password_hash: "x".into(),
            kind: UserKind::Staff,
            staff_role: Some(baobab_domain::account::StaffRole::Owner),
            name: "Staff".into(),
        })
        .await
        .unwrap();
    let mut answers = Vec::new();
    let mut timings: Vec<(String, u128)> = Vec::new();
    for round in 0..3 {
        for email in ["customer@example.com", "staff@example.com", "new-one@example.com"] {
            let email = if email.starts_with("new") { format!("new-{round}@example.com") } else { email.to_string() };
            let mut b = Browser::new(&app);
            let csrf = b.csrf("/account/register").await;
            let started = Instant::now();
            let r =
                b.post("/account/register", &[("csrf", &csrf), ("name", "Ama"), ("email", &email), ("password", "a-long-password")]).await;
            timings.push((email.clone(), started.elapsed().as_micros()));
            assert_eq!(r.status, 200, "{email}: {}", r.text());
            let page = r.text().replace(&email, "EMAIL");
            let page = page[page.find("<main").unwrap()..page.find("</main>").unwrap()].to_string();
            answers.push(page);
            assert!(!r.text().contains("exists"), "{email}");
        }
    }
    // One answer, word for word (the address aside; the form's fresh keys are not in <main>).
    answers.dedup();
    assert_eq!(answers.len(), 1, "{answers:#?}");
    // The owners are told by e-mail instead; new addresses get their confirmation link.
    let mails = app.store().claim_emails(Utc::now(), 60, 100).await.unwrap();
    for owner in ["customer@example.com", "staff@example.com"] {
        let to_owner: Vec<_> = mails.iter().filter(|m| m.to == owner && m.body.contains("already has one")).collect();
        assert_eq!(to_owner.len(), 3, "{owner}");
        assert!(to_owner[0].body.contains("/account/forgot"));
    }
    assert!(mails.iter().any(|m| m.to == "new-0@example.com" && m.body.contains("/account/verify?token=")));
    assert_eq!(app.store().users(UserKind::Staff, 0, 10).await.unwrap().len(), 1, "no account was made for a taken address");
    // Both paths hash the password: neither is several times faster than the other.
    let median = |f: &dyn Fn(&str) -> bool| {
        let mut v: Vec<u128> = timings.iter().filter(|(e, _)| f(e)).map(|(_, t)| *t).collect();
        v.sort();
        v[v.len() / 2]
    };
    let taken = median(&|e: &str| !e.starts_with("new"));
    let new = median(&|e: &str| e.starts_with("new"));
    let ratio = taken.max(new) as f64 / taken.min(new).max(1) as f64;
    assert!(ratio < 4.0, "taken {taken} µs vs new {new} µs");
    let audit: Vec<String> = app.store().audit_entries(0, 100).await.unwrap().into_iter().map(|e| e.event).collect();
    assert!(audit.contains(&"register_existing".to_string()));
}

#[tokio::test]
async fn coupon_guesses_are_throttled_and_answered_alike() {
    use baobab_domain::order::{Coupon, CouponKind};
    let app = TestApp::new().await;
    let coupon = |code: &str, limit: Option<i64>, expired: bool, used: i64| Coupon {
        code: code.into(),
        kind: CouponKind::Percent(1000),
        currency: None,
        minimum_minor: 0,
        expires_at: expired.then(|| Utc::now() - chrono::Duration::hours(1)),
        usage_limit: limit,
        used,
        active: true,
    };
    app.store().create_coupon(&coupon("SPENT10", Some(1), false, 0)).await.unwrap();
    app.store().create_coupon(&coupon("OLD10", None, true, 0)).await.unwrap();
    app.store().create_coupon(&coupon("GOOD10", None, false, 0)).await.unwrap();
    // Spend SPENT10's one use.
    let v = app.store().product(baobab_store::Key::Slug("kora-phone-model-08")).await.unwrap().unwrap().variants[0].id;
    let mut buyer = Browser::new(&app);
    buyer.post("/cart/add", &[("variant_id", &v.to_string()), ("quantity", "1")]).await;
    assert_eq!(checkout_with(&mut buyer, &[("coupon", "SPENT10")]).await.status, 303);

    let mut b = Browser::new(&app);
    b.post("/cart/add", &[("variant_id", &v.to_string()), ("quantity", "1")]).await;
    // Unknown, used up and expired codes get one message.
    for code in ["NOPE10", "SPENT10", "OLD10"] {
        let r = checkout_with(&mut b, &[("coupon", code), ("step", "review")]).await;
        assert_eq!(r.status, 422, "{code}");
        let text = r.text().replace(code, "CODE");
        assert!(text.contains("coupon: CODE cannot be used for this order"), "{code}: {text}");
    }
    // Guessing on: after 10 failures in the hour, no code is looked up, even a good one.
    for i in 0..7 {
        let r = checkout_with(&mut b, &[("coupon", &format!("GUESS{i:02}")), ("step", "review")]).await;
        assert!(r.text().contains("cannot be used for this order"), "guess {i}");
    }
    let r = checkout_with(&mut b, &[("coupon", "GOOD10"), ("step", "review")]).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("too many codes were tried. Try again in"), "{}", r.text());
    // The limit is also per client address: a fresh cart from the same address is held too.
    let mut fresh = Browser::new(&app);
    fresh.post("/cart/add", &[("variant_id", &v.to_string()), ("quantity", "1")]).await;
    let r = checkout_with(&mut fresh, &[("coupon", "GOOD10"), ("step", "review")]).await;
    assert!(r.text().contains("too many codes were tried"), "per IP: {}", r.text());
    // Without a coupon, checkout goes on.
    assert_eq!(checkout_with(&mut fresh, &[("step", "review")]).await.status, 200);
}

#[tokio::test]
async fn a_guesser_cannot_lock_the_owner_out() {
    // One trusted proxy: the client address is the last X-Forwarded-For entry.
    let app = TestApp::with_settings(WebSettings { trusted_proxies: 1, ..WebSettings::default() }).await;
    Browser::new(&app).register("owner@example.com", "the-right-password").await;
    async fn login_from(app: &TestApp, ip: &str, password: &str) -> u16 {
        let mut b = Browser::new(app);
        let csrf = b.csrf("/account/login").await;
        let xff = [("x-forwarded-for", ip)];
        let fields = [("csrf", csrf.as_str()), ("email", "owner@example.com"), ("password", password), ("next", "/account")];
        b.post_headers("/account/login", &fields, Some(ORIGIN), &xff).await.status.as_u16()
    }
    for _ in 0..5 {
        assert_eq!(login_from(&app, "203.0.113.9", "guess-guess-guess").await, 401);
    }
    assert_eq!(login_from(&app, "203.0.113.9", "the-right-password").await, 429, "that address is held");
    assert_eq!(login_from(&app, "198.51.100.4", "the-right-password").await, 303, "the owner, elsewhere, gets in");
    // A guesser spread over many addresses: past 10 failures every try is slowed, never refused.
    for i in 0..6 {
        assert_eq!(login_from(&app, &format!("192.0.2.{i}"), "guess-guess-guess").await, 401);
    }
    let started = Instant::now();
    assert_eq!(login_from(&app, "198.51.100.5", "the-right-password").await, 303, "still not locked out");
    assert!(started.elapsed() >= std::time::Duration::from_millis(250), "slowed down: {:?}", started.elapsed());
    let audit: Vec<String> = app.store().audit_entries(0, 100).await.unwrap().into_iter().map(|e| e.event).collect();
    assert!(audit.contains(&"login_slowed".to_string()) && audit.contains(&"login_throttled".to_string()), "{audit:?}");
}

#[tokio::test]
async fn look_alike_addresses_are_one_account_or_refused() {
    let app = TestApp::new().await;
    Browser::new(&app).register("alice@example.com", "alice-password-1").await;
    // Fullwidth letters: the same account (the answer is the same "check your e-mail").
    let r = Browser::new(&app).sign_up("ａｌｉｃｅ@ｅｘａｍｐｌｅ.ｃｏｍ", "another-password").await;
    assert_eq!(r.status, 200, "{}", r.text());
    // Invisible characters and mixed alphabets: refused, naming the field.
    for (email, words) in [
        ("al\u{200b}ice@example.com", "email: is not an e-mail address"),
        ("alice\u{feff}@example.com", "email: is not an e-mail address"),
        ("\u{430}lice@example.com", "alphabets"),
    ] {
        let r = Browser::new(&app).sign_up(email, "another-password").await;
        assert_eq!(r.status, 422, "{email:?}");
        assert!(r.text().contains(words), "{email:?}: {}", r.text());
    }
    let customers = app.store().users(UserKind::Customer, 0, 10).await.unwrap();
    assert_eq!(customers.len(), 1, "{customers:?}");
    // The owner logs in with the fullwidth spelling too: it is the same address.
    assert_eq!(Browser::new(&app).login("ＡＬＩＣＥ@example.com", "alice-password-1").await.status, 303);
}

/// How many sessions the store holds (every one expires within the session lifetime); it
/// deletes them as it counts.
async fn sessions(app: &TestApp) -> u64 {
    app.store().delete_expired_sessions(Utc::now() + chrono::Duration::days(30)).await.unwrap()
}

#[tokio::test]
async fn anonymous_form_pages_store_no_session() {
    let app = TestApp::new().await;
    for path in [
        "/account/login",
        "/account/register",
        "/account/forgot",
        &format!("/account/reset?token={}", "ab".repeat(32)),
        "/checkout",
        "/cart",
        "/admin",
        "/account",
    ] {
        let r = app.get(path).await;
        assert!(r.status.as_u16() < 500, "{path}");
        assert!(r.headers.get_all("set-cookie").iter().all(|c| !c.to_str().unwrap().starts_with("baobab_session=")), "{path}");
    }
    assert_eq!(sessions(&app).await, 0, "cookieless form pages stored nothing");

    // The anonymous form still works: its token is signed from the visitor's form cookie.
    let mut b = Browser::new(&app);
    let csrf = b.csrf("/account/forgot").await;
    assert_eq!(csrf.len(), 64);
    assert_eq!(b.post("/account/forgot", &[("csrf", &csrf), ("email", "x@example.com")]).await.status, 200);
    assert_eq!(sessions(&app).await, 0, "nor did the anonymous post");
    // Without the cookie, with another visitor's cookie, or with a made-up token: 403.
    let mut other = Browser::new(&app);
    let theirs = other.csrf("/account/forgot").await;
    assert_ne!(theirs, csrf);
    assert_eq!(b.post("/account/forgot", &[("csrf", &theirs), ("email", "x@example.com")]).await.status, 403);
    assert_eq!(b.post("/account/forgot", &[("csrf", &"0".repeat(64)), ("email", "x@example.com")]).await.status, 403);
    let no_cookie = app
        .send(
            Request::builder()
                .method(Method::POST)
                .uri("/account/forgot")
                .header("content-type", "application/x-www-form-urlencoded")
                .header("origin", ORIGIN)
                .body(Body::from(format!("csrf={csrf}&email=x%40example.com")))
                .unwrap(),
        )
        .await;
    assert_eq!(no_cookie.status, 403);
    // A session is stored once there is state to keep: a login. Stale sessions are deleted on
    // a schedule; live ones stay.
    b.register("stateful@example.com", "a-long-password").await;
    let stale = baobab_domain::user::Session {
        id_hash: "stale".into(),
        user_id: None,
        csrf_token: "t".into(),
        two_factor_ok: false,
        created_at: Utc::now() - chrono::Duration::days(20),
        expires_at: Utc::now() - chrono::Duration::days(6),
    };
    app.store().create_session(&stale).await.unwrap();
    assert_eq!(baobab_web::account::session::expire_stale(&app.state).await.unwrap(), 1);
    assert_eq!(sessions(&app).await, 1, "the live one stays");
}

#[tokio::test]
async fn only_catalog_tokens_read_drafts() {
    let app = TestApp::new().await;
    let path = format!("/api/v1/products/{}", app.ids.draft);
    let as_orders = app.json_as(Method::GET, &path, Some(&app.orders_token), serde_json::Value::Null).await;
    assert_eq!(as_orders.status, 404, "{}", as_orders.text());
    let as_catalog = app.json_as(Method::GET, &path, Some(&app.catalog_token), serde_json::Value::Null).await;
    assert_eq!(as_catalog.status, 200);
    assert_eq!(as_catalog.json()["status"], "draft");
    let list = app.json_as(Method::GET, "/api/v1/products?status=draft", Some(&app.orders_token), serde_json::Value::Null).await;
    assert_eq!(list.status, 400, "{}", list.text());
    list.assert_error(400, "status");
    let listed = app.json_as(Method::GET, "/api/v1/products?status=draft", Some(&app.catalog_token), serde_json::Value::Null).await;
    assert_eq!(listed.status, 200);
    let ids: Vec<i64> = listed.json()["items"].as_array().unwrap().iter().map(|p| p["id"].as_i64().unwrap()).collect();
    assert!(ids.contains(&app.ids.draft), "{ids:?}");
}

#[tokio::test]
async fn cookies_are_secure_whenever_the_shop_is_https() {
    let https = "https://shop.example.com";
    let app = TestApp::with_settings(WebSettings { public_url: https.into(), hsts: false, ..WebSettings::default() }).await;
    let mut b = Browser::new(&app);
    let form = b.get("/account/register").await;
    let form_cookie = form.header("set-cookie").to_string();
    assert!(form_cookie.starts_with("baobab_form=") && form_cookie.contains("; Secure"), "{form_cookie}");
    let csrf = b.csrf("/account/register").await;
    let fields = [("csrf", csrf.as_str()), ("name", "S"), ("email", "secure@example.com"), ("password", "a-long-password")];
    assert_eq!(b.post_with("/account/register", &fields, Some(https)).await.status, 200);
    let csrf = b.csrf("/account/login").await;
    let fields = [("csrf", csrf.as_str()), ("email", "secure@example.com"), ("password", "a-long-password"), ("next", "/account")];
    let login = b.post_with("/account/login", &fields, Some(https)).await;
    assert_eq!(login.status, 303, "{}", login.text());
    let session = login
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|v| v.starts_with("baobab_session="))
        .unwrap();
    assert!(session.contains("; Secure"), "{session}");
    assert!(app.get("/currency?code=KES&back=/").await.header("set-cookie").contains("; Secure"));
    // Plain http: no Secure (the browser would drop the cookie).
    let plain = TestApp::new().await;
    assert!(!plain.get("/currency?code=KES&back=/").await.header("set-cookie").contains("Secure"));
}

#[tokio::test]
async fn csrf_origin_is_checked_against_the_public_url_not_the_host_header() {
    let site = "https://shop.example.com";
    let app = TestApp::with_settings(WebSettings { public_url: site.into(), ..WebSettings::default() }).await;
    let mut b = Browser::new(&app);
    let csrf = b.csrf("/account/forgot").await;
    let fields = [("csrf", csrf.as_str()), ("email", "x@example.com")];
    // A request whose Host the attacker chose, with a matching foreign Origin: refused.
    for (host, origin) in
        [("evil.example", "http://evil.example"), ("evil.example", "https://evil.example"), ("shop.example.com", "http://shop.example.com")]
    {
        let r = b.post_headers("/account/forgot", &fields, Some(origin), &[("host", host)]).await;
        assert_eq!(r.status, 403, "Host {host}, Origin {origin}");
    }
    // A Referer from another site, without Origin: refused.
    let r = b.post_headers("/account/forgot", &fields, None, &[("referer", "https://evil.example/page")]).await;
    assert_eq!(r.status, 403);
    // The public URL's origin passes, whatever the Host header says (the CDN rewrites it).
    let r = b.post_headers("/account/forgot", &fields, Some(site), &[("host", "internal-alb.example")]).await;
    assert_eq!(r.status, 200, "{}", r.text());
    let r = b.post_headers("/account/forgot", &fields, None, &[("referer", "https://shop.example.com/account/forgot")]).await;
    assert_eq!(r.status, 200);
}
