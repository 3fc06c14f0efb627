//! Online payments end to end, with the real Paystack and Daraja clients talking to local fake
//! servers that follow the providers' protocols: redirect and webhook, bad signatures, replays
//! processed once, a return before the webhook, a provider that is down, money after the order
//! expired, the M-Pesa prompt, its callback on a secret URL, failures and retries.

use axum::body::Body;
use axum::http::Request;
use baobab_domain::order::OrderStatus;
use baobab_domain::payment::PaymentStatus;
use baobab_payments::fake::{FakeDaraja, FakePaystack};
use baobab_web::WebSettings;

use crate::accounts::Browser;
use crate::cart::{checkout_at, checkout_with};
use crate::support::{Res, TestApp};

const PAYSTACK_KEY: &str = "sk_test_4f1e0c2b9d";

async fn paystack_app() -> (TestApp, FakePaystack) {
    let fake = FakePaystack::start(PAYSTACK_KEY);
    let mut settings = WebSettings::default();
    settings.payments.paystack = Some(baobab_payments::PaystackConfig { secret_key: PAYSTACK_KEY.into(), base_url: fake.base_url() });
    (TestApp::with_settings(settings).await, fake)
}

/// An app with M-Pesa against a fake Daraja; callbacks go to `/webhooks/mpesa/cb-7f3a9e`.
async fn mpesa_app() -> (TestApp, FakeDaraja) {
    let fake = FakeDaraja::start("ck_live_1", "cs_live_1", "174379", "passkey-abc");
    let mut settings = WebSettings::default();
    settings.payments.mpesa = Some(baobab_payments::MpesaConfig {
        consumer_key: "ck_live_1".into(),
        consumer_secret: "cs_live_1".into(),
        shortcode: "174379".into(),
        passkey: "passkey-abc".into(),
        base_url: fake.base_url(),
    });
    settings.payments.mpesa_callback_token = "cb-7f3a9e".into();
    let app = TestApp::with_settings(settings).await;
    (app, fake)
}

async fn post_raw(app: &TestApp, path: &str, headers: &[(&str, &str)], body: Vec<u8>) -> Res {
    let mut b = Request::post(path).header("content-type", "application/json");
    for (k, v) in headers {
        b = b.header(*k, *v);
    }
    app.send(b.body(Body::from(body)).unwrap()).await
}

async fn post_fields(b: &mut Browser<'_>, path: &str, fields: &[(String, String)]) -> Res {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    b.post(path, &pairs).await
}

async fn add_to_cart(b: &mut Browser<'_>, app: &TestApp, slug: &str) {
    let p = app.store().product(baobab_store::Key::Slug(slug)).await.unwrap().unwrap();
    let r = b.post("/cart/add", &[("variant_id", &p.variants[0].id.to_string()), ("quantity", "1")]).await;
    assert_eq!(r.status, 303);
}

/// Presses "Pay now" on the order page (its form carries a fresh idempotency key).
async fn pay_now(b: &mut Browser<'_>, id: i64) -> (Res, Vec<(String, String)>) {
    let html = b.get(&format!("/orders/{id}")).await.text();
    let fields = vec![
        ("csrf".to_string(), crate::support::between(&html, "name=\"csrf\" value=\"", "\"")),
        ("idempotency_key".to_string(), crate::support::between(&html, "name=\"idempotency_key\" value=\"", "\"")),
    ];
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    (b.post(&format!("/orders/{id}/pay"), &pairs).await, fields)
}

fn order_id(location: &str) -> i64 {
    location.trim_start_matches("/orders/").parse().unwrap()
}

/// How many times the order entered `paid` (each status change is recorded once).
async fn order_events(app: &TestApp, id: i64) -> usize {
    app.store().order_history(id).await.unwrap().iter().filter(|h| h.to_status == "paid").count()
}

