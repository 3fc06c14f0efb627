//! Baobab's payment providers: real HTTP clients for Paystack (cards, bank, mobile money in
//! Nigeria, Ghana, South Africa, Kenya) and M-Pesa Daraja (STK push in Kenya), behind one
//! [`Provider`] trait, plus the parsing of their webhooks and callbacks.
//!
//! A payment goes: [`Provider::start`] (Paystack: a hosted page to redirect the customer to;
//! M-Pesa: a PIN prompt on the customer's phone), then the provider tells us the result
//! (Paystack: a signed webhook, [`paystack::parse_webhook`]; M-Pesa: an unsigned callback,
//! [`mpesa::parse_callback`]) and the application confirms with [`Provider::check`], which asks
//! the provider itself. Notifications are hints; `check` is the truth, and callers compare its
//! amount and currency with what the order expects.
//!
//! Every error is one of three kinds ([`PaymentError`]): the provider could not be reached or
//! answered nonsense (try again later), the provider declined (a message to show), or our own
//! input cannot be sent (a bug or a bad address, never sent over the network).
//!
//! # Fakes
//!
//! The feature `fake` adds [`fake`]: local servers (axum, bound to 127.0.0.1 on a free port)
//! that follow the providers' documented protocols, check keys, tokens, passwords and fields the
//! way the real services do, and let a test play the customer's part. Other crates enable it in
//! their dev-dependencies: `baobab-payments = { workspace = true, features = ["fake"] }`. This
//! crate does the same with a dev-dependency on itself, so a plain `cargo test -p
//! baobab-payments` (or `--workspace`) runs the tests against the fakes, while a normal build
//! carries neither the fakes nor axum.

use std::time::Duration;

use baobab_domain::Currency;

#[cfg(feature = "fake")]
pub mod fake;
pub mod mpesa;
pub mod paystack;

pub use mpesa::{Mpesa, MpesaConfig};
pub use paystack::{Paystack, PaystackConfig};

/// One payment attempt, as the application asks for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartRequest {
    /// Ours, unique per payment attempt, e.g. `BB-000042-1a2b3c`.
    pub reference: String,
    /// Minor units of `currency`.
    pub amount_minor: i64,
    pub currency: Currency,
    pub email: String,
    /// E.164, e.g. `+254712345678`.
    pub phone: Option<String>,
    /// Where the provider sends the customer back (Paystack) or posts the result (M-Pesa).
    pub callback_url: String,
    /// E.g. `Order BB-000042`.
    pub description: String,
}

/// What the customer does next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextStep {
    /// Send the customer to the provider's hosted payment page.
    Redirect { url: String },
    /// The customer answers a prompt on their phone; show them this message meanwhile.
    Phone { message: String },
}

/// A payment the provider accepted to start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Started {
    /// The provider's handle on the attempt (Paystack access code, M-Pesa CheckoutRequestID).
    pub provider_ref: String,
    /// The amount actually requested, in minor units (M-Pesa rounds up to whole shillings).
    pub amount_minor: i64,
    pub next: NextStep,
}

/// A started payment, as [`Provider::check`] needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaymentRef<'a> {
    pub reference: &'a str,
    pub provider_ref: &'a str,
    /// [`Started::amount_minor`].
    pub amount_minor: i64,
    pub currency: Currency,
}

/// Where a payment stands, by the provider's own word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Not paid yet: the customer may still pay.
    Pending,
    /// Paid. Compare amount and currency with the order before fulfilling it.
    Succeeded { amount_minor: i64, currency: Currency, provider_txn: String },
    /// Will not be paid (declined, cancelled, timed out, reversed).
    Failed { reason: String },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PaymentError {
    /// Network error, timeout, 5xx, unparseable answer: try again later (HTTP 503 to our users).
    #[error("payment provider unavailable: {0}")]
    Unavailable(String),
    /// The provider declined the request; the message is fit to show.
    #[error("payment refused: {0}")]
    Refused(String),
    /// Our input cannot be sent (unsupported currency, missing or bad phone, amount not positive).
    #[error("invalid payment request: {0}")]
    Invalid(String),
}

/// Why a webhook or callback body was rejected; the messages are fit for a 401 or 400 body.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WebhookError {
    #[error("invalid signature")]
    BadSignature,
    #[error("malformed notification: {0}")]
    Malformed(String),
}

