//! Paystack (<https://paystack.com/docs/api/>): a hosted payment page started with
//! `POST /transaction/initialize`, confirmed with `GET /transaction/verify/{reference}`, and
//! webhooks signed with HMAC-SHA512 of the raw body under the secret key
//! (`x-paystack-signature`, lower-case hex).

use std::fmt;

use baobab_domain::Currency;
use hmac::{Hmac, KeyInit, Mac};
use serde_json::{Value, json};
use sha2::Sha512;

use crate::{Answer, NextStep, Outcome, PaymentError, PaymentRef, Provider, StartRequest, Started, WebhookError};

/// Paystack's live and test API (test keys start with `sk_test_`).
pub const DEFAULT_BASE_URL: &str = "https://api.paystack.co";
/// The header that carries a webhook's signature.
pub const SIGNATURE_HEADER: &str = "x-paystack-signature";
/// The currencies Paystack settles.
pub const CURRENCIES: &[&str] = &["NGN", "GHS", "ZAR", "KES", "USD"];

#[derive(Clone, PartialEq, Eq)]
pub struct PaystackConfig {
    pub secret_key: String,
    /// [`DEFAULT_BASE_URL`] in production; a fake's URL in tests.
    pub base_url: String,
}

impl fmt::Debug for PaystackConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PaystackConfig").field("secret_key", &"<redacted>").field("base_url", &self.base_url).finish()
    }
}

pub struct Paystack {
    secret_key: String,
    base_url: String,
    http: reqwest::Client,
}

impl fmt::Debug for Paystack {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Paystack").field("base_url", &self.base_url).finish_non_exhaustive()
    }
}

impl Paystack {
    pub fn new(config: PaystackConfig) -> Result<Paystack, PaymentError> {
        if config.secret_key.is_empty() {
            return Err(PaymentError::Invalid("the Paystack secret key is empty".into()));
        }
        Ok(Paystack { secret_key: config.secret_key, base_url: crate::trim_base(&config.base_url), http: crate::http_client()? })
    }

    async fn call(&self, request: reqwest::RequestBuilder) -> Result<Answer, PaymentError> {
        crate::send("Paystack", request.bearer_auth(&self.secret_key)).await
    }
}

/// Reads Paystack's envelope `{"status":…,"message":…,"data":…}`: `data` when status is true,
/// `Refused(message)` for a 4xx or status false, `Unavailable` for anything else.
fn envelope(answer: &Answer) -> Result<Value, PaymentError> {
    let json = answer.json();
    let message = json.as_ref().and_then(|j| j.get("message")).and_then(Value::as_str).map(str::to_string);
    if answer.status >= 500 || (answer.status >= 300 && answer.status < 400) {
        return Err(PaymentError::Unavailable(format!("Paystack answered HTTP {}{}", answer.status, suffix(&message))));
    }
    let Some(json) = json else {
        return Err(PaymentError::Unavailable(format!("Paystack answered HTTP {} with no JSON", answer.status)));
    };
    if answer.status >= 400 || json.get("status") != Some(&Value::Bool(true)) {
        return Err(PaymentError::Refused(message.unwrap_or_else(|| format!("Paystack declined the request (HTTP {})", answer.status))));
    }
    json.get("data").cloned().ok_or_else(|| PaymentError::Unavailable("Paystack answered without data".into()))
}

fn suffix(message: &Option<String>) -> String {
    message.as_ref().map(|m| format!(": {m}")).unwrap_or_default()
}

fn unparseable(what: &str) -> PaymentError {
    PaymentError::Unavailable(format!("Paystack's answer has no usable {what}"))
}