#[tokio::test]
async fn paystack_redirect_webhook_signatures_and_replays() {
    let (app, fake) = paystack_app().await;
    let mut b = Browser::new(&app);
    add_to_cart(&mut b, &app, "kora-phone-model-10").await;
    let page = b.get("/checkout").await;
    // the browser may follow the form's redirect to Paystack's page (form-action)
    let csp = page.header("content-security-policy").to_string();
    assert!(csp.contains(&format!("form-action 'self' https://checkout.paystack.com {}", fake.base_url())), "{csp}");
    let page = page.text();
    assert!(page.contains("value=\"paystack\""), "Paystack is offered for naira");
    let sent = crate::cart::checkout_form(
        &mut b,
        "/checkout",
        &[("payment_method", "paystack"), ("city", "Ikeja"), ("shipping_method", "lagos-express")],
    )
    .await;
    let r = post_fields(&mut b, "/checkout", &sent).await;
    assert_eq!(r.status, 303, "{}", r.text());
    assert!(r.header("location").starts_with(&fake.base_url()), "to Paystack's page: {}", r.header("location"));
    let init = fake.initialized();
    assert_eq!(init.len(), 1);
    let order = app.store().list_orders(None, 0, 1).await.unwrap().remove(0);
    assert_eq!((init[0].amount_minor, init[0].currency.as_str()), (order.totals.total, "NGN"));
    assert!(init[0].callback_url.ends_with("/payments/paystack/return"));
    assert_eq!(order.status, OrderStatus::PendingPayment);
    let reference = init[0].reference.clone();
    assert!(reference.starts_with(&format!("BB-{:06}-", order.id)));

    // the browser resends the checkout (same key): the same order and the same Paystack page
    let page_url = r.header("location").to_string();
    let again = post_fields(&mut b, "/checkout", &sent).await;
    assert_eq!((again.status.as_u16(), again.header("location")), (303, page_url.as_str()));
    assert_eq!(fake.initialized().len(), 1, "no second attempt");

    let conf = b.get(&format!("/orders/{}", order.id)).await.text();
    assert!(conf.contains("waiting for Paystack to confirm") && conf.contains("I have paid — check now"), "{conf}");
    assert!(conf.contains(&format!("href=\"{page_url}\"")) && conf.contains("Continue to payment"), "the way back to Paystack's page");
    assert!(!conf.contains("Pay now"), "no second attempt while this one is fresh");

    // the customer pays; forged and broken notifications change nothing
    fake.pay(&reference, true);
    let (body, sig) = fake.webhook(&reference);
    let bad = post_raw(&app, "/webhooks/paystack", &[("x-paystack-signature", &"0".repeat(128))], body.clone()).await;
    assert_eq!(bad.status, 401);
    assert_eq!(bad.json()["error"]["message"], "invalid signature");
    assert_eq!(post_raw(&app, "/webhooks/paystack", &[], body.clone()).await.status, 401, "no signature");
    let tampered = String::from_utf8(body.clone()).unwrap().replace(&format!("\"amount\":{}", order.totals.total), "\"amount\":100");
    assert_ne!(tampered.as_bytes(), &body[..]);
    assert_eq!(post_raw(&app, "/webhooks/paystack", &[("x-paystack-signature", &sig)], tampered.into_bytes()).await.status, 401);
    let junk = b"{not json".to_vec();
    let junk_sig = baobab_payments::paystack::signature(PAYSTACK_KEY, &junk);
    assert_eq!(post_raw(&app, "/webhooks/paystack", &[("x-paystack-signature", &junk_sig)], junk).await.status, 400);
    assert_eq!(app.store().order(order.id).await.unwrap().unwrap().status, OrderStatus::PendingPayment, "nothing changed");

    // the real webhook, then Paystack's retry of it (and a concurrent duplicate)
    let ok = post_raw(&app, "/webhooks/paystack", &[("x-paystack-signature", &sig)], body.clone()).await;
    assert_eq!(ok.status, 200, "{}", ok.text());
    assert_eq!(ok.json()["outcome"], "applied");
    let signed = [("x-paystack-signature", sig.as_str())];
    let (a, c) = tokio::join!(
        post_raw(&app, "/webhooks/paystack", &signed, body.clone()),
        post_raw(&app, "/webhooks/paystack", &signed, body.clone())
    );
    assert_eq!((a.status.as_u16(), c.status.as_u16()), (200, 200));
    assert_eq!((a.json()["outcome"].as_str(), c.json()["outcome"].as_str()), (Some("replayed"), Some("replayed")));
    let paid = app.store().order(order.id).await.unwrap().unwrap();
    assert_eq!(paid.status, OrderStatus::Paid);
    let attempts = app.store().payments_of_order(order.id).await.unwrap();
    assert_eq!(attempts.iter().map(|p| p.status).collect::<Vec<_>>(), [PaymentStatus::Succeeded]);
    assert_eq!(order_events(&app, order.id).await, 1, "one 'paid' e-mail");

    // the customer comes back from Paystack afterwards: the order page, nothing new
    let back = b.get(&format!("/payments/paystack/return?trxref={reference}&reference={reference}")).await;
    assert_eq!((back.status.as_u16(), back.header("location")), (303, format!("/orders/{}", order.id).as_str()));
    assert!(b.get(&format!("/orders/{}", order.id)).await.text().contains("Your payment was received"));
    assert_eq!(b.get("/payments/paystack/return?reference=BB-999999-000000").await.status, 404);
    assert_eq!(b.get("/payments/paystack/return").await.status, 400);
    // events for other things are acknowledged and ignored
    let other = br#"{"event":"transfer.success","data":{"id":1}}"#.to_vec();
    let other_sig = baobab_payments::paystack::signature(PAYSTACK_KEY, &other);
    let r = post_raw(&app, "/webhooks/paystack", &[("x-paystack-signature", &other_sig)], other).await;
    assert_eq!((r.status.as_u16(), r.json()["ignored"].as_str()), (200, Some("transfer.success")));
}

