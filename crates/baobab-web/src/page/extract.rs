//! The extractors an HTML handler names in its signature, so that its body is only its work:
//! - [`Visitor`]: the request's session (if any), its user and the client's IP;
//! - [`Customer`]: a signed-in customer or staff member (else a redirect to the login page);
//! - `Staff<P>` (in `admin::access`): staff with permission `P` and two-factor done;
//! - [`Form`]: a urlencoded form whose size, CSRF token and Origin are already checked, with
//!   its idempotency key (the `Idempotency-Key` header or the form's `idempotency_key` field).

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::response::Response;
use baobab_domain::user::User;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::{PageError, idempotency_key, redirect};
use crate::AppState;
use crate::account::session::{Current, Peer, check_csrf, client_ip, current};

/// Who is asking: their session and user (when they have them) and their IP.
#[derive(Clone)]
pub struct Visitor {
    pub current: Current,
    pub ip: String,
}

impl FromRequestParts<AppState> for Visitor {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, PageError> {
        // Loaded once per request: the form extractor and the handler share it.
        if let Some(v) = parts.extensions.get::<Visitor>() {
            return Ok(v.clone());
        }
        let Ok(Peer(peer)) = Peer::from_request_parts(parts, state).await;
        let visitor = Visitor { current: current(state, &parts.headers).await?, ip: client_ip(state, &parts.headers, peer) };
        parts.extensions.insert(visitor.clone());
        Ok(visitor)
    }
}

/// A signed-in user. Anyone else is sent to the login page, and back here afterwards.
pub struct Customer {
    pub user: User,
    pub visitor: Visitor,
}

impl FromRequestParts<AppState> for Customer {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        use axum::response::IntoResponse;
        let visitor = Visitor::from_request_parts(parts, state).await.map_err(IntoResponse::into_response)?;
        match visitor.current.user.clone() {
            Some(user) => Ok(Customer { user, visitor }),
            // A page: log in first (in the page's language), then come back to it.
            None if matches!(parts.method, Method::GET | Method::HEAD) => {
                let prefix = crate::i18n::current().map(|l| l.prefix.to_string()).unwrap_or_default();
                let back = crate::storefront::views::encode(&format!("{prefix}{}", parts.uri.path()));
                Err(redirect(&format!("{prefix}/account/login?next={back}"), None))
            }
            // A change posted without a signed-in session carries no valid token: refused as such.
            None => Err(PageError::csrf().into_response()),
        }
    }
}

/// A posted urlencoded form, read before the handler runs: a body too large is 413, one that
/// cannot be read 400, and a missing or wrong CSRF token or a foreign Origin 403 — each with its
/// error page. Derefs to the form's fields.
pub struct Form<T> {
    pub value: T,
    /// The `Idempotency-Key` header, else the form's `idempotency_key` field: 32 hex digits.
    pub idempotency_key: Option<String>,
}

impl<T> std::ops::Deref for Form<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

/// The fields every form carries besides its own.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Envelope {
    csrf: String,
    idempotency_key: String,
}

impl<T: DeserializeOwned + Send> FromRequest<AppState> for Form<T> {
    type Rejection = PageError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, PageError> {
        let (mut parts, body) = req.into_parts();
        let visitor = Visitor::from_request_parts(&mut parts, state).await?;
        let (method, headers) = (parts.method.clone(), parts.headers.clone());
        let bytes = read_body(Request::from_parts(parts, body), state).await?;
        // The token first: a post that is not this site's form is refused as such (403), whatever
        // its body; then the form's own fields (400 when they cannot be read).
        let form = is_form(&headers);
        let envelope: Envelope = if form { serde_urlencoded::from_bytes(&bytes).unwrap_or_default() } else { Envelope::default() };
        if !check_csrf(state, &method, &headers, &visitor.current, &envelope.csrf) {
            return Err(PageError::csrf());
        }
        if !form {
            return Err(unreadable());
        }
        let value = serde_urlencoded::from_bytes(&bytes).map_err(|_| unreadable())?;
        Ok(Form { value, idempotency_key: idempotency_key(&headers, &envelope.idempotency_key) })
    }
}

fn unreadable() -> PageError {
    PageError::status(StatusCode::BAD_REQUEST, "form", "could not be read")
}

/// The body of a urlencoded form post, within the route's body limit.
async fn read_form(req: Request, state: &AppState) -> Result<Bytes, PageError> {
    if !is_form(req.headers()) {
        return Err(unreadable());
    }
    read_body(req, state).await
}

/// A request body within the route's body limit (413 beyond it).
async fn read_body(req: Request, state: &AppState) -> Result<Bytes, PageError> {
    Bytes::from_request(req, state).await.map_err(|rej| {
        if rej.status() == StatusCode::PAYLOAD_TOO_LARGE {
            PageError::status(StatusCode::PAYLOAD_TOO_LARGE, "form", "is too large")
        } else {
            unreadable()
        }
    })
}

fn is_form(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(';').next().unwrap_or("").trim().eq_ignore_ascii_case("application/x-www-form-urlencoded"))
}

/// A urlencoded form without a CSRF token (add-to-cart from a cached page, which has none):
/// only its size and shape are checked here.
pub struct Posted<T>(pub T);

impl<T: DeserializeOwned + Send> FromRequest<AppState> for Posted<T> {
    type Rejection = PageError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, PageError> {
        let bytes = read_form(req, state).await?;
        serde_urlencoded::from_bytes(&bytes).map(Posted).map_err(|_| unreadable())
    }
}
