//! Customer accounts: register, confirm the e-mail address, log in and out, reset a forgotten
//! password, edit the profile and addresses, see orders. Server-rendered forms that work
//! without JavaScript, each protected by a CSRF token and an Origin check, with throttling by
//! account and by client IP, and every security event in the audit log.

pub mod outbox;
pub mod session;

use std::net::SocketAddr;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Form, OriginalUri, Path, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use baobab_domain::ValidationError;
use baobab_domain::account::{AddressInput, check_password, normalize_email, normalize_phone};
use baobab_store::StoreError;
use baobab_store::accounts::{NewUser, TokenPurpose, User, UserKind};
use chrono::{Duration, Utc};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::AppState;
use crate::pages::{CsrfOnly, Posted, audit, finish, forbidden_csrf, redirect};
use crate::storefront::views::Chrome;
use crate::storefront::{PageError, error_page, html_type, safe_back};
use session::{Current, Peer, check_csrf, client_ip, current};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/account", get(home))
        .route("/account/register", get(register_form).post(register))
        .route("/account/login", get(login_form).post(login))
        .route("/account/logout", post(logout))
        .route("/account/verify", get(verify))
        .route("/account/forgot", get(forgot_form).post(forgot))
        .route("/account/reset", get(reset_form).post(reset))
        .route("/account/profile", post(profile))
        .route("/account/addresses", post(add_address))
        .route("/account/addresses/{id}", post(update_address))
        .route("/account/addresses/{id}/delete", post(delete_address))
        .layer(DefaultBodyLimit::max(32 * 1024))
}

/// Throttling rules: (attempts, window in seconds).
///
/// Logins are limited per (account, client IP) pair and per IP, never per account alone: a
/// hard per-account limit would let anyone lock the owner out by guessing wrong on purpose.
/// Failures against one account from all IPs together slow every further try down instead
/// (a delay that doubles past `LOGIN_SLOWDOWN_AFTER`, at most `LOGIN_MAX_DELAY_MS`): the owner
/// still gets in from a new address, and a guesser spread over many addresses gets few tries.
const LOGIN_PER_ACCOUNT_AND_IP: (i64, i64) = (5, 900);
const LOGIN_PER_IP: (i64, i64) = (30, 900);
const LOGIN_FAILURES_WINDOW: i64 = 900;
const LOGIN_SLOWDOWN_AFTER: i64 = 10;
const LOGIN_MAX_DELAY_MS: u64 = 4000;
const REGISTER_PER_IP: (i64, i64) = (10, 3600);
const RESET_PER_IP: (i64, i64) = (10, 3600);
const RESET_PER_ACCOUNT: (i64, i64) = (3, 3600);
const VERIFY_HOURS: i64 = 48;
const RESET_MINUTES: i64 = 60;

/// Everything a handler needs about the request.
struct Ctx {
    current: Current,
    ip: String,
    cookie: Option<HeaderValue>,
}

async fn ctx(state: &AppState, headers: &HeaderMap, peer: Option<SocketAddr>) -> Result<Ctx, PageError> {
    let current = current(state, headers).await?;
    Ok(Ctx { current, ip: client_ip(state, headers, peer), cookie: None })
}

/// Makes sure the visitor has a form token for the page's form: the session's, or for a
/// visitor without one a signed token whose cookie goes out with the page. No session row is
/// stored for an anonymous form.
async fn ensure_form(state: &AppState, c: &mut Ctx) -> Result<(), PageError> {
    if let Some(cookie) = session::ensure_form_token(state, &mut c.current).await? {
        c.cookie = Some(cookie);
    }
    Ok(())
}

#[derive(Serialize)]
struct Field {
    name: &'static str,
    label: &'static str,
    kind: &'static str,
    value: String,
    required: bool,
    max: usize,
    autocomplete: &'static str,
}

