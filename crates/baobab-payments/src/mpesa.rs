//! M-Pesa through Safaricom's Daraja API (Kenya): Lipa na M-Pesa Online, the "STK push" that
//! prompts the customer's phone for their PIN.
//!
//! - OAuth: `GET /oauth/v1/generate?grant_type=client_credentials` with HTTP Basic
//!   (consumer key and secret) gives a bearer token for about an hour; it is cached until a
//!   minute before it expires, and dropped (then fetched again, once) when an API call answers 401.
//! - Every API call carries `Timestamp` (`YYYYMMDDHHmmss`, East Africa Time) and
//!   `Password` = base64(shortcode + passkey + timestamp).
//! - Start: `POST /mpesa/stkpush/v1/processrequest`; check: `POST /mpesa/stkpushquery/v1/query`;
//!   the result is also posted to the request's `CallBackURL` ([`parse_callback`]), unsigned.

use std::fmt;
use std::time::{Duration, Instant};

use baobab_domain::Currency;
use base64::Engine;
use chrono::{DateTime, FixedOffset, Utc};
use serde_json::{Value, json};
use tokio::sync::Mutex;

use crate::{Answer, NextStep, Outcome, PaymentError, PaymentRef, Provider, StartRequest, Started, WebhookError};

/// Daraja's production API.
pub const DEFAULT_BASE_URL: &str = "https://api.safaricom.co.ke";
/// Daraja's sandbox.
pub const SANDBOX_BASE_URL: &str = "https://sandbox.safaricom.co.ke";
/// Daraja's limit on `AccountReference`.
pub const ACCOUNT_REFERENCE_MAX: usize = 12;
/// Daraja's limit on `TransactionDesc`.
pub const TRANSACTION_DESC_MAX: usize = 13;
/// The error code of an STK query whose customer has not answered yet.
pub const STILL_PROCESSING: &str = "500.001.1001";
/// How long before its stated expiry a token is dropped.
const TOKEN_MARGIN: Duration = Duration::from_secs(60);

#[derive(Clone, PartialEq, Eq)]
pub struct MpesaConfig {
    pub consumer_key: String,
    pub consumer_secret: String,
    /// The paybill (business short code) payments go to.
    pub shortcode: String,
    /// The Lipa na M-Pesa Online passkey.
    pub passkey: String,
    /// [`DEFAULT_BASE_URL`], [`SANDBOX_BASE_URL`], or a fake's URL in tests.
    pub base_url: String,
}

impl fmt::Debug for MpesaConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MpesaConfig")
            .field("consumer_key", &"<redacted>")
            .field("consumer_secret", &"<redacted>")
            .field("shortcode", &self.shortcode)
            .field("passkey", &"<redacted>")
            .field("base_url", &self.base_url)
            .finish()
    }
}

struct Token {
    value: String,
    /// When to stop using it: the stated expiry less [`TOKEN_MARGIN`].
    until: Instant,
}

pub struct Mpesa {
    config: MpesaConfig,
    http: reqwest::Client,
    token: Mutex<Option<Token>>,
}

impl fmt::Debug for Mpesa {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Mpesa").field("shortcode", &self.config.shortcode).field("base_url", &self.config.base_url).finish_non_exhaustive()
    }
}

/// `YYYYMMDDHHmmss` in East Africa Time (UTC+3, no daylight saving), as Daraja expects.
pub fn timestamp(now: DateTime<Utc>) -> String {
    let eat = FixedOffset::east_opt(3 * 3600).expect("UTC+3 is a valid offset");
    now.with_timezone(&eat).format("%Y%m%d%H%M%S").to_string()
}

/// Daraja's `Password`: base64(shortcode + passkey + timestamp).
pub fn password(shortcode: &str, passkey: &str, timestamp: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(format!("{shortcode}{passkey}{timestamp}"))
}

