//! Order management in the admin (order managers and owners): list, read, and move orders
//! through their lifecycle, with refunds recorded against what was paid.

use axum::extract::{OriginalUri, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use baobab_domain::Currency;
use baobab_domain::money::parse_major;
use baobab_domain::order::{OrderEvent, OrderStatus};
use baobab_store::StoreError;
use serde::Deserialize;
use serde_json::json;

use super::access::{Staff, can};
use super::words::{self, count_of, heads, moment, t, ta};
use super::{AdminField, AdminForm, Member, Section, id_of, missing, render};
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
        Some(x) => Some(OrderStatus::parse(x).ok_or_else(|| {
            let why = t(&state, "admin-bad-order-status");
            PageError::BadParam(baobab_domain::ValidationError::new(words::field(&state, "status"), why))
        })?),
    };
    let orders = state.store.list_orders(status, 0, 100).await?;
    let rows = orders
        .iter()
        .map(|o| {
            let cur: Currency = o.currency;
            vec![
                o.id.to_string(),
                o.email.clone(),
                words::order_status(&state, o.status.as_str()),
                words::money(o.totals.total, cur),
                moment(o.created_at, false),
            ]
        })
        .collect();
    let field = |name, key| AdminField { name, label: t(&state, key), kind: "date", ..Default::default() };
    let sections = vec![
        Section {
            link: "/admin/orders/".into(),
            head: heads(&state, &["admin-col-order", "admin-col-email", "admin-col-status", "admin-col-total", "admin-col-placed"]),
            rows,
            ..Default::default()
        },
        Section {
            title: t(&state, "admin-orders-export"),
            text: t(&state, "admin-orders-export-text"),
            download: Some(AdminForm {
                action: "/admin/export/orders.csv".into(),
                fields: vec![field("from", "admin-label-from-day"), field("to", "admin-label-to-day")],
                submit: t(&state, "admin-orders-download"),
                multipart: false,
            }),
            ..Default::default()
        },
    ];
    render(&state, &s, "/admin/orders", StatusCode::OK, &t(&state, "admin-nav-orders"), "", vec![], sections).await
}

/// The steps staff take: (form value, catalog key of the button, event).
const STEPS: &[(&str, &str, OrderEvent)] = &[
    ("pay", "admin-step-pay", OrderEvent::Pay),
    ("fulfil", "admin-step-fulfil", OrderEvent::Fulfil),
    ("ship", "admin-step-ship", OrderEvent::Ship),
    ("deliver", "admin-step-deliver", OrderEvent::Deliver),
    ("cancel", "admin-step-cancel", OrderEvent::Cancel),
];

async fn order_page(
    state: &AppState,
    s: &Member,
    id: i64,
    status: StatusCode,
    notice: &str,
    errors: Vec<String>,
) -> Result<Response, PageError> {
    let Some(o) = state.store.order(id).await? else {
        return missing(state, s, "/admin/orders", "admin-missing-order").await;
    };
    let cur: Currency = o.currency;
    let money = |v: i64| words::money(v, cur);
    let summary = [
        ("email", o.email.clone().into()),
        ("status", words::order_status(state, o.status.as_str()).into()),
        ("total", money(o.totals.total).into()),
        ("method", words::payment_method(state, o.payment_method.as_str()).into()),
    ];
    let delivery = {
        let method = if o.shipping_method.is_empty() { t(state, "admin-order-no-method") } else { o.shipping_method.clone() };
        let parts: Vec<&str> = o.shipping_address.parts().collect();
        let args = [
            ("method", method.into()),
            ("shipping", money(o.totals.shipping).into()),
            ("tax", money(o.totals.tax).into()),
            ("address", parts.join(", ").into()),
        ];
        let text = ta(state, "admin-order-delivery-text", &args);
        match o.coupon_code.as_deref() {
            Some(c) => {
                let args = [("text", text.into()), ("code", c.to_string().into()), ("discount", money(o.totals.discount).into())];
                ta(state, "admin-order-coupon", &args)
            }
            None => text,
        }
    };
    let mut sections = vec![
        Section {
            text: ta(state, "admin-order-summary", &summary),
            head: heads(state, &["admin-col-sku", "admin-col-item", "admin-col-qty", "admin-col-total"]),
            rows: o
                .lines
                .iter()
                .map(|l| vec![l.sku.clone(), l.title.clone(), count_of(l.quantity as i64), money(l.unit_price_minor * l.quantity as i64)])
                .collect(),
            ..Default::default()
        },
        Section { text: ta(state, "admin-order-refunded-so-far", &[("amount", money(o.refunded_minor).into())]), ..Default::default() },
        Section { title: t(state, "admin-order-delivery"), text: delivery, ..Default::default() },
    ];
    let attempts = state.store.payments_of_order(id).await?;
    if !attempts.is_empty() {
        sections.push(Section {
            title: t(state, "admin-order-payments"),
            text: if attempts.iter().any(|p| p.status == baobab_domain::payment::PaymentStatus::NeedsReview) {
                t(state, "admin-order-review")
            } else {
                String::new()
            },
            head: heads(
                state,
                &[
                    "admin-col-reference",
                    "admin-col-provider",
                    "admin-col-amount",
                    "admin-col-status",
                    "admin-col-detail",
                    "admin-col-started",
                ],
            ),
            rows: attempts
                .iter()
                .map(|p| {
                    vec![
                        p.reference.clone(),
                        p.provider.to_string(),
                        words::money(p.amount_minor, p.currency),
                        words::payment_status(state, p.status.as_str()),
                        p.detail.clone(),
                        moment(p.created_at, false),
                    ]
                })
                .collect(),
            ..Default::default()
        });
    }
    sections.push(Section {
        title: t(state, "admin-order-history"),
        head: heads(state, &["admin-col-when", "admin-col-status-from", "admin-col-status-to", "admin-col-by", "admin-col-note"]),
        rows: state
            .store
            .order_history(id)
            .await?
            .into_iter()
            .map(|h| {
                let from = h.from_status.map(|f| words::order_status(state, &f)).unwrap_or_default();
                vec![moment(h.at, true), from, words::order_status(state, &h.to_status), h.actor, h.note]
            })
            .collect(),
        ..Default::default()
    });
    let hidden = |value: &str| AdminField { name: "event", kind: "hidden", value: value.into(), ..Default::default() };
    let text = |name, key| AdminField { name, label: t(state, key), kind: "text", ..Default::default() };
    for (event, key, e) in STEPS {
        if o.status.apply(*e).is_ok() {
            sections.push(Section {
                form: Some(AdminForm {
                    action: format!("/admin/orders/{id}/transition"),
                    fields: vec![hidden(event), text("note", "admin-label-note")],
                    submit: t(state, key),
                    multipart: false,
                }),
                ..Default::default()
            });
        }
    }
    if o.status.apply(OrderEvent::Refund { amount: 1, remaining: o.totals.total - o.refunded_minor }).is_ok() {
        sections.push(Section {
            title: t(state, "admin-order-refund"),
            form: Some(AdminForm {
                action: format!("/admin/orders/{id}/transition"),
                fields: vec![hidden("refund"), text("amount", "admin-label-amount"), text("note", "admin-label-reason")],
                submit: t(state, "admin-order-record-refund"),
                multipart: false,
            }),
            ..Default::default()
        });
    }
    render(state, s, &format!("/admin/orders/{id}"), status, &crate::checkout::order_number(id), notice, errors, sections).await
}