fn field(name: &'static str, label: &'static str, kind: &'static str, value: &str, autocomplete: &'static str) -> Field {
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

#[derive(Serialize)]
struct Link {
    url: String,
    label: &'static str,
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
    submit: &'static str,
    links: Vec<Link>,
}

struct FormPage {
    title: &'static str,
    action: &'static str,
    fields: Vec<Field>,
    submit: &'static str,
    links: Vec<Link>,
}

/// Renders a form page (never cached: it carries a CSRF token).
async fn render_form(
    state: &AppState,
    c: &Ctx,
    status: StatusCode,
    f: FormPage,
    notice: &str,
    errors: Vec<String>,
) -> Result<Response, PageError> {
    let cats = state.categories().await?;
    let mut page = Chrome::new(state, state.settings.default_currency, &cats, f.action, f.title);
    page.noindex = true;
    page.description = f.title.to_string();
    let view = FormView {
        page,
        heading: f.title.to_string(),
        notice: notice.to_string(),
        errors,
        action: f.action.to_string(),
        csrf: c.current.csrf().to_string(),
        fields: f.fields,
        submit: f.submit,
        links: f.links,
    };
    let body = state.templates.render("account/form.html", &view)?;
    Ok(private(status, body, c.cookie.clone()))
}

fn private(status: StatusCode, body: String, cookie: Option<HeaderValue>) -> Response {
    let mut res = (status, html_type(), body).into_response();
    let h = res.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Some(c) = cookie {
        h.append(header::SET_COOKIE, c);
    }
    res
}

fn too_many(state: &AppState, seconds: i64) -> Response {
    let mut res =
        error_page(state, PageError::BadParam(ValidationError::new("attempts", format!("are too many. Try again in {seconds} s"))));
    *res.status_mut() = StatusCode::TOO_MANY_REQUESTS;
    res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_str(&seconds.to_string()).expect("digits"));
    res
}

/// Counts an attempt against each key; the wait in seconds when one is over its limit.
async fn throttled(state: &AppState, rules: &[(String, (i64, i64))]) -> Result<Option<i64>, StoreError> {
    for (key, (limit, window)) in rules {
        if let Err(wait) = state.store.throttle(key, *window, *limit, Utc::now()).await? {
            return Ok(Some(wait));
        }
    }
    Ok(None)
}

fn register_page(email: &str, name: &str) -> FormPage {
    FormPage {
        title: "Create an account",
        action: "/account/register",
        fields: vec![
            field("name", "Name", "text", name, "name"),
            field("email", "E-mail", "email", email, "email"),
            field("password", "Password (at least 10 characters)", "password", "", "new-password"),
            field("idempotency_key", "", "hidden", &crate::pages::new_idempotency_key(), ""),
        ],
        submit: "Create account",
        links: vec![Link { url: "/account/login".into(), label: "I have an account: log in" }],
    }
}

