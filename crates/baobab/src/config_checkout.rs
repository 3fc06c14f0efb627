//! The `[checkout]` and `[payments]` sections: delivery zones, VAT, payment methods and the
//! provider credentials. Checked like the rest: an error names the key, the value and where it
//! came from.

use baobab_domain::payment::PaymentMethod;
use std::collections::BTreeMap;

use baobab_domain::Currency;
use baobab_domain::money::parse_major;
use baobab_domain::shipping::{ShippingMethod, ShippingZone, TaxTable, check_zones};
use baobab_web::checkout::CheckoutSettings;
use baobab_web::checkout::payments::PaymentSettings;
use figment::Figment;
use serde::{Deserialize, Serialize};

use crate::config_base::{ConfigError, Secret, bad};

/// Delivery and tax. Unset `zones` and `vat` mean the demo shop's (see README).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckoutSection {
    /// Shelf prices include VAT (the tax part is shown, not added).
    pub prices_include_tax: bool,
    /// VAT in percent per country code: `{ NG = 7.5, KE = 16 }`.
    pub vat: Option<BTreeMap<String, f64>>,
    /// VAT in percent for countries not listed.
    pub default_vat: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zones: Option<Vec<RawZone>>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawZone {
    pub name: String,
    pub countries: Vec<String>,
    #[serde(default)]
    pub regions: Vec<String>,
    pub methods: Vec<RawMethod>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMethod {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub pickup: bool,
    /// Per currency, in major units: `{ NGN = "2500", USD = "3.50" }` (whole numbers may be bare).
    pub prices: BTreeMap<String, Amount>,
    #[serde(default)]
    pub free_over: BTreeMap<String, Amount>,
}

/// A money amount in major units, as a string (`"2500.50"`) or a whole number (`2500`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Amount {
    Whole(i64),
    Text(String),
}

/// Payment methods and providers. Paystack is offered when `paystack_secret_key` is set; M-Pesa
/// when its four credentials and `mpesa_callback_token` are.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PaymentsSection {
    /// Offline methods offered: `cash_on_delivery`, `bank_transfer`.
    pub offline_methods: Vec<String>,
    /// Shown to bank-transfer customers: account name, bank, number.
    pub bank_details: String,
    pub bank_transfer_hours: i64,
    /// Unpaid Paystack and M-Pesa orders are cancelled (stock released) after this long.
    pub online_payment_minutes: i64,
    pub paystack_secret_key: Option<Secret>,
    pub paystack_base_url: String,
    pub mpesa_consumer_key: Option<Secret>,
    pub mpesa_consumer_secret: Option<Secret>,
    pub mpesa_shortcode: Option<String>,
    pub mpesa_passkey: Option<Secret>,
    pub mpesa_base_url: String,
    /// The secret last segment of the callback URL given to Daraja (which signs nothing).
    pub mpesa_callback_token: Option<Secret>,
}

impl Default for CheckoutSection {
    fn default() -> Self {
        CheckoutSection { prices_include_tax: true, vat: None, default_vat: 0.0, zones: None }
    }
}

impl Default for PaymentsSection {
    fn default() -> Self {
        let d = CheckoutSettings::default();
        PaymentsSection {
            offline_methods: d.offline_methods.iter().map(|m| m.as_str().to_string()).collect(),
            bank_details: d.bank_details,
            bank_transfer_hours: d.bank_transfer_hours,
            online_payment_minutes: d.online_payment_minutes,
            paystack_secret_key: None,
            paystack_base_url: baobab_payments::paystack::DEFAULT_BASE_URL.into(),
            mpesa_consumer_key: None,
            mpesa_consumer_secret: None,
            mpesa_shortcode: None,
            mpesa_passkey: None,
            mpesa_base_url: baobab_payments::mpesa::DEFAULT_BASE_URL.into(),
            mpesa_callback_token: None,
        }
    }
}

