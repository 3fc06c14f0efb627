//! A fake Daraja: OAuth, STK push and STK query, with Daraja's validation, error codes and
//! answer shapes.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use base64::Engine;
use serde_json::{Value, json};

use super::{Server, lock};

/// An STK push the fake accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StkPush {
    pub checkout_request_id: String,
    pub merchant_request_id: String,
    /// `PhoneNumber` as sent: `2547XXXXXXXX`.
    pub phone: String,
    /// Whole shillings.
    pub amount: i64,
    pub callback_url: String,
    pub account_reference: String,
    pub description: String,
}

struct Ledger {
    consumer_key: String,
    consumer_secret: String,
    shortcode: String,
    passkey: String,
    down: bool,
    counter: u64,
    tokens: HashSet<String>,
    token_requests: usize,
    pushes: Vec<StkPush>,
    answers: HashMap<String, i64>,
}

impl Ledger {
    fn next(&mut self) -> u64 {
        self.counter += 1;
        self.counter
    }
}

type Shared = Arc<Mutex<Ledger>>;

/// A fake Daraja API for one paybill. STK queries answer "being processed" (HTTP 500,
/// `500.001.1001`) until [`FakeDaraja::answer`] records the customer's answer.
pub struct FakeDaraja {
    state: Shared,
    server: Server,
}

impl FakeDaraja {
    /// Starts the fake on 127.0.0.1 for these app credentials and paybill.
    pub fn start(consumer_key: &str, consumer_secret: &str, shortcode: &str, passkey: &str) -> FakeDaraja {
        let state: Shared = Arc::new(Mutex::new(Ledger {
            consumer_key: consumer_key.to_string(),
            consumer_secret: consumer_secret.to_string(),
            shortcode: shortcode.to_string(),
            passkey: passkey.to_string(),
            down: false,
            counter: 0,
            tokens: HashSet::new(),
            token_requests: 0,
            pushes: Vec::new(),
            answers: HashMap::new(),
        }));
        let router = Router::new()
            .route("/oauth/v1/generate", get(oauth))
            .route("/mpesa/stkpush/v1/processrequest", post(stk_push))
            .route("/mpesa/stkpushquery/v1/query", post(stk_query))
            .with_state(state.clone());
        FakeDaraja { state, server: Server::spawn(router) }
    }

    /// `http://127.0.0.1:PORT`, to use as `MpesaConfig::base_url`.
    pub fn base_url(&self) -> String {
        self.server.base_url.clone()
    }

    /// The STK pushes accepted so far, oldest first.
    pub fn pushes(&self) -> Vec<StkPush> {
        lock(&self.state).pushes.clone()
    }

    /// Records the customer's answer to a push: 0 paid, 1032 cancelled, 1037 unreachable,
    /// 1 insufficient funds, 2001 wrong PIN, … Panics if no push has this id.
    pub fn answer(&self, checkout_request_id: &str, result_code: i64) {
        let mut state = lock(&self.state);
        assert!(state.pushes.iter().any(|p| p.checkout_request_id == checkout_request_id), "no STK push {checkout_request_id}");
        state.answers.insert(checkout_request_id.to_string(), result_code);
    }

    /// The callback Daraja posts to the push's `CallBackURL` for the recorded answer, with
    /// `CallbackMetadata` when paid. Panics if the push is unknown or not answered.
    pub fn callback_body(&self, checkout_request_id: &str) -> Vec<u8> {
        let state = lock(&self.state);
        let push = state
            .pushes
            .iter()
            .find(|p| p.checkout_request_id == checkout_request_id)
            .unwrap_or_else(|| panic!("no STK push {checkout_request_id}"));
        let code = *state.answers.get(checkout_request_id).unwrap_or_else(|| panic!("STK push {checkout_request_id} not answered"));
        let mut callback = json!({
            "MerchantRequestID": push.merchant_request_id,
            "CheckoutRequestID": push.checkout_request_id,
            "ResultCode": code,
            "ResultDesc": result_desc(code),
        });
        if code == 0 {
            let date: i64 = crate::mpesa::timestamp(chrono::Utc::now()).parse().expect("a timestamp is digits");
            let phone: i64 = push.phone.parse().expect("a checked phone is digits");
            // Daraja writes the amount as a decimal (`1.00`).
            callback["CallbackMetadata"] = json!({ "Item": [
                { "Name": "Amount", "Value": push.amount as f64 },
                { "Name": "MpesaReceiptNumber", "Value": receipt(&push.checkout_request_id) },
                { "Name": "Balance" },
                { "Name": "TransactionDate", "Value": date },
                { "Name": "PhoneNumber", "Value": phone },
            ]});
        }
        json!({ "Body": { "stkCallback": callback } }).to_string().into_bytes()
    }

