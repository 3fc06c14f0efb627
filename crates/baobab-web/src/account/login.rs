//! Logging in (throttled per account and address, slowed per account) and out.

use super::*;

fn login_page(state: &AppState, email: &str, next: &str) -> FormPage {
    FormPage {
        title: state.t("account-login-title", &[]),
        action: "/account/login",
        fields: vec![
            field("email", state.t("account-email", &[]), "email", email, "username"),
            field("password", state.t("account-password", &[]), "password", "", "current-password"),
            field("next", String::new(), "hidden", next, ""),
        ],
        submit: state.t("account-login-title", &[]),
        links: vec![
            forms::link(state, "/account/forgot", "account-forgot-link"),
            forms::link(state, "/account/register", "account-register-title"),
        ],
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct NextParam {
    next: Option<String>,
}

pub(super) async fn form(State(state): State<AppState>, visitor: Visitor, OriginalUri(uri): OriginalUri) -> PageResult {
    let p: NextParam = crate::params::query(&uri)?;
    let mut c = Ctx::from(visitor);
    if c.current.user.is_some() {
        return Ok(redirect(&in_language("/account"), None));
    }
    c.ensure_form(&state).await?;
    render_form(&state, &c, StatusCode::OK, login_page(&state, "", &safe_back(p.next)), "", vec![]).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct LoginForm {
    email: String,
    password: String,
    next: String,
}

/// A hash to verify against when the account does not exist, so both cases take as long.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0oXAPi0pT8w3hfWiN8wR3hA0HPm6dz1r0RqgC3x1tqQ";

pub(super) async fn submit(State(state): State<AppState>, visitor: Visitor, Form { value: f, .. }: Form<LoginForm>) -> PageResult {
    let mut c = Ctx::from(visitor);
    let email = normalize_email("email", &f.email).unwrap_or_else(|_| f.email.trim().to_lowercase());
    let pair = format!("login:acct-ip:{email}:{}", c.ip);
    let rules = [(pair.clone(), LOGIN_PER_ACCOUNT_AND_IP), (format!("login:ip:{}", c.ip), LOGIN_PER_IP)];
    if let Some(wait) = throttled(&state, &rules).await? {
        audit(&state, "login_throttled", None, &email, &c.ip, json!({"retry_after": wait})).await;
        return Err(PageError::TooMany(wait));
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
        let errors = vec![state.t("account-login-failed", &[])];
        let page = login_page(&state, &f.email, &safe_back(Some(f.next.clone())));
        return render_form(&state, &c, StatusCode::UNAUTHORIZED, page, "", errors).await;
    };
    state.store.clear_throttle(&pair).await?;
    if let Some(guest) = crate::cart::owner(&c.current) {
        state.store.cart_merge(&guest, &format!("u:{}", user.id)).await?;
    }
    let (_, cookie) = session::start(&state, c.current.session.as_ref(), Some(user.id), false).await?;
    c.cookie = Some(cookie);
    audit(&state, "login", Some(user.id), &user.email, &c.ip, json!({})).await;
    // Back where the shopper came from (a path that keeps its language prefix), else the account.
    let next = safe_back(Some(f.next)).replace("/account/login", "/account");
    let to = if next == "/" || next == in_language("/") { in_language("/account") } else { next };
    Ok(redirect(&to, c.cookie))
}

/// How long to hold a login attempt back after `failures` wrong passwords for its account (from
/// any address) in the current window: nothing up to the threshold, then 250 ms doubling with
/// each further failure, at most `LOGIN_MAX_DELAY_MS`.
fn login_delay(failures: i64) -> Option<std::time::Duration> {
    let over = failures - LOGIN_SLOWDOWN_AFTER;
    (over >= 0).then(|| std::time::Duration::from_millis((250u64 << over.min(8)).min(LOGIN_MAX_DELAY_MS)))
}

pub(super) async fn logout(State(state): State<AppState>, visitor: Visitor, _: Form<CsrfOnly>) -> PageResult {
    let c = Ctx::from(visitor);
    if let Some(s) = &c.current.session {
        state.store.delete_session(&s.id_hash).await?;
    }
    if let Some(u) = &c.current.user {
        audit(&state, "logout", Some(u.id), &u.email, &c.ip, json!({})).await;
    }
    Ok(redirect(&in_language("/"), Some(session::clear_cookie(&state))))
}
