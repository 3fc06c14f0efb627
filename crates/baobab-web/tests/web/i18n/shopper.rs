//! The shopper's own pages in every language — cart, checkout, the order page, signing in,
//! registration, password reset, the account and its addresses, every error page — and the
//! e-mails their requests send: no English on them, links and redirects that keep the
//! language, dates and prices in its format.

use baobab_web::i18n::{I18n, Lang};
use baobab_web::page::{PageError, error_page};
use chrono::Utc;
use fluent_bundle::FluentValue;

use super::{LANGS, assert_no_english, english_fragments, gzip_len};
use crate::accounts::Browser;
use crate::support::{Res, TestApp, between};

const PASSWORD: &str = "kente-and-jollof";

fn form_fields(html: &str) -> (String, String) {
    (between(html, "name=\"csrf\" value=\"", "\""), between(html, "name=\"idempotency_key\" value=\"", "\""))
}

/// The checkout form, filled in as a shopper in Lagos paying cash on delivery.
fn checkout_fields<'a>(csrf: &'a str, key: &'a str, email: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", csrf),
        ("idempotency_key", key),
        ("email", email),
        ("name", "Chidi Okafor"),
        ("line1", "5 Allen Avenue"),
        ("city", "Ikeja"),
        ("country", "NG"),
        ("phone", "+234 802 000 1111"),
        ("payment_method", "cash_on_delivery"),
        ("shipping_method", "lagos-express"),
    ]
}

/// Registers `email` and signs in, all under the language prefix `p`; the sign-in's answer.
async fn register_and_sign_in(b: &mut Browser<'_>, p: &str, email: &str) -> Res {
    let csrf = b.csrf(&format!("{p}/account/register")).await;
    let r = b.post(&format!("{p}/account/register"), &[("csrf", &csrf), ("name", "Amina"), ("email", email), ("password", PASSWORD)]).await;
    assert_eq!(r.status, 200, "{}", r.text());
    let csrf = b.csrf(&format!("{p}/account/login")).await;
    b.post(&format!("{p}/account/login"), &[("csrf", &csrf), ("email", email), ("password", PASSWORD), ("next", &format!("{p}/account"))])
        .await
}

