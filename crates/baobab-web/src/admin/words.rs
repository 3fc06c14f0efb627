//! The admin's words in the request's language (`locales/<lang>/admin.ftl`): messages, the
//! names of statuses and roles, dates, counts and amounts, and the names of form fields in
//! error lines. The problems themselves are put into words by the shop's one mapper
//! (`page::problems`). English names each field in an error as the form sends it
//! (`usage_limit: …`); other languages name it in words.

use baobab_domain::money::CurrencyError;
use baobab_domain::{Currency, ValidationError};
use chrono::{DateTime, Utc};
use fluent_bundle::FluentValue;

use crate::AppState;
use crate::page::problems::Fields;

/// The request's language code.
pub(crate) fn lang() -> String {
    crate::i18n::current().map_or_else(|| "en".to_string(), |l| l.code.to_string())
}

/// A message without arguments.
pub(crate) fn t(state: &AppState, key: &str) -> String {
    state.t(key, &[])
}

/// Column headings from their keys (an empty key: an empty heading).
pub(crate) fn heads(state: &AppState, keys: &[&str]) -> Vec<String> {
    keys.iter().map(|k| if k.is_empty() { String::new() } else { t(state, k) }).collect()
}

/// A message with arguments.
pub(crate) fn ta(state: &AppState, key: &str, args: &[(&str, FluentValue)]) -> String {
    state.t(key, args)
}

/// A count in words: `key` selects its plural form by `count` and shows it as `n`, grouped as
/// the language writes numbers.
pub(crate) fn counted(state: &AppState, key: &str, count: u64) -> String {
    let n = count.min(i64::MAX as u64) as i64;
    state.t(key, &[("count", n.into()), ("n", count_of(n).into())])
}

/// A number as the language writes it (`12 345` in French).
pub(crate) fn count_of(n: i64) -> String {
    baobab_locale::format_count(n, &lang())
}

/// An amount in the request's language.
pub(crate) fn money(amount_minor: i64, currency: Currency) -> String {
    crate::i18n::money(amount_minor, currency)
}

/// A (UTC) day as the language writes it.
pub(crate) fn day(at: DateTime<Utc>) -> String {
    baobab_locale::format_date(at, &lang())
}

/// A (UTC) day and time: the day as the language writes it, the time on the 24-hour clock.
pub(crate) fn moment(at: DateTime<Utc>, seconds: bool) -> String {
    format!("{} {}", day(at), at.format(if seconds { "%H:%M:%S" } else { "%H:%M" }))
}

/// An order status (`pending_payment`) in words.
pub(crate) fn order_status(state: &AppState, status: &str) -> String {
    let key = match status {
        "pending_payment" => "admin-order-pending-payment",
        "paid" => "admin-order-paid",
        "fulfilled" => "admin-order-fulfilled",
        "shipped" => "admin-order-shipped",
        "delivered" => "admin-order-delivered",
        "cancelled" => "admin-order-cancelled",
        "partially_refunded" => "admin-order-partially-refunded",
        "refunded" => "admin-order-refunded",
        other => return other.replace('_', " "),
    };
    t(state, key)
}

/// A payment attempt's status in words.
pub(crate) fn payment_status(state: &AppState, status: &str) -> String {
    let key = match status {
        "pending" => "admin-payment-pending",
        "succeeded" => "admin-payment-succeeded",
        "failed" => "admin-payment-failed",
        "needs_review" => "admin-payment-needs-review",
        other => return other.replace('_', " "),
    };
    t(state, key)
}

/// How an order is paid, in words.
pub(crate) fn payment_method(state: &AppState, method: &str) -> String {
    let key = match method {
        "cash_on_delivery" => "admin-pay-cash-on-delivery",
        "bank_transfer" => "admin-pay-bank-transfer",
        "paystack" => "admin-pay-paystack",
        "mpesa" => "admin-pay-mpesa",
        other => return other.replace('_', " "),
    };
    t(state, key)
}

/// A staff role in words.
pub(crate) fn staff_role(state: &AppState, role: &str) -> String {
    let key = match role {
        "owner" => "admin-role-owner",
        "catalog_manager" => "admin-role-catalog-manager",
        "order_manager" => "admin-role-order-manager",
        "support" => "admin-role-support",
        other => return other.replace('_', " "),
    };
    t(state, key)
}

/// An API token's role in words.
pub(crate) fn token_role(state: &AppState, role: &str) -> String {
    let key = match role {
        "catalog" => "admin-token-role-catalog",
        "orders" => "admin-token-role-orders",
        other => return other.to_string(),
    };
    t(state, key)
}

/// A product status in words.
pub(crate) fn product_status(state: &AppState, status: &str) -> String {
    let key = match status {
        "draft" => "admin-status-draft",
        "active" => "admin-status-active",
        "archived" => "admin-status-archived",
        other => return other.to_string(),
    };
    t(state, key)
}

