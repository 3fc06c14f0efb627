//! Problems with what a shopper sent, in the page's language.
//!
//! The domain and the store say what is wrong in English and name the field
//! (`ValidationError`: field and message); they know nothing of languages. Here each message
//! that can reach a shopper's page is matched to a catalog message (`problem-…`) with the values
//! it carries (a length, a code, a currency), and the field to its name (`field-…`), so the
//! line reads `problem` ("{field}: {problem}") in the page's language. English keeps the
//! domain's wording. A message not known here is shown as it came: the web layer may have put it
//! in the page's language already (the admin does), and the shopper's pages' tests make sure no
//! domain message reaches them in English.

use baobab_domain::{FieldError, ValidationError};
use fluent_bundle::FluentValue;

use crate::AppState;

/// (field, message as the domain, the store or a page writes it, catalog message). An empty
/// field matches any; `{name}` stands for a value that the catalog message receives as `$name`.
const KNOWN: &[(&str, &str, &str)] = &[
    // e-mail addresses, passwords, phone numbers, postal addresses (baobab_domain::account)
    ("", "is not an e-mail address", "problem-not-email"),
    ("", "mixes letters of different alphabets; write it in one", "problem-mixed-scripts"),
    ("", "must be at least {min} characters", "problem-too-short"),
    ("", "must be at most {max} characters", "problem-too-long"),
    ("", "must be at most {max} characters, without control characters", "problem-name"),
    ("", "must not be one character repeated", "problem-repeated"),
    ("", "must not be your e-mail address", "problem-password-is-email"),
    ("", "must start with + and the country code, e.g. +234 803 123 4567", "problem-phone-plus"),
    ("", "is not a phone number in international format (E.164)", "problem-phone-format"),
    ("", "is required", "problem-required"),
    ("", "must not contain control characters", "problem-control"),
    ("", "must be a two-letter country code (ISO 3166-1), e.g. NG", "problem-country-code"),
    // forms and links
    ("", "was already used with a different request", "problem-key-reused"),
    ("", "was already used with a different request; reload the form", "problem-key-reused"),
    ("", "is missing or wrong: reload the form and try again", "problem-csrf"),
    ("", "could not be read", "problem-form-unreadable"),
    ("", "is too large", "problem-form-too-large"),
    ("", "must be this shop", "problem-origin"),
    ("", "is not a valid id", "problem-bad-id"),
    ("", "is invalid, expired or already used — log in to get a new link", "problem-token-verify"),
    ("", "is invalid — ask for a new link", "problem-token-bad"),
    ("", "is invalid, expired or already used — ask for a new link", "problem-token-reset"),
    ("", "is missing or malformed: reload the order page and try again", "problem-reload-order"),
    ("", "is missing or too long", "problem-reference"),
    ("", "must be between 1 and {max}", "problem-range"),
    ("", "must be between 1 and {max} (got {got})", "problem-range"),
    ("", "`{value}` is not a whole number", "problem-not-whole-number"),
    ("", "must be one of {valid}", "problem-one-of"),
    ("currency", "`{value}` is not an ISO 4217 currency code (three capital letters, e.g. NGN)", "problem-currency"),
    ("currency", "currency `{value}` is not supported (supported: {valid})", "problem-currency"),
    ("code", "`{value}` is not an ISO 4217 currency code (three capital letters, e.g. NGN)", "problem-currency"),
    ("code", "currency `{value}` is not supported (supported: {valid})", "problem-currency"),
    // the cart and placing an order (baobab_domain::order, the store)
    ("", "is not a product option", "problem-not-an-option"),
    ("", "must be a whole number", "problem-not-a-number"),
    ("", "is not for sale", "problem-not-for-sale"),
    ("", "variant {variant} is not for sale in {currency}", "problem-not-sold-in"),
    ("", "an order has 1 to {max} lines", "problem-lines-count"),
    ("coupon", "must be 3 to 32 letters, digits, - or _", "problem-coupon-format"),
    ("coupon", "`{code}` is not a valid code", "problem-coupon-refused"),
    ("coupon", "{code} is no longer valid", "problem-coupon-refused"),
    ("coupon", "{code} has expired", "problem-coupon-refused"),
    ("coupon", "{code} has been used up", "problem-coupon-refused"),
    ("coupon", "{code} is for orders in {currency}", "problem-coupon-refused"),
    ("coupon", "{code} needs an order of at least {amount}", "problem-coupon-refused"),
    ("stock", "not enough {sku} in stock", "problem-out-of-stock"),
];

/// Why an online payment failed, as stored with the attempt: ours are known, a provider's own
/// words are shown as they came.
const PAYMENT_REASONS: &[(&str, &str, &str)] = &[
    ("", "{provider} could not be reached; try again in a minute", "payment-unreachable"),
    ("", "not paid in time", "payment-not-in-time"),
    ("", "the charge failed", "payment-charge-failed"),
];

