//! The admin dashboard: today's orders, payments to review, low stock.

use super::words::{count_of, counted, heads, money, t};
use super::*;

/// Stock at or below this is low.
const LOW: i64 = 5;

pub(super) async fn show(State(state): State<AppState>, s: Staff<can::ViewDashboard>) -> PageResult {
    let low = state.store.low_stock(LOW, 50).await?;
    let mut q = baobab_domain::query::ProductQuery::storefront(state.settings.default_currency);
    q.priced_only = false;
    let active = state.store.products(&q).await?.total;
    let midnight = Utc::now().date_naive().and_hms_opt(0, 0, 0).map(|d| d.and_utc()).unwrap_or_else(Utc::now);
    let revenue = state
        .store
        .order_totals_since(midnight)
        .await?
        .into_iter()
        .map(|(cur, n, total)| {
            let shown = cur.parse::<baobab_domain::Currency>().map(|c| money(total, c)).unwrap_or_else(|_| format!("{total} {cur}"));
            vec![cur, count_of(n), shown]
        })
        .collect();
    let sections = vec![
        Section {
            title: t(&state, "admin-dash-today"),
            text: counted(&state, "admin-dash-on-sale", active),
            head: heads(&state, &["admin-col-currency", "admin-col-orders", "admin-col-revenue"]),
            rows: revenue,
            ..Default::default()
        },
        Section {
            title: t(&state, "admin-dash-review"),
            text: t(&state, "admin-dash-review-text"),
            link: "/admin/orders/".into(),
            head: heads(&state, &["admin-col-order", "admin-col-reference", "admin-col-provider", "admin-col-amount", "admin-col-why"]),
            rows: if s.user.staff_role.is_some_and(|r| r.can(Permission::ManageOrders)) {
                let mut rows: Vec<Vec<String>> = state
                    .store
                    .payments_to_review(20)
                    .await?
                    .into_iter()
                    .map(|p| vec![p.order_id.to_string(), p.reference, p.provider.to_string(), money(p.amount_minor, p.currency), p.detail])
                    .collect();
                // Money for no known attempt: no order to link, the provider's own id instead.
                rows.extend(
                    state
                        .store
                        .unmatched_events(20)
                        .await?
                        .into_iter()
                        .map(|e| vec!["—".into(), e.event_id, e.provider, String::new(), e.outcome]),
                );
                rows
            } else {
                vec![]
            },
            ..Default::default()
        },
        Section {
            title: words::ta(&state, "admin-dash-low-stock", &[("n", count_of(LOW).into())]),
            head: heads(&state, &["admin-col-product", "admin-col-sku", "admin-col-in-stock"]),
            rows: low.into_iter().map(|(title, sku, n)| vec![title, sku, count_of(n)]).collect(),
            ..Default::default()
        },
    ];
    render(&state, &s, "/admin", StatusCode::OK, &t(&state, "admin-nav-dashboard"), "", vec![], sections).await
}
