//! The staff admin in the shop's languages: every admin page free of English in French,
//! Arabic, Portuguese and Swahili (right to left in Arabic), the language chosen by the lang
//! cookie before Accept-Language before the default, the language menu returning to the same
//! admin page, form errors in the chosen language, and bad input on the language choice.

use crate::accounts::Browser;
use crate::i18n::{catalog, english_fragments, page_words};
use crate::support::{TestApp, between};
use baobab_domain::account::StaffRole;

const LANGS: [&str; 4] = ["fr", "ar", "pt", "sw"];

/// The words of a page, without its markup; the audit log's details (JSON records, data and
/// not words) are left out.
fn words(html: &str) -> String {
    let words = page_words(html);
    let mut out = String::new();
    let mut depth = 0;
    for c in words.replace("&quot;", "\"").chars() {
        match c {
            '{' => depth += 1,
            '}' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Checks that `html`, an admin page in `code`, says nothing in English.
fn assert_no_english(code: &str, path: &str, html: &str, fragments: &[(String, String)], own: &str) {
    let dir = if code == "ar" { "rtl" } else { "ltr" };
    assert!(html.contains(&format!("<html lang=\"{code}\" dir=\"{dir}\">")), "{code} {path}: {html}");
    let text = words(html);
    let attrs: Vec<&str> = html.split("aria-label=\"").skip(1).chain(html.split("placeholder=\"").skip(1)).collect();
    for (key, f) in fragments {
        // a word the language shares with English (French "Options") is its own
        if own.contains(f.as_str()) {
            continue;
        }
        assert!(!text.contains(f.as_str()), "{code} {path} shows English {f:?} ({key})");
        assert!(!attrs.iter().any(|a| a.split('"').next().unwrap_or_default().contains(f.as_str())), "{code} {path}: {f:?} ({key})");
    }
}

/// A staff member invited and signed in who has not set up two-factor authentication yet.
async fn not_enrolled<'a>(app: &'a TestApp, email: &str) -> Browser<'a> {
    let (_, link) = baobab_web::admin::invite_staff(&app.state, email, StaffRole::Support, "").await.unwrap();
    let path = link.trim_start_matches("http://127.0.0.1:8080");
    let token = path.split("token=").nth(1).unwrap().to_string();
    let mut b = Browser::new(app);
    let csrf = b.csrf(path).await;
    let r = b.post("/account/reset", &[("csrf", &csrf), ("token", &token), ("password", "staff-password-2")]).await;
    assert_eq!(r.status, 303, "{}", r.text());
    b
}

/// An order placed through the shop; its id.
async fn an_order(app: &TestApp) -> i64 {
    let mut shopper = Browser::new(app);
    let v = app.store().product(baobab_store::Key::Slug("kora-phone-model-07")).await.unwrap().unwrap().variants[0].id;
    shopper.post("/cart/add", &[("variant_id", &v.to_string()), ("quantity", "2")]).await;
    let fields = [
        ("email", "ama@example.com"),
        ("name", "Ama"),
        ("line1", "Ring Road"),
        ("city", "Accra"),
        ("country", "GH"),
        ("phone", "+233241234567"),
        ("shipping_method", "gh-standard"),
    ];
    let placed = crate::cart::checkout_with(&mut shopper, &fields).await;
    assert_eq!(placed.status, 303, "{}", placed.text());
    placed.header("location").trim_start_matches("/orders/").parse().unwrap()
}

#[tokio::test]
async fn every_admin_page_speaks_the_chosen_language() {
    let app = TestApp::new().await;
    let fragments = english_fragments();
    assert!(fragments.iter().any(|(_, f)| f == "Payments to review") && fragments.iter().any(|(_, f)| f == "Mark paid"));
    let order = an_order(&app).await;
    let (mut owner, _) = crate::admin::staff_member_pub(&app, "chef@example.com", StaffRole::Owner).await;
    let mut newcomer = not_enrolled(&app, "nouvelle@example.com").await;
    // something in every list: an order paid and partly refunded, a coupon, a token, an import
    let csrf = owner.csrf(&format!("/admin/orders/{order}")).await;
    let step = format!("/admin/orders/{order}/transition");
    assert_eq!(owner.post(&step, &[("csrf", &csrf), ("event", "pay"), ("note", "espèces")]).await.status, 303);
    assert_eq!(owner.post(&step, &[("csrf", &csrf), ("event", "refund"), ("amount", "10"), ("note", "geste")]).await.status, 303);
    let coupon = [("csrf", csrf.as_str()), ("coupon", "KARIBU"), ("kind", "percent"), ("value", "12.5"), ("usage_limit", "9")];
    assert_eq!(owner.post("/admin/coupons", &coupon).await.status, 303);
    assert_eq!(owner.post("/admin/tokens", &[("csrf", &csrf), ("name", "entrepot"), ("role", "catalog")]).await.status, 200);
    let product = app.ids.phone;
    for code in LANGS {
        let own = catalog(code);
        for b in [&mut owner, &mut newcomer] {
            let set = b.get(&format!("/language?code={code}&back=/admin")).await;
            assert_eq!(set.status, 303);
        }
        let pages = [
            "/admin".to_string(),
            "/admin/products".into(),
            format!("/admin/products/{product}"),
            "/admin/orders".into(),
            format!("/admin/orders/{order}"),
            "/admin/customers".into(),
            "/admin/staff".into(),
            "/admin/tokens".into(),
            "/admin/coupons".into(),
            "/admin/audit".into(),
            "/admin/import".into(),
        ];
        for path in &pages {
            let r = owner.get(path).await;
            assert_eq!(r.status, 200, "{code} {path}");
            assert_no_english(code, path, &r.text(), &fragments, &own);
        }
        let setup = newcomer.get("/admin/2fa/setup").await;
        assert_eq!(setup.status, 200);
        assert_no_english(code, "/admin/2fa/setup", &setup.text(), &fragments, &own);
        // a page after a form: a token shown once, a missing order
        let csrf = owner.csrf("/admin/tokens").await;
        let token = owner.post("/admin/tokens", &[("csrf", &csrf), ("name", "caisse"), ("role", "orders")]).await;
        assert_eq!(token.status, 200);
        assert_no_english(code, "POST /admin/tokens", &token.text(), &fragments, &own);
        let missing = owner.get("/admin/orders/999999").await;
        assert_eq!(missing.status, 404);
        assert_no_english(code, "/admin/orders/999999", &missing.text(), &fragments, &own);
    }
    // prices, dates and counts as the language writes them (the last language chosen: Swahili)
    let sw = owner.get(&format!("/admin/orders/{order}")).await.text();
    let o = app.store().order(order).await.unwrap().unwrap();
    let total = baobab_locale::format_money(o.totals.total, o.currency, "sw");
    assert!(total.contains("₦") && !sw.contains(&baobab_domain::format_money(o.totals.total, o.currency)), "{sw}");
    assert!(sw.contains(&total), "Swahili total {total} on the order page");
    let today = baobab_locale::format_date(chrono::Utc::now(), "sw");
    assert!(sw.contains(&today), "{today}: {sw}");
    owner.get("/language?code=fr&back=/admin").await;
    let coupons = owner.get("/admin/coupons").await.text();
    assert!(coupons.contains("<td>12.5 %</td>") && coupons.contains("<td>0 sur 9</td>"), "{coupons}");
    let ar = {
        owner.get("/language?code=ar&back=/admin").await;
        owner.get("/admin").await.text()
    };
    assert!(ar.contains("<html lang=\"ar\" dir=\"rtl\">") && ar.contains("لوحة المتابعة"), "{ar}");
}

#[tokio::test]
async fn the_admin_follows_the_cookie_then_accept_language_then_the_default() {
    let app = TestApp::new().await;
    let (owner, _) = crate::admin::staff_member_pub(&app, "chef@example.com", StaffRole::Owner).await;
    let session = format!("baobab_session={}", owner.session_cookie());
    let get = async |cookie: &str, accept: &str| {
        let mut h = vec![("cookie", cookie)];
        if !accept.is_empty() {
            h.push(("accept-language", accept));
        }
        let r = app.get_with("/admin/customers", &h).await;
        assert_eq!(r.status, 200, "{cookie} {accept}");
        r.text()
    };
    let plain = get(&session, "").await;
    assert!(plain.contains("<html lang=\"en\" dir=\"ltr\">") && plain.contains("<h1>Customers</h1>"), "English by default");
    let sw = get(&session, "sw-KE,sw;q=0.9,en;q=0.5").await;
    assert!(sw.contains("<html lang=\"sw\" dir=\"ltr\">") && sw.contains("<h1>Wateja</h1>"), "{sw}");
    let pt = get(&format!("{session}; lang=pt"), "sw-KE").await;
    assert!(pt.contains("<html lang=\"pt\" dir=\"ltr\">") && pt.contains("<h1>Clientes</h1>"), "the explicit choice wins");
    let en = get(&format!("{session}; lang=en"), "ar").await;
    assert!(en.contains("<h1>Customers</h1>"), "choosing English beats the browser too");
    let ar = get(&session, "ar-EG").await;
    assert!(ar.contains("<html lang=\"ar\" dir=\"rtl\">") && ar.contains("<h1>العملاء</h1>"), "{ar}");
    for junk in ["lang=../../etc", "lang=", "lang=xx", "lang=FR"] {
        let r = get(&format!("{session}; {junk}"), "").await;
        assert!(r.contains("<html lang=\"en\""), "{junk}: the default");
    }
    // admin links carry no language prefix; the page links no other languages
    assert!(ar.contains("href=\"/admin/staff\"") && !ar.contains("href=\"/ar/admin") && !ar.contains("hreflang="), "{ar}");
}

#[tokio::test]
async fn the_language_menu_returns_to_the_same_admin_page() {
    let app = TestApp::new().await;
    let (mut owner, _) = crate::admin::staff_member_pub(&app, "chef@example.com", StaffRole::Owner).await;
    let path = format!("/admin/products/{}", app.ids.phone);
    let page = owner.get(&path).await.text();
    // the language menu of the page's header, a plain form to /language, returns to this page
    let menu = between(&page, "<form class=\"cur\" action=\"/language\">", "</form>");
    assert!(menu.contains(&format!("name=\"back\" value=\"{path}\"")), "{menu}");
    assert!(menu.contains("<option value=\"ar\" lang=\"ar\">العربية</option>"), "{menu}");
    assert_eq!(page.matches("action=\"/language\"").count(), 1, "one language menu");
    let set = owner.get(&format!("/language?code=ar&back={path}")).await;
    assert_eq!(set.status, 303);
    assert_eq!(set.header("location"), path, "admin URLs carry no language: the cookie chooses");
    assert!(set.header("set-cookie").starts_with("lang=ar; Path=/"));
    let there = owner.get(set.header("location")).await;
    assert_eq!(there.status, 200);
    assert!(there.text().contains("<html lang=\"ar\" dir=\"rtl\">") && there.text().contains("الأصناف"), "{}", there.text());
    // the unprefixed admin URL is in Arabic too, from the cookie; the menu shows the choice
    let plain = owner.get(&path).await.text();
    assert!(plain.contains("<html lang=\"ar\" dir=\"rtl\">") && plain.contains("<option value=\"ar\" lang=\"ar\" selected>"));
    // a page with a query returns with it; a form's page returns to that page, not the post
    let audit = owner.get("/admin/audit?page=2").await.text();
    assert!(audit.contains("name=\"back\" value=\"/admin/audit?page=2\""), "{audit}");
    let csrf = owner.csrf(&path).await;
    let saved =
        owner.post(&path, &[("csrf", &csrf), ("title", "Kora"), ("description", ""), ("category_id", ""), ("status", "active")]).await;
    assert_eq!(saved.status, 200);
    assert!(saved.text().contains(&format!("name=\"back\" value=\"{path}\"")) && saved.text().contains("تم الحفظ."));
    let back = owner.get(&format!("/language?code=en&back={path}")).await;
    assert_eq!(back.header("location"), path, "English has no prefix");
    assert!(owner.get(&path).await.text().contains("<h2>Variants</h2>"));
}

#[tokio::test]
async fn admin_form_errors_are_in_the_chosen_language() {
    let app = TestApp::new().await;
    let (mut cm, _) = crate::admin::staff_member_pub(&app, "catalogue@example.com", StaffRole::CatalogManager).await;
    cm.get("/language?code=fr&back=/admin/products").await;
    let csrf = cm.csrf("/admin/products").await;
    let form = |price: &'static str| {
        vec![
            ("csrf", csrf.clone()),
            ("title", "Ventilateur solaire".to_string()),
            ("sku", "vent-1".to_string()),
            ("status", "active".to_string()),
            ("price", price.to_string()),
            ("stock", "beaucoup".to_string()),
        ]
    };
    let fields = form("douze");
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = cm.post("/admin/products", &pairs).await;
    assert_eq!(r.status, 422);
    let html = r.text();
    assert!(html.contains("Prix : « douze » n’est pas un montant en NGN"), "{html}");
    assert!(html.contains("Stock : doit être un nombre entier") && html.contains("<h1>Produits (prix en NGN)</h1>"), "{html}");
    // the domain's rules, in words: an empty title, in Portuguese
    cm.get("/language?code=pt&back=/admin/products").await;
    let mut fields = form("100");
    fields[1].1 = String::new();
    fields[5].1 = "3".into();
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = cm.post("/admin/products", &pairs).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("Título: não pode estar vazio"), "{}", r.text());
    // a coupon in Arabic, a wrong code in Swahili
    let (mut om, secret) = crate::admin::staff_member_pub(&app, "commandes@example.com", StaffRole::OrderManager).await;
    om.get("/language?code=ar&back=/admin/coupons").await;
    let csrf = om.csrf("/admin/coupons").await;
    let r = om.post("/admin/coupons", &[("csrf", &csrf), ("coupon", "x"), ("kind", "percent"), ("value", "ten")]).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("القيمة: «ten» ليست نسبة مئوية"), "{}", r.text());
    let r = om.post("/admin/coupons", &[("csrf", &csrf), ("coupon", "x"), ("kind", "percent"), ("value", "150")]).await;
    assert!(r.text().contains("الرمز: من 3 إلى 32") && r.text().contains("النسبة: يجب أن تكون أكبر من 0"), "{}", r.text());
    om.get("/language?code=sw&back=/admin").await;
    let csrf = om.csrf("/admin").await;
    om.post("/account/logout", &[("csrf", &csrf)]).await;
    om.login("commandes@example.com", "staff-password-1").await;
    let csrf = om.csrf("/admin/2fa").await;
    let wrong = om.post("/admin/2fa", &[("csrf", &csrf), ("code", "000000")]).await;
    assert_eq!(wrong.status, 401);
    assert!(wrong.text().contains("Namba hiyo si sahihi") && wrong.text().contains("<html lang=\"sw\""), "{}", wrong.text());
    // a bad link's parameter, named in the language
    let ok = om.post("/admin/2fa", &[("csrf", &csrf), ("code", &crate::admin::code(&secret, 1))]).await;
    assert_eq!(ok.status, 303, "{}", ok.text());
    let bad = om.get("/admin/export/orders.csv?from=31/01/2026").await;
    assert_eq!(bad.status, 400);
    assert!(bad.text().contains("Kuanzia: “31/01/2026” si tarehe kama 2026-01-31"), "{}", bad.text());
}

