//! A fake Paystack: `POST /transaction/initialize`, `GET /transaction/verify/{reference}`, and a
//! stand-in for the hosted checkout page, with Paystack's validation and answer shapes.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};

use super::{Server, lock};

/// An initialize request the fake accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Initialized {
    pub reference: String,
    pub amount_minor: i64,
    pub currency: String,
    pub email: String,
    /// Empty when the request had none.
    pub callback_url: String,
    /// `metadata.description`, when given.
    pub description: Option<String>,
    pub access_code: String,
}

#[derive(Debug, Clone)]
struct Transaction {
    id: i64,
    reference: String,
    amount: i64,
    currency: String,
    email: String,
    access_code: String,
    status: String,
    gateway_response: String,
    paid_at: Option<String>,
    callback_url: String,
}

struct Ledger {
    secret_key: String,
    base_url: String,
    down: bool,
    next_id: i64,
    transactions: HashMap<String, Transaction>,
    initialized: Vec<Initialized>,
}

type Shared = Arc<Mutex<Ledger>>;

/// A fake Paystack API. Transactions start as `abandoned` (what Paystack's verify says of an
/// unpaid transaction) until [`FakePaystack::pay`] plays the customer on the hosted page.
pub struct FakePaystack {
    state: Shared,
    server: Server,
}

/// The currencies the fake merchant account takes.
const CURRENCIES: &[&str] = &["NGN", "GHS", "ZAR", "KES", "USD"];

impl FakePaystack {
    /// Starts the fake on 127.0.0.1; it accepts `Authorization: Bearer <secret_key>` only.
    pub fn start(secret_key: &str) -> FakePaystack {
        let state: Shared = Arc::new(Mutex::new(Ledger {
            secret_key: secret_key.to_string(),
            base_url: String::new(),
            down: false,
            next_id: 302961,
            transactions: HashMap::new(),
            initialized: Vec::new(),
        }));
        let router = Router::new()
            .route("/transaction/initialize", post(initialize))
            .route("/transaction/verify/{reference}", get(verify))
            .route("/checkout/{access_code}", get(checkout).post(checkout_answer))
            .with_state(state.clone());
        let server = Server::spawn(router);
        lock(&state).base_url = server.base_url.clone();
        FakePaystack { state, server }
    }

    /// `http://127.0.0.1:PORT`, to use as `PaystackConfig::base_url`.
    pub fn base_url(&self) -> String {
        self.server.base_url.clone()
    }

    /// The customer pays (`true`) or the payment is declined (`false`) on the hosted page.
    /// Panics if no transaction has this reference.
    pub fn pay(&self, reference: &str, success: bool) {
        if success { self.set_status(reference, "success", "Successful") } else { self.set_status(reference, "failed", "Declined") }
    }

    /// Sets a transaction's status (`success`, `failed`, `reversed`, `abandoned`, `ongoing`, …)
    /// and gateway response. Panics if no transaction has this reference.
    pub fn set_status(&self, reference: &str, status: &str, gateway_response: &str) {
        let mut state = lock(&self.state);
        let txn = state.transactions.get_mut(reference).unwrap_or_else(|| panic!("no Paystack transaction {reference}"));
        txn.status = status.to_string();
        txn.gateway_response = gateway_response.to_string();
        txn.paid_at = (status == "success").then(|| chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string());
    }

    /// A `charge.success` webhook for the transaction, as Paystack would post it: the body and
    /// its `x-paystack-signature`. Panics if no transaction has this reference.
    pub fn webhook(&self, reference: &str) -> (Vec<u8>, String) {
        let state = lock(&self.state);
        let txn = state.transactions.get(reference).unwrap_or_else(|| panic!("no Paystack transaction {reference}"));
        let paid_at = txn.paid_at.clone().unwrap_or_else(|| chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string());
        let mut data = transaction_json(txn);
        data["status"] = json!("success");
        data["gateway_response"] = json!("Successful");
        data["paid_at"] = json!(paid_at);
        let body = json!({ "event": "charge.success", "data": data }).to_string().into_bytes();
        let signature = crate::paystack::signature(&state.secret_key, &body);
        (body, signature)
    }

    /// Makes every endpoint answer 503 (`true`) or serve again (`false`).
    pub fn set_down(&self, down: bool) {
        lock(&self.state).down = down;
    }

    /// The initialize requests accepted so far, oldest first.
    pub fn initialized(&self) -> Vec<Initialized> {
        lock(&self.state).initialized.clone()
    }
}

fn transaction_json(txn: &Transaction) -> Value {
    json!({
        "id": txn.id,
        "domain": "test",
        "status": txn.status,
        "reference": txn.reference,
        "amount": txn.amount,
        "message": null,
        "gateway_response": txn.gateway_response,
        "paid_at": txn.paid_at,
        "channel": "card",
        "currency": txn.currency,
        "fees": null,
        "customer": { "email": txn.email },
    })
}

fn answer(status: StatusCode, body: Value) -> Response {
    (status, [(header::CONTENT_TYPE, "application/json")], body.to_string()).into_response()
}

fn refuse(status: StatusCode, message: &str) -> Response {
    answer(status, json!({ "status": false, "message": message }))
}

/// 503 when down, 401 without the right key, else `None`.
fn gate(state: &Ledger, headers: &HeaderMap) -> Option<Response> {
    if state.down {
        return Some(refuse(StatusCode::SERVICE_UNAVAILABLE, "Service unavailable, please try again"));
    }
    let expected = format!("Bearer {}", state.secret_key);
    let given = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok());
    (given != Some(expected.as_str())).then(|| refuse(StatusCode::UNAUTHORIZED, "Invalid key"))
}

