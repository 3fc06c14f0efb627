//! Staff members: invitations and roles.

use super::*;

const INVITE_HOURS: i64 = 24;
fn role_options(value: &str) -> AdminField {
    AdminField {
        name: "role",
        label: "Role",
        kind: "select",
        value: value.into(),
        options: StaffRole::ALL.iter().map(|r| Opt::same(r.as_str())).collect(),
    }
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
                u.staff_role.map(|r| r.as_str()).unwrap_or("-").to_string(),
                if u.totp_enabled_at.is_some() { "on".into() } else { "not yet".into() },
            ]
        })
        .collect();
    let mut sections = vec![Section { head: vec!["Id", "E-mail", "Role", "Two-factor"], rows, ..Default::default() }];
    sections.push(Section {
        title: "Add a staff member".into(),
        text: "They receive an e-mail with a link to choose a password, then set up two-factor authentication.".into(),
        form: Some(AdminForm {
            action: "/admin/staff".into(),
            fields: vec![AdminField { name: "email", label: "E-mail", kind: "email", ..Default::default() }, role_options("support")],
            submit: "Invite",
            multipart: false,
        }),
        ..Default::default()
    });
    for u in list.iter().filter(|u| u.id != s.user.id) {
        sections.push(Section {
            title: format!("Role of {}", u.email),
            form: Some(AdminForm {
                action: format!("/admin/staff/{}/role", u.id),
                fields: vec![role_options(u.staff_role.map(|r| r.as_str()).unwrap_or("support"))],
                submit: "Change role",
                multipart: false,
            }),
            ..Default::default()
        });
    }
    render(state, s, "/admin/staff", status, "Staff", notice, errors, sections).await
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
    let role = match StaffRole::parse(&f.role) {
        Ok(r) => r,
        Err(e) => return staff_page(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, "", vec![format!("role: {e}")]).await,
    };
    match invite_staff(&state, &f.email, role, "").await {
        Ok((u, _)) => {
            audit(&state, "staff_added", Some(s.user.id), &u.email, &s.ip, json!({"role": role.as_str()})).await;
            staff_page(&state, &s, StatusCode::OK, &format!("Invited {}.", u.email), vec![]).await
        }
        Err(StoreError::Invalid(v)) => staff_page(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, "", vec![v.to_string()]).await,
        Err(StoreError::Conflict { .. }) => {
            staff_page(&state, &s, StatusCode::CONFLICT, "", vec!["email: an account with this address exists".into()]).await
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
    let role = match StaffRole::parse(&f.role) {
        Ok(r) => r,
        Err(e) => return staff_page(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, "", vec![format!("role: {e}")]).await,
    };
    if id == s.user.id {
        return staff_page(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, "", vec!["role: you cannot change your own role".into()]).await;
    }
    let target = state.store.user_by_id(id).await?.filter(|u| u.kind == UserKind::Staff).ok_or(PageError::NotFound("Staff member"))?;
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
    staff_page(&state, &s, StatusCode::OK, &format!("{} is now {}.", target.email, role.as_str()), vec![]).await
}