#[tokio::test]
async fn shopper_pages_in_other_languages_contain_no_english() {
    let app = TestApp::new().await;
    let i18n = I18n::shipped();
    let fragments = english_fragments();
    let product = app.store().product(baobab_store::Key::Slug("kora-phone-model-01")).await.unwrap().unwrap();
    let variant = product.variants[0].id.to_string();
    for code in LANGS {
        let p = format!("/{code}");
        let msg = |key: &str| i18n.msg(code, key, &[]);
        let check = |what: &str, r: &Res, status: u16| {
            assert_eq!(r.status.as_u16(), status, "{p}: {what}: {}", r.text());
            assert_no_english(&format!("{p}: {what}"), code, &r.text(), &fragments);
        };
        let mut b = Browser::new(&app);

        // signing in, registering, the account page: forms, notices and problems
        check("sign-in", &b.get(&format!("{p}/account/login")).await, 200);
        check("registration", &b.get(&format!("{p}/account/register")).await, 200);
        let csrf = b.csrf(&format!("{p}/account/register")).await;
        let bad = b.post(&format!("{p}/account/register"), &[("csrf", &csrf), ("email", "nobody"), ("password", "short")]).await;
        check("registration with problems", &bad, 422);
        assert!(bad.text().contains(&msg("problem-not-email")), "{}", bad.text());
        let email = format!("{code}-shopper@example.com");
        let signed_in = register_and_sign_in(&mut b, &p, &email).await;
        assert_eq!((signed_in.status.as_u16(), signed_in.header("location")), (303, format!("{p}/account").as_str()));
        let home = b.get(&format!("{p}/account")).await;
        check("account", &home, 200);
        assert!(home.text().contains(&format!("action=\"{p}/account/addresses\"")), "forms keep the language");
        let csrf = between(&home.text(), "name=\"csrf\" value=\"", "\"");
        let address =
            [("csrf", csrf.as_str()), ("name", "Amina"), ("line1", ""), ("city", "Ikeja"), ("country", "Nigeria"), ("phone", "0802")];
        let bad = b.post(&format!("{p}/account/addresses"), &address).await;
        check("an address with problems", &bad, 422);
        assert!(bad.text().contains(&msg("problem-required")) && bad.text().contains(&msg("problem-country-code")), "{}", bad.text());
        let address = [
            ("csrf", csrf.as_str()),
            ("name", "Amina"),
            ("line1", "5 Allen Avenue"),
            ("city", "Ikeja"),
            ("country", "NG"),
            ("phone", "+234 802 000 1111"),
        ];
        let added = b.post(&format!("{p}/account/addresses"), &address).await;
        assert_eq!((added.status.as_u16(), added.header("location")), (303, format!("{p}/account").as_str()));

        // the cart with an item, checkout, its problems, the order page
        let added = b.post(&format!("{p}/cart/add"), &[("variant_id", &variant), ("quantity", "1")]).await;
        assert_eq!((added.status.as_u16(), added.header("location")), (303, format!("{p}/cart").as_str()));
        let cart = b.get(&format!("{p}/cart")).await;
        check("cart", &cart, 200);
        assert!(cart.text().contains(&format!("href=\"{p}/checkout\"")) && cart.text().contains(&format!("action=\"{p}/cart/update\"")));
        let page = b.get(&format!("{p}/checkout")).await;
        check("checkout", &page, 200);
        assert!(page.text().contains(&format!("action=\"{p}/checkout\"")) && page.text().contains(&msg("shipping-lagos-express")));
        let weight = gzip_len(&page.body) + gzip_len(&app.get(&app.state.assets.css.path).await.body);
        println!("page weight {p}/checkout: {weight} B gzip");
        assert!(weight <= 14 * 1024, "{p}/checkout: {weight} B gzip");
        let (csrf, key) = form_fields(&page.text());
        let mut fields = checkout_fields(&csrf, &key, &email);
        fields.push(("coupon", "NOPE-1"));
        fields[4] = ("line1", "");
        fields[7] = ("phone", "0802");
        fields[8] = ("payment_method", "cheque");
        let bad = b.post(&format!("{p}/checkout"), &fields).await;
        check("checkout with problems", &bad, 422);
        let coupon = i18n.msg(code, "problem-coupon-refused", &[("code", "NOPE-1".into())]);
        assert!(bad.text().contains(&coupon) && bad.text().contains(&msg("problem-phone-plus")), "{}", bad.text());
        let placed = b.post(&format!("{p}/checkout"), &checkout_fields(&csrf, &key, &email)).await;
        assert_eq!(placed.status, 303, "{}", placed.text());
        let order_url = placed.header("location").to_string();
        assert!(order_url.starts_with(&format!("{p}/orders/")), "the order page keeps the language: {order_url}");
        let order = b.get(&order_url).await;
        check("order", &order, 200);
        let today = baobab_locale::format_date(Utc::now(), code);
        assert!(order.text().contains(&today) && order.text().contains(&msg("status-pending-payment")), "{}", order.text());
        let home = b.get(&format!("{p}/account")).await;
        check("account with an order and an address", &home, 200);
        assert!(home.text().contains(&today) && home.text().contains(&format!("href=\"{order_url}\"")), "{}", home.text());

        // error pages: 400, 403, 404, 422
        check("a bad order link", &b.get(&format!("{p}/orders/abc")).await, 400);
        check("another's order", &Browser::new(&app).get(&order_url).await, 404);
        check("a missing page", &b.get(&format!("{p}/nowhere")).await, 404);
        check("a form without its token", &b.post(&format!("{p}/cart/update"), &[("variant_id", &variant), ("quantity", "2")]).await, 403);
        let csrf = between(&home.text(), "name=\"csrf\" value=\"", "\"");
        check("a payment without its key", &b.post(&format!("{order_url}/pay"), &[("csrf", &csrf)]).await, 422);
        check("a reset link that is not one", &b.get(&format!("{p}/account/reset?token=abc")).await, 400);

        // signing out, a forgotten password, a wrong password, a new password's form
        let csrf = b.csrf(&format!("{p}/account")).await;
        let out = b.post(&format!("{p}/account/logout"), &[("csrf", &csrf)]).await;
        assert_eq!(out.header("location"), format!("{p}/"));
        let login = b.get(&format!("{p}/account")).await;
        assert!(login.header("location").starts_with(&format!("{p}/account/login?next=")), "{}", login.header("location"));
        let csrf = b.csrf(&format!("{p}/account/login")).await;
        let wrong = b.post(&format!("{p}/account/login"), &[("csrf", &csrf), ("email", &email), ("password", "not-the-password")]).await;
        check("a wrong password", &wrong, 401);
        assert!(wrong.text().contains(&msg("account-login-failed")));
        check("password reset", &b.get(&format!("{p}/account/forgot")).await, 200);
        let csrf = b.csrf(&format!("{p}/account/forgot")).await;
        check("password reset sent", &b.post(&format!("{p}/account/forgot"), &[("csrf", &csrf), ("email", &email)]).await, 200);
        check("a new password", &b.get(&format!("{p}/account/reset?token={}", "ab".repeat(32))).await, 200);
        // too many attempts: per account, then per address (every language's tries add up)
        let mut tries = 0;
        let throttled = loop {
            let r = b.post(&format!("{p}/account/forgot"), &[("csrf", &csrf), ("email", &email)]).await;
            tries += 1;
            if r.status == 429 || tries > 12 {
                break r;
            }
        };
        check("too many attempts", &throttled, 429);
        let minutes = (throttled.header("retry-after").parse::<i64>().unwrap() + 59) / 60;
        let wait = i18n.msg(code, "error-too-many-minutes", &[("minutes", minutes.into())]);
        assert!(throttled.text().contains(&wait), "{p}: {wait}: {}", throttled.text());
        // the next language starts afresh (in-process requests share one client address)
        app.store().clear_throttle("reset:ip:unknown").await.unwrap();

        // the shop's own failures: 500 and 503, rendered as the layer renders them
        let lang = Lang::new(code, "en");
        for (e, status) in [
            (PageError::Store(baobab_store::StoreError::Unavailable("gone".into())), 503),
            (PageError::Store(baobab_store::StoreError::Internal("broken".into())), 500),
        ] {
            let res = baobab_web::i18n::scope(lang.clone(), async { error_page(&app.state, e) }).await;
            assert_eq!(res.status().as_u16(), status);
            let body = axum::body::to_bytes(res.into_body(), 1 << 20).await.unwrap();
            assert_no_english(&format!("{p}: {status}"), code, std::str::from_utf8(&body).unwrap(), &fragments);
        }
    }
}