fn valid_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(char::is_whitespace)
}

async fn initialize(State(state): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    let mut state = lock(&state);
    if let Some(denied) = gate(&state, &headers) {
        return denied;
    }
    let Ok(json) = serde_json::from_slice::<Value>(&body) else {
        return refuse(StatusCode::BAD_REQUEST, "Invalid JSON body");
    };
    let email = json.get("email").and_then(Value::as_str).unwrap_or_default().to_string();
    if !valid_email(&email) {
        return refuse(StatusCode::BAD_REQUEST, "Invalid Email Address Passed");
    }
    let Some(amount) = json.get("amount").and_then(crate::json_int).filter(|a| *a > 0) else {
        return refuse(StatusCode::BAD_REQUEST, "Invalid Amount Sent");
    };
    let currency = match json.get("currency") {
        None | Some(Value::Null) => "NGN".to_string(),
        Some(c) => c.as_str().unwrap_or_default().to_string(),
    };
    if !CURRENCIES.contains(&currency.as_str()) {
        return refuse(StatusCode::BAD_REQUEST, "Currency not supported by merchant");
    }
    let id = state.next_id;
    state.next_id += 1;
    let reference = match json.get("reference").and_then(Value::as_str) {
        Some(r) if !r.is_empty() => r.to_string(),
        _ => format!("T{id}"),
    };
    if state.transactions.contains_key(&reference) {
        return refuse(StatusCode::BAD_REQUEST, "Duplicate Transaction Reference");
    }
    let access_code = format!("ac{id:x}fk");
    let callback_url = json.get("callback_url").and_then(Value::as_str).unwrap_or_default().to_string();
    let description = json.get("metadata").and_then(|m| m.get("description")).and_then(Value::as_str).map(str::to_string);
    state.transactions.insert(
        reference.clone(),
        Transaction {
            id,
            reference: reference.clone(),
            amount,
            currency: currency.clone(),
            email: email.clone(),
            access_code: access_code.clone(),
            status: "abandoned".into(),
            gateway_response: "The transaction was not completed".into(),
            paid_at: None,
            callback_url: callback_url.clone(),
        },
    );
    state.initialized.push(Initialized {
        reference: reference.clone(),
        amount_minor: amount,
        currency,
        email,
        callback_url,
        description,
        access_code: access_code.clone(),
    });
    let authorization_url = format!("{}/checkout/{access_code}", state.base_url);
    answer(
        StatusCode::OK,
        json!({
            "status": true,
            "message": "Authorization URL created",
            "data": { "authorization_url": authorization_url, "access_code": access_code, "reference": reference },
        }),
    )
}

async fn verify(State(state): State<Shared>, headers: HeaderMap, Path(reference): Path<String>) -> Response {
    let state = lock(&state);
    if let Some(denied) = gate(&state, &headers) {
        return denied;
    }
    match state.transactions.get(&reference) {
        None => refuse(StatusCode::BAD_REQUEST, "Transaction reference not found"),
        Some(txn) => answer(StatusCode::OK, json!({ "status": true, "message": "Verification successful", "data": transaction_json(txn) })),
    }
}

/// Stands in for the hosted checkout page the customer is redirected to: what is due, and a
/// "Pay" and a "Decline" button (a form, so it works without JavaScript).
async fn checkout(State(state): State<Shared>, Path(access_code): Path<String>) -> Response {
    let state = lock(&state);
    if state.down {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    }
    match state.transactions.values().find(|t| t.access_code == access_code) {
        None => (StatusCode::NOT_FOUND, "This payment link is invalid").into_response(),
        Some(t) => Html(format!(
            "<!doctype html><title>Paystack checkout</title><p>Pay {} {} for {}</p>\
             <form method=\"post\"><button name=\"answer\" value=\"pay\">Pay</button> \
             <button name=\"answer\" value=\"decline\">Decline</button></form>",
            t.currency, t.amount, t.reference
        ))
        .into_response(),
    }
}

/// The customer's answer on the hosted page: the transaction succeeds or fails, and the browser
/// goes to the merchant's `callback_url` with `?trxref=…&reference=…`, as Paystack sends it.
async fn checkout_answer(State(state): State<Shared>, Path(access_code): Path<String>, body: Bytes) -> Response {
    let mut state = lock(&state);
    if state.down {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    }
    let pay = String::from_utf8_lossy(&body).contains("answer=pay");
    let Some(t) = state.transactions.values_mut().find(|t| t.access_code == access_code) else {
        return (StatusCode::NOT_FOUND, "This payment link is invalid").into_response();
    };
    if pay {
        t.status = "success".into();
        t.gateway_response = "Successful".into();
        t.paid_at = Some(chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string());
    } else {
        t.status = "failed".into();
        t.gateway_response = "Declined".into();
    }
    if t.callback_url.is_empty() {
        return Html("<!doctype html><p>Done</p>").into_response();
    }
    let sep = if t.callback_url.contains('?') { '&' } else { '?' };
    let to = format!("{}{sep}trxref={}&reference={}", t.callback_url, t.reference, t.reference);
    (StatusCode::FOUND, [(header::LOCATION, to)]).into_response()
}

#[cfg(test)]
mod tests {
    use super::valid_email;

    #[test]
    fn emails_are_checked_like_paystack() {
        assert!(valid_email("ada@example.com"));
        assert!(!valid_email("ada"));
        assert!(!valid_email("ada@example"));
        assert!(!valid_email("@example.com"));
        assert!(!valid_email("a da@example.com"));
        assert!(!valid_email("ada@ex@ample.com"));
    }
}