/// A shared problem reads the same in the admin and on the shop's pages: one line (`problem`),
/// one message for the problem, each side naming the field its own way.
#[tokio::test]
async fn the_admin_and_the_shop_say_a_shared_problem_alike() {
    let app = TestApp::new().await;
    let i18n = baobab_web::i18n::I18n::shipped();
    let line = |code: &str, field: &str, problem: &str, args: &[(&str, fluent_bundle::FluentValue)]| {
        i18n.msg(code, "problem", &[("field", i18n.msg(code, field, &[]).into()), ("problem", i18n.msg(code, problem, args).into())])
    };
    let (mut owner, _) = crate::admin::staff_member_pub(&app, "chef@example.com", StaffRole::Owner).await;
    owner.get("/language?code=fr&back=/admin/staff").await;
    let csrf = owner.csrf("/admin/staff").await;
    let bad = owner.post("/admin/staff", &[("csrf", &csrf), ("email", "nope"), ("role", "support")]).await;
    assert_eq!(bad.status, 422);
    assert!(bad.text().contains(&line("fr", "admin-field-email", "problem-not-email", &[])), "{}", bad.text());
    let mut shopper = Browser::new(&app);
    let shop_csrf = shopper.csrf("/fr/account/register").await;
    let form = [("csrf", shop_csrf.as_str()), ("name", "Amina"), ("email", "nope"), ("password", "kente-and-jollof")];
    let bad = shopper.post("/fr/account/register", &form).await;
    assert_eq!(bad.status, 422);
    assert!(bad.text().contains(&line("fr", "field-email", "problem-not-email", &[])), "{}", bad.text());
    // the store's conflict, in words: an address already taken
    let taken = owner.post("/admin/staff", &[("csrf", &csrf), ("email", "chef@example.com"), ("role", "support")]).await;
    assert_eq!(taken.status, 409);
    assert!(taken.text().contains("E-mail : un compte existe déjà avec cette adresse"), "{}", taken.text());
    // a limit of 1000 or more, grouped as the language writes numbers
    let path = format!("/admin/products/{}", app.ids.phone);
    let long = "x".repeat(20_001);
    let max = baobab_locale::format_count(20_000, "fr");
    for (code, said) in [
        ("en", "description: must be at most 20,000 characters".to_string()),
        ("fr", line("fr", "admin-field-description", "problem-too-long", &[("max", max.into())])),
    ] {
        owner.get(&format!("/language?code={code}&back={path}")).await;
        let csrf = owner.csrf(&path).await;
        let r = owner
            .post(&path, &[("csrf", &csrf), ("title", "Kora"), ("description", &long), ("category_id", ""), ("status", "active")])
            .await;
        assert_eq!(r.status, 422, "{code}");
        assert!(r.text().contains(&said), "{code}: {said}: {}", r.text());
    }
}