    /// Makes every endpoint answer 503 (`true`) or serve again (`false`).
    pub fn set_down(&self, down: bool) {
        lock(&self.state).down = down;
    }

    /// How many times a token was asked for (to prove clients cache it).
    pub fn token_requests(&self) -> usize {
        lock(&self.state).token_requests
    }

    /// Revokes every token issued so far, as their expiry would: the next API call answers 401.
    pub fn expire_tokens(&self) {
        lock(&self.state).tokens.clear();
    }
}

/// Daraja's descriptions of common STK result codes.
fn result_desc(code: i64) -> &'static str {
    match code {
        0 => "The service request is processed successfully.",
        1 => "The balance is insufficient for the transaction.",
        1019 => "Transaction has expired",
        1025 | 9999 => "An error occurred while sending a push request.",
        1032 => "Request cancelled by user",
        1037 => "DS timeout user cannot be reached",
        2001 => "The initiator information is invalid.",
        _ => "The transaction failed.",
    }
}

/// A receipt number in M-Pesa's shape (ten capitals and digits), derived from the push.
fn receipt(checkout_request_id: &str) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in checkout_request_id.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
    }
    (0..10)
        .map(|i| {
            let x = h.rotate_left(i * 6);
            ALPHABET[(x % ALPHABET.len() as u64) as usize] as char
        })
        .collect()
}

fn answer(status: StatusCode, body: Value) -> Response {
    (status, [(header::CONTENT_TYPE, "application/json")], body.to_string()).into_response()
}

fn error(state: &mut Ledger, status: StatusCode, code: &str, message: &str) -> Response {
    let request_id = format!("{}-{}-1", 16813, 1_590_000 + state.next());
    answer(status, json!({ "requestId": request_id, "errorCode": code, "errorMessage": message }))
}

fn bad_request(state: &mut Ledger, what: &str) -> Response {
    error(state, StatusCode::BAD_REQUEST, "400.002.02", &format!("Bad Request - Invalid {what}"))
}

fn unavailable(state: &mut Ledger) -> Response {
    error(state, StatusCode::SERVICE_UNAVAILABLE, "503.001.01", "Service Unavailable - Please try again later")
}

async fn oauth(State(state): State<Shared>, headers: HeaderMap, Query(query): Query<HashMap<String, String>>) -> Response {
    let mut state = lock(&state);
    if state.down {
        return unavailable(&mut state);
    }
    state.token_requests += 1;
    if query.get("grant_type").map(String::as_str) != Some("client_credentials") {
        return error(&mut state, StatusCode::BAD_REQUEST, "400.008.02", "Invalid grant type passed");
    }
    let basic = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
        .and_then(|b| base64::engine::general_purpose::STANDARD.decode(b.trim()).ok())
        .and_then(|b| String::from_utf8(b).ok());
    let Some(credentials) = basic else {
        return error(&mut state, StatusCode::BAD_REQUEST, "400.008.01", "Invalid Authentication passed");
    };
    if credentials != format!("{}:{}", state.consumer_key, state.consumer_secret) {
        return error(&mut state, StatusCode::UNAUTHORIZED, "401.003.01", "Error Occurred - Invalid Access Credentials");
    }
    let n = state.next();
    let token = format!("fk{n:04}{:x}", n.wrapping_mul(0x9e37_79b9_7f4a_7c15));
    state.tokens.insert(token.clone());
    answer(StatusCode::OK, json!({ "access_token": token, "expires_in": "3599" }))
}

/// 503 when down, 401 without a valid token, then the JSON body with a valid BusinessShortCode
/// and Password for its Timestamp.
fn admit(state: &mut Ledger, headers: &HeaderMap, body: &[u8]) -> Result<Value, Box<Response>> {
    if state.down {
        return Err(Box::new(unavailable(state)));
    }
    let token = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer "));
    if !token.is_some_and(|t| state.tokens.contains(t)) {
        return Err(Box::new(error(state, StatusCode::UNAUTHORIZED, "404.001.04", "Invalid Access Token")));
    }
    let json: Value = serde_json::from_slice(body)
        .map_err(|_| Box::new(error(state, StatusCode::BAD_REQUEST, "400.002.05", "Invalid Request Payload")))?;
    let text = |name: &str| json.get(name).and_then(crate::json_text).unwrap_or_default();
    if text("BusinessShortCode") != state.shortcode {
        return Err(Box::new(bad_request(state, "BusinessShortCode")));
    }
    let timestamp = text("Timestamp");
    if timestamp.len() != 14 || !timestamp.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Box::new(bad_request(state, "Timestamp")));
    }
    if text("Password") != crate::mpesa::password(&state.shortcode, &state.passkey, &timestamp) {
        return Err(Box::new(bad_request(state, "Password")));
    }
    Ok(json)
}