/// A Kenyan mobile number in E.164 (`+2547XXXXXXXX`, `+2541XXXXXXXX`) as Daraja takes it
/// (`2547XXXXXXXX`), or `None`.
pub fn daraja_phone(e164: &str) -> Option<String> {
    let rest = e164.strip_prefix("+254")?;
    let ok = rest.len() == 9 && rest.bytes().all(|b| b.is_ascii_digit()) && matches!(rest.as_bytes()[0], b'7' | b'1');
    ok.then(|| format!("254{rest}"))
}

/// The first `max` characters of `s`.
fn truncate(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}

/// Reads Daraja's error shape `{"requestId","errorCode","errorMessage"}`.
fn daraja_error(json: &Option<Value>) -> (Option<String>, Option<String>) {
    let field = |name: &str| json.as_ref().and_then(|j| j.get(name)).and_then(Value::as_str).map(str::to_string);
    (field("errorCode"), field("errorMessage"))
}

fn unparseable(what: &str) -> PaymentError {
    PaymentError::Unavailable(format!("M-Pesa's answer has no usable {what}"))
}

/// `Refused` for a 4xx (with Daraja's message), `Unavailable` for anything else that is not 2xx.
fn not_ok(answer: &Answer, json: &Option<Value>) -> PaymentError {
    let (code, message) = daraja_error(json);
    if (400..500).contains(&answer.status) {
        PaymentError::Refused(message.unwrap_or_else(|| format!("M-Pesa declined the request (HTTP {})", answer.status)))
    } else {
        let detail = match (code, message) {
            (Some(c), Some(m)) => format!(": {c} {m}"),
            (None, Some(m)) => format!(": {m}"),
            _ => String::new(),
        };
        PaymentError::Unavailable(format!("M-Pesa answered HTTP {}{detail}", answer.status))
    }
}

impl Mpesa {
    pub fn new(config: MpesaConfig) -> Result<Mpesa, PaymentError> {
        for (name, value) in [
            ("consumer key", &config.consumer_key),
            ("consumer secret", &config.consumer_secret),
            ("shortcode", &config.shortcode),
            ("passkey", &config.passkey),
        ] {
            if value.is_empty() {
                return Err(PaymentError::Invalid(format!("the M-Pesa {name} is empty")));
            }
        }
        let config = MpesaConfig { base_url: crate::trim_base(&config.base_url), ..config };
        Ok(Mpesa { config, http: crate::http_client()?, token: Mutex::new(None) })
    }

    /// A valid access token: the cached one, or a new one.
    async fn token(&self) -> Result<String, PaymentError> {
        let mut cached = self.token.lock().await;
        if let Some(token) = cached.as_ref().filter(|t| t.until > Instant::now()) {
            return Ok(token.value.clone());
        }
        let request = self
            .http
            .get(format!("{}/oauth/v1/generate?grant_type=client_credentials", self.config.base_url))
            .basic_auth(&self.config.consumer_key, Some(&self.config.consumer_secret));
        let answer = crate::send("M-Pesa", request).await?;
        let json = answer.json();
        if !(200..300).contains(&answer.status) {
            return Err(match not_ok(&answer, &json) {
                PaymentError::Refused(m) => PaymentError::Refused(format!("M-Pesa refused the API credentials: {m}")),
                other => other,
            });
        }
        let json = json.ok_or_else(|| unparseable("token"))?;
        let value =
            json.get("access_token").and_then(Value::as_str).filter(|t| !t.is_empty()).ok_or_else(|| unparseable("access_token"))?;
        // Daraja writes expires_in as a string ("3599"); accept a number too.
        let lifetime = json.get("expires_in").and_then(crate::json_int).filter(|s| *s > 0).ok_or_else(|| unparseable("expires_in"))?;
        let until = Instant::now() + Duration::from_secs(lifetime as u64).saturating_sub(TOKEN_MARGIN);
        *cached = Some(Token { value: value.to_string(), until });
        Ok(value.to_string())
    }