#[tokio::test]
async fn bad_language_choices_never_fail_and_never_leave_the_site() {
    let app = TestApp::new().await;
    let (mut owner, _) = crate::admin::staff_member_pub(&app, "chef@example.com", StaffRole::Owner).await;
    for (query, status) in [
        ("code=xx&back=/admin", 400),
        ("code=&back=/admin", 400),
        ("back=/admin", 400),
        ("code=FR&back=/admin", 400),
        ("code=fr&code=ar&back=/admin", 400),
        ("code=%00&back=/admin", 400),
        (&format!("code={}&back=/admin", "f".repeat(5000)), 400),
    ] {
        let r = owner.get(&format!("/language?{query}")).await;
        assert_eq!(r.status.as_u16(), status, "{query}: {}", r.text());
        assert!(r.headers.get("location").is_none(), "{query}");
    }
    for back in [
        "//evil.example",
        "//evil.example/admin",
        "https://evil.example/admin",
        "/%5Cevil.example",
        "%5C%5Cevil.example",
        "%2F%2Fevil.example",
        "/admin%0d%0aSet-Cookie:%20x=1",
        "javascript:alert(1)",
        "",
    ] {
        let r = owner.get(&format!("/language?code=fr&back={back}")).await;
        assert_eq!((r.status.as_u16(), r.header("location")), (303, "/fr/"), "{back}: the shop's home page instead");
        assert!(r.headers.get_all("set-cookie").iter().all(|c| !c.to_str().unwrap().starts_with("x=")), "{back}");
    }
    let missing = owner.get("/language?code=sw").await;
    assert_eq!((missing.status.as_u16(), missing.header("location")), (303, "/sw/"), "no return path: the home page");
    // the admin still answers, in the last good choice
    let dash = owner.get("/admin").await;
    assert_eq!(dash.status, 200);
    assert!(dash.text().contains("<html lang=\"sw\""));
}