pub(super) async fn show(State(state): State<AppState>, s: Staff<can::ManageOrders>, Path(raw): Path<String>) -> PageResult {
    order_page(&state, &s, id_of(&raw)?, StatusCode::OK, "", vec![]).await
}

/// The longest note on a step, in characters.
const MAX_NOTE: usize = 1000;

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
    let Some(o) = state.store.order(id).await? else {
        return missing(&state, &s, "/admin/orders", "admin-missing-order").await;
    };
    let unfit = |errors: Vec<String>| order_page(&state, &s, id, StatusCode::UNPROCESSABLE_ENTITY, "", errors);
    let remaining = o.totals.total - o.refunded_minor;
    let (event, step) = match f.event.as_str() {
        "refund" => {
            let cur: Currency = o.currency;
            match parse_major(&f.amount, cur).filter(|a| *a > 0) {
                Some(amount) => (OrderEvent::Refund { amount, remaining: 0 }, "admin-order-record-refund"),
                None => {
                    let args = [("value", words::shown(&f.amount, 20).into()), ("currency", cur.code().into())];
                    return unfit(vec![ta(&state, "admin-error-amount", &args)]).await;
                }
            }
        }
        other => match STEPS.iter().find(|(name, _, _)| *name == other) {
            Some((_, key, e)) => (*e, *key),
            None => return unfit(vec![t(&state, "admin-error-event")]).await,
        },
    };
    if f.note.chars().count() > MAX_NOTE {
        return unfit(vec![ta(&state, "admin-error-note", &[("max", count_of(MAX_NOTE as i64).into())])]).await;
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
        Err(StoreError::Conflict { field, message }) => {
            // Why, in words: a step the order's status does not allow, a refund of more than is
            // left, or another change in the meantime.
            let allowed = match event {
                OrderEvent::Refund { .. } => o.status.apply(OrderEvent::Refund { amount: 1, remaining: 1 }).is_ok(),
                e => o.status.apply(e).is_ok(),
            };
            let why = match event {
                OrderEvent::Refund { amount, .. } if allowed && amount > remaining => {
                    let left = words::money(remaining.max(0), o.currency);
                    let asked = words::money(amount, o.currency);
                    ta(&state, "admin-error-refund-too-much", &[("amount", asked.into()), ("remaining", left.into())])
                }
                _ if !allowed => {
                    let status = words::order_status(&state, o.status.as_str());
                    ta(&state, "admin-error-step", &[("status", status.into()), ("step", t(&state, step).into())])
                }
                _ => words::problem(&state, field, &message),
            };
            order_page(&state, &s, id, StatusCode::CONFLICT, "", vec![why]).await
        }
        Err(e) => Err(e.into()),
    }
}
