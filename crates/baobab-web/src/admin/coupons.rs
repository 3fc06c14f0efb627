//! Coupons in the admin (order managers and owners): list them with their use, create
//! percentage or fixed-amount coupons with a minimum, expiry and usage limit, switch them off.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use baobab_domain::money::parse_major;
use baobab_domain::order::{Coupon, CouponKind};
use baobab_domain::{Currency, format_money};
use baobab_store::StoreError;
use chrono::{NaiveDate, TimeZone, Utc};
use serde::Deserialize;
use serde_json::json;

use super::access::{Staff, can};
use super::{AdminField, AdminForm, Member, Opt, Section, render};
use crate::AppState;
use crate::page::{Form, PageError, PageResult, audit, redirect};

async fn page(state: &AppState, s: &Member, status: StatusCode, notice: &str, errors: Vec<String>) -> Result<Response, PageError> {
    let coupons = state.store.coupons().await?;
    let rows = coupons
        .iter()
        .map(|c| {
            let amount = match (c.kind, c.currency) {
                (CouponKind::Percent(bp), _) => format!("{}%", bp as f64 / 100.0),
                (CouponKind::Fixed(v), Some(cur)) => format_money(v, cur),
                (CouponKind::Fixed(v), None) => v.to_string(),
            };
            vec![
                c.code.clone(),
                amount,
                c.currency.map(|x| x.code().to_string()).unwrap_or_else(|| "any".into()),
                c.currency.filter(|_| c.minimum_minor > 0).map(|cur| format_money(c.minimum_minor, cur)).unwrap_or_default(),
                c.expires_at.map(|e| e.format("%Y-%m-%d").to_string()).unwrap_or_default(),
                match c.usage_limit {
                    Some(l) => format!("{} of {l}", c.used),
                    None => c.used.to_string(),
                },
                if c.active { "yes".into() } else { "no".into() },
            ]
        })
        .collect();
    let field = |name, label, kind| AdminField { name, label, kind, ..Default::default() };
    let sections = vec![
        Section { head: vec!["Code", "Off", "Currency", "Minimum", "Expires (end of)", "Used", "Active"], rows, ..Default::default() },
        Section {
            title: "New coupon".into(),
            form: Some(AdminForm {
                action: "/admin/coupons".into(),
                fields: vec![
                    field("coupon", "Code (letters, digits, - or _)", "text"),
                    AdminField {
                        name: "kind",
                        label: "Kind",
                        kind: "select",
                        value: "percent".into(),
                        options: vec![
                            Opt { value: "percent".into(), label: "Percent off".into() },
                            Opt { value: "fixed".into(), label: "Amount off".into() },
                        ],
                    },
                    field("value", "Percent or amount", "text"),
                    field("currency", "Currency (needed for an amount or a minimum; empty = any)", "text"),
                    field("minimum", "Minimum order (optional)", "text"),
                    field("expires", "Last day (YYYY-MM-DD, optional)", "date"),
                    field("usage_limit", "Usage limit (optional)", "number"),
                ],
                submit: "Create coupon",
                multipart: false,
            }),
            ..Default::default()
        },
        Section {
            title: "Switch a coupon on or off".into(),
            form: Some(AdminForm {
                action: "/admin/coupons/active".into(),
                fields: vec![
                    field("coupon", "Code", "text"),
                    AdminField {
                        name: "active",
                        label: "Active",
                        kind: "select",
                        value: "no".into(),
                        options: vec![Opt::same("no"), Opt::same("yes")],
                    },
                ],
                submit: "Save",
                multipart: false,
            }),
            ..Default::default()
        },
    ];
    render(state, s, "/admin/coupons", status, "Coupons", notice, errors, sections).await
}

