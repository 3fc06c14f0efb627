//! Registration: one answer whether or not the address has an account.

use super::*;

fn register_page(state: &AppState, email: &str, name: &str) -> FormPage {
    let min = baobab_domain::account::MIN_PASSWORD as i64;
    FormPage {
        title: state.t("account-register-title", &[]),
        action: "/account/register",
        fields: vec![
            field("name", state.t("account-name", &[]), "text", name, "name"),
            field("email", state.t("account-email", &[]), "email", email, "email"),
            field("password", state.t("account-password-rule", &[("min", min.into())]), "password", "", "new-password"),
            field("idempotency_key", String::new(), "hidden", &crate::page::new_idempotency_key(), ""),
        ],
        submit: state.t("account-register-submit", &[]),
        links: vec![forms::link(state, "/account/login", "account-have-account")],
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct RegisterForm {
    name: String,
    email: String,
    password: String,
}

pub(super) async fn form(State(state): State<AppState>, visitor: Visitor) -> PageResult {
    let mut c = Ctx::from(visitor);
    if c.current.user.is_some() {
        return Ok(redirect(&in_language("/account"), None));
    }
    c.ensure_form(&state).await?;
    render_form(&state, &c, StatusCode::OK, register_page(&state, "", ""), "", vec![]).await
}

/// The confirmation link, in the language of the registration (so is the page it opens).
async fn send_verification(state: &AppState, user: &User) -> Result<(), StoreError> {
    let (token, hash) = session::link_token();
    state.store.create_account_token(&hash, user.id, TokenPurpose::VerifyEmail, Utc::now() + Duration::hours(VERIFY_HOURS)).await?;
    let link = format!("{}{}", state.settings.public_url, in_language(&format!("/account/verify?token={token}")));
    let lang = crate::emails::request_language(state);
    crate::emails::queue_in(state, lang, &user.email, "verify", minijinja::context! { link, hours => VERIFY_HOURS }).await
}

/// Registration answers the same whether or not the address has an account ("check your
/// e-mail"), with the same work (a password hash and one e-mail): a new address gets a
/// confirmation link, a taken one a note to its owner. Nobody learns who has an account.
pub(super) async fn submit(
    State(state): State<AppState>,
    visitor: Visitor,
    Form { value: f, idempotency_key }: Form<RegisterForm>,
) -> PageResult {
    let c = Ctx::from(visitor);
    if let Some(wait) = throttled(&state, &[(format!("register:ip:{}", c.ip), REGISTER_PER_IP)]).await? {
        audit(&state, "register_throttled", None, &f.email, &c.ip, json!({})).await;
        return Err(PageError::TooMany(wait));
    }
    let mut errors = Vec::new();
    let email = normalize_email("email", &f.email).map_err(|e| errors.extend(problems::lines(&state, &e))).ok();
    if let Err(e) = check_password("password", &f.password, email.as_deref().unwrap_or(&f.email)) {
        errors.extend(problems::lines(&state, &e));
    }
    if f.name.chars().count() > 120 || f.name.chars().any(char::is_control) {
        errors.push(problems::say(&state, "name", "problem-name", &[("max", 120i64.into())]));
    }
    let Some(email) = email.filter(|_| errors.is_empty()) else {
        return render_form(&state, &c, StatusCode::UNPROCESSABLE_ENTITY, register_page(&state, &f.email, &f.name), "", errors).await;
    };
    // A resent form (same key) does nothing new: the first request did the work.
    if let Some(key) = idempotency_key {
        let meta_key = format!("idempotency:register:{key}");
        let fingerprint = crate::auth::hash_token(&email);
        if !state.store.set_meta_once(&meta_key, &fingerprint).await? {
            if state.store.meta(&meta_key).await?.as_deref() != Some(fingerprint.as_str()) {
                let errors = vec![problems::say(&state, "idempotency_key", "problem-key-reused", &[])];
                let page = register_page(&state, &f.email, &f.name);
                return render_form(&state, &c, StatusCode::UNPROCESSABLE_ENTITY, page, "", errors).await;
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
            crate::emails::queue_in(&state, crate::emails::request_language(&state), &email, "account_exists", ()).await?;
            audit(&state, "register_existing", None, &email, &c.ip, json!({})).await;
        }
        Err(e) => return Err(e.into()),
    }
    check_your_email(&state, &c, &email).await
}

/// The one answer to a registration, whether the address was new or taken.
async fn check_your_email(state: &AppState, c: &Ctx, email: &str) -> Result<Response, PageError> {
    let links = vec![forms::link(state, "/account/login", "account-login-title")];
    let page = FormPage::message(state.t("account-check-email", &[]), "/account/register", links);
    let notice = state.t("account-check-email-registered", &[("email", email.into())]);
    render_form(state, c, StatusCode::OK, page, &notice, vec![]).await
}
