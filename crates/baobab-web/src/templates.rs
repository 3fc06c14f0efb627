//! The storefront's templates, compiled into the binary (no files to deploy or lose).

use minijinja::Environment;
use serde::Serialize;

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
    ("cart.html", include_str!("../templates/cart.html")),
    ("checkout.html", include_str!("../templates/checkout.html")),
    ("order.html", include_str!("../templates/order.html")),
];

impl Templates {
    pub fn new() -> Templates {
        let mut env = Environment::new();
        env.set_syntax(
            minijinja::syntax::SyntaxConfig::builder().trim_blocks(true).lstrip_blocks(true).build().expect("default delimiters"),
        );
        env.set_formatter(escape_html);
        for (name, source) in SOURCES {
            env.add_template(name, source).unwrap_or_else(|e| panic!("template {name}: {e}"));
        }
        Templates { env }
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