/// The newest e-mail to `to` in the outbox: (subject, body).
async fn mail_to(app: &TestApp, to: &str) -> (String, String) {
    let mails = app.store().claim_emails(Utc::now(), 60, 100).await.unwrap();
    let m = mails.into_iter().rev().find(|m| m.to == to).unwrap_or_else(|| panic!("no e-mail to {to}"));
    (m.subject, m.body)
}

#[tokio::test]
async fn emails_go_out_in_the_language_of_the_request_that_sent_them() {
    let app = TestApp::new().await;
    let i18n = I18n::shipped();
    let shop = app.state.settings.shop_name.clone();
    let site = app.state.settings.public_url.clone();
    let variant = app.store().product(baobab_store::Key::Slug("kora-phone-model-02")).await.unwrap().unwrap().variants[0].id.to_string();
    for code in LANGS {
        let p = format!("/{code}");
        let msg = |key: &str, args: &[(&str, FluentValue)]| i18n.msg(code, key, args);
        let shop_arg = || [("shop", FluentValue::from(shop.clone()))];
        let mut b = Browser::new(&app);
        let email = format!("{code}-mail@example.com");

        // registering: the confirmation, its link under the language's prefix
        let csrf = b.csrf(&format!("{p}/account/register")).await;
        b.post(&format!("{p}/account/register"), &[("csrf", &csrf), ("name", "Ama"), ("email", &email), ("password", PASSWORD)]).await;
        let (subject, body) = mail_to(&app, &email).await;
        assert_eq!(subject, msg("email-verify-subject", &shop_arg()));
        assert!(body.contains(&format!("{site}{p}/account/verify?token=")), "{body}");
        assert!(body.contains(&msg("email-verify-not-you", &[])) && !body.contains("If you did not create an account"), "{body}");
        let link = between(&body, &site, "\n");
        let verified = b.get(&link).await;
        assert!(verified.status == 200 && verified.text().contains(&msg("account-verified", &[])), "{}", verified.text());

        // registering again with the address: the note to its owner
        let csrf = b.csrf(&format!("{p}/account/register")).await;
        b.post(&format!("{p}/account/register"), &[("csrf", &csrf), ("name", "Ama"), ("email", &email), ("password", PASSWORD)]).await;
        let (subject, body) = mail_to(&app, &email).await;
        assert_eq!(subject, msg("email-exists-subject", &shop_arg()));
        assert!(body.contains(&format!("{site}{p}/account/forgot")), "{body}");

        // a forgotten password
        let csrf = b.csrf(&format!("{p}/account/forgot")).await;
        b.post(&format!("{p}/account/forgot"), &[("csrf", &csrf), ("email", &email)]).await;
        let (subject, body) = mail_to(&app, &email).await;
        assert_eq!(subject, msg("email-reset-subject", &[]));
        assert!(body.contains(&format!("{site}{p}/account/reset?token=")) && body.contains(&msg("email-reset-not-you", &[])), "{body}");

        // an order: its number, total, date and way to pay in the language
        b.post(&format!("{p}/cart/add"), &[("variant_id", &variant), ("quantity", "1")]).await;
        let (csrf, key) = form_fields(&b.get(&format!("{p}/checkout")).await.text());
        let placed = b.post(&format!("{p}/checkout"), &checkout_fields(&csrf, &key, &email)).await;
        assert_eq!(placed.status, 303, "{}", placed.text());
        let id: i64 = placed.header("location").rsplit('/').next().unwrap().parse().unwrap();
        let order = app.store().order(id).await.unwrap().unwrap();
        let number = format!("BB-{id:06}");
        let (subject, body) = mail_to(&app, &email).await;
        assert_eq!(subject, msg("email-placed-subject", &[("number", number.clone().into())]));
        let total = baobab_locale::format_money(order.totals.total, order.currency, code);
        assert!(body.contains(&total) && body.contains(&msg("payment-cash-on-delivery", &[])), "{total}: {body}");
        assert!(body.contains(&baobab_locale::format_date(order.created_at, code)) && body.contains(&format!("{site}{p}/orders/{id}")));

        // staff move the order on (no customer's request): the language the order was placed in
        let paid = app
            .json_as(
                axum::http::Method::POST,
                &format!("/api/v1/orders/{id}/transitions"),
                Some(&app.orders_token),
                serde_json::json!({"event": "pay"}),
            )
            .await;
        assert_eq!(paid.status, 200, "{}", paid.text());
        let (subject, body) = mail_to(&app, &email).await;
        let status = msg("status-paid", &[]);
        assert_eq!(subject, msg("email-status-subject", &[("number", number.clone().into()), ("status", status.into())]));
        assert!(body.contains(&total) && body.contains(&format!("{site}{p}/orders/{id}")), "{body}");
    }
    // an order from before languages were kept, or in a language the shop no longer offers:
    // the shop's default language
    let placed = app.store().list_orders(None, 0, 1).await.unwrap().remove(0);
    assert_eq!(placed.language.as_deref(), Some(LANGS[LANGS.len() - 1]), "the store keeps the order's language");
    for kept in [None, Some("de".to_string())] {
        let order = baobab_domain::order::Order { language: kept.clone(), ..placed.clone() };
        baobab_web::checkout::status_email(&app.state, &order).await.unwrap();
        let (subject, body) = mail_to(&app, &order.email).await;
        assert_eq!(subject, format!("Order BB-{:06}: paid", order.id), "{kept:?}");
        assert!(body.contains(&format!("{site}/orders/{}", order.id)), "{body}");
    }
    // a request without a prefix writes in the shopper's chosen language (the cookie)
    let mut b = Browser::new(&app);
    b.get("/language?code=sw&back=/").await;
    let csrf = b.csrf("/account/register").await;
    b.post("/account/register", &[("csrf", &csrf), ("name", "Juma"), ("email", "juma@example.com"), ("password", PASSWORD)]).await;
    let (subject, body) = mail_to(&app, "juma@example.com").await;
    assert_eq!(subject, i18n.msg("sw", "email-verify-subject", &[("shop", shop.clone().into())]));
    assert!(body.contains(&format!("{site}/sw/account/verify?token=")), "{body}");
}

