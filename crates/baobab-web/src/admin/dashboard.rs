//! The admin dashboard: today's orders, payments to review, low stock.

use super::*;

pub(super) async fn show(State(state): State<AppState>, s: Staff<can::ViewDashboard>) -> PageResult {
    let low = state.store.low_stock(5, 50).await?;
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
            let shown = cur
                .parse::<baobab_domain::Currency>()
                .map(|c| baobab_domain::format_money(total, c))
                .unwrap_or_else(|_| format!("{total} {cur}"));
            vec![cur, n.to_string(), shown]
        })
        .collect();
    let sections = vec![
        Section {
            title: "Today (UTC)".into(),
            text: format!("{active} products on sale."),
            head: vec!["Currency", "Orders", "Revenue"],
            rows: revenue,
            ..Default::default()
        },
        Section {
            title: "Payments to review".into(),
            text: "Money that arrived but could not be applied (after the order expired, another amount, a second payment): refund it with the provider or settle the order by hand.".into(),
            link: "/admin/orders/".into(),
            head: vec!["Order", "Reference", "Provider", "Amount", "Why"],
            rows: if s.user.staff_role.is_some_and(|r| r.can(Permission::ManageOrders)) {
                let mut rows: Vec<Vec<String>> = state
                    .store
                    .payments_to_review(20)
                    .await?
                    .into_iter()
                    .map(|p| {
                        let amount = baobab_domain::format_money(p.amount_minor, p.currency);
                        vec![p.order_id.to_string(), p.reference, p.provider.to_string(), amount, p.detail]
                    })
                    .collect();
                // Money for no known attempt: no order to link, the provider's own id instead.
                rows.extend(
                    state.store.unmatched_events(20).await?.into_iter().map(|e| vec!["—".into(), e.event_id, e.provider, String::new(), e.outcome]),
                );
                rows
            } else {
                vec![]
            },
            ..Default::default()
        },
        Section {
            title: "Low stock (5 or fewer)".into(),
            head: vec!["Product", "SKU", "In stock"],
            rows: low.into_iter().map(|(t, sku, n)| vec![t, sku, n.to_string()]).collect(),
            ..Default::default()
        },
    ];
    render(&state, &s, "/admin", StatusCode::OK, "Dashboard", "", vec![], sections).await
}