#[tokio::test]
async fn paystack_return_first_provider_down_and_money_after_expiry() {
    let (app, fake) = paystack_app().await;
    // Paystack is down at checkout: the order is kept, the page offers to pay again
    fake.set_down(true);
    let mut b = Browser::new(&app);
    add_to_cart(&mut b, &app, "kora-phone-model-11").await;
    let r = checkout_with(&mut b, &[("payment_method", "paystack"), ("city", "Ikeja"), ("shipping_method", "lagos-express")]).await;
    assert_eq!(r.status, 303);
    let id = order_id(r.header("location"));
    let page = b.get(&format!("/orders/{id}")).await.text();
    assert!(page.contains("Paystack could not be reached") && page.contains("Pay now"), "{page}");
    fake.set_down(false);
    let (again, fields) = pay_now(&mut b, id).await;
    assert_eq!(again.status, 303);
    assert!(again.header("location").starts_with(&fake.base_url()));
    // the same form again (a double click): the same attempt, the same page, nothing new
    let attempts = fake.initialized().len();
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let twice = b.post(&format!("/orders/{id}/pay"), &pairs).await;
    assert_eq!(twice.header("location"), again.header("location"));
    assert_eq!(fake.initialized().len(), attempts);
    assert_eq!(app.store().payments_of_order(id).await.unwrap().len(), 2, "the failed attempt and this one");
    let csrf = fields[0].1.clone();
    assert_eq!(b.post(&format!("/orders/{id}/pay"), &[("csrf", &csrf)]).await.status, 422, "no idempotency key");
    assert_eq!(b.post(&format!("/orders/{id}/pay"), &[("csrf", &csrf), ("idempotency_key", "short")]).await.status, 422);
    assert_eq!(b.post(&format!("/orders/{id}/pay"), &[("csrf", "wrong"), ("idempotency_key", &"a".repeat(32))]).await.status, 403);
    let mut stranger = Browser::new(&app);
    stranger.get("/").await;
    assert_eq!(stranger.post(&format!("/orders/{id}/pay"), &[("csrf", "x")]).await.status, 404, "not theirs");

    // the customer returns before the webhook: we ask Paystack, the order is paid
    let reference = fake.initialized().last().unwrap().reference.clone();
    b.get(&format!("/payments/paystack/return?reference={reference}")).await;
    assert_eq!(app.store().order(id).await.unwrap().unwrap().status, OrderStatus::PendingPayment, "not paid yet");
    fake.pay(&reference, true);
    b.get(&format!("/payments/paystack/return?reference={reference}")).await;
    assert_eq!(app.store().order(id).await.unwrap().unwrap().status, OrderStatus::Paid);
    // …and the late webhook changes nothing
    let (body, sig) = fake.webhook(&reference);
    let r = post_raw(&app, "/webhooks/paystack", &[("x-paystack-signature", &sig)], body).await;
    assert_eq!((r.status.as_u16(), r.json()["outcome"].as_str()), (200, Some("unchanged")));
    assert_eq!(order_events(&app, id).await, 1);

    // money after the order expired: kept for staff to review, the order stays cancelled
    add_to_cart(&mut b, &app, "kora-phone-model-13").await;
    let r = checkout_with(&mut b, &[("payment_method", "paystack"), ("city", "Ikeja"), ("shipping_method", "lagos-express")]).await;
    assert_eq!(r.status, 303);
    let late = app.store().list_orders(None, 0, 1).await.unwrap().remove(0);
    app.store().expire_unpaid(chrono::Utc::now() + chrono::Duration::hours(2)).await.unwrap();
    let reference = fake.initialized().last().unwrap().reference.clone();
    fake.pay(&reference, true);
    let (body, sig) = fake.webhook(&reference);
    assert_eq!(post_raw(&app, "/webhooks/paystack", &[("x-paystack-signature", &sig)], body).await.status, 200);
    assert_eq!(app.store().order(late.id).await.unwrap().unwrap().status, OrderStatus::Cancelled);
    let p = app.store().payment_by_reference(&reference).await.unwrap().unwrap();
    assert_eq!(p.status, PaymentStatus::NeedsReview);
    assert!(p.detail.contains("already cancelled"), "{}", p.detail);

    // a lost webhook: the reconciler asks Paystack
    add_to_cart(&mut b, &app, "kora-phone-model-14").await;
    checkout_with(&mut b, &[("payment_method", "paystack"), ("city", "Ikeja"), ("shipping_method", "lagos-express")]).await;
    let lost = app.store().list_orders(None, 0, 1).await.unwrap().remove(0);
    fake.pay(&fake.initialized().last().unwrap().reference, true);
    assert!(baobab_web::checkout::payments::reconcile(&app.state, chrono::Duration::zero()).await.unwrap() >= 1);
    assert_eq!(app.store().order(lost.id).await.unwrap().unwrap().status, OrderStatus::Paid);
}

