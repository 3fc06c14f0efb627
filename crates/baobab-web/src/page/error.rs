//! Why an HTML page could not be shown, and the error page the shopper sees instead.
//!
//! A handler returns `Result<_, PageError>` and uses `?`. `PageError` turns itself into a
//! response that carries only its status and what to say; the `render_error_pages` layer,
//! which knows the shop, renders that as a page in the shop's chrome. So no handler needs the
//! state to fail.

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use baobab_domain::ValidationError;
use baobab_store::StoreError;
use serde::Serialize;

use crate::AppState;
use crate::params::ParamError;
use crate::storefront::views::Chrome;

/// Why a page could not be shown.
#[derive(Debug)]
pub enum PageError {
    /// 400: a parameter of the link or form is wrong (named in the message).
    BadParam(ValidationError),
    /// 404: the thing is not there.
    NotFound(&'static str),
    /// The store failed: 404 for a missing row, 503 while the database is away, else 500.
    Store(StoreError),
    /// 500: a template could not be rendered.
    Render(minijinja::Error),
    /// Another status, naming the field and what is wrong with it (403 for a bad CSRF token,
    /// 413 for a form too large…).
    Status(StatusCode, ValidationError),
    /// 429 with `Retry-After`: too many attempts; try again in this many seconds.
    TooMany(i64),
}

impl PageError {
    pub fn status(status: StatusCode, field: &str, message: &str) -> PageError {
        PageError::Status(status, ValidationError::new(field, message))
    }

    /// 403 for a state-changing request without a valid CSRF token or from another site.
    pub fn csrf() -> PageError {
        PageError::status(StatusCode::FORBIDDEN, "csrf", "is missing or wrong: reload the form and try again")
    }

    /// The status, heading and message of the error page, as messages of the catalog (server
    /// faults are logged here). What was wrong with a link or a form is put into words in the
    /// page's language where the page is rendered.
    fn describe(&self) -> (StatusCode, Msg, Msg) {
        let bad = || Msg::new("error-bad-link");
        let gone = || Msg::new("error-gone");
        let failed = || (StatusCode::INTERNAL_SERVER_ERROR, Msg::new("error-failed-heading"), Msg::new("error-failed"));
        let bad_param = |v: &ValidationError| Msg::new("error-bad-param").arg("detail", MsgArg::Problems(v.clone()));
        match self {
            PageError::BadParam(v) => (StatusCode::BAD_REQUEST, bad(), bad_param(v)),
            PageError::Status(s, v) => {
                let heading = match *s {
                    StatusCode::FORBIDDEN => Msg::new("error-refused-heading"),
                    StatusCode::PAYLOAD_TOO_LARGE => Msg::new("error-too-large-heading"),
                    StatusCode::UNPROCESSABLE_ENTITY => Msg::new("error-invalid-heading"),
                    _ => return (*s, bad(), bad_param(v)),
                };
                (*s, heading, Msg::problems(v))
            }
            PageError::TooMany(wait) => (StatusCode::TOO_MANY_REQUESTS, Msg::new("error-too-many-heading"), wait_message(*wait)),
            PageError::NotFound(what) => (StatusCode::NOT_FOUND, not_found(what), gone()),
            PageError::Store(StoreError::NotFound(what)) => (StatusCode::NOT_FOUND, not_found(what), gone()),
            PageError::Store(StoreError::Unavailable(detail)) => {
                tracing::warn!(error = %detail, "database unavailable");
                (StatusCode::SERVICE_UNAVAILABLE, Msg::new("error-unavailable-heading"), Msg::new("error-unavailable"))
            }
            PageError::Store(other) => {
                tracing::error!(error = %other, "store error");
                failed()
            }
            PageError::Render(err) => {
                tracing::error!(error = %err, "template error");
                failed()
            }
        }
    }
}

/// How long to wait before trying again (the `Retry-After` seconds): in seconds up to a minute
/// and a half, else in whole minutes, rounded up.
fn wait_message(seconds: i64) -> Msg {
    if seconds <= 90 {
        Msg::new("error-too-many").arg("seconds", seconds.max(1))
    } else {
        Msg::new("error-too-many-minutes").arg("minutes", (seconds + 59) / 60)
    }
}

/// The heading of a 404 page: what was not found.
fn not_found(what: &str) -> Msg {
    match what.to_ascii_lowercase().as_str() {
        "page" => Msg::new("error-page-not-found"),
        "product" => Msg::new("error-product-not-found"),
        "category" => Msg::new("error-category-not-found"),
        "order" => Msg::new("error-order-not-found"),
        "address" => Msg::new("error-address-not-found"),
        "payment" => Msg::new("error-payment-not-found"),
        "cart" => Msg::new("error-cart-not-found"),
        _ => Msg::new("error-not-found").arg("what", what),
    }
}

/// A message of the catalog and its arguments, put into words where the page is rendered.
#[derive(Clone, Debug)]
pub struct Msg {
    key: &'static str,
    args: Vec<(&'static str, MsgArg)>,
}

#[derive(Clone, Debug)]
enum MsgArg {
    Text(String),
    Number(i64),
    /// What was wrong with a link or a form, one problem after the other.
    Problems(ValidationError),
}

impl Msg {
    fn new(key: &'static str) -> Msg {
        Msg { key, args: Vec::new() }
    }