    /// POSTs a JSON body with the bearer token; on a 401 drops the token and tries once more.
    async fn post(&self, path: &str, body: &Value) -> Result<(Answer, Option<Value>), PaymentError> {
        let url = format!("{}{path}", self.config.base_url);
        for attempt in 0..2 {
            let token = self.token().await?;
            let request =
                self.http.post(&url).bearer_auth(&token).header(reqwest::header::CONTENT_TYPE, "application/json").body(body.to_string());
            let answer = crate::send("M-Pesa", request).await?;
            if answer.status == 401 && attempt == 0 {
                let mut cached = self.token.lock().await;
                if cached.as_ref().is_some_and(|t| t.value == token) {
                    *cached = None;
                }
                continue;
            }
            let json = answer.json();
            return Ok((answer, json));
        }
        unreachable!("the second attempt always returns")
    }

    /// Timestamp and password for a call made now.
    fn credentials(&self) -> (String, String) {
        let ts = timestamp(Utc::now());
        let pw = password(&self.config.shortcode, &self.config.passkey, &ts);
        (ts, pw)
    }
}

#[async_trait::async_trait]
impl Provider for Mpesa {
    fn name(&self) -> &'static str {
        "mpesa"
    }

    fn supports(&self, currency: Currency) -> bool {
        currency.code() == "KES"
    }

    async fn start(&self, req: &StartRequest) -> Result<Started, PaymentError> {
        if !self.supports(req.currency) {
            return Err(PaymentError::Invalid(format!("M-Pesa takes only KES, not {}", req.currency.code())));
        }
        if req.amount_minor <= 0 {
            return Err(PaymentError::Invalid(format!("the amount must be positive, not {}", req.amount_minor)));
        }
        let phone = match req.phone.as_deref() {
            None | Some("") => return Err(PaymentError::Invalid("M-Pesa needs the customer's phone number".into())),
            Some(p) => {
                daraja_phone(p).ok_or_else(|| PaymentError::Invalid(format!("{p} is not a Kenyan mobile number (+2547… or +2541…)")))?
            }
        };
        if req.reference.is_empty() {
            return Err(PaymentError::Invalid("the payment reference is empty".into()));
        }
        // Daraja takes whole shillings: round up, never ask for less than the order.
        let per = req.currency.minor_per_major();
        let shillings = req.amount_minor.div_euclid(per) + i64::from(req.amount_minor.rem_euclid(per) != 0);
        let (ts, pw) = self.credentials();
        let shortcode = &self.config.shortcode;
        let body = json!({
            "BusinessShortCode": shortcode,
            "Password": pw,
            "Timestamp": ts,
            "TransactionType": "CustomerPayBillOnline",
            "Amount": shillings,
            "PartyA": phone,
            "PartyB": shortcode,
            "PhoneNumber": phone,
            "CallBackURL": req.callback_url,
            "AccountReference": truncate(&req.reference, ACCOUNT_REFERENCE_MAX),
            "TransactionDesc": truncate(&req.description, TRANSACTION_DESC_MAX),
        });
        let (answer, json) = self.post("/mpesa/stkpush/v1/processrequest", &body).await?;
        if !(200..300).contains(&answer.status) {
            return Err(not_ok(&answer, &json));
        }
        let json = json.ok_or_else(|| unparseable("JSON"))?;
        let code = json.get("ResponseCode").and_then(crate::json_text).ok_or_else(|| unparseable("ResponseCode"))?;
        if code != "0" {
            let message = json.get("ResponseDescription").and_then(Value::as_str).unwrap_or("M-Pesa declined the request");
            return Err(PaymentError::Refused(message.to_string()));
        }
        let checkout = json.get("CheckoutRequestID").and_then(Value::as_str).ok_or_else(|| unparseable("CheckoutRequestID"))?;
        let message = format!("Check your phone and enter your M-Pesa PIN to pay KES {}", crate::group_thousands(shillings));
        Ok(Started { provider_ref: checkout.to_string(), amount_minor: shillings * per, next: NextStep::Phone { message } })
    }

    async fn check(&self, payment: &PaymentRef<'_>) -> Result<Outcome, PaymentError> {
        let (ts, pw) = self.credentials();
        let body = json!({
            "BusinessShortCode": self.config.shortcode,
            "Password": pw,
            "Timestamp": ts,
            "CheckoutRequestID": payment.provider_ref,
        });
        let (answer, json) = self.post("/mpesa/stkpushquery/v1/query", &body).await?;
        if !(200..300).contains(&answer.status) {
            // While the customer has not answered the prompt, Daraja answers 500 with this code.
            if answer.status == 500 && daraja_error(&json).0.as_deref() == Some(STILL_PROCESSING) {
                return Ok(Outcome::Pending);
            }
            return Err(not_ok(&answer, &json));
        }
        let json = json.ok_or_else(|| unparseable("JSON"))?;
        let response = json.get("ResponseCode").and_then(crate::json_text).ok_or_else(|| unparseable("ResponseCode"))?;
        if response != "0" {
            let message = json.get("ResponseDescription").and_then(Value::as_str).unwrap_or("M-Pesa declined the query");
            return Err(PaymentError::Refused(message.to_string()));
        }
        let result = json.get("ResultCode").and_then(crate::json_text).ok_or_else(|| unparseable("ResultCode"))?;
        let desc = json.get("ResultDesc").and_then(Value::as_str).unwrap_or_default().to_string();
        if result == "0" {
            let currency: Currency = "KES".parse().expect("KES is a Baobab currency");
            Ok(Outcome::Succeeded { amount_minor: payment.amount_minor, currency, provider_txn: payment.provider_ref.to_string() })
        } else {
            let reason = if desc.is_empty() { format!("M-Pesa result code {result}") } else { desc };
            Ok(Outcome::Failed { reason })
        }
    }
}