/// The catalog message that names `field` (`lines[0].quantity` is a quantity); None for a
/// field without one, which is shown as it is named.
fn field_key(field: &str) -> Option<&'static str> {
    let last = field.rsplit('.').next().unwrap_or(field);
    let base = last.split('[').next().unwrap_or(last);
    Some(match base {
        "email" => "field-email",
        "password" => "field-password",
        "name" => "field-name",
        "phone" => "field-phone",
        "line1" => "field-line1",
        "line2" => "field-line2",
        "city" => "field-city",
        "region" => "field-region",
        "postcode" => "field-postcode",
        "country" => "field-country",
        "token" => "field-token",
        "csrf" => "field-csrf",
        "form" => "field-form",
        "origin" => "field-origin",
        "id" => "field-id",
        "idempotency_key" => "field-idempotency-key",
        "quantity" => "field-quantity",
        "variant_id" => "field-variant",
        "currency" => "field-currency",
        "page" => "field-page",
        "code" => "field-code",
        "query" => "field-query",
        "coupon" => "field-coupon",
        "shipping_method" => "field-shipping-method",
        "payment_method" => "field-payment-method",
        "lines" => "field-lines",
        "stock" => "field-stock",
        _ => return None,
    })
}

/// The values of `pattern`'s `{name}`s in `text`, or None when `text` does not have its shape.
/// A value runs to the first place where the rest of the pattern's text follows.
fn capture<'p, 't>(pattern: &'p str, text: &'t str) -> Option<Vec<(&'p str, &'t str)>> {
    let mut values = Vec::new();
    let (mut p, mut t) = (pattern, text);
    loop {
        let Some(open) = p.find('{') else {
            return (p == t).then_some(values);
        };
        t = t.strip_prefix(&p[..open])?;
        let close = open + p[open..].find('}')?;
        let name = &p[open + 1..close];
        p = &p[close + 1..];
        let literal_end = p.find('{').unwrap_or(p.len());
        let end = if literal_end == 0 && !p.is_empty() {
            return None; // two values side by side cannot be told apart
        } else if p.is_empty() {
            t.len()
        } else {
            t.find(&p[..literal_end])?
        };
        if end == 0 {
            return None;
        }
        values.push((name, &t[..end]));
        t = &t[end..];
    }
}

/// A value as Fluent receives it: a number when it is one (so plural forms can follow it).
fn value(s: &str) -> FluentValue<'static> {
    match s.parse::<i64>() {
        Ok(n) => FluentValue::from(n),
        Err(_) => FluentValue::from(s.to_string()),
    }
}

/// `text` in the page's language when it is one of `known`'s messages (for `field`).
fn known(state: &AppState, known: &[(&str, &str, &str)], field: &str, text: &str) -> Option<String> {
    let base = field.rsplit('.').next().unwrap_or(field);
    known.iter().filter(|(f, _, _)| f.is_empty() || *f == base).find_map(|(_, pattern, key)| {
        let values = capture(pattern, text)?;
        let args: Vec<(&str, FluentValue)> = values.into_iter().map(|(k, v)| (k, value(v))).collect();
        Some(state.t(key, &args))
    })
}

/// The name of `field` in the page's language.
fn field_name(state: &AppState, field: &str) -> String {
    match field_key(field) {
        Some(key) => state.t(key, &[]),
        None => field.to_string(),
    }
}

/// A problem the web layer finds itself: `key` (a `problem-…` message) about `field`.
pub fn say(state: &AppState, field: &str, key: &str, args: &[(&str, FluentValue)]) -> String {
    let problem = state.t(key, args);
    state.t("problem", &[("field", field_name(state, field).into()), ("problem", problem.into())])
}

/// One line for one problem, in the page's language.
pub fn line(state: &AppState, e: &FieldError) -> String {
    match known(state, KNOWN, &e.field, &e.message) {
        Some(problem) => state.t("problem", &[("field", field_name(state, &e.field).into()), ("problem", problem.into())]),
        None => format!("{}: {}", e.field, e.message),
    }
}

/// One line per problem, as forms list them.
pub fn lines(state: &AppState, v: &ValidationError) -> Vec<String> {
    v.errors.iter().map(|e| line(state, e)).collect()
}

/// Every problem on one line (an error page's message).
pub fn text(state: &AppState, v: &ValidationError) -> String {
    lines(state, v).join("; ")
}

/// Why an online payment did not go through, in the page's language when we wrote the reason.
pub fn payment_reason(state: &AppState, reason: &str) -> String {
    known(state, PAYMENT_REASONS, "", reason).unwrap_or_else(|| reason.to_string())
}

#[cfg(test)]
mod tests {
    use super::capture;

    #[test]
    fn patterns_capture_their_values_and_nothing_else() {
        assert_eq!(capture("must be at most {max} characters", "must be at most 120 characters"), Some(vec![("max", "120")]));
        assert_eq!(capture("must be at most {max} characters", "must be at most 120 characters, without control characters"), None);
        assert_eq!(
            capture("variant {variant} is not for sale in {currency}", "variant 7 is not for sale in GHS"),
            Some(vec![("variant", "7"), ("currency", "GHS")])
        );
        assert_eq!(capture("{code} has expired", "KARIBU10 has expired"), Some(vec![("code", "KARIBU10")]));
        assert_eq!(capture("{code} has expired", " has expired"), None, "a value is never empty");
        assert_eq!(capture("is required", "is required"), Some(vec![]));
        assert_eq!(capture("is required", "is required!"), None);
        assert_eq!(capture("`{value}` is not a whole number", "`x` is not a whole number of minor units"), None);
        assert_eq!(capture("not enough {sku} in stock", "not enough A in stock in stock"), None, "the text runs on past the pattern");
    }
}
