//! The real Paystack and M-Pesa clients against the local fake servers (all on 127.0.0.1).

use std::time::{Duration, Instant};

use baobab_domain::Currency;
use baobab_payments::fake::{FakeDaraja, FakePaystack};
use baobab_payments::mpesa::{self, Mpesa, MpesaConfig, StkCallback};
use baobab_payments::paystack::{self, Paystack, PaystackConfig, WebhookEvent};
use baobab_payments::{NextStep, Outcome, PaymentError, PaymentRef, Provider, StartRequest, Started, WebhookError};

const SECRET: &str = "sk_test_4f1c0a9e7d";

fn currency(code: &str) -> Currency {
    code.parse().unwrap()
}

fn request(reference: &str, amount_minor: i64, code: &str) -> StartRequest {
    StartRequest {
        reference: reference.to_string(),
        amount_minor,
        currency: currency(code),
        email: "ada@example.com".into(),
        phone: Some("+254712345678".into()),
        callback_url: "https://shop.example/pay/return".into(),
        description: "Order BB-000042".into(),
    }
}

fn paystack(base_url: &str, secret_key: &str) -> Paystack {
    Paystack::new(PaystackConfig { secret_key: secret_key.into(), base_url: base_url.into() }).unwrap()
}

fn payment<'a>(req: &'a StartRequest, started: &'a Started) -> PaymentRef<'a> {
    PaymentRef {
        reference: &req.reference,
        provider_ref: &started.provider_ref,
        amount_minor: started.amount_minor,
        currency: req.currency,
    }
}

/// An address where nothing listens: bound, then released.
fn dead_base_url() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    format!("http://{addr}")
}

// ---------------------------------------------------------------- Paystack

#[tokio::test]
async fn paystack_initialize_gives_the_hosted_page() {
    let fake = FakePaystack::start(SECRET);
    let client = paystack(&fake.base_url(), SECRET);
    let req = request("BB-000042-1a2b3c", 1_250_000, "NGN");
    let started = client.start(&req).await.unwrap();

    let sent = fake.initialized();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].reference, "BB-000042-1a2b3c");
    assert_eq!(sent[0].amount_minor, 1_250_000);
    assert_eq!(sent[0].currency, "NGN");
    assert_eq!(sent[0].email, "ada@example.com");
    assert_eq!(sent[0].callback_url, "https://shop.example/pay/return");
    assert_eq!(sent[0].description.as_deref(), Some("Order BB-000042"));

    assert_eq!(started.provider_ref, sent[0].access_code);
    assert_eq!(started.amount_minor, 1_250_000);
    let NextStep::Redirect { url } = &started.next else { panic!("expected a redirect, got {:?}", started.next) };
    assert_eq!(url, &format!("{}/checkout/{}", fake.base_url(), sent[0].access_code));
    let page = baobab_payments::http_client().unwrap().get(url).send().await.unwrap();
    assert_eq!(page.status().as_u16(), 200);
    assert!(page.text().await.unwrap().contains("NGN 1250000 for BB-000042-1a2b3c"));
}

#[tokio::test]
async fn paystack_verify_follows_the_transaction() {
    let fake = FakePaystack::start(SECRET);
    let client = paystack(&fake.base_url(), SECRET);

    let paid = request("BB-000043-aa", 500_000, "KES");
    let started = client.start(&paid).await.unwrap();
    // Opened but not paid: Paystack says "abandoned", and the customer may still pay.
    assert_eq!(client.check(&payment(&paid, &started)).await.unwrap(), Outcome::Pending);
    fake.pay("BB-000043-aa", true);
    assert_eq!(
        client.check(&payment(&paid, &started)).await.unwrap(),
        Outcome::Succeeded { amount_minor: 500_000, currency: currency("KES"), provider_txn: "302961".into() }
    );

    let declined = request("BB-000044-bb", 9_900, "GHS");
    let started = client.start(&declined).await.unwrap();
    fake.pay("BB-000044-bb", false);
    assert_eq!(client.check(&payment(&declined, &started)).await.unwrap(), Outcome::Failed { reason: "Declined".into() });
    fake.set_status("BB-000044-bb", "reversed", "Reversed by the bank");
    assert_eq!(client.check(&payment(&declined, &started)).await.unwrap(), Outcome::Failed { reason: "Reversed by the bank".into() });
    fake.set_status("BB-000044-bb", "ongoing", "");
    assert_eq!(client.check(&payment(&declined, &started)).await.unwrap(), Outcome::Pending);
}

