//! Problems with what a form or a link sent, in the page's language: one mapper for the shop's
//! pages (account, cart, checkout, error pages) and the admin.
//!
//! The domain and the store say what is wrong in English and name the field
//! (`ValidationError`: field and message); they know nothing of languages. Here each message
//! that can reach a page is matched to a catalog message (`problem-…` in account.ftl and
//! checkout.ftl, `admin-problem-…` in admin.ftl for rules only staff meet) with the values it
//! carries (a length, a code, a currency), and the field to its name, so the line reads
//! `problem` ("{field}: {problem}") in the page's language. Each set of pages names fields its
//! own way ([`Fields`]: the shop's `field-…`, the admin's `admin-field-…`). English keeps the
//! domain's wording. A message not known here is shown as it came, after its field's name: the
//! web layer may have put it in the page's language already (the admin does), and the pages'
//! tests make sure no domain message reaches them in English.

use baobab_domain::{FieldError, ValidationError};
use fluent_bundle::FluentValue;

use crate::AppState;

/// (field, message as the domain, the store or a page writes it, catalog message). An empty
/// field matches any; `{name}` stands for a value that the catalog message receives as `$name`.
/// When several match, the one with the most text besides its values wins (`must be at most
/// {max} characters` before `must be at most {max}`).
const KNOWN: &[(&str, &str, &str)] = &[
    // e-mail addresses, passwords, phone numbers, postal addresses (baobab_domain::account)
    ("", "is not an e-mail address", "problem-not-email"),
    ("", "mixes letters of different alphabets; write it in one", "problem-mixed-scripts"),
    ("", "must be at least {min} characters", "problem-too-short"),
    ("", "must be at most {max} characters", "problem-too-long"),
    ("", "must be at most {max} characters, without control characters", "problem-name"),
    ("", "must be 1 to {max} characters", "problem-length"),
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
    ("", "must be between {min} and {max}", "problem-range"),
    ("", "must be between {min} and {max} (got {got})", "problem-range"),
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
    ("", "must be 3 to 32 letters, digits, - or _", "problem-coupon-format"),
    ("coupon", "`{code}` is not a valid code", "problem-coupon-refused"),
    ("coupon", "{code} is no longer valid", "problem-coupon-refused"),
    ("coupon", "{code} has expired", "problem-coupon-refused"),
    ("coupon", "{code} has been used up", "problem-coupon-refused"),
    ("coupon", "{code} is for orders in {currency}", "problem-coupon-refused"),
    ("coupon", "{code} needs an order of at least {amount}", "problem-coupon-refused"),
    ("stock", "not enough {sku} in stock", "problem-out-of-stock"),
    // what only staff meet: products, coupons, staff, orders (baobab_domain::catalog, the store)
    ("", "must not be empty", "admin-problem-empty"),
    ("", "may contain only letters, digits, '.', '_' and '-'", "admin-problem-sku"),
    ("", "may contain only lowercase letters a-z, digits and single dashes between them", "admin-problem-slug"),
    ("", "must be more than 0 and at most 100", "admin-problem-percent"),
    ("", "must be more than 0", "admin-problem-positive"),
    ("", "must not be negative", "admin-problem-negative"),
    ("", "must be at least 1 (leave it empty for no limit)", "admin-problem-usage-limit"),
    ("", "must be at most {max}", "admin-problem-at-most"),
    ("", "this {what} is already taken", "admin-problem-taken"),
    ("", "a coupon {code} exists already", "admin-problem-coupon-exists"),
    ("", "an account with this e-mail address exists", "admin-problem-email-taken"),
    ("", "the order changed meanwhile; reload and retry", "admin-problem-changed"),
];

/// Why an online payment failed, as stored with the attempt: ours are known, a provider's own
/// words are shown as they came.
const PAYMENT_REASONS: &[(&str, &str, &str)] = &[
    ("", "{provider} could not be reached; try again in a minute", "payment-unreachable"),
    ("", "not paid in time", "payment-not-in-time"),
    ("", "the charge failed", "payment-charge-failed"),
];