    fn arg(mut self, name: &'static str, value: impl Into<MsgArg>) -> Msg {
        self.args.push((name, value.into()));
        self
    }

    /// The problems themselves, as the whole message.
    fn problems(v: &ValidationError) -> Msg {
        Msg { key: "", args: vec![("", MsgArg::Problems(v.clone()))] }
    }

    fn words(&self, state: &AppState) -> String {
        if let (true, [(_, MsgArg::Problems(v))]) = (self.key.is_empty(), self.args.as_slice()) {
            return super::problems::text(state, v);
        }
        let args: Vec<(&str, fluent_bundle::FluentValue)> = self
            .args
            .iter()
            .map(|(k, v)| match v {
                MsgArg::Text(s) => (*k, s.clone().into()),
                MsgArg::Number(n) => (*k, (*n).into()),
                MsgArg::Problems(v) => (*k, super::problems::text(state, v).into()),
            })
            .collect();
        state.t(self.key, &args)
    }
}

impl From<&str> for MsgArg {
    fn from(s: &str) -> Self {
        MsgArg::Text(s.to_string())
    }
}

impl From<String> for MsgArg {
    fn from(s: String) -> Self {
        MsgArg::Text(s)
    }
}

impl From<i64> for MsgArg {
    fn from(n: i64) -> Self {
        MsgArg::Number(n)
    }
}

impl From<ParamError> for PageError {
    fn from(e: ParamError) -> Self {
        match e {
            ParamError::Invalid(v) => PageError::BadParam(v),
            ParamError::Store(s) => PageError::Store(s),
        }
    }
}

impl From<StoreError> for PageError {
    fn from(e: StoreError) -> Self {
        PageError::Store(e)
    }
}

impl From<ValidationError> for PageError {
    fn from(e: ValidationError) -> Self {
        PageError::BadParam(e)
    }
}

impl From<minijinja::Error> for PageError {
    fn from(e: minijinja::Error) -> Self {
        PageError::Render(e)
    }
}

/// What an error response asks the `render_error_pages` layer to show.
#[derive(Clone, Debug)]
pub struct ErrorPage {
    pub heading: Msg,
    pub message: Msg,
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let (status, heading, message) = self.describe();
        let mut res = status.into_response();
        let h = res.headers_mut();
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        match self {
            PageError::TooMany(wait) => {
                h.insert(header::RETRY_AFTER, HeaderValue::from_str(&wait.to_string()).expect("digits"));
            }
            _ if status == StatusCode::SERVICE_UNAVAILABLE => {
                h.insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
            }
            _ => {}
        }
        res.extensions_mut().insert(ErrorPage { heading, message });
        res
    }
}

#[derive(Serialize)]
struct ErrorView {
    page: Chrome,
    heading: String,
    message: String,
}

/// The error page for `e`, in the shop's chrome (for code that has the state at hand).
pub fn error_page(state: &AppState, e: PageError) -> Response {
    render(state, e.into_response())
}

/// Renders the body of a response that a `PageError` made; other responses pass unchanged.
fn render(state: &AppState, mut res: Response) -> Response {
    let Some(ErrorPage { heading, message }) = res.extensions_mut().remove::<ErrorPage>() else { return res };
    let (heading, message) = (heading.words(state), message.words(state));
    let view = ErrorView { page: Chrome::bare(state, &heading), heading: heading.clone(), message: message.clone() };
    let body = state
        .templates
        .render("error.html", &view)
        .unwrap_or_else(|_| format!("<!doctype html><title>{heading}</title><h1>{heading}</h1><p>{message}</p>"));
    let (mut parts, _) = res.into_parts();
    parts.headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, body.into())
}

/// The layer that gives every HTML error response its page (see the module's notes).
pub async fn render_error_pages(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let res = next.run(req).await;
    render(&state, res)
}

#[cfg(test)]
mod tests {
    use super::{MsgArg, wait_message};

    #[test]
    fn a_wait_is_said_in_seconds_then_in_whole_minutes() {
        let said = |seconds| {
            let m = wait_message(seconds);
            match m.args.as_slice() {
                [(name, MsgArg::Number(n))] => (m.key, *name, *n),
                other => panic!("{other:?}"),
            }
        };
        assert_eq!(said(0), ("error-too-many", "seconds", 1), "never zero seconds");
        assert_eq!(said(1), ("error-too-many", "seconds", 1));
        assert_eq!(said(90), ("error-too-many", "seconds", 90));
        assert_eq!(said(91), ("error-too-many-minutes", "minutes", 2));
        assert_eq!(said(900), ("error-too-many-minutes", "minutes", 15));
        assert_eq!(said(3599), ("error-too-many-minutes", "minutes", 60));
    }
}
