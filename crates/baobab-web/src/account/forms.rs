//! The account pages' forms: one shape (heading, notice, errors, fields, links), rendered never
//! cached, with the visitor's form token.

use super::*;

/// The visitor of an account page, and the cookie its answer sets (a form token's).
pub(super) struct Ctx {
    pub(super) current: Current,
    pub(super) ip: String,
    pub(super) cookie: Option<HeaderValue>,
}

impl From<Visitor> for Ctx {
    fn from(v: Visitor) -> Ctx {
        Ctx { current: v.current, ip: v.ip, cookie: None }
    }
}

impl Ctx {
    /// Makes sure the visitor has a form token for the page's form: the session's, or for a
    /// visitor without one a signed token whose cookie goes out with the page. No session row
    /// is stored for an anonymous form.
    pub(super) async fn ensure_form(&mut self, state: &AppState) -> Result<(), PageError> {
        if let Some(cookie) = session::ensure_form_token(state, &mut self.current).await? {
            self.cookie = Some(cookie);
        }
        Ok(())
    }
}

#[derive(Serialize)]
pub(super) struct Field {
    pub(super) name: &'static str,
    pub(super) label: String,
    pub(super) kind: &'static str,
    pub(super) value: String,
    pub(super) required: bool,
    pub(super) max: usize,
    pub(super) autocomplete: &'static str,
}

pub(super) fn field(name: &'static str, label: String, kind: &'static str, value: &str, autocomplete: &'static str) -> Field {
    Field {
        name,
        label,
        kind,
        value: value.to_string(),
        required: kind != "hidden",
        max: if kind == "password" { 128 } else { 254 },
        autocomplete,
    }
}

/// A link onward: `url` without the language prefix (the page adds its own).
#[derive(Serialize)]
pub(super) struct Link {
    pub(super) url: String,
    pub(super) label: String,
}

#[derive(Serialize)]
struct FormView {
    page: Chrome,
    heading: String,
    notice: String,
    errors: Vec<String>,
    action: String,
    csrf: String,
    fields: Vec<Field>,
    submit: String,
    links: Vec<Link>,
}

/// A form page; its words are in the request's language already.
pub(super) struct FormPage {
    pub(super) title: String,
    pub(super) action: &'static str,
    pub(super) fields: Vec<Field>,
    pub(super) submit: String,
    pub(super) links: Vec<Link>,
}

impl FormPage {
    /// A page that only says something (no form), with links onward.
    pub(super) fn message(title: String, action: &'static str, links: Vec<Link>) -> FormPage {
        FormPage { title, action, fields: vec![], submit: String::new(), links }
    }
}

/// A link onward from a page: `url` without the language prefix, the label in the request's
/// language.
pub(super) fn link(state: &AppState, url: &str, label_key: &str) -> Link {
    Link { url: url.into(), label: state.t(label_key, &[]) }
}

/// Renders a form page (never cached: it carries a CSRF token).
pub(super) async fn render_form(
    state: &AppState,
    c: &Ctx,
    status: StatusCode,
    f: FormPage,
    notice: &str,
    errors: Vec<String>,
) -> Result<Response, PageError> {
    let cats = crate::storefront::page_categories(state).await?;
    let mut page = Chrome::new(state, state.settings.default_currency, &cats, f.action, &f.title);
    page.noindex = true;
    page.description = f.title.clone();
    let view = FormView {
        page,
        heading: f.title,
        notice: notice.to_string(),
        errors,
        action: f.action.to_string(),
        csrf: c.current.csrf().to_string(),
        fields: f.fields,
        submit: f.submit,
        links: f.links,
    };
    let body = state.templates.render("account/form.html", &view)?;
    Ok(private_page(status, body, c.cookie.clone()))
}

/// Counts an attempt against each key; the wait in seconds when one is over its limit.
pub(super) async fn throttled(state: &AppState, rules: &[(String, (i64, i64))]) -> Result<Option<i64>, StoreError> {
    for (key, (limit, window)) in rules {
        if let Err(wait) = state.store.throttle(key, *window, *limit, Utc::now()).await? {
            return Ok(Some(wait));
        }
    }
    Ok(None)
}