fn kenyan_msisdn(s: &str) -> bool {
    s.len() == 12 && s.starts_with("254") && matches!(s.as_bytes()[3], b'1' | b'7') && s.bytes().all(|b| b.is_ascii_digit())
}

async fn stk_push(State(state): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    let mut state = lock(&state);
    let json = match admit(&mut state, &headers, &body) {
        Ok(json) => json,
        Err(refused) => return *refused,
    };
    let text = |name: &str| json.get(name).and_then(crate::json_text).unwrap_or_default();
    if !matches!(text("TransactionType").as_str(), "CustomerPayBillOnline" | "CustomerBuyGoodsOnline") {
        return bad_request(&mut state, "TransactionType");
    }
    let Some(amount) = json.get("Amount").and_then(crate::json_int).filter(|a| *a > 0) else {
        return bad_request(&mut state, "Amount");
    };
    let phone = text("PhoneNumber");
    if !kenyan_msisdn(&text("PartyA")) || !kenyan_msisdn(&phone) {
        return bad_request(&mut state, "PhoneNumber");
    }
    if text("PartyB") != state.shortcode {
        return bad_request(&mut state, "PartyB");
    }
    let callback_url = text("CallBackURL");
    if !(callback_url.starts_with("https://") || callback_url.starts_with("http://")) {
        return bad_request(&mut state, "CallBackURL");
    }
    let account_reference = text("AccountReference");
    if account_reference.is_empty() || account_reference.chars().count() > crate::mpesa::ACCOUNT_REFERENCE_MAX {
        return bad_request(&mut state, "AccountReference");
    }
    let description = text("TransactionDesc");
    if description.is_empty() || description.chars().count() > crate::mpesa::TRANSACTION_DESC_MAX {
        return bad_request(&mut state, "TransactionDesc");
    }
    let n = state.next();
    let checkout_request_id = format!("ws_CO_{}{n:06}", crate::mpesa::timestamp(chrono::Utc::now()));
    let merchant_request_id = format!("29115-{}-1", 34_620_560 + n);
    state.pushes.push(StkPush {
        checkout_request_id: checkout_request_id.clone(),
        merchant_request_id: merchant_request_id.clone(),
        phone,
        amount,
        callback_url,
        account_reference,
        description,
    });
    answer(
        StatusCode::OK,
        json!({
            "MerchantRequestID": merchant_request_id,
            "CheckoutRequestID": checkout_request_id,
            "ResponseCode": "0",
            "ResponseDescription": "Success. Request accepted for processing",
            "CustomerMessage": "Success. Request accepted for processing",
        }),
    )
}

async fn stk_query(State(state): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    let mut state = lock(&state);
    let json = match admit(&mut state, &headers, &body) {
        Ok(json) => json,
        Err(refused) => return *refused,
    };
    let checkout = json.get("CheckoutRequestID").and_then(Value::as_str).unwrap_or_default();
    let Some(push) = state.pushes.iter().find(|p| p.checkout_request_id == checkout).cloned() else {
        return bad_request(&mut state, "CheckoutRequestID");
    };
    let Some(&code) = state.answers.get(checkout) else {
        return error(&mut state, StatusCode::INTERNAL_SERVER_ERROR, crate::mpesa::STILL_PROCESSING, "The transaction is being processed");
    };
    answer(
        StatusCode::OK,
        json!({
            "ResponseCode": "0",
            "ResponseDescription": "The service request has been accepted successsfully",
            "MerchantRequestID": push.merchant_request_id,
            "CheckoutRequestID": push.checkout_request_id,
            "ResultCode": code.to_string(),
            "ResultDesc": result_desc(code),
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn msisdns_are_checked_like_daraja() {
        assert!(kenyan_msisdn("254712345678"));
        assert!(kenyan_msisdn("254112345678"));
        assert!(!kenyan_msisdn("+254712345678"));
        assert!(!kenyan_msisdn("254212345678"));
        assert!(!kenyan_msisdn("25471234567"));
        assert!(!kenyan_msisdn("255712345678"));
    }

    #[test]
    fn receipts_look_like_mpesa_receipts() {
        let r = receipt("ws_CO_191220191020363925");
        assert_eq!(r.len(), 10);
        assert!(r.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()));
        assert_eq!(r, receipt("ws_CO_191220191020363925"));
        assert_ne!(r, receipt("ws_CO_191220191020363926"));
    }
}