#[tokio::test]
async fn mpesa_prompt_callback_on_a_secret_url_failures_and_retries() {
    let (app, fake) = mpesa_app().await;
    let mut b = Browser::new(&app);
    add_to_cart(&mut b, &app, "kora-phone-model-10").await;
    let kes = "/checkout?currency=KES";
    assert!(!b.get("/checkout").await.text().contains("value=\"mpesa\""), "M-Pesa takes shillings only");
    assert!(b.get(kes).await.text().contains("value=\"mpesa\""));
    let kenya = [("country", "KE"), ("city", "Nairobi"), ("shipping_method", "nairobi-rider"), ("payment_method", "mpesa")];
    let mut nigerian_phone = kenya.to_vec();
    nigerian_phone.push(("phone", "+234 803 555 0101"));
    let r = checkout_at(&mut b, kes, &nigerian_phone).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("M-Pesa needs a Kenyan mobile number"));
    let mut fields = kenya.to_vec();
    fields.push(("phone", "+254 712 345 678"));
    let r = checkout_at(&mut b, kes, &fields).await;
    assert_eq!(r.status, 303, "{}", r.text());
    let id = order_id(r.header("location"));
    let push = fake.pushes().pop().unwrap();
    let order = app.store().order(id).await.unwrap().unwrap();
    assert_eq!((push.phone.as_str(), push.amount * 100), ("254712345678", (order.totals.total + 99) / 100 * 100));
    assert!(push.callback_url.ends_with("/webhooks/mpesa/cb-7f3a9e"), "{}", push.callback_url);
    let page = b.get(&format!("/orders/{id}")).await.text();
    assert!(page.contains("Check your phone and enter your M-Pesa PIN"), "{page}");

    // "check now" with a bad form, a bad id, or on someone else's order: refused, nothing asked
    assert_eq!(b.post(&format!("/orders/{id}/payment/check"), &[("csrf", "wrong")]).await.status, 403);
    assert_eq!(b.post("/orders/abc/payment/check", &[("csrf", "x")]).await.status, 400);
    let mut stranger = Browser::new(&app);
    stranger.get("/").await;
    assert_eq!(stranger.post(&format!("/orders/{id}/payment/check"), &[("csrf", "x")]).await.status, 404);
    // not answered yet: "check now" leaves it pending
    let csrf = b.csrf(&format!("/orders/{id}")).await;
    assert_eq!(b.post(&format!("/orders/{id}/payment/check"), &[("csrf", &csrf)]).await.status, 303);
    assert_eq!(app.store().order(id).await.unwrap().unwrap().status, OrderStatus::PendingPayment);

    // the customer pays; a callback on the wrong URL, or garbage, changes nothing
    fake.answer(&push.checkout_request_id, 0);
    let body = fake.callback_body(&push.checkout_request_id);
    assert_eq!(post_raw(&app, "/webhooks/mpesa/guessed", &[], body.clone()).await.status, 401);
    assert_eq!(post_raw(&app, "/webhooks/mpesa/cb-7f3a9e", &[], b"<xml/>".to_vec()).await.status, 400);
    assert_eq!(app.store().order(id).await.unwrap().unwrap().status, OrderStatus::PendingPayment);
    let ok = post_raw(&app, "/webhooks/mpesa/cb-7f3a9e", &[], body.clone()).await;
    assert_eq!((ok.status.as_u16(), ok.json()["ResultCode"].as_i64()), (200, Some(0)));
    assert_eq!(app.store().order(id).await.unwrap().unwrap().status, OrderStatus::Paid);
    // Daraja sends it again: processed once
    assert_eq!(post_raw(&app, "/webhooks/mpesa/cb-7f3a9e", &[], body).await.status, 200);
    assert_eq!(order_events(&app, id).await, 1);
    let paid = app.store().payments_of_order(id).await.unwrap();
    assert_eq!(paid.len(), 1);
    assert!(paid[0].detail.contains("transaction"), "{}", paid[0].detail);

    // cancelled on the phone: the attempt fails, the order waits; the customer tries again
    add_to_cart(&mut b, &app, "kora-phone-model-11").await;
    let r = checkout_at(&mut b, kes, &fields).await;
    let id2 = order_id(r.header("location"));
    let first = fake.pushes().pop().unwrap();
    fake.answer(&first.checkout_request_id, 1032);
    let r = post_raw(&app, "/webhooks/mpesa/cb-7f3a9e", &[], fake.callback_body(&first.checkout_request_id)).await;
    assert_eq!(r.status, 200);
    assert_eq!(app.store().order(id2).await.unwrap().unwrap().status, OrderStatus::PendingPayment);
    let page = b.get(&format!("/orders/{id2}")).await.text();
    assert!(page.contains("did not go through") && page.contains("Pay now"), "{page}");
    assert_eq!(pay_now(&mut b, id2).await.0.status, 303);
    let second = fake.pushes().pop().unwrap();
    assert_ne!(second.checkout_request_id, first.checkout_request_id, "a new prompt");
    // no callback arrives this time: "I have paid — check now" asks Daraja
    fake.answer(&second.checkout_request_id, 0);
    let csrf = b.csrf(&format!("/orders/{id2}")).await;
    b.post(&format!("/orders/{id2}/payment/check"), &[("csrf", &csrf)]).await;
    assert_eq!(app.store().order(id2).await.unwrap().unwrap().status, OrderStatus::Paid);
    let statuses: Vec<PaymentStatus> = app.store().payments_of_order(id2).await.unwrap().iter().map(|p| p.status).collect();
    assert_eq!(statuses, [PaymentStatus::Failed, PaymentStatus::Succeeded]);
    // a late success callback for the failed first prompt changes nothing
    assert_eq!(post_raw(&app, "/webhooks/mpesa/cb-7f3a9e", &[], fake.callback_body(&first.checkout_request_id)).await.status, 200);
    assert_eq!(app.store().payments_of_order(id2).await.unwrap()[0].status, PaymentStatus::Failed);
}

