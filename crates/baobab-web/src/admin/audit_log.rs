//! The audit log, for owners.

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
                e.at.format("%Y-%m-%d %H:%M:%S").to_string(),
                e.event,
                e.actor_user_id.map(|a| a.to_string()).unwrap_or_default(),
                e.subject,
                e.ip,
                e.detail.to_string(),
            ]
        })
        .collect();
    let sections = vec![Section { head: vec!["When (UTC)", "Event", "By", "Subject", "IP", "Detail"], rows, ..Default::default() }];
    render(&state, &s, "/admin/audit", StatusCode::OK, "Audit log", "", vec![], sections).await
}

// After the macro above, which they use.
