//! The storefront's templates, compiled into the binary (no files to deploy or lose).

use std::sync::Arc;

use fluent_bundle::FluentValue;
use minijinja::value::{Kwargs, Value, ValueKind};
use minijinja::{Environment, State};
use serde::Serialize;

use crate::i18n::I18n;

pub struct Templates {
    env: Environment<'static>,
}

const SOURCES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("macros.html", include_str!("../templates/macros.html")),
    ("home.html", include_str!("../templates/home.html")),
    ("category.html", include_str!("../templates/category.html")),
    ("product.html", include_str!("../templates/product.html")),
    ("search.html", include_str!("../templates/search.html")),
    ("error.html", include_str!("../templates/error.html")),
    ("account/form.html", include_str!("../templates/account/form.html")),
    ("account/home.html", include_str!("../templates/account/home.html")),
    ("admin/page.html", include_str!("../templates/admin/page.html")),
    ("admin/translations.html", include_str!("../templates/admin/translations.html")),
    ("cart.html", include_str!("../templates/cart.html")),
    ("checkout.html", include_str!("../templates/checkout.html")),
    ("order.html", include_str!("../templates/order.html")),
    ("email/verify.txt", include_str!("../templates/email/verify.txt")),
    ("email/account_exists.txt", include_str!("../templates/email/account_exists.txt")),
    ("email/reset.txt", include_str!("../templates/email/reset.txt")),
    ("email/staff_invite.txt", include_str!("../templates/email/staff_invite.txt")),
    ("email/order_placed.txt", include_str!("../templates/email/order_placed.txt")),
    ("email/order_status.txt", include_str!("../templates/email/order_status.txt")),
];

impl Templates {
    /// The templates with the shipped message catalogs.
    pub fn new() -> Templates {
        Templates::with_i18n(Arc::new(I18n::shipped()))
    }

    /// The templates with the shop's catalogs: `t("key", name=value…)` is the message in the
    /// page's language (`page.lang` of the context, else the request's, else the default).
    pub fn with_i18n(i18n: Arc<I18n>) -> Templates {
        let mut env = Environment::new();
        env.set_syntax(
            minijinja::syntax::SyntaxConfig::builder().trim_blocks(true).lstrip_blocks(true).build().expect("default delimiters"),
        );
        env.set_formatter(escape_html);
        env.add_function("t", move |state: &State, key: &str, kwargs: Kwargs| -> Result<String, minijinja::Error> {
            let from_page = state.lookup("page").and_then(|p| p.get_attr("lang").ok()).filter(|l| !l.is_undefined() && !l.is_none());
            let lang = match from_page {
                Some(l) => l.to_string(),
                None => crate::i18n::current().map_or_else(|| i18n.default_code().to_string(), |l| l.code.to_string()),
            };
            let mut args: Vec<(&str, FluentValue)> = Vec::new();
            for name in kwargs.args() {
                let v: Value = kwargs.get(name)?;
                let fv = match v.kind() {
                    ValueKind::Number => match v.as_i64() {
                        Some(n) => FluentValue::from(n),
                        None => FluentValue::from(f64::try_from(v.clone()).unwrap_or_default()),
                    },
                    _ => FluentValue::from(v.to_string()),
                };
                args.push((name, fv));
            }
            kwargs.assert_all_used()?;
            Ok(i18n.msg(&lang, key, &args))
        });
        for (name, source) in SOURCES {
            env.add_template(name, source).unwrap_or_else(|e| panic!("template {name}: {e}"));
        }
        Templates { env }
    }

    /// Renders the e-mail template `name` (plain text, not escaped): its first line is
    /// `Subject: …`, then a blank line, then the message. Returns the subject and the text.
    pub fn email<S: Serialize>(&self, name: &str, ctx: &S) -> Result<(String, String), minijinja::Error> {
        let text = self.render(name, ctx)?;
        let (first, body) = text.split_once('\n').unwrap_or((text.as_str(), ""));
        let subject = first.strip_prefix("Subject: ").ok_or_else(|| {
            minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, format!("{name} must start with a Subject: line"))
        })?;
        Ok((subject.trim().to_string(), body.trim_start_matches('\n').to_string()))
    }

    /// Renders `name` with `ctx` (HTML-escaped: every `.html` template auto-escapes).
    pub fn render<S: Serialize>(&self, name: &str, ctx: &S) -> Result<String, minijinja::Error> {
        self.env.get_template(name)?.render(minijinja::value::Serde(ctx))
    }
}