#[tokio::test]
async fn webhooks_of_providers_that_are_not_enabled_are_404() {
    let app = TestApp::new().await;
    assert_eq!(post_raw(&app, "/webhooks/paystack", &[], b"{}".to_vec()).await.status, 404);
    assert_eq!(post_raw(&app, "/webhooks/mpesa/x", &[], b"{}".to_vec()).await.status, 404);
    let mut b = Browser::new(&app);
    add_to_cart(&mut b, &app, "kora-phone-model-10").await;
    let page = b.get("/checkout").await.text();
    assert!(!page.contains("value=\"paystack\"") && !page.contains("value=\"mpesa\""));
    let r = checkout_with(&mut b, &[("payment_method", "paystack")]).await;
    assert_eq!(r.status, 422, "not offered, not accepted");
}

#[tokio::test]
async fn abandoned_attempts_are_given_up_and_expired_orders_tell_the_customer() {
    let fake = FakePaystack::start(PAYSTACK_KEY);
    let mut settings = WebSettings::default();
    settings.payments.paystack = Some(baobab_payments::PaystackConfig { secret_key: PAYSTACK_KEY.into(), base_url: fake.base_url() });
    // a payment window already over: every attempt is old enough to give up
    settings.checkout.online_payment_minutes = -30;
    let app = TestApp::with_settings(settings).await;
    let mut b = Browser::new(&app);
    add_to_cart(&mut b, &app, "kora-phone-model-16").await;
    let r = checkout_with(&mut b, &[("payment_method", "paystack"), ("city", "Ikeja"), ("shipping_method", "lagos-express")]).await;
    assert_eq!(r.status, 303);
    let order = app.store().list_orders(None, 0, 1).await.unwrap().remove(0);
    // the customer closed Paystack's page: the reconciler gives the attempt up, then the order expires
    assert_eq!(baobab_web::checkout::payments::reconcile(&app.state, chrono::Duration::zero()).await.unwrap(), 1);
    let p = app.store().payments_of_order(order.id).await.unwrap().remove(0);
    assert_eq!((p.status, p.detail.as_str()), (PaymentStatus::Failed, "not paid in time"));
    assert!(app.store().pending_payments(chrono::Utc::now(), 10).await.unwrap().is_empty(), "nothing left for the next round");
    assert_eq!(baobab_web::checkout::payments::expire_unpaid(&app.state).await.unwrap(), 1);
    let page = b.get(&format!("/orders/{}", order.id)).await.text();
    assert!(page.contains("This order is cancelled") && !page.contains("payment was received"), "{page}");
    let mails = app.store().claim_emails(chrono::Utc::now(), 60, 50).await.unwrap();
    assert!(mails.iter().any(|m| m.subject == format!("Order BB-{:06}: cancelled", order.id)), "the customer is told");
}

