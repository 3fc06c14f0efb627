//! Confirming an e-mail address, and resetting a forgotten password.

use super::*;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct TokenParam {
    token: String,
}

fn token_hash(token: &str) -> Option<String> {
    (token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())).then(|| session::hash_id(token))
}

pub(super) async fn verify(State(state): State<AppState>, visitor: Visitor, OriginalUri(uri): OriginalUri) -> PageResult {
    let p: TokenParam = crate::params::query(&uri)?;
    let c = Ctx::from(visitor);
    let used = match token_hash(&p.token) {
        Some(h) => state.store.consume_account_token(&h, TokenPurpose::VerifyEmail, Utc::now()).await?,
        None => None,
    };
    let Some(user_id) = used else {
        audit(&state, "verify_email_failed", None, "", &c.ip, json!({})).await;
        return Err(PageError::BadParam(ValidationError::new("token", "is invalid, expired or already used — log in to get a new link")));
    };
    state.store.set_email_verified(user_id).await?;
    audit(&state, "email_verified", Some(user_id), "", &c.ip, json!({})).await;
    let links = vec![forms::link(&state, "/account", "account-go-to-account")];
    let page = FormPage::message(state.t("account-verified-title", &[]), "/account/verify", links);
    render_form(&state, &c, StatusCode::OK, page, &state.t("account-verified", &[]), vec![]).await
}

fn forgot_page(state: &AppState, email: &str) -> FormPage {
    FormPage {
        title: state.t("account-forgot-title", &[]),
        action: "/account/forgot",
        fields: vec![field("email", state.t("account-email", &[]), "email", email, "email")],
        submit: state.t("account-forgot-submit", &[]),
        links: vec![],
    }
}

pub(super) async fn forgot_form(State(state): State<AppState>, visitor: Visitor) -> PageResult {
    let mut c = Ctx::from(visitor);
    c.ensure_form(&state).await?;
    render_form(&state, &c, StatusCode::OK, forgot_page(&state, ""), "", vec![]).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct ForgotForm {
    email: String,
}

pub(super) async fn forgot(State(state): State<AppState>, visitor: Visitor, Form { value: f, .. }: Form<ForgotForm>) -> PageResult {
    let c = Ctx::from(visitor);
    let Ok(email) = normalize_email("email", &f.email) else {
        let errors = vec![problems::say(&state, "email", "problem-not-email", &[])];
        return render_form(&state, &c, StatusCode::UNPROCESSABLE_ENTITY, forgot_page(&state, &f.email), "", errors).await;
    };
    let rules = [(format!("reset:ip:{}", c.ip), RESET_PER_IP), (format!("reset:acct:{email}"), RESET_PER_ACCOUNT)];
    if let Some(wait) = throttled(&state, &rules).await? {
        return Err(PageError::TooMany(wait));
    }
    // The same answer whether or not the account exists: no way to learn who has one.
    if let Some(user) = state.store.user_by_email(&email).await? {
        let (token, hash) = session::link_token();
        state
            .store
            .create_account_token(&hash, user.id, TokenPurpose::ResetPassword, Utc::now() + Duration::minutes(RESET_MINUTES))
            .await?;
        // The link opens the reset page in the language the shopper asked in.
        let link = format!("{}{}", state.settings.public_url, in_language(&format!("/account/reset?token={token}")));
        let lang = crate::emails::request_language(&state);
        crate::emails::queue_in(&state, lang, &user.email, "reset", minijinja::context! { link, minutes => RESET_MINUTES }).await?;
        audit(&state, "password_reset_requested", Some(user.id), &user.email, &c.ip, json!({})).await;
    }
    let page = FormPage::message(state.t("account-check-email", &[]), "/account/forgot", vec![]);
    let notice = state.t("account-forgot-sent", &[("minutes", RESET_MINUTES.into())]);
    render_form(&state, &c, StatusCode::OK, page, &notice, vec![]).await
}

fn reset_page(state: &AppState, token: &str) -> FormPage {
    let min = baobab_domain::account::MIN_PASSWORD as i64;
    FormPage {
        title: state.t("account-reset-title", &[]),
        action: "/account/reset",
        fields: vec![
            field("password", state.t("account-new-password-rule", &[("min", min.into())]), "password", "", "new-password"),
            field("token", String::new(), "hidden", token, ""),
        ],
        submit: state.t("account-reset-submit", &[]),
        links: vec![],
    }
}

pub(super) async fn reset_form(State(state): State<AppState>, visitor: Visitor, OriginalUri(uri): OriginalUri) -> PageResult {
    let p: TokenParam = crate::params::query(&uri)?;
    if token_hash(&p.token).is_none() {
        return Err(PageError::BadParam(ValidationError::new("token", "is invalid — ask for a new link")));
    }
    let mut c = Ctx::from(visitor);
    c.ensure_form(&state).await?;
    render_form(&state, &c, StatusCode::OK, reset_page(&state, &p.token), "", vec![]).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct ResetForm {
    token: String,
    password: String,
}

pub(super) async fn reset(State(state): State<AppState>, visitor: Visitor, Form { value: f, .. }: Form<ResetForm>) -> PageResult {
    let mut c = Ctx::from(visitor);
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
        let errors = problems::lines(&state, &e);
        return render_form(&state, &c, StatusCode::UNPROCESSABLE_ENTITY, reset_page(&state, &f.token), "", errors).await;
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
    Ok(redirect(&in_language("/account"), c.cookie))
}