/// A payment provider.
#[async_trait::async_trait]
pub trait Provider: Send + Sync {
    /// `paystack` or `mpesa`.
    fn name(&self) -> &'static str;
    fn supports(&self, currency: Currency) -> bool;
    /// Asks the provider to start a payment.
    async fn start(&self, req: &StartRequest) -> Result<Started, PaymentError>;
    /// Asks the provider where a started payment stands.
    async fn check(&self, payment: &PaymentRef<'_>) -> Result<Outcome, PaymentError>;
}

/// Connect timeout of every provider call.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(3);
/// Total timeout of every provider call, answer included.
pub const TOTAL_TIMEOUT: Duration = Duration::from_secs(15);
/// Answers larger than this are treated as unparseable.
const MAX_ANSWER: usize = 1 << 20;

/// The HTTP client both providers use: short timeouts (a dead provider fails a checkout in
/// seconds), no proxy taken from the environment, user agent `baobab`, rustls with ring.
pub fn http_client() -> Result<reqwest::Client, PaymentError> {
    // reqwest is built without a default TLS provider: use ring, as the rest of Baobab does.
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .connect_timeout(CONNECT_TIMEOUT)
        .timeout(TOTAL_TIMEOUT)
        .no_proxy()
        .user_agent("baobab")
        .build()
        .map_err(|e| PaymentError::Unavailable(format!("HTTP client: {}", error_chain(&e))))
}

/// An answer read whole: status and body.
pub(crate) struct Answer {
    pub status: u16,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn json(&self) -> Option<serde_json::Value> {
        serde_json::from_slice(&self.body).ok()
    }
}

/// Sends a request and reads the whole answer; any failure to do so is `Unavailable`.
pub(crate) async fn send(provider: &str, request: reqwest::RequestBuilder) -> Result<Answer, PaymentError> {
    let unavailable = |e: reqwest::Error| PaymentError::Unavailable(format!("{provider}: {}", error_chain(&e)));
    let response = request.send().await.map_err(unavailable)?;
    let status = response.status().as_u16();
    if response.content_length().is_some_and(|n| n > MAX_ANSWER as u64) {
        return Err(PaymentError::Unavailable(format!("{provider}: answer too large")));
    }
    let body = response.bytes().await.map_err(unavailable)?;
    if body.len() > MAX_ANSWER {
        return Err(PaymentError::Unavailable(format!("{provider}: answer too large")));
    }
    Ok(Answer { status, body: body.to_vec() })
}

/// An error with its causes: reqwest's own message alone rarely says what went wrong.
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !s.contains(&text) {
            s.push_str(": ");
            s.push_str(&text);
        }
        source = cause.source();
    }
    s
}

/// Percent-encodes everything but RFC 3986 unreserved characters, for one path segment.
pub(crate) fn encode_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The base URL without trailing slashes, so `{base}/path` is well formed.
pub(crate) fn trim_base(base: &str) -> String {
    base.trim_end_matches('/').to_string()
}

/// Writes whole units with thousands separators: `1501` → `1,501`.
pub(crate) fn group_thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A JSON value that should be an integer: a JSON integer or a string of digits.
pub(crate) fn json_int(v: &serde_json::Value) -> Option<i64> {
    match v {
        serde_json::Value::Number(n) => n.as_i64(),
        serde_json::Value::String(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => s.parse().ok(),
        _ => None,
    }
}

/// A JSON value written as text: strings as they are, numbers in decimal.
pub(crate) fn json_text(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_are_percent_encoded() {
        assert_eq!(encode_segment("BB-000042-1a2b3c"), "BB-000042-1a2b3c");
        assert_eq!(encode_segment("a/b c?#é"), "a%2Fb%20c%3F%23%C3%A9");
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1501), "1,501");
        assert_eq!(group_thousands(1234567), "1,234,567");
    }

    #[test]
    fn integers_come_as_numbers_or_digit_strings() {
        assert_eq!(json_int(&serde_json::json!(20000)), Some(20000));
        assert_eq!(json_int(&serde_json::json!("20000")), Some(20000));
        assert_eq!(json_int(&serde_json::json!("20.5")), None);
        assert_eq!(json_int(&serde_json::json!(20.5)), None);
        assert_eq!(json_int(&serde_json::json!("")), None);
        assert_eq!(json_text(&serde_json::json!(302961)).as_deref(), Some("302961"));
    }

    #[test]
    fn errors_read_well() {
        assert_eq!(PaymentError::Refused("Invalid key".into()).to_string(), "payment refused: Invalid key");
        assert_eq!(WebhookError::BadSignature.to_string(), "invalid signature");
    }
}