/// The result Daraja posts to an STK push's `CallBackURL`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StkCallback {
    pub merchant_request_id: String,
    pub checkout_request_id: String,
    /// 0 when paid; e.g. 1032 cancelled by the customer, 1037 phone unreachable, 1 insufficient funds.
    pub result_code: i64,
    pub result_desc: String,
    /// Paid amount in minor units (cents of a shilling); only on success.
    pub amount_minor: Option<i64>,
    /// The M-Pesa receipt number; only on success.
    pub receipt: Option<String>,
    /// The paying phone, `2547XXXXXXXX`; only on success.
    pub phone: Option<String>,
}

/// Reads an STK callback body (`{"Body":{"stkCallback":{…}}}`). Daraja does not sign these:
/// protect the URL and confirm with [`Provider::check`].
pub fn parse_callback(body: &[u8]) -> Result<StkCallback, WebhookError> {
    let malformed = |m: &str| WebhookError::Malformed(m.to_string());
    let json: Value = serde_json::from_slice(body).map_err(|e| WebhookError::Malformed(format!("not JSON: {e}")))?;
    let cb = json.get("Body").and_then(|b| b.get("stkCallback")).ok_or_else(|| malformed("no Body.stkCallback"))?;
    let text = |name: &str| cb.get(name).and_then(Value::as_str).map(str::to_string).ok_or_else(|| malformed(&format!("no {name}")));
    let result_code = cb.get("ResultCode").and_then(crate::json_int).ok_or_else(|| malformed("no ResultCode"))?;
    let mut callback = StkCallback {
        merchant_request_id: text("MerchantRequestID")?,
        checkout_request_id: text("CheckoutRequestID")?,
        result_code,
        result_desc: text("ResultDesc").unwrap_or_default(),
        amount_minor: None,
        receipt: None,
        phone: None,
    };
    let items = cb.get("CallbackMetadata").and_then(|m| m.get("Item")).and_then(Value::as_array);
    for item in items.into_iter().flatten() {
        let (Some(name), Some(value)) = (item.get("Name").and_then(Value::as_str), item.get("Value")) else {
            continue; // Daraja sends some items (e.g. Balance) without a value.
        };
        match name {
            "Amount" => callback.amount_minor = Some(shillings_to_minor(value).ok_or_else(|| malformed("unreadable Amount"))?),
            "MpesaReceiptNumber" => callback.receipt = crate::json_text(value),
            "PhoneNumber" => callback.phone = crate::json_text(value),
            _ => {}
        }
    }
    Ok(callback)
}