/// How a set of pages names the fields of its forms: the catalog message of a field's name,
/// given the field's last part without an index (`lines[0].quantity`: `quantity`); None for a
/// field shown as it is named.
#[derive(Clone, Copy)]
pub struct Fields(pub fn(&str) -> Option<&'static str>);

/// The shop's pages (account, cart, checkout, error pages): `field-…`.
pub const SHOP: Fields = Fields(shop_field);

fn shop_field(base: &str) -> Option<&'static str> {
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

impl Fields {
    /// The name of `field` in the page's language (`variants[0].sku` is named as `sku`).
    pub fn name(self, state: &AppState, field: &str) -> String {
        let last = field.rsplit('.').next().unwrap_or(field);
        let base = last.split('[').next().unwrap_or(last);
        match (self.0)(base) {
            Some(key) => state.t(key, &[]),
            None => field.to_string(),
        }
    }

    /// A line for `field` and a problem already in the page's language.
    pub fn said(self, state: &AppState, field: &str, problem: String) -> String {
        state.t("problem", &[("field", self.name(state, field).into()), ("problem", problem.into())])
    }

    /// A problem the web layer finds itself: `key` (a `problem-…` message) about `field`.
    pub fn say(self, state: &AppState, field: &str, key: &str, args: &[(&str, FluentValue)]) -> String {
        self.said(state, field, state.t(key, args))
    }

    /// One line for one problem the domain, the store or a page reported (in English).
    pub fn line(self, state: &AppState, field: &str, message: &str) -> String {
        self.said(state, field, known(state, KNOWN, field, message).unwrap_or_else(|| message.to_string()))
    }

    /// One line per problem, as forms list them.
    pub fn lines(self, state: &AppState, v: &ValidationError) -> Vec<String> {
        v.errors.iter().map(|e| self.line(state, &e.field, &e.message)).collect()
    }
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

/// A value as Fluent receives it: a number when it is one, so plural forms can follow it. This
/// crate's Fluent writes numbers without grouping, so one of 1000 or more (a limit such as
/// 20000 characters) is passed as the language groups it (`20,000`, `20 000`), taking the
/// `other` form, which is the form of the domain's round limits.
fn value(state: &AppState, s: &str) -> FluentValue<'static> {
    match s.parse::<i64>() {
        Ok(n) if n.unsigned_abs() < 1000 => FluentValue::from(n),
        Ok(n) => {
            let lang = crate::i18n::current().map_or_else(|| state.i18n.default_code().to_string(), |l| l.code.to_string());
            FluentValue::from(baobab_locale::format_count(n, &lang))
        }
        Err(_) => FluentValue::from(s.to_string()),
    }
}

/// The text of a pattern besides its values: the more, the more specific the pattern.
fn literal_len(pattern: &str) -> usize {
    pattern.split('{').enumerate().map(|(i, part)| if i == 0 { part.len() } else { part.split_once('}').map_or(0, |(_, s)| s.len()) }).sum()
}

/// The catalog message and values of the most specific of `known`'s messages that `text` is
/// (for `field`).
fn matched<'k, 't>(known: &'k [(&str, &'k str, &'k str)], field: &str, text: &'t str) -> Option<(&'k str, Vec<(&'k str, &'t str)>)> {
    let base = field.rsplit('.').next().unwrap_or(field);
    known
        .iter()
        .filter(|(f, _, _)| f.is_empty() || *f == base)
        .filter_map(|(_, pattern, key)| Some((literal_len(pattern), *key, capture(pattern, text)?)))
        .max_by_key(|(len, _, _)| *len)
        .map(|(_, key, values)| (key, values))
}

/// `text` in the page's language when it is one of `known`'s messages (for `field`).
fn known(state: &AppState, known: &[(&str, &str, &str)], field: &str, text: &str) -> Option<String> {
    let (key, values) = matched(known, field, text)?;
    let args: Vec<(&str, FluentValue)> = values.into_iter().map(|(k, v)| (k, value(state, v))).collect();
    Some(state.t(key, &args))
}

/// A problem a shop page finds itself: `key` (a `problem-…` message) about `field`.
pub fn say(state: &AppState, field: &str, key: &str, args: &[(&str, FluentValue)]) -> String {
    SHOP.say(state, field, key, args)
}

/// One line for one problem, in the shop page's language.
pub fn line(state: &AppState, e: &FieldError) -> String {
    SHOP.line(state, &e.field, &e.message)
}

/// One line per problem, as the shop's forms list them.
pub fn lines(state: &AppState, v: &ValidationError) -> Vec<String> {
    SHOP.lines(state, v)
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
    use super::{KNOWN, capture, literal_len, matched};

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
        assert_eq!(literal_len("must be between {min} and {max}"), "must be between  and ".len());
    }

    #[test]
    fn the_most_specific_message_wins() {
        let key = |field: &str, text: &str| {
            matched(KNOWN, field, text).map(|(k, v)| (k, v.iter().map(|(n, v)| format!("{n}={v}")).collect::<Vec<_>>()))
        };
        assert_eq!(key("title", "must be at most 200 characters"), Some(("problem-too-long", vec!["max=200".into()])));
        assert_eq!(key("amount_minor", "must be at most 1000"), Some(("admin-problem-at-most", vec!["max=1000".into()])));
        assert_eq!(
            key("lines[0].quantity", "must be between 1 and 100 (got 500)"),
            Some(("problem-range", vec!["min=1".into(), "max=100".into(), "got=500".into()]))
        );
        assert_eq!(key("percent", "must be more than 0 and at most 100"), Some(("admin-problem-percent", vec![])));
        assert_eq!(key("code", "{code} has expired"), None, "coupons' own messages only for the coupon field");
        assert_eq!(key("title", "is not something we know"), None);
        // every message, with values filled in, is read as its own
        for (field, pattern, own) in KNOWN {
            let text = pattern
                .split('{')
                .enumerate()
                .map(|(i, part)| if i == 0 { part } else { part.split_once('}').map_or(part, |(_, s)| s) })
                .collect::<Vec<_>>()
                .join("X7");
            let field = if field.is_empty() { "any" } else { field };
            assert_eq!(key(field, &text).map(|(k, _)| k), Some(*own), "{pattern}");
        }
    }
}