/// Paying online in French: Paystack sends the shopper back to the French pages, and the e-mail
/// that the payment's confirmation sends during that request is French.
#[tokio::test]
async fn a_payment_confirmed_when_the_shopper_returns_is_told_in_their_language() {
    const KEY: &str = "sk_test_5a2c";
    let fake = baobab_payments::fake::FakePaystack::start(KEY);
    let mut settings = baobab_web::WebSettings::default();
    settings.payments.paystack = Some(baobab_payments::PaystackConfig { secret_key: KEY.into(), base_url: fake.base_url() });
    let app = TestApp::with_settings(settings).await;
    let i18n = I18n::shipped();
    let variant = app.store().product(baobab_store::Key::Slug("kora-phone-model-10")).await.unwrap().unwrap().variants[0].id.to_string();
    let mut b = Browser::new(&app);
    b.post("/fr/cart/add", &[("variant_id", &variant), ("quantity", "1")]).await;
    let page = b.get("/fr/checkout").await.text();
    assert!(page.contains(&i18n.msg("fr", "payment-paystack", &[])), "{page}");
    let (csrf, key) = form_fields(&page);
    let mut fields = checkout_fields(&csrf, &key, "paye@example.com");
    fields[8] = ("payment_method", "paystack");
    let r = b.post("/fr/checkout", &fields).await;
    assert!(r.status == 303 && r.header("location").starts_with(&fake.base_url()), "{}", r.text());
    let started = fake.initialized().remove(0);
    assert!(started.callback_url.ends_with("/fr/payments/paystack/return"), "{}", started.callback_url);
    let waiting = b.get(&format!("/fr/orders/{}", app.store().list_orders(None, 0, 1).await.unwrap()[0].id)).await;
    assert!(waiting.text().contains(&i18n.msg("fr", "order-paystack-waiting", &[])), "{}", waiting.text());
    mail_to(&app, "paye@example.com").await; // the confirmation of the order
    fake.pay(&started.reference, true);
    let back = b.get(&format!("/fr/payments/paystack/return?reference={}", started.reference)).await;
    let order = app.store().list_orders(None, 0, 1).await.unwrap().remove(0);
    assert_eq!((back.status.as_u16(), back.header("location")), (303, format!("/fr/orders/{}", order.id).as_str()));
    assert!(b.get(back.header("location")).await.text().contains(&i18n.msg("fr", "order-paid", &[])));
    let (subject, body) = mail_to(&app, "paye@example.com").await;
    let status = i18n.msg("fr", "status-paid", &[]);
    assert_eq!(
        subject,
        i18n.msg("fr", "email-status-subject", &[("number", format!("BB-{:06}", order.id).into()), ("status", status.into())])
    );
    assert!(body.contains(&baobab_locale::format_money(order.totals.total, order.currency, "fr")), "{body}");
}
