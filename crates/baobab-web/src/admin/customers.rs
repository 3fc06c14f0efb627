//! Customers: the list, and disabling an account.

use super::words::{heads, t, yes_no};
use super::*;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct PageParam {
    page: Option<String>,
}

pub(super) fn page_of(uri: &axum::http::Uri) -> Result<i64, PageError> {
    let p: PageParam = crate::params::query(uri)?;
    let pg = baobab_domain::query::Pagination::parse(p.page.as_deref(), Some("50"))?;
    Ok(pg.offset())
}

pub(super) async fn list(State(state): State<AppState>, s: Staff<can::ViewCustomers>, OriginalUri(uri): OriginalUri) -> PageResult {
    let offset = page_of(&uri)?;
    let list = state.store.users(UserKind::Customer, offset, 50).await?;
    let rows = list
        .into_iter()
        .map(|u| {
            vec![
                u.id.to_string(),
                u.email,
                u.name,
                yes_no(&state, u.email_verified_at.is_some()),
                t(&state, if u.disabled_at.is_some() { "admin-customer-disabled" } else { "admin-customer-active" }),
            ]
        })
        .collect();
    let head = heads(&state, &["admin-col-id", "admin-col-email", "admin-col-name", "admin-col-verified", "admin-col-status"]);
    let sections = vec![Section { head, rows, ..Default::default() }];
    render(&state, &s, "/admin/customers", StatusCode::OK, &t(&state, "admin-nav-customers"), "", vec![], sections).await
}

pub(super) async fn disable(
    State(state): State<AppState>,
    s: Staff<can::EditCustomers>,
    Path(raw): Path<String>,
    Form { value: _f, .. }: Form<CsrfOnly>,
) -> PageResult {
    let id = id_of(&raw)?;
    let Some(target) = state.store.user_by_id(id).await?.filter(|u| u.kind == UserKind::Customer) else {
        return missing(&state, &s, "/admin/customers", "admin-missing-customer").await;
    };
    state.store.disable_user(target.id).await?;
    state.store.delete_user_sessions(target.id).await?;
    audit(&state, "customer_disabled", Some(s.user.id), &target.email, &s.ip, json!({"customer_id": target.id})).await;
    Ok(redirect("/admin/customers", None))
}
