//! Order management in the admin (order managers and owners): list, read, and move orders
//! through their lifecycle, with refunds recorded against what was paid.

use axum::extract::{OriginalUri, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use baobab_domain::money::parse_major;
use baobab_domain::order::{OrderEvent, OrderStatus};
use baobab_domain::{Currency, format_money};
use baobab_store::StoreError;
use serde::Deserialize;
use serde_json::json;

use super::access::{Staff, can};
use super::{AdminField, AdminForm, Member, Section, id_of, render};
use crate::AppState;
use crate::page::{Form, PageError, PageResult, audit, redirect};

#[derive(Deserialize, Default)]
#[serde(default)]
struct ListParams {
    status: Option<String>,
}

pub(super) async fn list(State(state): State<AppState>, s: Staff<can::ManageOrders>, OriginalUri(uri): OriginalUri) -> PageResult {
    let p: ListParams = crate::params::query(&uri)?;
    let status = match p.status.as_deref().filter(|x| !x.is_empty()) {
        None => None,
        Some(x) => Some(
            OrderStatus::parse(x)
                .ok_or_else(|| PageError::BadParam(baobab_domain::ValidationError::new("status", "is not an order status")))?,
        ),
    };
    let orders = state.store.list_orders(status, 0, 100).await?;
    let rows = orders
        .iter()
        .map(|o| {
            let cur: Currency = o.currency;
            vec![
                o.id.to_string(),
                o.email.clone(),
                o.status.as_str().replace('_', " "),
                format_money(o.totals.total, cur),
                o.created_at.format("%Y-%m-%d %H:%M").to_string(),
            ]
        })
        .collect();
    let sections = vec![
        Section {
            link: "/admin/orders/".into(),
            head: vec!["Order", "E-mail", "Status", "Total", "Placed (UTC)"],
            rows,
            ..Default::default()
        },
        Section {
            title: "Export for the accountants".into(),
            text: "One row per order line with the order's totals, as CSV. Days are UTC; leave both empty for every order.".into(),
            download: Some(AdminForm {
                action: "/admin/export/orders.csv".into(),
                fields: vec![
                    AdminField { name: "from", label: "From (first day)", kind: "date", ..Default::default() },
                    AdminField { name: "to", label: "To (last day)", kind: "date", ..Default::default() },
                ],
                submit: "Download orders CSV",
                multipart: false,
            }),
            ..Default::default()
        },
    ];
    render(&state, &s, "/admin/orders", StatusCode::OK, "Orders", "", vec![], sections).await
}

const STEPS: &[(&str, &str, OrderEvent)] = &[
    ("pay", "Mark paid", OrderEvent::Pay),
    ("fulfil", "Mark packed", OrderEvent::Fulfil),
    ("ship", "Mark shipped", OrderEvent::Ship),
    ("deliver", "Mark delivered", OrderEvent::Deliver),
    ("cancel", "Cancel", OrderEvent::Cancel),
];

async fn order_page(
    state: &AppState,
    s: &Member,
    id: i64,
    status: StatusCode,
    notice: &str,
    errors: Vec<String>,
) -> Result<Response, PageError> {
    let o = state.store.order(id).await?.ok_or(PageError::NotFound("Order"))?;
    let cur: Currency = o.currency;
    let money = |v: i64| format_money(v, cur);
    let mut sections = vec![
        Section {
            text: format!(
                "{} · {} · {} · paid by {}",
                o.email,
                o.status.as_str().replace('_', " "),
                money(o.totals.total),
                o.payment_method.as_str().replace('_', " ")
            ),
            head: vec!["SKU", "Item", "Qty", "Total"],
            rows: o
                .lines
                .iter()
                .map(|l| vec![l.sku.clone(), l.title.clone(), l.quantity.to_string(), money(l.unit_price_minor * l.quantity as i64)])
                .collect(),
            ..Default::default()
        },
        Section { text: format!("Refunded so far: {}", money(o.refunded_minor)), ..Default::default() },
        Section {
            title: "Delivery".into(),
            text: {
                let parts: Vec<&str> = o.shipping_address.parts().collect();
                let coupon = o.coupon_code.as_deref().map(|c| format!(" · coupon {c} (−{})", money(o.totals.discount))).unwrap_or_default();
                format!(
                    "{} ({}) · VAT {} · {}{coupon}",
                    if o.shipping_method.is_empty() { "no method" } else { &o.shipping_method },
                    money(o.totals.shipping),
                    money(o.totals.tax),
                    parts.join(", ")
                )
            },
            ..Default::default()
        },
    ];
    let attempts = state.store.payments_of_order(id).await?;
    if !attempts.is_empty() {
        sections.push(Section {
            title: "Payments".into(),
            text: if attempts.iter().any(|p| p.status == baobab_domain::payment::PaymentStatus::NeedsReview) {
                "A payment needs review: money arrived that was not applied to the order (see its detail). Refund it with the provider, or settle by hand.".into()
            } else {
                String::new()
            },
            head: vec!["Reference", "Provider", "Amount", "Status", "Detail", "Started (UTC)"],
            rows: attempts
                .iter()
                .map(|p| {
                    let c = p.currency;
                    vec![
                        p.reference.clone(),
                        p.provider.to_string(),
                        format_money(p.amount_minor, c),
                        p.status.as_str().replace('_', " "),
                        p.detail.clone(),
                        p.created_at.format("%Y-%m-%d %H:%M").to_string(),
                    ]
                })
                .collect(),
            ..Default::default()
        });
    }
    sections.push(Section {
        title: "History".into(),
        head: vec!["When (UTC)", "From", "To", "By", "Note"],
        rows: state
            .store
            .order_history(id)
            .await?
            .into_iter()
            .map(|h| {
                vec![
                    h.at.format("%Y-%m-%d %H:%M:%S").to_string(),
                    h.from_status.unwrap_or_default().replace('_', " "),
                    h.to_status.replace('_', " "),
                    h.actor,
                    h.note,
                ]
            })
            .collect(),
        ..Default::default()
    });
    for (event, label, e) in STEPS {
        if o.status.apply(*e).is_ok() {
            sections.push(Section {
                form: Some(AdminForm {
                    action: format!("/admin/orders/{id}/transition"),
                    fields: vec![
                        AdminField { name: "event", kind: "hidden", value: (*event).into(), ..Default::default() },
                        AdminField { name: "note", label: "Note (optional)", kind: "text", ..Default::default() },
                    ],
                    submit: label,
                    multipart: false,
                }),
                ..Default::default()
            });
        }
    }
    if o.status.apply(OrderEvent::Refund { amount: 1, remaining: o.totals.total - o.refunded_minor }).is_ok() {
        sections.push(Section {
            title: "Refund".into(),
            form: Some(AdminForm {
                action: format!("/admin/orders/{id}/transition"),
                fields: vec![
                    AdminField { name: "event", kind: "hidden", value: "refund".into(), ..Default::default() },
                    AdminField { name: "amount", label: "Amount", kind: "text", ..Default::default() },
                    AdminField { name: "note", label: "Reason", kind: "text", ..Default::default() },
                ],
                submit: "Record refund",
                multipart: false,
            }),
            ..Default::default()
        });
    }
    render(state, s, "/admin/orders", status, &crate::checkout::order_number(id), notice, errors, sections).await
}

pub(super) async fn show(State(state): State<AppState>, s: Staff<can::ManageOrders>, Path(raw): Path<String>) -> PageResult {
    order_page(&state, &s, id_of(&raw)?, StatusCode::OK, "", vec![]).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct StepForm {
    csrf: String,
    event: String,
    amount: String,
    note: String,
}

pub(super) async fn step(
    State(state): State<AppState>,
    s: Staff<can::ManageOrders>,
    Path(raw): Path<String>,
    Form { value: f, .. }: Form<StepForm>,
) -> PageResult {
    let id = id_of(&raw)?;
    let o = state.store.order(id).await?.ok_or(PageError::NotFound("Order"))?;
    let event = match f.event.as_str() {
        "refund" => {
            let cur: Currency = o.currency;
            match parse_major(&f.amount, cur).filter(|a| *a > 0) {
                Some(amount) => OrderEvent::Refund { amount, remaining: 0 },
                None => {
                    return order_page(
                        &state,
                        &s,
                        id,
                        StatusCode::UNPROCESSABLE_ENTITY,
                        "",
                        vec![format!("amount: `{}` is not an amount in {cur}", f.amount.chars().take(20).collect::<String>())],
                    )
                    .await;
                }
            }
        }
        other => match STEPS.iter().find(|(name, _, _)| *name == other) {
            Some((_, _, e)) => *e,
            None => {
                return order_page(&state, &s, id, StatusCode::UNPROCESSABLE_ENTITY, "", vec!["event: is not an order step".into()]).await;
            }
        },
    };
    if f.note.chars().count() > 1000 {
        return order_page(&state, &s, id, StatusCode::UNPROCESSABLE_ENTITY, "", vec!["note: must be at most 1000 characters".into()])
            .await;
    }
    match state.store.transition_order(id, event, &format!("staff:{}", s.user.id), &f.note).await {
        Ok(after) => {
            state.catalog_changed();
            audit(
                &state,
                "order_transition",
                Some(s.user.id),
                &id.to_string(),
                &s.ip,
                json!({"event": f.event, "status": after.status.as_str()}),
            )
            .await;
            crate::checkout::notify_status(&state, &after).await;
            Ok(redirect(&format!("/admin/orders/{id}"), None))
        }
        Err(StoreError::Conflict { message, .. }) => order_page(&state, &s, id, StatusCode::CONFLICT, "", vec![message]).await,
        Err(e) => Err(e.into()),
    }
}