#[tokio::test]
async fn paystack_reference_is_percent_encoded_in_the_verify_path() {
    let fake = FakePaystack::start(SECRET);
    let client = paystack(&format!("{}/", fake.base_url()), SECRET);
    let req = request("BB 45/x?y", 100, "ZAR");
    let started = client.start(&req).await.unwrap();
    fake.pay("BB 45/x?y", true);
    assert_eq!(
        client.check(&payment(&req, &started)).await.unwrap(),
        Outcome::Succeeded { amount_minor: 100, currency: currency("ZAR"), provider_txn: "302961".into() }
    );
}

#[tokio::test]
async fn paystack_refusals_carry_its_message() {
    let fake = FakePaystack::start(SECRET);
    let client = paystack(&fake.base_url(), SECRET);
    let req = request("BB-000046-cc", 1_000, "USD");
    client.start(&req).await.unwrap();
    assert_eq!(client.start(&req).await, Err(PaymentError::Refused("Duplicate Transaction Reference".into())));

    let mut bad_email = request("BB-000047-dd", 1_000, "NGN");
    bad_email.email = "ada@example".into();
    assert_eq!(client.start(&bad_email).await, Err(PaymentError::Refused("Invalid Email Address Passed".into())));

    let unknown = PaymentRef { reference: "BB-999999-zz", provider_ref: "x", amount_minor: 1, currency: Currency::NGN };
    assert_eq!(client.check(&unknown).await, Err(PaymentError::Refused("Transaction reference not found".into())));

    let wrong_key = paystack(&fake.base_url(), "sk_test_wrong");
    assert_eq!(wrong_key.start(&request("BB-000048-ee", 1_000, "NGN")).await, Err(PaymentError::Refused("Invalid key".into())));
    let known = PaymentRef { reference: "BB-000046-cc", provider_ref: "x", amount_minor: 1_000, currency: Currency::USD };
    assert_eq!(wrong_key.check(&known).await, Err(PaymentError::Refused("Invalid key".into())));
    assert_eq!(fake.initialized().len(), 1);
}