#[tokio::test]
async fn mpesa_money_for_an_unknown_prompt_is_kept_for_staff() {
    let (app, _daraja) = mpesa_app().await; // the prompt was sent, but no attempt recorded it
    // a success callback for a prompt no attempt knows (our start timed out after Daraja sent it)
    let body = br#"{"Body":{"stkCallback":{"MerchantRequestID":"29115-1","CheckoutRequestID":"ws_CO_unknown","ResultCode":0,"ResultDesc":"The service request is processed successfully.","CallbackMetadata":{"Item":[{"Name":"Amount","Value":1500.00},{"Name":"MpesaReceiptNumber","Value":"NLJ7RT61SV"},{"Name":"TransactionDate","Value":20261124102115},{"Name":"PhoneNumber","Value":254708374149}]}}}}"#;
    for _ in 0..2 {
        let r = post_raw(&app, "/webhooks/mpesa/cb-7f3a9e", &[], body.to_vec()).await;
        assert_eq!((r.status.as_u16(), r.json()["ResultCode"].as_i64()), (200, Some(0)));
    }
    let kept = app.store().unmatched_events(10).await.unwrap();
    assert_eq!(kept.len(), 1, "kept once");
    assert!(kept[0].outcome.contains("NLJ7RT61SV") && kept[0].outcome.contains("254708374149"), "{}", kept[0].outcome);
    let (mut owner, _) = crate::admin::staff_member_pub(&app, "owner@example.com", baobab_domain::account::StaffRole::Owner).await;
    let dash = owner.get("/admin").await.text();
    assert!(dash.contains("Payments to review") && dash.contains("stk:ws_CO_unknown"), "{dash}");
}