/// A percentage with at most two decimals, as basis points.
fn percent_bp(fig: &Figment, key: &str, v: f64) -> Result<i64, ConfigError> {
    let bp = (v * 100.0).round();
    if !(0.0..=100.0).contains(&v) || (bp - v * 100.0).abs() > 1e-6 {
        return Err(bad(fig, key, &v, "must be a percentage between 0 and 100 with at most two decimals"));
    }
    Ok(bp as i64)
}

fn amounts(fig: &Figment, key: &str, raw: &BTreeMap<String, Amount>) -> Result<BTreeMap<Currency, i64>, ConfigError> {
    let mut out = BTreeMap::new();
    for (code, amount) in raw {
        let k = format!("{key}.{code}");
        let currency: Currency = code.parse().map_err(|e: baobab_domain::money::CurrencyError| bad(fig, &k, code, &e.to_string()))?;
        let text = match amount {
            Amount::Whole(n) => n.to_string(),
            Amount::Text(t) => t.clone(),
        };
        let minor = parse_major(&text, currency)
            .ok_or_else(|| bad(fig, &k, &text, &format!("is not an amount in {currency} such as \"2500\" or \"2500.50\"")))?;
        out.insert(currency, minor);
    }
    Ok(out)
}

fn secret(s: &Option<Secret>) -> Option<String> {
    s.as_ref().map(|x| x.0.trim().to_string()).filter(|x| !x.is_empty())
}

fn base_url(fig: &Figment, key: &str, url: &str) -> Result<String, ConfigError> {
    let u = url.trim().trim_end_matches('/');
    if !(u.starts_with("https://") || u.starts_with("http://")) || u.contains(char::is_whitespace) {
        return Err(bad(fig, key, &url, "must be an https:// URL"));
    }
    Ok(u.to_string())
}