#[async_trait::async_trait]
impl Provider for Paystack {
    fn name(&self) -> &'static str {
        "paystack"
    }

    fn supports(&self, currency: Currency) -> bool {
        CURRENCIES.contains(&currency.code())
    }

    async fn start(&self, req: &StartRequest) -> Result<Started, PaymentError> {
        if !self.supports(req.currency) {
            return Err(PaymentError::Invalid(format!("Paystack does not take {}", req.currency.code())));
        }
        if req.amount_minor <= 0 {
            return Err(PaymentError::Invalid(format!("the amount must be positive, not {}", req.amount_minor)));
        }
        if !req.email.contains('@') {
            return Err(PaymentError::Invalid(format!("Paystack needs the customer's email address, not `{}`", req.email)));
        }
        if req.reference.is_empty() {
            return Err(PaymentError::Invalid("the payment reference is empty".into()));
        }
        // The amount goes in the currency's subunit (kobo, pesewas, cents), as Paystack's
        // documentation writes it: an integer string.
        let body = json!({
            "email": req.email,
            "amount": req.amount_minor.to_string(),
            "currency": req.currency.code(),
            "reference": req.reference,
            "callback_url": req.callback_url,
            "metadata": { "description": req.description },
        });
        let request = self
            .http
            .post(format!("{}/transaction/initialize", self.base_url))
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(body.to_string());
        let data = envelope(&self.call(request).await?)?;
        let url = data.get("authorization_url").and_then(Value::as_str).ok_or_else(|| unparseable("authorization_url"))?;
        let access_code = data.get("access_code").and_then(Value::as_str).ok_or_else(|| unparseable("access_code"))?;
        Ok(Started {
            provider_ref: access_code.to_string(),
            amount_minor: req.amount_minor,
            next: NextStep::Redirect { url: url.to_string() },
        })
    }

    async fn check(&self, payment: &PaymentRef<'_>) -> Result<Outcome, PaymentError> {
        let url = format!("{}/transaction/verify/{}", self.base_url, crate::encode_segment(payment.reference));
        let data = envelope(&self.call(self.http.get(url)).await?)?;
        let status = data.get("status").and_then(Value::as_str).ok_or_else(|| unparseable("status"))?;
        match status {
            "success" => {
                let amount_minor = data.get("amount").and_then(crate::json_int).ok_or_else(|| unparseable("amount"))?;
                let currency = data
                    .get("currency")
                    .and_then(Value::as_str)
                    .and_then(|c| c.parse::<Currency>().ok())
                    .ok_or_else(|| unparseable("currency"))?;
                let provider_txn = data.get("id").and_then(crate::json_text).ok_or_else(|| unparseable("id"))?;
                Ok(Outcome::Succeeded { amount_minor, currency, provider_txn })
            }
            "failed" | "reversed" => {
                let reason = data
                    .get("gateway_response")
                    .and_then(Value::as_str)
                    .filter(|r| !r.is_empty())
                    .map(str::to_string)
                    .unwrap_or_else(|| format!("payment {status}"));
                Ok(Outcome::Failed { reason })
            }
            // "abandoned" is how Paystack reports a transaction whose page was opened (or not)
            // but not yet paid: the customer may still pay. So are "ongoing", "pending",
            // "processing", "queued" and anything new.
            _ => Ok(Outcome::Pending),
        }
    }
}

/// The signature Paystack puts in `x-paystack-signature`: HMAC-SHA512 of the raw body under
/// the secret key, lower-case hex.
pub fn signature(secret_key: &str, body: &[u8]) -> String {
    let mut mac = <Hmac<Sha512> as KeyInit>::new_from_slice(secret_key.as_bytes()).expect("HMAC takes any key length");
    mac.update(body);
    hex_lower(&mac.finalize().into_bytes())
}

/// Whether `signature_header` is Paystack's signature of `body`, compared in constant time.
/// A missing, empty or malformed header is not.
pub fn verify_signature(secret_key: &str, body: &[u8], signature_header: Option<&str>) -> bool {
    let Some(tag) = signature_header.map(str::trim).and_then(hex_decode) else {
        return false;
    };
    if tag.is_empty() {
        return false;
    }
    let mut mac = <Hmac<Sha512> as KeyInit>::new_from_slice(secret_key.as_bytes()).expect("HMAC takes any key length");
    mac.update(body);
    mac.verify_slice(&tag).is_ok()
}