#[tokio::test]
async fn checkout_with_a_coupon_and_paystack_on_postgres() {
    let fake = FakePaystack::start(PAYSTACK_KEY);
    let mut settings = WebSettings::default();
    settings.payments.paystack = Some(baobab_payments::PaystackConfig { secret_key: PAYSTACK_KEY.into(), base_url: fake.base_url() });
    let Some(app) = TestApp::postgres_with(settings).await else { return };
    let limited = baobab_domain::order::Coupon {
        code: "PG5".into(),
        kind: baobab_domain::order::CouponKind::Percent(500),
        currency: None,
        minimum_minor: 0,
        expires_at: None,
        usage_limit: Some(1),
        used: 0,
        active: true,
    };
    app.store().create_coupon(&limited).await.unwrap();
    let mut b = Browser::new(&app);
    add_to_cart(&mut b, &app, "kora-phone-model-17").await;
    let r = checkout_with(
        &mut b,
        &[("payment_method", "paystack"), ("coupon", "pg5"), ("city", "Ikeja"), ("shipping_method", "lagos-express")],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text());
    let order = app.store().list_orders(None, 0, 1).await.unwrap().remove(0);
    assert_eq!((order.coupon_code.as_deref(), order.totals.discount), (Some("PG5"), order.totals.subtotal * 5 / 100));
    let reference = fake.initialized().pop().unwrap().reference;
    fake.pay(&reference, true);
    let (body, sig) = fake.webhook(&reference);
    let signed = [("x-paystack-signature", sig.as_str())];
    let back = format!("/payments/paystack/return?reference={reference}");
    let (a, c) = tokio::join!(post_raw(&app, "/webhooks/paystack", &signed, body.clone()), b.get(&back));
    assert_eq!((a.status.as_u16(), c.status.as_u16()), (200, 303), "webhook and return at once: {}", a.text());
    assert_eq!(app.store().order(order.id).await.unwrap().unwrap().status, OrderStatus::Paid);
    assert_eq!(order_events(&app, order.id).await, 1, "paid once");
    // the coupon's single use is spent
    add_to_cart(&mut b, &app, "kora-phone-model-17").await;
    let r = checkout_with(
        &mut b,
        &[("payment_method", "paystack"), ("coupon", "PG5"), ("city", "Ikeja"), ("shipping_method", "lagos-express")],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("PG5 cannot be used for this order"));
}