pub fn check(fig: &Figment, c: &CheckoutSection, p: &PaymentsSection) -> Result<(CheckoutSettings, PaymentSettings), ConfigError> {
    let defaults = CheckoutSettings::default();
    let rates = match &c.vat {
        None => defaults.tax.rates.clone(),
        Some(map) => {
            let mut rates = BTreeMap::new();
            for (country, v) in map {
                let key = format!("checkout.vat.{country}");
                if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_alphabetic()) {
                    return Err(bad(fig, &key, country, "is not a two-letter country code like NG"));
                }
                rates.insert(country.to_ascii_uppercase(), percent_bp(fig, &key, *v)?);
            }
            rates
        }
    };
    let tax =
        TaxTable { prices_include_tax: c.prices_include_tax, rates, default_bp: percent_bp(fig, "checkout.default_vat", c.default_vat)? };
    let zones = match &c.zones {
        None => defaults.zones,
        Some(raw) => {
            let mut zones = Vec::new();
            for (i, z) in raw.iter().enumerate() {
                let mut methods = Vec::new();
                for (j, m) in z.methods.iter().enumerate() {
                    let key = format!("checkout.zones[{i}].methods[{j}]");
                    methods.push(ShippingMethod {
                        id: m.id.clone(),
                        name: m.name.clone(),
                        pickup: m.pickup,
                        prices: amounts(fig, &format!("{key}.prices"), &m.prices)?,
                        free_over: amounts(fig, &format!("{key}.free_over"), &m.free_over)?,
                    });
                }
                zones.push(ShippingZone {
                    name: z.name.clone(),
                    countries: z.countries.iter().map(|c| if c == "*" { c.clone() } else { c.to_ascii_uppercase() }).collect(),
                    regions: z.regions.clone(),
                    methods,
                });
            }
            check_zones(&zones).map_err(|e| ConfigError(format!("invalid value for `checkout.zones`: {e}")))?;
            zones
        }
    };
    if zones.is_empty() {
        return Err(bad(fig, "checkout.zones", &"[]", "must list at least one zone (or be left unset for the defaults)"));
    }
    let mut offline_methods = Vec::new();
    for m in &p.offline_methods {
        match PaymentMethod::OFFLINE.into_iter().find(|o| o.as_str() == m) {
            Some(o) => offline_methods.push(o),
            None => return Err(bad(fig, "payments.offline_methods", m, "is not `cash_on_delivery` or `bank_transfer`")),
        }
    }
    if !(1..=24 * 30).contains(&p.bank_transfer_hours) {
        return Err(bad(fig, "payments.bank_transfer_hours", &p.bank_transfer_hours, "must be between 1 and 720"));
    }
    if !(5..=24 * 60).contains(&p.online_payment_minutes) {
        return Err(bad(fig, "payments.online_payment_minutes", &p.online_payment_minutes, "must be between 5 and 1440"));
    }
    let paystack = match secret(&p.paystack_secret_key) {
        None => None,
        Some(key) => {
            if !(key.starts_with("sk_live_") || key.starts_with("sk_test_")) {
                return Err(ConfigError(
                    "invalid value for `payments.paystack_secret_key`: must be a Paystack secret key (sk_live_… or sk_test_…)".into(),
                ));
            }
            Some(baobab_payments::PaystackConfig {
                secret_key: key,
                base_url: base_url(fig, "payments.paystack_base_url", &p.paystack_base_url)?,
            })
        }
    };
    let mpesa_parts = [
        ("payments.mpesa_consumer_key", secret(&p.mpesa_consumer_key)),
        ("payments.mpesa_consumer_secret", secret(&p.mpesa_consumer_secret)),
        ("payments.mpesa_shortcode", p.mpesa_shortcode.clone().filter(|s| !s.trim().is_empty())),
        ("payments.mpesa_passkey", secret(&p.mpesa_passkey)),
        ("payments.mpesa_callback_token", secret(&p.mpesa_callback_token)),
    ];
    let set = mpesa_parts.iter().filter(|(_, v)| v.is_some()).count();
    let (mpesa, token) = if set == 0 {
        (None, String::new())
    } else if set < mpesa_parts.len() {
        let missing: Vec<&str> = mpesa_parts.iter().filter(|(_, v)| v.is_none()).map(|(k, _)| *k).collect();
        return Err(ConfigError(format!("M-Pesa is half configured: set {} too (or none of the M-Pesa keys)", missing.join(", "))));
    } else {
        let v: Vec<String> = mpesa_parts.iter().map(|(_, v)| v.clone().unwrap_or_default()).collect();
        if !v[2].bytes().all(|b| b.is_ascii_digit()) || !(5..=7).contains(&v[2].len()) {
            return Err(bad(fig, "payments.mpesa_shortcode", &v[2], "must be a paybill or till number of 5 to 7 digits"));
        }
        if v[4].len() < 16 || !v[4].bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
            return Err(ConfigError(
                "invalid value for `payments.mpesa_callback_token`: must be at least 16 letters, digits, - or _ (it guards the callback URL)"
                    .into(),
            ));
        }
        let cfg = baobab_payments::MpesaConfig {
            consumer_key: v[0].clone(),
            consumer_secret: v[1].clone(),
            shortcode: v[2].clone(),
            passkey: v[3].clone(),
            base_url: base_url(fig, "payments.mpesa_base_url", &p.mpesa_base_url)?,
        };
        (Some(cfg), v[4].clone())
    };
    if p.offline_methods.is_empty() && paystack.is_none() && mpesa.is_none() {
        return Err(bad(fig, "payments.offline_methods", &"[]", "is empty and no online provider is set: customers could not pay"));
    }
    Ok((
        CheckoutSettings {
            zones,
            tax,
            offline_methods,
            bank_details: p.bank_details.clone(),
            bank_transfer_hours: p.bank_transfer_hours,
            online_payment_minutes: p.online_payment_minutes,
        },
        PaymentSettings { paystack, mpesa, mpesa_callback_token: token },
    ))
}
