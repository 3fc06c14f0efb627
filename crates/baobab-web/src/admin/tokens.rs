//! Staff API tokens: created (shown once), listed and revoked.

use super::*;
async fn tokens_page(
    state: &AppState,
    s: &Member,
    status: StatusCode,
    notice: &str,
    code: &str,
    errors: Vec<String>,
) -> Result<Response, PageError> {
    let list = state.store.tokens().await?;
    let rows = list
        .iter()
        .map(|t| {
            vec![
                t.id.to_string(),
                t.name.clone(),
                t.role.to_string(),
                t.created_at.format("%Y-%m-%d").to_string(),
                t.revoked_at.map(|d| format!("revoked {}", d.format("%Y-%m-%d"))).unwrap_or_else(|| "live".into()),
            ]
        })
        .collect();
    let mut sections = vec![];
    if !code.is_empty() {
        sections
            .push(Section { title: "New token — copy it now, it is not shown again".into(), code: code.into(), ..Default::default() });
    }
    sections.push(Section { head: vec!["Id", "Name", "Role", "Created", "Status"], rows, ..Default::default() });
    sections.push(Section {
        title: "Create a token".into(),
        form: Some(AdminForm {
            action: "/admin/tokens".into(),
            fields: vec![
                AdminField { name: "name", label: "Name (who uses it)", kind: "text", ..Default::default() },
                AdminField {
                    name: "role",
                    label: "Role",
                    kind: "select",
                    value: "catalog".into(),
                    options: Role::ALL.iter().map(|r| Opt::same(r.as_str())).collect(),
                },
            ],
            submit: "Create",
            multipart: false,
        }),
        ..Default::default()
    });
    for t in list.iter().filter(|t| t.revoked_at.is_none()) {
        sections.push(Section {
            title: format!("Revoke “{}”", t.name),
            form: Some(AdminForm { action: format!("/admin/tokens/{}/revoke", t.id), fields: vec![], submit: "Revoke", multipart: false }),
            ..Default::default()
        });
    }
    render(state, s, "/admin/tokens", status, "API tokens", notice, errors, sections).await
}

pub(super) async fn list(State(state): State<AppState>, s: Staff<can::ManageTokens>) -> PageResult {
    tokens_page(&state, &s, StatusCode::OK, "", "", vec![]).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct TokenForm {
    csrf: String,
    name: String,
    role: String,
}

pub(super) async fn create(
    State(state): State<AppState>,
    s: Staff<can::ManageTokens>,
    Form { value: f, .. }: Form<TokenForm>,
) -> PageResult {
    let role: Role = match f.role.parse() {
        Ok(r) => r,
        Err(e) => return tokens_page(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, "", "", vec![format!("role: {e}")]).await,
    };
    let (secret, hash) = crate::auth::generate_token();
    match state.store.create_token(&f.name, role, &hash).await {
        Ok(t) => {
            audit(&state, "api_token_created", Some(s.user.id), &t.name, &s.ip, json!({"token_id": t.id, "role": role.as_str()})).await;
            tokens_page(&state, &s, StatusCode::OK, "", &secret, vec![]).await
        }
        Err(StoreError::Invalid(v)) => tokens_page(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, "", "", vec![v.to_string()]).await,
        Err(e) => Err(e.into()),
    }
}

pub(super) async fn revoke(
    State(state): State<AppState>,
    s: Staff<can::ManageTokens>,
    Path(raw): Path<String>,
    Form { value: _f, .. }: Form<CsrfOnly>,
) -> PageResult {
    let id = id_of(&raw)?;
    if !state.store.revoke_token(id).await? {
        return Err(PageError::NotFound("Token"));
    }
    audit(&state, "api_token_revoked", Some(s.user.id), &id.to_string(), &s.ip, json!({"token_id": id})).await;
    tokens_page(&state, &s, StatusCode::OK, "Token revoked.", "", vec![]).await
}