/// A Paystack webhook event, read from its `data`. Only `charge.*` events must carry every
/// field; other events read missing ones as empty (so the application can acknowledge and
/// ignore them). Confirm with [`Provider::check`] before acting on one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookEvent {
    /// E.g. `charge.success`.
    pub event: String,
    /// `data.id`: Paystack's transaction id.
    pub id: String,
    pub reference: String,
    pub status: String,
    pub amount_minor: i64,
    pub currency: String,
}

/// Checks a webhook's signature, then reads it. The body limit is the caller's business.
pub fn parse_webhook(secret_key: &str, body: &[u8], signature_header: Option<&str>) -> Result<WebhookEvent, WebhookError> {
    if !verify_signature(secret_key, body, signature_header) {
        return Err(WebhookError::BadSignature);
    }
    let json: Value = serde_json::from_slice(body).map_err(|e| WebhookError::Malformed(format!("not JSON: {e}")))?;
    let event = json.get("event").and_then(Value::as_str).ok_or_else(|| WebhookError::Malformed("no event".into()))?.to_string();
    let data = json.get("data").filter(|d| d.is_object()).ok_or_else(|| WebhookError::Malformed("no data".into()))?;
    let strict = event.starts_with("charge.");
    let text = |field: &str| -> Result<String, WebhookError> {
        match data.get(field).and_then(crate::json_text) {
            Some(v) => Ok(v),
            None if !strict => Ok(String::new()),
            None => Err(WebhookError::Malformed(format!("no data.{field}"))),
        }
    };
    let amount_minor = match data.get("amount").and_then(crate::json_int) {
        Some(v) => v,
        None if !strict => 0,
        None => return Err(WebhookError::Malformed("no data.amount".into())),
    };
    Ok(WebhookEvent {
        id: text("id")?,
        reference: text("reference")?,
        status: text("status")?,
        currency: text("currency")?,
        amount_minor,
        event,
    })
}

pub(crate) fn hex_lower(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

fn hex_decode(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    let nibble = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    };
    s.as_bytes().chunks(2).map(|pair| Some(nibble(pair[0])? << 4 | nibble(pair[1])?)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips() {
        assert_eq!(hex_lower(&[0, 1, 0xab, 0xff]), "0001abff");
        assert_eq!(hex_decode("0001abff"), Some(vec![0, 1, 0xab, 0xff]));
        assert_eq!(hex_decode("0001ABFF"), Some(vec![0, 1, 0xab, 0xff]));
        assert_eq!(hex_decode("abc"), None);
        assert_eq!(hex_decode("zz"), None);
    }

    #[test]
    fn debug_hides_the_secret_key() {
        let config = PaystackConfig { secret_key: "sk_live_topsecret".into(), base_url: DEFAULT_BASE_URL.into() };
        assert!(!format!("{config:?}").contains("topsecret"));
        let client = Paystack::new(config).unwrap();
        assert!(!format!("{client:?}").contains("topsecret"));
        assert!(format!("{client:?}").contains("api.paystack.co"));
    }

    #[test]
    fn other_events_parse_leniently_but_charges_strictly() {
        let body = br#"{"event":"customeridentification.success","data":{"customer_id":"82796315"}}"#;
        let event = parse_webhook("k", body, Some(&signature("k", body))).unwrap();
        assert_eq!(event.event, "customeridentification.success");
        assert_eq!(event.reference, "");
        let body = br#"{"event":"charge.success","data":{"id":1,"status":"success","amount":100,"currency":"NGN"}}"#;
        assert_eq!(parse_webhook("k", body, Some(&signature("k", body))), Err(WebhookError::Malformed("no data.reference".into())));
    }
}
