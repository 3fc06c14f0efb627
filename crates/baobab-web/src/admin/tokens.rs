//! Staff API tokens: created (shown once), listed and revoked.

use super::words::{self, day, heads, t, ta};
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
                words::token_role(state, t.role.as_str()),
                day(t.created_at),
                match t.revoked_at {
                    Some(d) => ta(state, "admin-token-revoked-on", &[("date", day(d).into())]),
                    None => words::t(state, "admin-token-live"),
                },
            ]
        })
        .collect();
    let mut sections = vec![];
    if !code.is_empty() {
        sections.push(Section { title: words::t(state, "admin-token-new"), code: code.into(), ..Default::default() });
    }
    let head = heads(state, &["admin-col-id", "admin-col-name", "admin-col-role", "admin-col-created", "admin-col-status"]);
    sections.push(Section { head, rows, ..Default::default() });
    sections.push(Section {
        title: words::t(state, "admin-token-create-title"),
        form: Some(AdminForm {
            action: "/admin/tokens".into(),
            fields: vec![
                AdminField { name: "name", label: words::t(state, "admin-label-token-name"), kind: "text", ..Default::default() },
                AdminField {
                    name: "role",
                    label: words::t(state, "admin-label-role"),
                    kind: "select",
                    value: "catalog".into(),
                    options: Role::ALL
                        .iter()
                        .map(|r| Opt { value: r.as_str().into(), label: words::token_role(state, r.as_str()) })
                        .collect(),
                },
            ],
            submit: words::t(state, "admin-token-create"),
            multipart: false,
        }),
        ..Default::default()
    });
    for tok in list.iter().filter(|tok| tok.revoked_at.is_none()) {
        sections.push(Section {
            title: ta(state, "admin-token-revoke-title", &[("name", tok.name.clone().into())]),
            form: Some(AdminForm {
                action: format!("/admin/tokens/{}/revoke", tok.id),
                fields: vec![],
                submit: words::t(state, "admin-token-revoke"),
                multipart: false,
            }),
            ..Default::default()
        });
    }
    render(state, s, "/admin/tokens", status, &words::t(state, "admin-nav-tokens"), notice, errors, sections).await
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
    let Ok(role) = f.role.parse::<Role>() else {
        return tokens_page(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, "", "", vec![t(&state, "admin-error-role")]).await;
    };
    let (secret, hash) = crate::auth::generate_token();
    match state.store.create_token(&f.name, role, &hash).await {
        Ok(t) => {
            audit(&state, "api_token_created", Some(s.user.id), &t.name, &s.ip, json!({"token_id": t.id, "role": role.as_str()})).await;
            tokens_page(&state, &s, StatusCode::OK, "", &secret, vec![]).await
        }
        Err(StoreError::Invalid(v)) => tokens_page(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, "", "", words::problems(&state, &v)).await,
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
        return missing(&state, &s, "/admin/tokens", "admin-missing-token").await;
    }
    audit(&state, "api_token_revoked", Some(s.user.id), &id.to_string(), &s.ip, json!({"token_id": id})).await;
    tokens_page(&state, &s, StatusCode::OK, &t(&state, "admin-token-revoked"), "", vec![]).await
}