/// "yes" or "no".
pub(crate) fn yes_no(state: &AppState, yes: bool) -> String {
    t(state, if yes { "admin-yes" } else { "admin-no" })
}

/// A currency's name (`NGN — Nigerian naira`).
pub(crate) fn currency_name(state: &AppState, c: Currency) -> String {
    let key = match c.code() {
        "NGN" => "admin-currency-ngn",
        "KES" => "admin-currency-kes",
        "ZAR" => "admin-currency-zar",
        "GHS" => "admin-currency-ghs",
        "EGP" => "admin-currency-egp",
        "USD" => "admin-currency-usd",
        "XOF" => "admin-currency-xof",
        "XAF" => "admin-currency-xaf",
        "UGX" => "admin-currency-ugx",
        "TZS" => "admin-currency-tzs",
        "RWF" => "admin-currency-rwf",
        "ETB" => "admin-currency-etb",
        _ => return format!("{} — {}", c.code(), c.info().name),
    };
    ta(state, "admin-currency-option", &[("code", c.code().into()), ("name", t(state, key).into())])
}

/// How the admin names form fields in error lines (see [`Fields`]): in words, a
/// field the catalog does not know by its own name.
pub(crate) const FIELDS: Fields = Fields(field_key);

fn field_key(base: &str) -> Option<&'static str> {
    Some(match base {
        "title" => "admin-field-title",
        "description" => "admin-field-description",
        "sku" => "admin-field-sku",
        "slug" => "admin-field-slug",
        "price" | "prices" | "amount_minor" | "compare_at_minor" => "admin-field-price",
        "stock" | "stock_on_hand" => "admin-field-stock",
        "status" => "admin-field-status",
        "category_id" => "admin-field-category",
        "alt" => "admin-field-alt",
        "file" => "admin-field-file",
        "form" => "admin-field-form",
        "coupon" => "admin-field-coupon",
        "code" => "admin-field-code",
        "percent" => "admin-field-percent",
        "amount" => "admin-field-amount",
        "value" => "admin-field-value",
        "currency" => "admin-field-currency",
        "minimum" => "admin-field-minimum",
        "expires" => "admin-field-expires",
        "usage_limit" => "admin-field-usage-limit",
        "kind" => "admin-field-kind",
        "active" => "admin-field-active",
        "email" => "admin-field-email",
        "role" => "admin-field-role",
        "name" => "admin-field-name",
        "note" => "admin-field-note",
        "event" => "admin-field-event",
        "format" => "admin-field-format",
        "tags" => "admin-field-tags",
        "from" => "admin-field-from",
        "to" => "admin-field-to",
        "account" => "admin-field-account",
        "position" => "admin-field-position",
        "options" => "admin-field-options",
        "variants" => "admin-field-variants",
        _ => return None,
    })
}

/// The name of a form field in words (`variants[0].sku` by its last part).
pub(crate) fn field(state: &AppState, name: &str) -> String {
    FIELDS.name(state, name)
}

/// An error line: the field in words and what is wrong with it, already in words.
pub(crate) fn line(state: &AppState, field_name: &str, problem: &str) -> String {
    FIELDS.said(state, field_name, problem.to_string())
}

/// One problem the domain or the store reported for `field`, in the catalog's words (the
/// one mapper of `page::problems`).
pub(crate) fn problem(state: &AppState, field_name: &str, message: &str) -> String {
    FIELDS.line(state, field_name, message)
}

/// Every problem of a validation error, one line each.
pub(crate) fn problems(state: &AppState, v: &ValidationError) -> Vec<String> {
    FIELDS.lines(state, v)
}

/// What is wrong with a currency code, as an error line for the field `currency`.
pub(crate) fn currency_error(state: &AppState, e: &CurrencyError) -> String {
    let v = currency_param(state, e);
    v.errors.iter().map(|e| ta(state, "problem", &[("field", e.field.clone().into()), ("problem", e.message.clone().into())])).collect()
}

/// What is wrong with a currency code given as a link's parameter (the field and the problem).
pub(crate) fn currency_param(state: &AppState, e: &CurrencyError) -> ValidationError {
    let problem = match e {
        CurrencyError::Malformed(code) => ta(state, "admin-bad-currency-code", &[("value", code.clone().into())]),
        CurrencyError::Unsupported(code) => {
            let list = Currency::all().map(|c| c.code()).collect::<Vec<_>>().join(", ");
            ta(state, "admin-bad-currency-unsupported", &[("value", code.clone().into()), ("list", list.into())])
        }
    };
    ValidationError::new(field(state, "currency"), problem)
}

/// What a value looked like, for an error line: at most `max` characters.
pub(crate) fn shown(value: &str, max: usize) -> String {
    value.trim().chars().take(max).collect()
}