/// Escapes `& < > " '` only: unlike the default escaper it leaves `/` alone, which keeps URLs
/// readable and pages smaller, and is safe in text and in quoted attributes (all ours are).
fn escape_html(out: &mut minijinja::Output, state: &mut minijinja::State, value: &minijinja::Value) -> Result<(), minijinja::Error> {
    if value.is_safe() || matches!(state.auto_escape(), minijinja::AutoEscape::None) || value.is_none() || value.is_undefined() {
        return minijinja::escape_formatter(out, state, value);
    }
    let text = value.to_string();
    let mut last = 0;
    for (i, b) in text.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.write_str(&text[last..i]).map_err(|_| minijinja::Error::new(minijinja::ErrorKind::WriteFailure, "write"))?;
        out.write_str(rep).map_err(|_| minijinja::Error::new(minijinja::ErrorKind::WriteFailure, "write"))?;
        last = i + 1;
    }
    out.write_str(&text[last..]).map_err(|_| minijinja::Error::new(minijinja::ErrorKind::WriteFailure, "write"))
}

impl Default for Templates {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_email_has_a_subject_and_plain_text() {
        let t = super::Templates::new();
        let ctx = serde_json::json!({"shop": "Duka & Co", "url": "https://shop.example", "link": "https://shop.example/x?token=a&b=1",
            "hours": 48, "minutes": 60, "role": "owner", "number": "BB-000042", "id": 42, "total": "₦46,400.00",
            "payment": "cash on delivery", "status": "refunded", "status_label": "partially refunded", "refunded": "₦1,000.00"});
        let names: Vec<&str> = super::SOURCES.iter().map(|(n, _)| *n).filter(|n| n.starts_with("email/")).collect();
        assert_eq!(names.len(), 6);
        for name in names {
            let (subject, body) = t.email(name, &ctx).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(!subject.is_empty() && !subject.contains('\n'), "{name}: {subject:?}");
            assert!(!body.starts_with('\n') && !body.contains("{{") && !body.contains("{%"), "{name}: {body}");
            assert!(!body.contains("&amp;") && !subject.contains("&amp;"), "{name}: text is not HTML-escaped: {subject} {body}");
        }
        let (subject, body) = t.email("email/order_status.txt", &ctx).unwrap();
        assert_eq!(subject, "Order BB-000042: partially refunded");
        assert_eq!(body, "We have refunded ₦1,000.00 so far.\n\nOrder BB-000042 at Duka & Co: https://shop.example/orders/42");
        let shipped = serde_json::json!({"shop": "S", "url": "u", "number": "N", "id": 1, "status": "shipped", "status_label": "shipped"});
        assert_eq!(t.email("email/order_status.txt", &shipped).unwrap().1, "Your order is on its way.\n\nOrder N at S: u/orders/1");
    }

    #[test]
    fn escapes_markup_but_not_slashes() {
        let t = super::Templates::new();
        let page = serde_json::json!({"page": {"shop": "S", "title": "<script>'x'&\"y\"</script>", "description": "", "canonical": "https://x/y",
            "css": "/a.css", "currencies": ["NGN"], "currency": "NGN", "nav": [], "crumbs": [], "q": "\"><b>", "path": "/p", "noindex": false},
            "heading": "h", "message": "m"});
        let html = t.render("error.html", &page).unwrap();
        assert!(html.contains("&lt;script&gt;&#39;x&#39;&amp;&quot;y&quot;&lt;/script&gt;"), "{html}");
        assert!(html.contains("value=\"&quot;&gt;&lt;b&gt;\""), "{html}");
        assert!(html.contains("href=\"https://x/y\""), "{html}");
        assert!(!html.contains("<script>"));
    }
}
