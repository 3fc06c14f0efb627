//! Two-factor authentication for staff: enrolling a TOTP key, and proving it once per session.

use super::words::{t, ta};
use super::*;

const TWO_FACTOR_PER_ACCOUNT: (i64, i64) = (5, 900);

fn new_secret() -> String {
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes).expect("operating system random source");
    totp::base32_encode(&bytes)
}

fn code_form(state: &AppState, action: &str, submit: &str) -> AdminForm {
    AdminForm {
        action: action.into(),
        fields: vec![AdminField { name: "code", label: t(state, "admin-2fa-code"), kind: "text", ..Default::default() }],
        submit: t(state, submit),
        multipart: false,
    }
}

pub(super) async fn setup_form(State(state): State<AppState>, s: Staff<can::Enrol>) -> PageResult {
    if s.user.totp_enabled_at.is_some() {
        return Ok(redirect("/admin", None));
    }
    let secret = match &s.user.totp_secret {
        Some(secret) => secret.clone(),
        None => {
            let secret = new_secret();
            state.store.set_totp(s.user.id, Some(&secret), false).await?;
            secret
        }
    };
    let uri = totp::provisioning_uri(&state.settings.shop_name, &s.user.email, &secret);
    let sections = vec![
        Section { text: t(&state, "admin-2fa-setup-text"), code: secret.clone(), ..Default::default() },
        Section {
            title: t(&state, "admin-2fa-link"),
            code: uri,
            form: Some(code_form(&state, "/admin/2fa/setup", "admin-2fa-turn-on")),
            ..Default::default()
        },
    ];
    render(&state, &s, "/admin/2fa/setup", StatusCode::OK, &t(&state, "admin-2fa-setup-heading"), "", vec![], sections).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct CodeForm {
    csrf: String,
    code: String,
}

/// Checks a TOTP code for `user` (throttled, replay-proof). Err holds the message to show.
pub(super) async fn check_code(state: &AppState, user: &User, code: &str, ip: &str) -> Result<Result<i64, String>, PageError> {
    let key = format!("2fa:acct:{}", user.id);
    if let Err(wait) = state.store.throttle(&key, TWO_FACTOR_PER_ACCOUNT.1, TWO_FACTOR_PER_ACCOUNT.0, Utc::now()).await? {
        audit(state, "2fa_throttled", Some(user.id), &user.email, ip, json!({"retry_after": wait})).await;
        return Ok(Err(ta(state, "admin-2fa-too-many", &[("seconds", wait.into())])));
    }
    let Some(secret) = user.totp_secret.as_deref().and_then(totp::base32_decode) else {
        return Ok(Err(t(state, "admin-2fa-not-set-up")));
    };
    let now = Utc::now().timestamp().max(0) as u64;
    let Some(step) = totp::verify(&secret, code, now) else {
        audit(state, "2fa_failed", Some(user.id), &user.email, ip, json!({})).await;
        return Ok(Err(t(state, "admin-2fa-wrong")));
    };
    if !state.store.use_totp_step(user.id, step as i64).await? {
        audit(state, "2fa_replayed", Some(user.id), &user.email, ip, json!({})).await;
        return Ok(Err(t(state, "admin-2fa-replayed")));
    }
    state.store.clear_throttle(&key).await?;
    Ok(Ok(step as i64))
}

pub(super) async fn setup(State(state): State<AppState>, s: Staff<can::Enrol>, Form { value: f, .. }: Form<CodeForm>) -> PageResult {
    if s.user.totp_enabled_at.is_some() {
        return Ok(redirect("/admin", None));
    }
    let step = match check_code(&state, &s.user, &f.code, &s.ip).await? {
        Ok(step) => step,
        Err(msg) => {
            let section = Section { form: Some(code_form(&state, "/admin/2fa/setup", "admin-2fa-turn-on")), ..Default::default() };
            let heading = t(&state, "admin-2fa-setup-heading");
            return render(&state, &s, "/admin/2fa/setup", StatusCode::UNPROCESSABLE_ENTITY, &heading, "", vec![msg], vec![section]).await;
        }
    };
    state.store.set_totp(s.user.id, s.user.totp_secret.as_deref(), true).await?;
    // Enabling starts a fresh replay record: enter this code's step in it, so the code that
    // turned 2FA on cannot be used again on the challenge page.
    state.store.use_totp_step(s.user.id, step).await?;
    let (_, cookie) = session::start(&state, s.current.session.as_ref(), Some(s.user.id), true).await?;
    audit(&state, "2fa_enabled", Some(s.user.id), &s.user.email, &s.ip, json!({})).await;
    Ok(redirect("/admin", Some(cookie)))
}

pub(super) async fn challenge_form(State(state): State<AppState>, s: Staff<can::Enrol>) -> PageResult {
    if s.user.totp_enabled_at.is_none() {
        return Ok(redirect("/admin/2fa/setup", None));
    }
    let section = Section { form: Some(code_form(&state, "/admin/2fa", "admin-2fa-continue")), ..Default::default() };
    render(&state, &s, "/admin/2fa", StatusCode::OK, &t(&state, "admin-2fa-heading"), "", vec![], vec![section]).await
}

pub(super) async fn challenge(State(state): State<AppState>, s: Staff<can::Enrol>, Form { value: f, .. }: Form<CodeForm>) -> PageResult {
    if let Err(msg) = check_code(&state, &s.user, &f.code, &s.ip).await? {
        let section = Section { form: Some(code_form(&state, "/admin/2fa", "admin-2fa-continue")), ..Default::default() };
        let heading = t(&state, "admin-2fa-heading");
        return render(&state, &s, "/admin/2fa", StatusCode::UNAUTHORIZED, &heading, "", vec![msg], vec![section]).await;
    }
    let (_, cookie) = session::start(&state, s.current.session.as_ref(), Some(s.user.id), true).await?;
    audit(&state, "2fa_ok", Some(s.user.id), &s.user.email, &s.ip, json!({})).await;
    Ok(redirect("/admin", Some(cookie)))
}
