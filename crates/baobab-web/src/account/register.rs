//! Registration: one answer whether or not the address has an account.

use super::*;

fn register_page(email: &str, name: &str) -> FormPage {
    FormPage {
        title: "Create an account",
        action: "/account/register",
        fields: vec![
            field("name", "Name", "text", name, "name"),
            field("email", "E-mail", "email", email, "email"),
            field("password", "Password (at least 10 characters)", "password", "", "new-password"),
            field("idempotency_key", "", "hidden", &crate::page::new_idempotency_key(), ""),
        ],
        submit: "Create account",
        links: vec![Link { url: "/account/login".into(), label: "I have an account: log in" }],
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
        return Ok(redirect("/account", None));
    }
    c.ensure_form(&state).await?;
    render_form(&state, &c, StatusCode::OK, register_page("", ""), "", vec![]).await
}

async fn send_verification(state: &AppState, user: &User) -> Result<(), StoreError> {
    let (token, hash) = session::link_token();
    state.store.create_account_token(&hash, user.id, TokenPurpose::VerifyEmail, Utc::now() + Duration::hours(VERIFY_HOURS)).await?;
    let link = format!("{}/account/verify?token={token}", state.settings.public_url);
    crate::emails::queue(state, &user.email, "verify", minijinja::context! { link, hours => VERIFY_HOURS }).await
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
    if let Some(key) = idempotency_key {
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
            crate::emails::queue(&state, &email, "account_exists", ()).await?;
            audit(&state, "register_existing", None, &email, &c.ip, json!({})).await;
        }
        Err(e) => return Err(e.into()),
    }
    check_your_email(&state, &c, &email).await
}

/// The one answer to a registration, whether the address was new or taken.
async fn check_your_email(state: &AppState, c: &Ctx, email: &str) -> Result<Response, PageError> {
    let page = FormPage::message("Check your e-mail", "/account/register", vec![forms::link("/account/login", "Log in")]);
    let notice = format!(
        "We sent a message to {email}. Open the link in it to confirm your address, then log in. \
         If you already have an account, the message tells you how to get back into it."
    );
    render_form(state, c, StatusCode::OK, page, &notice, vec![]).await
}