pub(super) async fn list(State(state): State<AppState>, s: Staff<can::ManageOrders>) -> PageResult {
    page(&state, &s, StatusCode::OK, "", vec![]).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct NewCouponForm {
    csrf: String,
    coupon: String,
    kind: String,
    value: String,
    currency: String,
    minimum: String,
    expires: String,
    usage_limit: String,
}

/// Reads the form into a coupon, naming every field that is wrong.
fn read(f: &NewCouponForm) -> Result<Coupon, Vec<String>> {
    let mut errors = Vec::new();
    let currency: Option<Currency> = match f.currency.trim() {
        "" => None,
        c => match c.to_ascii_uppercase().parse() {
            Ok(c) => Some(c),
            Err(e) => {
                errors.push(format!("currency: {e}"));
                None
            }
        },
    };
    let kind = match f.kind.as_str() {
        "percent" => match f.value.trim().parse::<f64>() {
            Ok(p) if p.is_finite() && ((p * 100.0) - (p * 100.0).round()).abs() < 1e-6 => {
                Some(CouponKind::Percent((p * 100.0).round() as i64))
            }
            _ => {
                errors.push(format!("value: `{}` is not a percentage like 10 or 12.5", f.value.trim()));
                None
            }
        },
        "fixed" => match currency.and_then(|c| parse_major(&f.value, c)) {
            Some(v) => Some(CouponKind::Fixed(v)),
            None if currency.is_none() => {
                errors.push("currency: is needed for an amount off".into());
                None
            }
            None => {
                errors.push(format!("value: `{}` is not an amount", f.value.trim()));
                None
            }
        },
        _ => {
            errors.push("kind: choose percent or fixed".into());
            None
        }
    };
    let minimum = match (f.minimum.trim(), currency) {
        ("", _) => 0,
        (m, Some(c)) => parse_major(m, c).unwrap_or_else(|| {
            errors.push(format!("minimum: `{m}` is not an amount in {c}"));
            0
        }),
        (_, None) => {
            errors.push("currency: is needed for a minimum order".into());
            0
        }
    };
    let expires_at = match f.expires.trim() {
        "" => None,
        d => match NaiveDate::parse_from_str(d, "%Y-%m-%d") {
            // Valid through the whole last day (UTC).
            Ok(day) => day.succ_opt().and_then(|n| n.and_hms_opt(0, 0, 0)).map(|t| Utc.from_utc_datetime(&t)),
            Err(_) => {
                errors.push(format!("expires: `{d}` is not a date like 2026-12-31"));
                None
            }
        },
    };
    let usage_limit = match f.usage_limit.trim() {
        "" => None,
        l => match l.parse::<i64>() {
            Ok(n) => Some(n),
            Err(_) => {
                errors.push(format!("usage_limit: `{l}` is not a whole number"));
                None
            }
        },
    };
    let Some(kind) = kind else { return Err(errors) };
    let c = Coupon {
        code: f.coupon.trim().to_string(),
        kind,
        currency,
        minimum_minor: minimum,
        expires_at,
        usage_limit,
        used: 0,
        active: true,
    };
    if let Err(v) = c.validate() {
        errors.extend(v.messages());
    }
    if errors.is_empty() { Ok(c) } else { Err(errors) }
}

pub(super) async fn create(
    State(state): State<AppState>,
    s: Staff<can::ManageOrders>,
    Form { value: f, .. }: Form<NewCouponForm>,
) -> PageResult {
    let coupon = match read(&f) {
        Ok(c) => c,
        Err(errors) => return page(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, "", errors).await,
    };
    match state.store.create_coupon(&coupon).await {
        Ok(c) => {
            audit(&state, "coupon_created", Some(s.user.id), &c.code, &s.ip, json!({"kind": c.kind, "limit": c.usage_limit})).await;
            Ok(redirect("/admin/coupons", None))
        }
        Err(StoreError::Conflict { message, .. }) => page(&state, &s, StatusCode::CONFLICT, "", vec![message]).await,
        Err(StoreError::Invalid(v)) => page(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, "", v.messages()).await,
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct ActiveForm {
    csrf: String,
    coupon: String,
    active: String,
}

pub(super) async fn set_active(
    State(state): State<AppState>,
    s: Staff<can::ManageOrders>,
    Form { value: f, .. }: Form<ActiveForm>,
) -> PageResult {
    let active = match f.active.as_str() {
        "yes" => true,
        "no" => false,
        _ => return page(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, "", vec!["active: choose yes or no".into()]).await,
    };
    match state.store.set_coupon_active(&f.coupon, active).await {
        Ok(c) => {
            audit(&state, "coupon_switched", Some(s.user.id), &c.code, &s.ip, json!({"active": active})).await;
            Ok(redirect("/admin/coupons", None))
        }
        Err(StoreError::NotFound(_)) => {
            let code: String = f.coupon.chars().take(40).collect();
            page(&state, &s, StatusCode::NOT_FOUND, "", vec![format!("coupon: there is no coupon `{code}`")]).await
        }
        Err(e) => Err(e.into()),
    }
}