/// A callback's Amount (shillings, written `1`, `1.00` or `"1"`) in cents.
fn shillings_to_minor(value: &Value) -> Option<i64> {
    if let Some(n) = crate::json_int(value) {
        return n.checked_mul(100);
    }
    let f = match value {
        Value::Number(n) => n.as_f64()?,
        Value::String(s) => s.parse::<f64>().ok()?,
        _ => return None,
    };
    let cents = (f * 100.0).round();
    (cents.is_finite() && cents.abs() < 9.0e15).then_some(cents as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn password_matches_darajas_documented_example() {
        // Daraja's documentation: shortcode 174379, the sandbox passkey, timestamp 20160216165627.
        let pw = password("174379", "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919", "20160216165627");
        assert_eq!(pw, "MTc0Mzc5YmZiMjc5ZjlhYTliZGJjZjE1OGU5N2RkNzFhNDY3Y2QyZTBjODkzMDU5YjEwZjc4ZTZiNzJhZGExZWQyYzkxOTIwMTYwMjE2MTY1NjI3");
    }

    #[test]
    fn timestamp_is_east_africa_time() {
        let now = Utc.with_ymd_and_hms(2019, 12, 19, 22, 5, 9).unwrap();
        assert_eq!(timestamp(now), "20191220010509");
    }

    #[test]
    fn phones_must_be_kenyan_mobiles() {
        assert_eq!(daraja_phone("+254712345678").as_deref(), Some("254712345678"));
        assert_eq!(daraja_phone("+254112345678").as_deref(), Some("254112345678"));
        for bad in ["254712345678", "+25471234567", "+2547123456789", "+254212345678", "+255712345678", "+25471234567x", "+2547123456७8"]
        {
            assert_eq!(daraja_phone(bad), None, "{bad}");
        }
    }

    #[test]
    fn callback_amounts_become_cents() {
        assert_eq!(shillings_to_minor(&json!(1)), Some(100));
        assert_eq!(shillings_to_minor(&json!(1.0)), Some(100));
        assert_eq!(shillings_to_minor(&json!(1501.5)), Some(150150));
        assert_eq!(shillings_to_minor(&json!("20")), Some(2000));
        assert_eq!(shillings_to_minor(&json!(true)), None);
    }

    #[test]
    fn texts_are_cut_to_darajas_limits() {
        assert_eq!(truncate("BB-000042-1a2b3c", ACCOUNT_REFERENCE_MAX), "BB-000042-1a");
        assert_eq!(truncate("Order BB-000042", TRANSACTION_DESC_MAX), "Order BB-0000");
        assert_eq!(truncate("Short", TRANSACTION_DESC_MAX), "Short");
    }

    #[test]
    fn debug_hides_secrets() {
        let config = MpesaConfig {
            consumer_key: "ck-hidden".into(),
            consumer_secret: "cs-hidden".into(),
            shortcode: "174379".into(),
            passkey: "pk-hidden".into(),
            base_url: SANDBOX_BASE_URL.into(),
        };
        let shown = format!("{config:?} {:?}", Mpesa::new(config.clone()).unwrap());
        assert!(!shown.contains("hidden"), "{shown}");
        assert!(shown.contains("174379"));
    }
}