#[tokio::test]
async fn paystack_fake_validates_like_paystack() {
    let fake = FakePaystack::start(SECRET);
    let http = baobab_payments::http_client().unwrap();
    let url = format!("{}/transaction/initialize", fake.base_url());
    let cases = [
        (None, r#"{"email":"ada@example.com","amount":"1000"}"#, 401, "Invalid key"),
        (Some(SECRET), r#"{"email":"ada@example.com","amount":"12.50"}"#, 400, "Invalid Amount Sent"),
        (Some(SECRET), r#"{"email":"ada@example.com","amount":0}"#, 400, "Invalid Amount Sent"),
        (Some(SECRET), r#"{"email":"ada@example.com","amount":-5}"#, 400, "Invalid Amount Sent"),
        (Some(SECRET), r#"{"email":"ada.example.com","amount":1000}"#, 400, "Invalid Email Address Passed"),
        (Some(SECRET), r#"{"email":"ada@example.com","amount":1000,"currency":"EGP"}"#, 400, "Currency not supported by merchant"),
    ];
    for (key, body, status, message) in cases {
        let mut post = http.post(&url).header("content-type", "application/json").body(body);
        if let Some(key) = key {
            post = post.bearer_auth(key);
        }
        let answer = post.send().await.unwrap();
        assert_eq!(answer.status().as_u16(), status, "{body}");
        let json: serde_json::Value = serde_json::from_slice(&answer.bytes().await.unwrap()).unwrap();
        assert_eq!(json, serde_json::json!({ "status": false, "message": message }), "{body}");
    }
    // A number amount and no currency (the merchant's default, NGN) are accepted.
    let answer = http.post(&url).bearer_auth(SECRET).body(r#"{"email":"ada@example.com","amount":1000}"#).send().await.unwrap();
    assert_eq!(answer.status().as_u16(), 200);
    let sent = fake.initialized();
    assert_eq!((sent.len(), sent[0].amount_minor, sent[0].currency.as_str()), (1, 1000, "NGN"));
}

#[tokio::test]
async fn paystack_down_or_gone_is_unavailable() {
    let fake = FakePaystack::start(SECRET);
    let client = paystack(&fake.base_url(), SECRET);
    let req = request("BB-000049-ff", 1_000, "NGN");
    fake.set_down(true);
    match client.start(&req).await {
        Err(PaymentError::Unavailable(m)) => assert!(m.contains("503"), "{m}"),
        other => panic!("expected Unavailable, got {other:?}"),
    }
    assert!(fake.initialized().is_empty());
    fake.set_down(false);
    let started = client.start(&req).await.unwrap();
    fake.set_down(true);
    assert!(matches!(client.check(&payment(&req, &started)).await, Err(PaymentError::Unavailable(_))));

    let gone = paystack(&dead_base_url(), SECRET);
    let began = Instant::now();
    assert!(matches!(gone.start(&req).await, Err(PaymentError::Unavailable(_))));
    assert!(matches!(gone.check(&payment(&req, &started)).await, Err(PaymentError::Unavailable(_))));
    assert!(began.elapsed() < Duration::from_secs(2), "took {:?}", began.elapsed());
}

#[tokio::test]
async fn paystack_rejects_what_it_cannot_send_without_a_request() {
    let fake = FakePaystack::start(SECRET);
    let client = paystack(&fake.base_url(), SECRET);
    assert!(matches!(client.start(&request("BB-000050-a", 1_000, "EGP")).await, Err(PaymentError::Invalid(m)) if m.contains("EGP")));
    assert!(matches!(client.start(&request("BB-000050-b", 0, "NGN")).await, Err(PaymentError::Invalid(_))));
    let mut no_email = request("BB-000050-c", 1_000, "NGN");
    no_email.email = String::new();
    assert!(matches!(client.start(&no_email).await, Err(PaymentError::Invalid(_))));
    assert!(fake.initialized().is_empty());

    assert_eq!(client.name(), "paystack");
    let taken: Vec<&str> = Currency::all().filter(|c| client.supports(*c)).map(|c| c.code()).collect();
    assert_eq!(taken, ["NGN", "KES", "ZAR", "GHS", "USD"]);
}

// ---------------------------------------------------------------- Paystack webhooks

/// Paystack's documented example body, signed with `openssl dgst -sha512 -hmac sk_test_baobab_vector`.
const VECTOR_BODY: &str = r#"{"event":"charge.success","data":{"id":302961,"domain":"live","status":"success","reference":"qTPrJoy9Bx","amount":10000,"currency":"NGN"}}"#;
const VECTOR_KEY: &str = "sk_test_baobab_vector";
const VECTOR_SIGNATURE: &str =
    "c604f8bb88d39e0fd1ec9d64e4316e124d59fe8c5566025759ca969414651e863de342ec4a3f8e407aa0d7c39cfe3ac402698913aabb11f4bbb90b5d8bd0c8ca";

#[test]
fn webhook_signature_matches_an_independent_computation() {
    assert_eq!(paystack::signature(VECTOR_KEY, VECTOR_BODY.as_bytes()), VECTOR_SIGNATURE);
    assert!(paystack::verify_signature(VECTOR_KEY, VECTOR_BODY.as_bytes(), Some(VECTOR_SIGNATURE)));
    assert_eq!(
        paystack::parse_webhook(VECTOR_KEY, VECTOR_BODY.as_bytes(), Some(VECTOR_SIGNATURE)),
        Ok(WebhookEvent {
            event: "charge.success".into(),
            id: "302961".into(),
            reference: "qTPrJoy9Bx".into(),
            status: "success".into(),
            amount_minor: 10000,
            currency: "NGN".into(),
        })
    );
}

#[test]
fn webhook_signature_rejects_anything_else() {
    let body = VECTOR_BODY.as_bytes();
    let tampered = VECTOR_BODY.replace("10000", "90000");
    assert!(!paystack::verify_signature(VECTOR_KEY, tampered.as_bytes(), Some(VECTOR_SIGNATURE)));
    assert!(!paystack::verify_signature("sk_test_other", body, Some(VECTOR_SIGNATURE)));
    assert!(!paystack::verify_signature(VECTOR_KEY, body, None));
    assert!(!paystack::verify_signature(VECTOR_KEY, body, Some("")));
    assert!(!paystack::verify_signature(VECTOR_KEY, body, Some("not hex at all")));
    assert!(!paystack::verify_signature(VECTOR_KEY, body, Some(&VECTOR_SIGNATURE[1..])));
    assert!(!paystack::verify_signature(VECTOR_KEY, body, Some(&VECTOR_SIGNATURE[..64])));
    let mut flipped = VECTOR_SIGNATURE.to_string();
    flipped.replace_range(0..1, "d");
    assert!(!paystack::verify_signature(VECTOR_KEY, body, Some(&flipped)));

    // The signature is checked before the body is read.
    assert_eq!(paystack::parse_webhook(VECTOR_KEY, b"garbage", Some(VECTOR_SIGNATURE)), Err(WebhookError::BadSignature));
    assert_eq!(paystack::parse_webhook(VECTOR_KEY, tampered.as_bytes(), Some(VECTOR_SIGNATURE)), Err(WebhookError::BadSignature));
    let garbage_signed = paystack::signature(VECTOR_KEY, b"garbage");
    assert!(matches!(paystack::parse_webhook(VECTOR_KEY, b"garbage", Some(&garbage_signed)), Err(WebhookError::Malformed(_))));
    let no_data = br#"{"event":"charge.success"}"#;
    let signed = paystack::signature(VECTOR_KEY, no_data);
    assert_eq!(paystack::parse_webhook(VECTOR_KEY, no_data, Some(&signed)), Err(WebhookError::Malformed("no data".into())));
}

#[tokio::test]
async fn fake_webhook_is_signed_like_paystack() {
    let fake = FakePaystack::start(SECRET);
    let client = paystack(&fake.base_url(), SECRET);
    client.start(&request("BB-000051-gg", 777_700, "NGN")).await.unwrap();
    fake.pay("BB-000051-gg", true);
    let (body, signature) = fake.webhook("BB-000051-gg");
    let event = paystack::parse_webhook(SECRET, &body, Some(&signature)).unwrap();
    assert_eq!(
        event,
        WebhookEvent {
            event: "charge.success".into(),
            id: "302961".into(),
            reference: "BB-000051-gg".into(),
            status: "success".into(),
            amount_minor: 777_700,
            currency: "NGN".into(),
        }
    );
    assert_eq!(paystack::parse_webhook("sk_test_other", &body, Some(&signature)), Err(WebhookError::BadSignature));
}

// ---------------------------------------------------------------- M-Pesa

const SHORTCODE: &str = "174379";
const PASSKEY: &str = "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919";

fn daraja() -> FakeDaraja {
    FakeDaraja::start("ck_baobab", "cs_baobab", SHORTCODE, PASSKEY)
}

fn mpesa_with(fake: &FakeDaraja, consumer_secret: &str, passkey: &str) -> Mpesa {
    Mpesa::new(MpesaConfig {
        consumer_key: "ck_baobab".into(),
        consumer_secret: consumer_secret.into(),
        shortcode: SHORTCODE.into(),
        passkey: passkey.into(),
        base_url: fake.base_url(),
    })
    .unwrap()
}

fn mpesa(fake: &FakeDaraja) -> Mpesa {
    mpesa_with(fake, "cs_baobab", PASSKEY)
}

#[tokio::test]
async fn mpesa_push_rounds_up_and_reuses_the_token() {
    let fake = daraja();
    let client = mpesa(&fake);
    let req = request("BB-000042-1a2b3c", 150_050, "KES");
    let started = client.start(&req).await.unwrap();

    let pushes = fake.pushes();
    assert_eq!(pushes.len(), 1);
    assert_eq!(pushes[0].phone, "254712345678");
    assert_eq!(pushes[0].amount, 1501);
    assert_eq!(pushes[0].callback_url, "https://shop.example/pay/return");
    assert_eq!(pushes[0].account_reference, "BB-000042-1a");
    assert_eq!(pushes[0].description, "Order BB-0000");
    assert!(pushes[0].checkout_request_id.starts_with("ws_CO_"));
    assert_eq!(
        started,
        Started {
            provider_ref: pushes[0].checkout_request_id.clone(),
            amount_minor: 150_100,
            next: NextStep::Phone { message: "Check your phone and enter your M-Pesa PIN to pay KES 1,501".into() },
        }
    );

    // Whole shillings are sent as they are.
    let mut exact = request("BB-000043-xy", 200_000, "KES");
    exact.phone = Some("+254112345678".into());
    let second = client.start(&exact).await.unwrap();
    assert_eq!(second.amount_minor, 200_000);
    assert_eq!((fake.pushes()[1].amount, fake.pushes()[1].phone.as_str()), (2000, "254112345678"));

    assert_eq!(client.check(&payment(&req, &started)).await.unwrap(), Outcome::Pending);
    assert_eq!(client.check(&payment(&exact, &second)).await.unwrap(), Outcome::Pending);
    assert_eq!(fake.token_requests(), 1);
}

#[tokio::test]
async fn mpesa_query_follows_the_customers_answer() {
    let fake = daraja();
    let client = mpesa(&fake);

    let paid = request("BB-000052-pp", 99_999, "KES");
    let started = client.start(&paid).await.unwrap();
    assert_eq!(client.check(&payment(&paid, &started)).await.unwrap(), Outcome::Pending);
    fake.answer(&started.provider_ref, 0);
    assert_eq!(
        client.check(&payment(&paid, &started)).await.unwrap(),
        Outcome::Succeeded { amount_minor: 100_000, currency: currency("KES"), provider_txn: started.provider_ref.clone() }
    );
    let callback = mpesa::parse_callback(&fake.callback_body(&started.provider_ref)).unwrap();
    let push = &fake.pushes()[0];
    assert_eq!(callback.checkout_request_id, started.provider_ref);
    assert_eq!(callback.merchant_request_id, push.merchant_request_id);
    assert_eq!(callback.result_code, 0);
    assert_eq!(callback.result_desc, "The service request is processed successfully.");
    assert_eq!(callback.amount_minor, Some(100_000));
    assert_eq!(callback.phone.as_deref(), Some("254712345678"));
    let receipt = callback.receipt.unwrap();
    assert!(receipt.len() == 10 && receipt.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()), "{receipt}");

    let cancelled = request("BB-000053-qq", 5_000, "KES");
    let started = client.start(&cancelled).await.unwrap();
    fake.answer(&started.provider_ref, 1032);
    assert_eq!(client.check(&payment(&cancelled, &started)).await.unwrap(), Outcome::Failed { reason: "Request cancelled by user".into() });
    let callback = mpesa::parse_callback(&fake.callback_body(&started.provider_ref)).unwrap();
    assert_eq!((callback.result_code, callback.result_desc.as_str()), (1032, "Request cancelled by user"));
    assert_eq!((callback.amount_minor, callback.receipt, callback.phone), (None, None, None));

    let broke = request("BB-000054-rr", 5_000, "KES");
    let started = client.start(&broke).await.unwrap();
    fake.answer(&started.provider_ref, 1);
    assert_eq!(
        client.check(&payment(&broke, &started)).await.unwrap(),
        Outcome::Failed { reason: "The balance is insufficient for the transaction.".into() }
    );

    let unknown = PaymentRef { reference: "BB-1", provider_ref: "ws_CO_nonexistent", amount_minor: 100, currency: currency("KES") };
    assert_eq!(client.check(&unknown).await, Err(PaymentError::Refused("Bad Request - Invalid CheckoutRequestID".into())));
    assert_eq!(fake.token_requests(), 1);
}

#[tokio::test]
async fn mpesa_rejects_what_it_cannot_send_without_a_request() {
    let fake = daraja();
    let client = mpesa(&fake);
    let mut foreign = request("BB-000055-a", 10_000, "KES");
    foreign.phone = Some("+255712345678".into());
    assert!(matches!(client.start(&foreign).await, Err(PaymentError::Invalid(m)) if m.contains("+255712345678")));
    let mut landline = request("BB-000055-b", 10_000, "KES");
    landline.phone = Some("+254202345678".into());
    assert!(matches!(client.start(&landline).await, Err(PaymentError::Invalid(m)) if m.contains("+254202345678")));
    let mut no_phone = request("BB-000055-c", 10_000, "KES");
    no_phone.phone = None;
    assert!(matches!(client.start(&no_phone).await, Err(PaymentError::Invalid(_))));
    assert!(matches!(client.start(&request("BB-000055-d", 10_000, "NGN")).await, Err(PaymentError::Invalid(m)) if m.contains("NGN")));
    assert!(matches!(client.start(&request("BB-000055-e", -100, "KES")).await, Err(PaymentError::Invalid(_))));
    assert!(fake.pushes().is_empty());
    assert_eq!(fake.token_requests(), 0);

    assert_eq!(client.name(), "mpesa");
    let taken: Vec<&str> = Currency::all().filter(|c| client.supports(*c)).map(|c| c.code()).collect();
    assert_eq!(taken, ["KES"]);
}

#[tokio::test]
async fn mpesa_refusals_carry_darajas_message() {
    let fake = daraja();
    let wrong_passkey = mpesa_with(&fake, "cs_baobab", "not-the-passkey");
    assert_eq!(
        wrong_passkey.start(&request("BB-000056-a", 10_000, "KES")).await,
        Err(PaymentError::Refused("Bad Request - Invalid Password".into()))
    );
    let wrong_secret = mpesa_with(&fake, "cs_wrong", PASSKEY);
    match wrong_secret.start(&request("BB-000056-b", 10_000, "KES")).await {
        Err(PaymentError::Refused(m)) => assert!(m.contains("Invalid Access Credentials"), "{m}"),
        other => panic!("expected Refused, got {other:?}"),
    }
    assert!(fake.pushes().is_empty());
}

#[tokio::test]
async fn mpesa_fake_validates_like_daraja() {
    let fake = daraja();
    let http = baobab_payments::http_client().unwrap();
    let base = fake.base_url();

    let no_auth = http.get(format!("{base}/oauth/v1/generate?grant_type=client_credentials")).send().await.unwrap();
    assert_eq!(no_auth.status().as_u16(), 400);
    let token_answer = http
        .get(format!("{base}/oauth/v1/generate?grant_type=client_credentials"))
        .basic_auth("ck_baobab", Some("cs_baobab"))
        .send()
        .await
        .unwrap();
    assert_eq!(token_answer.status().as_u16(), 200);
    let json: serde_json::Value = serde_json::from_slice(&token_answer.bytes().await.unwrap()).unwrap();
    assert_eq!(json["expires_in"], "3599");
    let token = json["access_token"].as_str().unwrap().to_string();

    let ts = mpesa::timestamp(chrono::Utc::now());
    let pw = mpesa::password(SHORTCODE, PASSKEY, &ts);
    let good = serde_json::json!({
        "BusinessShortCode": SHORTCODE, "Password": pw, "Timestamp": ts, "TransactionType": "CustomerPayBillOnline",
        "Amount": 10, "PartyA": "254712345678", "PartyB": SHORTCODE, "PhoneNumber": "254712345678",
        "CallBackURL": "https://shop.example/mpesa/cb", "AccountReference": "BB-1", "TransactionDesc": "Order BB-1",
    });
    let push = |token: String, body: serde_json::Value| {
        let http = http.clone();
        let url = format!("{base}/mpesa/stkpush/v1/processrequest");
        async move {
            let answer = http.post(url).bearer_auth(token).body(body.to_string()).send().await.unwrap();
            let status = answer.status().as_u16();
            let json: serde_json::Value = serde_json::from_slice(&answer.bytes().await.unwrap()).unwrap();
            (status, json["errorCode"].as_str().unwrap_or("").to_string(), json["errorMessage"].as_str().unwrap_or("").to_string())
        }
    };
    assert_eq!(push("bogus".into(), good.clone()).await, (401, "404.001.04".into(), "Invalid Access Token".into()));
    for (field, value, message) in [
        ("Amount", serde_json::json!(0), "Bad Request - Invalid Amount"),
        ("Amount", serde_json::json!(10.5), "Bad Request - Invalid Amount"),
        ("PhoneNumber", serde_json::json!("+254712345678"), "Bad Request - Invalid PhoneNumber"),
        ("PhoneNumber", serde_json::json!("254212345678"), "Bad Request - Invalid PhoneNumber"),
        ("Password", serde_json::json!("bm9wZQ=="), "Bad Request - Invalid Password"),
        ("AccountReference", serde_json::json!("BB-000042-1a2b3c"), "Bad Request - Invalid AccountReference"),
    ] {
        let mut body = good.clone();
        body[field] = value;
        assert_eq!(push(token.clone(), body).await, (400, "400.002.02".into(), message.into()), "{field}");
    }
    assert!(fake.pushes().is_empty());
    assert_eq!(push(token, good).await.0, 200);
    assert_eq!(fake.pushes()[0].amount, 10);
}

#[tokio::test]
async fn mpesa_fetches_a_new_token_once_when_the_old_one_is_refused() {
    let fake = daraja();
    let client = mpesa(&fake);
    let req = request("BB-000057-tt", 10_000, "KES");
    let started = client.start(&req).await.unwrap();
    assert_eq!(fake.token_requests(), 1);
    fake.expire_tokens();
    assert_eq!(client.check(&payment(&req, &started)).await.unwrap(), Outcome::Pending);
    assert_eq!(fake.token_requests(), 2);
    assert_eq!(client.check(&payment(&req, &started)).await.unwrap(), Outcome::Pending);
    assert_eq!(fake.token_requests(), 2);
}

#[tokio::test]
async fn mpesa_down_or_gone_is_unavailable() {
    let fake = daraja();
    let client = mpesa(&fake);
    let req = request("BB-000058-uu", 10_000, "KES");
    fake.set_down(true);
    match client.start(&req).await {
        Err(PaymentError::Unavailable(m)) => assert!(m.contains("503"), "{m}"),
        other => panic!("expected Unavailable, got {other:?}"),
    }
    fake.set_down(false);
    let started = client.start(&req).await.unwrap();
    // With a cached token the API call itself meets the outage.
    fake.set_down(true);
    assert!(matches!(client.check(&payment(&req, &started)).await, Err(PaymentError::Unavailable(_))));
    assert_eq!(fake.token_requests(), 1);

    let gone = Mpesa::new(MpesaConfig {
        consumer_key: "ck_baobab".into(),
        consumer_secret: "cs_baobab".into(),
        shortcode: SHORTCODE.into(),
        passkey: PASSKEY.into(),
        base_url: dead_base_url(),
    })
    .unwrap();
    let began = Instant::now();
    assert!(matches!(gone.start(&req).await, Err(PaymentError::Unavailable(_))));
    assert!(began.elapsed() < Duration::from_secs(2), "took {:?}", began.elapsed());
}

// ---------------------------------------------------------------- M-Pesa callbacks

#[test]
fn callback_parses_darajas_documented_bodies() {
    let success = br#"{"Body":{"stkCallback":{"MerchantRequestID":"29115-34620561-1","CheckoutRequestID":"ws_CO_191220191020363925","ResultCode":0,"ResultDesc":"The service request is processed successfully.","CallbackMetadata":{"Item":[{"Name":"Amount","Value":1.00},{"Name":"MpesaReceiptNumber","Value":"NLJ7RT61SV"},{"Name":"TransactionDate","Value":20191219102115},{"Name":"PhoneNumber","Value":254708374149}]}}}}"#;
    assert_eq!(
        mpesa::parse_callback(success),
        Ok(StkCallback {
            merchant_request_id: "29115-34620561-1".into(),
            checkout_request_id: "ws_CO_191220191020363925".into(),
            result_code: 0,
            result_desc: "The service request is processed successfully.".into(),
            amount_minor: Some(100),
            receipt: Some("NLJ7RT61SV".into()),
            phone: Some("254708374149".into()),
        })
    );
    let integer_amount = String::from_utf8_lossy(success).replace(r#""Value":1.00"#, r#""Value":1501"#);
    assert_eq!(mpesa::parse_callback(integer_amount.as_bytes()).unwrap().amount_minor, Some(150_100));

    let failure = br#"{"Body":{"stkCallback":{"MerchantRequestID":"29115-34620561-1","CheckoutRequestID":"ws_CO_191220191020363925","ResultCode":1032,"ResultDesc":"Request cancelled by user."}}}"#;
    assert_eq!(
        mpesa::parse_callback(failure),
        Ok(StkCallback {
            merchant_request_id: "29115-34620561-1".into(),
            checkout_request_id: "ws_CO_191220191020363925".into(),
            result_code: 1032,
            result_desc: "Request cancelled by user.".into(),
            amount_minor: None,
            receipt: None,
            phone: None,
        })
    );

    assert!(matches!(mpesa::parse_callback(b"garbage"), Err(WebhookError::Malformed(_))));
    assert_eq!(mpesa::parse_callback(br#"{"Body":{}}"#), Err(WebhookError::Malformed("no Body.stkCallback".into())));
    let no_code = br#"{"Body":{"stkCallback":{"MerchantRequestID":"1","CheckoutRequestID":"2","ResultDesc":"x"}}}"#;
    assert_eq!(mpesa::parse_callback(no_code), Err(WebhookError::Malformed("no ResultCode".into())));
}
