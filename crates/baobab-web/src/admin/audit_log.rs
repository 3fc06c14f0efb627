//! The audit log, for owners.

use super::words::{heads, moment, t};
use super::*;
use customers::page_of;

pub(super) async fn list(State(state): State<AppState>, s: Staff<can::ViewAudit>, OriginalUri(uri): OriginalUri) -> PageResult {
    let offset = page_of(&uri)?;
    let rows = state
        .store
        .audit_entries(offset, 50)
        .await?
        .into_iter()
        .map(|e| {
            vec![
                moment(e.at, true),
                e.event,
                e.actor_user_id.map(|a| a.to_string()).unwrap_or_default(),
                e.subject,
                e.ip,
                e.detail.to_string(),
            ]
        })
        .collect();
    let head =
        heads(&state, &["admin-col-when", "admin-col-event", "admin-col-by", "admin-col-subject", "admin-col-ip", "admin-col-detail"]);
    let sections = vec![Section { head, rows, ..Default::default() }];
    render(&state, &s, "/admin/audit", StatusCode::OK, &t(&state, "admin-nav-audit"), "", vec![], sections).await
}
