//! Staff members: invitations and roles.

use super::words::{self, heads, t, ta};
use super::*;

const INVITE_HOURS: i64 = 24;

fn role_options(state: &AppState, value: &str) -> AdminField {
    AdminField {
        name: "role",
        label: t(state, "admin-label-role"),
        kind: "select",
        value: value.into(),
        options: StaffRole::ALL.iter().map(|r| Opt { value: r.as_str().into(), label: words::staff_role(state, r.as_str()) }).collect(),
    }
}

/// What is wrong with a role that is none of the list's.
fn bad_role(state: &AppState) -> String {
    t(state, "admin-error-role")
}

pub(super) async fn staff_page(
    state: &AppState,
    s: &Member,
    status: StatusCode,
    notice: &str,
    errors: Vec<String>,
) -> Result<Response, PageError> {
    let list = state.store.users(UserKind::Staff, 0, 500).await?;
    let rows = list
        .iter()
        .map(|u| {
            vec![
                u.id.to_string(),
                u.email.clone(),
                u.staff_role.map(|r| words::staff_role(state, r.as_str())).unwrap_or_else(|| "-".into()),
                t(state, if u.totp_enabled_at.is_some() { "admin-two-factor-on" } else { "admin-two-factor-not-yet" }),
            ]
        })
        .collect();
    let head = heads(state, &["admin-col-id", "admin-col-email", "admin-col-role", "admin-col-two-factor"]);
    let mut sections = vec![Section { head, rows, ..Default::default() }];
    sections.push(Section {
        title: t(state, "admin-staff-add"),
        text: t(state, "admin-staff-add-text"),
        form: Some(AdminForm {
            action: "/admin/staff".into(),
            fields: vec![
                AdminField { name: "email", label: t(state, "admin-label-email"), kind: "email", ..Default::default() },
                role_options(state, "support"),
            ],
            submit: t(state, "admin-staff-invite"),
            multipart: false,
        }),
        ..Default::default()
    });
    for u in list.iter().filter(|u| u.id != s.user.id) {
        sections.push(Section {
            title: ta(state, "admin-staff-role-of", &[("email", u.email.clone().into())]),
            form: Some(AdminForm {
                action: format!("/admin/staff/{}/role", u.id),
                fields: vec![role_options(state, u.staff_role.map(|r| r.as_str()).unwrap_or("support"))],
                submit: t(state, "admin-staff-change-role"),
                multipart: false,
            }),
            ..Default::default()
        });
    }
    render(state, s, "/admin/staff", status, &t(state, "admin-nav-staff"), notice, errors, sections).await
}

pub(super) async fn list(State(state): State<AppState>, s: Staff<can::ManageStaff>) -> PageResult {
    staff_page(&state, &s, StatusCode::OK, "", vec![]).await
}

/// Creates a staff account with an unusable password and e-mails a link to choose one.
/// Returns the link (the CLI prints it; the admin only mails it).
pub async fn invite_staff(state: &AppState, email: &str, role: StaffRole, name: &str) -> Result<(User, String), StoreError> {
    let email = normalize_email("email", email)?;
    let mut random = [0u8; 32];
    getrandom::fill(&mut random).expect("operating system random source");
    let unusable = session::hash_password(crate::auth::hex(&random)).await?;
    let user = state
        .store
        .create_user(&NewUser { email, password_hash: unusable, kind: UserKind::Staff, staff_role: Some(role), name: name.to_string() })
        .await?;
    let (token, hash) = session::link_token();
    state.store.create_account_token(&hash, user.id, TokenPurpose::ResetPassword, Utc::now() + Duration::hours(INVITE_HOURS)).await?;
    let link = format!("{}/account/reset?token={token}", state.settings.public_url);
    crate::emails::queue(
        state,
        &user.email,
        "staff_invite",
        minijinja::context! { link => link.clone(), role => role.as_str(), hours => INVITE_HOURS },
    )
    .await?;
    Ok((user, link))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct StaffForm {
    csrf: String,
    email: String,
    role: String,
}

pub(super) async fn add(State(state): State<AppState>, s: Staff<can::ManageStaff>, Form { value: f, .. }: Form<StaffForm>) -> PageResult {
    let Ok(role) = StaffRole::parse(&f.role) else {
        return staff_page(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, "", vec![bad_role(&state)]).await;
    };
    match invite_staff(&state, &f.email, role, "").await {
        Ok((u, _)) => {
            audit(&state, "staff_added", Some(s.user.id), &u.email, &s.ip, json!({"role": role.as_str()})).await;
            let notice = ta(&state, "admin-staff-invited", &[("email", u.email.clone().into())]);
            staff_page(&state, &s, StatusCode::OK, &notice, vec![]).await
        }
        Err(StoreError::Invalid(v)) => staff_page(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, "", words::problems(&state, &v)).await,
        Err(StoreError::Conflict { field, message }) => {
            staff_page(&state, &s, StatusCode::CONFLICT, "", vec![words::problem(&state, field, &message)]).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct RoleForm {
    csrf: String,
    role: String,
}

pub(super) async fn change_role(
    State(state): State<AppState>,
    s: Staff<can::ManageStaff>,
    Path(raw): Path<String>,
    Form { value: f, .. }: Form<RoleForm>,
) -> PageResult {
    let id = id_of(&raw)?;
    let Ok(role) = StaffRole::parse(&f.role) else {
        return staff_page(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, "", vec![bad_role(&state)]).await;
    };
    if id == s.user.id {
        return staff_page(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, "", vec![t(&state, "admin-error-own-role")]).await;
    }
    let Some(target) = state.store.user_by_id(id).await?.filter(|u| u.kind == UserKind::Staff) else {
        return missing(&state, &s, "/admin/staff", "admin-missing-staff").await;
    };
    state.store.set_staff_role(id, role).await?;
    // A privilege change ends the member's sessions: they log in again under the new role.
    state.store.delete_user_sessions(id).await?;
    audit(
        &state,
        "staff_role_changed",
        Some(s.user.id),
        &target.email,
        &s.ip,
        json!({"from": target.staff_role.map(|r| r.as_str()), "to": role.as_str()}),
    )
    .await;
    let notice = ta(
        &state,
        "admin-staff-role-changed",
        &[("email", target.email.into()), ("role", words::staff_role(&state, role.as_str()).into())],
    );
    staff_page(&state, &s, StatusCode::OK, &notice, vec![]).await
}