fn login_page(email: &str, next: &str) -> FormPage {
    FormPage {
        title: "Log in",
        action: "/account/login",
        fields: vec![
            field("email", "E-mail", "email", email, "username"),
            field("password", "Password", "password", "", "current-password"),
            field("next", "", "hidden", next, ""),
        ],
        submit: "Log in",
        links: vec![
            Link { url: "/account/forgot".into(), label: "Forgot your password?" },
            Link { url: "/account/register".into(), label: "Create an account" },
        ],
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RegisterForm {
    csrf: String,
    name: String,
    email: String,
    password: String,
    idempotency_key: String,
}

async fn register_form(State(state): State<AppState>, headers: HeaderMap, Peer(peer): Peer) -> Response {
    let r = async {
        let mut c = ctx(&state, &headers, peer).await?;
        if c.current.user.is_some() {
            return Ok(redirect("/account", None));
        }
        ensure_form(&state, &mut c).await?;
        render_form(&state, &c, StatusCode::OK, register_page("", ""), "", vec![]).await
    }
    .await;
    finish(&state, r)
}

async fn send_verification(state: &AppState, user: &User) -> Result<(), StoreError> {
    let (token, hash) = session::link_token();
    state.store.create_account_token(&hash, user.id, TokenPurpose::VerifyEmail, Utc::now() + Duration::hours(VERIFY_HOURS)).await?;
    let link = format!("{}/account/verify?token={token}", state.settings.public_url);
    let body = format!(
        "Welcome to {}!\n\nPlease confirm your e-mail address by opening this link within {VERIFY_HOURS} hours:\n\n{link}\n\nThen log in at {}/account/login.\n\nIf you did not create an account, ignore this message.",
        state.settings.shop_name, state.settings.public_url
    );
    state.store.enqueue_email(&user.email, &format!("Confirm your e-mail address for {}", state.settings.shop_name), &body).await?;
    Ok(())
}

mod emails {
    use crate::AppState;

    /// To the owner of an address someone tried to register again.
    pub(super) fn account_exists(state: &AppState) -> (String, String) {
        let (shop, url) = (&state.settings.shop_name, &state.settings.public_url);
        (
            format!("Your {shop} account"),
            format!(
                "Someone tried to create a {shop} account with this e-mail address, which already has one.\n\n\
                 If it was you: log in at {url}/account/login, or choose a new password at {url}/account/forgot.\n\n\
                 If it was not you, ignore this message: nothing has changed."
            ),
        )
    }
}

/// Registration answers the same whether or not the address has an account ("check your
/// e-mail"), with the same work (a password hash and one e-mail): a new address gets a
/// confirmation link, a taken one a note to its owner. Nobody learns who has an account.
async fn register(
    State(state): State<AppState>,
    method: Method,
    headers: HeaderMap,
    Peer(peer): Peer,
    Posted(f): Posted<RegisterForm>,
) -> Response {
    let r = async {
        let c = ctx(&state, &headers, peer).await?;
        if !check_csrf(&state, &method, &headers, &c.current, &f.csrf) {
            return Ok(forbidden_csrf(&state));
        }
        if let Some(wait) = throttled(&state, &[(format!("register:ip:{}", c.ip), REGISTER_PER_IP)]).await? {
            audit(&state, "register_throttled", None, &f.email, &c.ip, json!({})).await;
            return Ok(too_many(&state, wait));
        }
        let mut errors = Vec::new();
        let email = normalize_email("email", &f.email).map_err(|e| errors.push(e.to_string())).ok();
        if let Err(e) = check_password("password", &f.password, email.as_deref().unwrap_or(&f.email)) {
            errors.push(e.to_string());
        }
        if f.name.chars().count() > 120 || f.name.chars().any(char::is_control) {
            errors.push("name: must be at most 120 characters, without control characters".into());
        }
        let Some(email) = email.filter(|_| errors.is_empty()) else {
            return render_form(&state, &c, StatusCode::UNPROCESSABLE_ENTITY, register_page(&f.email, &f.name), "", errors).await;
        };
        // A resent form (same key) does nothing new: the first request did the work.
        if let Some(key) = crate::pages::idempotency_key(&headers, &f.idempotency_key) {
            let meta_key = format!("idempotency:register:{key}");
            let fingerprint = crate::auth::hash_token(&email);
            if !state.store.set_meta_once(&meta_key, &fingerprint).await? {
                if state.store.meta(&meta_key).await?.as_deref() != Some(fingerprint.as_str()) {
                    let errors = vec!["idempotency_key: was already used with a different request; reload the form".into()];
                    return render_form(&state, &c, StatusCode::UNPROCESSABLE_ENTITY, register_page(&f.email, &f.name), "", errors).await;
                }
                return check_your_email(&state, &c, &email).await;
            }
        }
        // Hashed on both paths, so a taken address answers no faster than a new one.
        let hash = session::hash_password(f.password.clone()).await?;
        match state
            .store
            .create_user(&NewUser {
                email: email.clone(),
                password_hash: hash,
                kind: UserKind::Customer,
                staff_role: None,
                name: f.name.trim().to_string(),
            })
            .await
        {
            Ok(user) => {
                send_verification(&state, &user).await?;
                audit(&state, "register", Some(user.id), &user.email, &c.ip, json!({})).await;
            }
            Err(StoreError::Conflict { .. }) => {
                let (subject, body) = emails::account_exists(&state);
                state.store.enqueue_email(&email, &subject, &body).await?;
                audit(&state, "register_existing", None, &email, &c.ip, json!({})).await;
            }
            Err(e) => return Err(e.into()),
        }
        check_your_email(&state, &c, &email).await
    }
    .await;
    finish(&state, r)
}

/// The one answer to a registration, whether the address was new or taken.
async fn check_your_email(state: &AppState, c: &Ctx, email: &str) -> Result<Response, PageError> {
    let page = FormPage {
        title: "Check your e-mail",
        action: "/account/register",
        fields: vec![],
        submit: "",
        links: vec![Link { url: "/account/login".into(), label: "Log in" }],
    };
    let notice = format!(
        "We sent a message to {email}. Open the link in it to confirm your address, then log in. \
         If you already have an account, the message tells you how to get back into it."
    );
    render_form(state, c, StatusCode::OK, page, &notice, vec![]).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct NextParam {
    next: Option<String>,
}

async fn login_form(State(state): State<AppState>, headers: HeaderMap, Peer(peer): Peer, OriginalUri(uri): OriginalUri) -> Response {
    let r = async {
        let p: NextParam = crate::params::query(&uri)?;
        let mut c = ctx(&state, &headers, peer).await?;
        if c.current.user.is_some() {
            return Ok(redirect("/account", None));
        }
        ensure_form(&state, &mut c).await?;
        render_form(&state, &c, StatusCode::OK, login_page("", &safe_back(p.next)), "", vec![]).await
    }
    .await;
    finish(&state, r)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct LoginForm {
    csrf: String,
    email: String,
    password: String,
    next: String,
}

/// A hash to verify against when the account does not exist, so both cases take as long.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0oXAPi0pT8w3hfWiN8wR3hA0HPm6dz1r0RqgC3x1tqQ";

async fn login(
    State(state): State<AppState>,
    method: Method,
    headers: HeaderMap,
    Peer(peer): Peer,
    Posted(f): Posted<LoginForm>,
) -> Response {
    let r = async {
        let mut c = ctx(&state, &headers, peer).await?;
        if !check_csrf(&state, &method, &headers, &c.current, &f.csrf) {
            return Ok(forbidden_csrf(&state));
        }
        let email = normalize_email("email", &f.email).unwrap_or_else(|_| f.email.trim().to_lowercase());
        let pair = format!("login:acct-ip:{email}:{}", c.ip);
        let rules = [(pair.clone(), LOGIN_PER_ACCOUNT_AND_IP), (format!("login:ip:{}", c.ip), LOGIN_PER_IP)];
        if let Some(wait) = throttled(&state, &rules).await? {
            audit(&state, "login_throttled", None, &email, &c.ip, json!({"retry_after": wait})).await;
            return Ok(too_many(&state, wait));
        }
        let failures_key = format!("login:failures:{email}");
        let failures = state.store.hits(&failures_key, LOGIN_FAILURES_WINDOW, Utc::now()).await?.count;
        if let Some(delay) = login_delay(failures) {
            audit(&state, "login_slowed", None, &email, &c.ip, json!({"delay_ms": delay.as_millis() as u64, "failures": failures})).await;
            tokio::time::sleep(delay).await;
        }
        let user = if email.len() <= 254 && f.password.len() <= 1024 { state.store.user_by_email(&email).await? } else { None };
        let hash = user.as_ref().map(|u| u.password_hash.clone()).unwrap_or_else(|| DUMMY_HASH.to_string());
        let ok = session::verify_password(f.password.clone(), hash).await && user.as_ref().is_some_and(|u| u.disabled_at.is_none());
        let Some(user) = user.filter(|_| ok) else {
            state.store.hit(&failures_key, LOGIN_FAILURES_WINDOW, Utc::now()).await?;
            audit(&state, "login_failed", None, &email, &c.ip, json!({})).await;
            let errors = vec!["The e-mail address or the password is wrong.".to_string()];
            return render_form(&state, &c, StatusCode::UNAUTHORIZED, login_page(&f.email, &safe_back(Some(f.next.clone()))), "", errors)
                .await;
        };
        state.store.clear_throttle(&pair).await?;
        if let Some(guest) = crate::cart::owner(&c.current) {
            state.store.cart_merge(&guest, &format!("u:{}", user.id)).await?;
        }
        let (_, cookie) = session::start(&state, c.current.session.as_ref(), Some(user.id), false).await?;
        c.cookie = Some(cookie);
        audit(&state, "login", Some(user.id), &user.email, &c.ip, json!({})).await;
        let next = safe_back(Some(f.next)).replace("/account/login", "/account");
        Ok(redirect(if next == "/" { "/account" } else { &next }, c.cookie))
    }
    .await;
    finish(&state, r)
}

/// How long to hold a login attempt back after `failures` wrong passwords for its account (from
/// any address) in the current window: nothing up to the threshold, then 250 ms doubling with
/// each further failure, at most `LOGIN_MAX_DELAY_MS`.
fn login_delay(failures: i64) -> Option<std::time::Duration> {
    let over = failures - LOGIN_SLOWDOWN_AFTER;
    (over >= 0).then(|| std::time::Duration::from_millis((250u64 << over.min(8)).min(LOGIN_MAX_DELAY_MS)))
}

async fn logout(
    State(state): State<AppState>,
    method: Method,
    headers: HeaderMap,
    Peer(peer): Peer,
    form: Result<Form<CsrfOnly>, axum::extract::rejection::FormRejection>,
) -> Response {
    let r = async {
        let c = ctx(&state, &headers, peer).await?;
        let token = form.map(|f| f.0.csrf).unwrap_or_default();
        if !check_csrf(&state, &method, &headers, &c.current, &token) {
            return Ok(forbidden_csrf(&state));
        }
        if let Some(s) = &c.current.session {
            state.store.delete_session(&s.id_hash).await?;
        }
        if let Some(u) = &c.current.user {
            audit(&state, "logout", Some(u.id), &u.email, &c.ip, json!({})).await;
        }
        Ok(redirect("/", Some(session::clear_cookie(&state))))
    }
    .await;
    finish(&state, r)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct TokenParam {
    token: String,
}

fn token_hash(token: &str) -> Option<String> {
    (token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())).then(|| session::hash_id(token))
}

async fn verify(State(state): State<AppState>, headers: HeaderMap, Peer(peer): Peer, OriginalUri(uri): OriginalUri) -> Response {
    let r = async {
        let p: TokenParam = crate::params::query(&uri)?;
        let c = ctx(&state, &headers, peer).await?;
        let used = match token_hash(&p.token) {
            Some(h) => state.store.consume_account_token(&h, TokenPurpose::VerifyEmail, Utc::now()).await?,
            None => None,
        };
        let Some(user_id) = used else {
            audit(&state, "verify_email_failed", None, "", &c.ip, json!({})).await;
            return Err(PageError::BadParam(ValidationError::new(
                "token",
                "is invalid, expired or already used — log in to get a new link",
            )));
        };
        state.store.set_email_verified(user_id).await?;
        audit(&state, "email_verified", Some(user_id), "", &c.ip, json!({})).await;
        let page = FormPage {
            title: "E-mail address confirmed",
            action: "/account/verify",
            fields: vec![],
            submit: "",
            links: vec![Link { url: "/account".into(), label: "Go to your account" }],
        };
        render_form(&state, &c, StatusCode::OK, page, "Thank you: your e-mail address is confirmed.", vec![]).await
    }
    .await;
    finish(&state, r)
}

fn forgot_page(email: &str) -> FormPage {
    FormPage {
        title: "Reset your password",
        action: "/account/forgot",
        fields: vec![field("email", "E-mail", "email", email, "email")],
        submit: "Send me a link",
        links: vec![],
    }
}

async fn forgot_form(State(state): State<AppState>, headers: HeaderMap, Peer(peer): Peer) -> Response {
    let r = async {
        let mut c = ctx(&state, &headers, peer).await?;
        ensure_form(&state, &mut c).await?;
        render_form(&state, &c, StatusCode::OK, forgot_page(""), "", vec![]).await
    }
    .await;
    finish(&state, r)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ForgotForm {
    csrf: String,
    email: String,
}

async fn forgot(
    State(state): State<AppState>,
    method: Method,
    headers: HeaderMap,
    Peer(peer): Peer,
    Posted(f): Posted<ForgotForm>,
) -> Response {
    let r = async {
        let c = ctx(&state, &headers, peer).await?;
        if !check_csrf(&state, &method, &headers, &c.current, &f.csrf) {
            return Ok(forbidden_csrf(&state));
        }
        let Ok(email) = normalize_email("email", &f.email) else {
            return render_form(&state, &c, StatusCode::UNPROCESSABLE_ENTITY, forgot_page(&f.email), "", vec!["email: is not an e-mail address".into()]).await;
        };
        let rules = [(format!("reset:ip:{}", c.ip), RESET_PER_IP), (format!("reset:acct:{email}"), RESET_PER_ACCOUNT)];
        if let Some(wait) = throttled(&state, &rules).await? {
            return Ok(too_many(&state, wait));
        }
        // The same answer whether or not the account exists: no way to learn who has one.
        if let Some(user) = state.store.user_by_email(&email).await? {
            let (token, hash) = session::link_token();
            state.store.create_account_token(&hash, user.id, TokenPurpose::ResetPassword, Utc::now() + Duration::minutes(RESET_MINUTES)).await?;
            let link = format!("{}/account/reset?token={token}", state.settings.public_url);
            let body = format!("Someone asked to reset the password of your {} account.\n\nOpen this link within {RESET_MINUTES} minutes to choose a new one:\n\n{link}\n\nIf it was not you, ignore this message: your password is unchanged.", state.settings.shop_name);
            state.store.enqueue_email(&user.email, "Reset your password", &body).await?;
            audit(&state, "password_reset_requested", Some(user.id), &user.email, &c.ip, json!({})).await;
        }
        let page = FormPage { title: "Check your e-mail", action: "/account/forgot", fields: vec![], submit: "", links: vec![] };
        render_form(&state, &c, StatusCode::OK, page, "If an account exists for that address, we sent it a link to reset the password. It works once, for one hour.", vec![]).await
    }
    .await;
    finish(&state, r)
}

fn reset_page(token: &str) -> FormPage {
    FormPage {
        title: "Choose a new password",
        action: "/account/reset",
        fields: vec![
            field("password", "New password (at least 10 characters)", "password", "", "new-password"),
            field("token", "", "hidden", token, ""),
        ],
        submit: "Save password",
        links: vec![],
    }
}

async fn reset_form(State(state): State<AppState>, headers: HeaderMap, Peer(peer): Peer, OriginalUri(uri): OriginalUri) -> Response {
    let r = async {
        let p: TokenParam = crate::params::query(&uri)?;
        if token_hash(&p.token).is_none() {
            return Err(PageError::BadParam(ValidationError::new("token", "is invalid — ask for a new link")));
        }
        let mut c = ctx(&state, &headers, peer).await?;
        ensure_form(&state, &mut c).await?;
        render_form(&state, &c, StatusCode::OK, reset_page(&p.token), "", vec![]).await
    }
    .await;
    finish(&state, r)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ResetForm {
    csrf: String,
    token: String,
    password: String,
}

async fn reset(
    State(state): State<AppState>,
    method: Method,
    headers: HeaderMap,
    Peer(peer): Peer,
    Posted(f): Posted<ResetForm>,
) -> Response {
    let r = async {
        let mut c = ctx(&state, &headers, peer).await?;
        if !check_csrf(&state, &method, &headers, &c.current, &f.csrf) {
            return Ok(forbidden_csrf(&state));
        }
        let invalid = || PageError::BadParam(ValidationError::new("token", "is invalid, expired or already used — ask for a new link"));
        let hash = token_hash(&f.token);
        // The link's account, without spending the link: a password the rules refuse leaves it
        // usable for a second try.
        let owner = match &hash {
            Some(h) => match state.store.account_token_user(h, TokenPurpose::ResetPassword, Utc::now()).await? {
                Some(id) => state.store.user_by_id(id).await?,
                None => None,
            },
            None => None,
        };
        let (Some(hash), Some(owner)) = (hash, owner) else {
            audit(&state, "password_reset_failed", None, "", &c.ip, json!({})).await;
            return Err(invalid());
        };
        // The same password policy as registration, the account's own address included.
        if let Err(e) = check_password("password", &f.password, &owner.email) {
            return render_form(&state, &c, StatusCode::UNPROCESSABLE_ENTITY, reset_page(&f.token), "", vec![e.to_string()]).await;
        }
        let Some(user_id) = state.store.consume_account_token(&hash, TokenPurpose::ResetPassword, Utc::now()).await? else {
            audit(&state, "password_reset_failed", None, "", &c.ip, json!({})).await;
            return Err(invalid());
        };
        let password_hash = session::hash_password(f.password).await?;
        state.store.set_password(user_id, &password_hash).await?;
        // Every other reset link of this account stops working.
        state.store.void_account_tokens(user_id, TokenPurpose::ResetPassword, Utc::now()).await?;
        // Every other session of this account ends; this browser gets a fresh one.
        state.store.delete_user_sessions(user_id).await?;
        let (_, cookie) = session::start(&state, c.current.session.as_ref(), Some(user_id), false).await?;
        c.cookie = Some(cookie);
        audit(&state, "password_changed", Some(user_id), "", &c.ip, json!({"via": "reset"})).await;
        Ok(redirect("/account", c.cookie))
    }
    .await;
    finish(&state, r)
}

#[derive(Serialize)]
struct AddressField {
    name: &'static str,
    label: &'static str,
    required: bool,
}

const ADDRESS_FIELDS: &[(&str, &str, bool)] = &[
    ("name", "Recipient", true),
    ("line1", "Street, building or landmark", true),
    ("line2", "More directions (optional)", false),
    ("city", "Town or city", true),
    ("region", "State, county or region (optional)", false),
    ("postcode", "Postcode (if any)", false),
    ("country", "Country code (e.g. NG, KE, ZA)", true),
    ("phone", "Phone for the courier (+country code)", true),
];

#[derive(Serialize)]
struct HomeView {
    page: Chrome,
    csrf: String,
    email: String,
    name: String,
    phone: String,
    verified: bool,
    notice: String,
    errors: Vec<String>,
    addresses: Vec<serde_json::Value>,
    address_fields: Vec<AddressField>,
    orders: Vec<serde_json::Value>,
}

/// The logged-in user, or a redirect to the login page.
#[allow(clippy::result_large_err)] // the redirect is returned as is, once per request
fn require_user(c: &Ctx, back: &str) -> Result<User, Response> {
    c.current.user.clone().ok_or_else(|| redirect(&format!("/account/login?next={}", crate::storefront::views::encode(back)), None))
}

async fn render_home(
    state: &AppState,
    c: &Ctx,
    user: &User,
    status: StatusCode,
    notice: &str,
    errors: Vec<String>,
) -> Result<Response, PageError> {
    let cats = state.categories().await?;
    let mut page = Chrome::new(state, state.settings.default_currency, &cats, "/account", "Your account");
    page.noindex = true;
    page.description = "Your account".into();
    let addresses = state
        .store
        .addresses(user.id)
        .await?
        .into_iter()
        .map(|a| {
            let mut v = serde_json::to_value(&a.fields).unwrap_or_default();
            v["id"] = json!(a.id);
            v
        })
        .collect();
    let orders = state
        .store
        .orders_of_user(user.id)
        .await?
        .into_iter()
        .map(|o| {
            let cur: baobab_domain::Currency = o.currency.parse().unwrap_or(state.settings.default_currency);
            json!({"id": o.id, "number": crate::checkout::order_number(o.id), "status": o.status.as_str().replace('_', " "), "total": baobab_domain::format_money(o.totals.total, cur)})
        })
        .collect();
    let view = HomeView {
        orders,
        page,
        csrf: c.current.csrf().to_string(),
        email: user.email.clone(),
        name: user.name.clone(),
        phone: user.phone.clone(),
        verified: user.email_verified_at.is_some(),
        notice: notice.to_string(),
        errors,
        addresses,
        address_fields: ADDRESS_FIELDS.iter().map(|(name, label, required)| AddressField { name, label, required: *required }).collect(),
    };
    Ok(private(status, state.templates.render("account/home.html", &view)?, c.cookie.clone()))
}

async fn home(State(state): State<AppState>, headers: HeaderMap, Peer(peer): Peer) -> Response {
    let r = async {
        let c = ctx(&state, &headers, peer).await?;
        let user = match require_user(&c, "/account") {
            Ok(u) => u,
            Err(res) => return Ok(res),
        };
        render_home(&state, &c, &user, StatusCode::OK, "", vec![]).await
    }
    .await;
    finish(&state, r)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ProfileForm {
    csrf: String,
    name: String,
    phone: String,
}

/// Runs a logged-in, CSRF-checked form action.
async fn signed_in<F, Fut>(state: &AppState, method: &Method, headers: &HeaderMap, peer: Option<SocketAddr>, csrf: &str, act: F) -> Response
where
    F: FnOnce(Ctx, User) -> Fut,
    Fut: std::future::Future<Output = Result<Response, PageError>>,
{
    let r = async {
        let c = ctx(state, headers, peer).await?;
        if !check_csrf(state, method, headers, &c.current, csrf) {
            return Ok(forbidden_csrf(state));
        }
        let user = match require_user(&c, "/account") {
            Ok(u) => u,
            Err(res) => return Ok(res),
        };
        act(c, user).await
    }
    .await;
    finish(state, r)
}

async fn profile(
    State(state): State<AppState>,
    method: Method,
    headers: HeaderMap,
    Peer(peer): Peer,
    Posted(f): Posted<ProfileForm>,
) -> Response {
    let st = state.clone();
    signed_in(&state, &method, &headers, peer, &f.csrf.clone(), move |c, user| async move {
        let mut errors = Vec::new();
        let phone = if f.phone.trim().is_empty() {
            Some(String::new())
        } else {
            normalize_phone("phone", &f.phone).map_err(|e| errors.push(e.to_string())).ok()
        };
        if f.name.chars().count() > 120 || f.name.chars().any(char::is_control) {
            errors.push("name: must be at most 120 characters, without control characters".into());
        }
        match phone.filter(|_| errors.is_empty()) {
            Some(phone) => {
                st.store.set_profile(user.id, f.name.trim(), &phone).await?;
                audit(&st, "profile_changed", Some(user.id), &user.email, &c.ip, json!({})).await;
                let user = st.store.user_by_id(user.id).await?.unwrap_or(user);
                render_home(&st, &c, &user, StatusCode::OK, "Saved.", vec![]).await
            }
            None => render_home(&st, &c, &user, StatusCode::UNPROCESSABLE_ENTITY, "", errors).await,
        }
    })
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AddressForm {
    csrf: String,
    #[serde(flatten)]
    fields: std::collections::HashMap<String, String>,
}

impl AddressForm {
    fn input(&self) -> AddressInput {
        let get = |k: &str| self.fields.get(k).cloned().unwrap_or_default();
        AddressInput {
            name: get("name"),
            line1: get("line1"),
            line2: get("line2"),
            city: get("city"),
            region: get("region"),
            postcode: get("postcode"),
            country: get("country"),
            phone: get("phone"),
        }
    }
}

use crate::pages::path_id as address_id;

async fn add_address(
    State(state): State<AppState>,
    method: Method,
    headers: HeaderMap,
    Peer(peer): Peer,
    Posted(f): Posted<AddressForm>,
) -> Response {
    let st = state.clone();
    signed_in(&state, &method, &headers, peer, &f.csrf.clone(), move |c, user| async move {
        match st.store.add_address(user.id, &f.input()).await {
            Ok(a) => {
                audit(&st, "address_added", Some(user.id), &user.email, &c.ip, json!({"address_id": a.id})).await;
                Ok(redirect("/account", None))
            }
            Err(StoreError::Invalid(v)) => render_home(&st, &c, &user, StatusCode::UNPROCESSABLE_ENTITY, "", v.messages()).await,
            Err(e) => Err(e.into()),
        }
    })
    .await
}

async fn update_address(
    State(state): State<AppState>,
    method: Method,
    headers: HeaderMap,
    Peer(peer): Peer,
    Path(raw): Path<String>,
    Posted(f): Posted<AddressForm>,
) -> Response {
    let st = state.clone();
    signed_in(&state, &method, &headers, peer, &f.csrf.clone(), move |c, user| async move {
        let id = address_id(&raw)?;
        match st.store.update_address(user.id, id, &f.input()).await {
            Ok(_) => {
                audit(&st, "address_changed", Some(user.id), &user.email, &c.ip, json!({"address_id": id})).await;
                Ok(redirect("/account", None))
            }
            Err(StoreError::Invalid(v)) => render_home(&st, &c, &user, StatusCode::UNPROCESSABLE_ENTITY, "", v.messages()).await,
            Err(StoreError::NotFound(_)) => Err(PageError::NotFound("Address")),
            Err(e) => Err(e.into()),
        }
    })
    .await
}

async fn delete_address(
    State(state): State<AppState>,
    method: Method,
    headers: HeaderMap,
    Peer(peer): Peer,
    Path(raw): Path<String>,
    form: Result<Form<CsrfOnly>, axum::extract::rejection::FormRejection>,
) -> Response {
    let token = form.map(|f| f.0.csrf).unwrap_or_default();
    let st = state.clone();
    signed_in(&state, &method, &headers, peer, &token, move |c, user| async move {
        let id = address_id(&raw)?;
        match st.store.delete_address(user.id, id).await {
            Ok(()) => {
                audit(&st, "address_deleted", Some(user.id), &user.email, &c.ip, json!({"address_id": id})).await;
                Ok(redirect("/account", None))
            }
            Err(StoreError::NotFound(_)) => Err(PageError::NotFound("Address")),
            Err(e) => Err(e.into()),
        }
    })
    .await
}
