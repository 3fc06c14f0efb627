//! Coupons in the admin (order managers and owners): list them with their use, create
//! percentage or fixed-amount coupons with a minimum, expiry and usage limit, switch them off.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use baobab_domain::Currency;
use baobab_domain::money::parse_major;
use baobab_domain::order::{Coupon, CouponKind};
use baobab_store::StoreError;
use chrono::{NaiveDate, TimeZone, Utc};
use serde::Deserialize;
use serde_json::json;

use super::access::{Staff, can};
use super::words::{self, count_of, day, heads, money, shown, t, ta};
use super::{AdminField, AdminForm, Member, Opt, Section, render};
use crate::AppState;
use crate::page::{Form, PageError, PageResult, audit, redirect};

async fn page(state: &AppState, s: &Member, status: StatusCode, notice: &str, errors: Vec<String>) -> Result<Response, PageError> {
    let coupons = state.store.coupons().await?;
    let rows = coupons
        .iter()
        .map(|c| {
            let amount = match (c.kind, c.currency) {
                (CouponKind::Percent(bp), _) => {
                    let value = if bp % 100 == 0 { count_of(bp / 100) } else { (bp as f64 / 100.0).to_string() };
                    ta(state, "admin-coupon-percent-off", &[("value", value.into())])
                }
                (CouponKind::Fixed(v), Some(cur)) => money(v, cur),
                (CouponKind::Fixed(v), None) => count_of(v),
            };
            vec![
                c.code.clone(),
                amount,
                c.currency.map(|x| x.code().to_string()).unwrap_or_else(|| t(state, "admin-coupon-any")),
                c.currency.filter(|_| c.minimum_minor > 0).map(|cur| money(c.minimum_minor, cur)).unwrap_or_default(),
                // valid through the day before the moment it ends
                c.expires_at.map(|e| day(e - chrono::Duration::seconds(1))).unwrap_or_default(),
                match c.usage_limit {
                    Some(l) => ta(state, "admin-coupon-used-of", &[("used", count_of(c.used).into()), ("limit", count_of(l).into())]),
                    None => count_of(c.used),
                },
                words::yes_no(state, c.active),
            ]
        })
        .collect();
    let field = |name, key, kind| AdminField { name, label: t(state, key), kind, ..Default::default() };
    let choice = |value: &str, key| Opt { value: value.into(), label: t(state, key) };
    let head = [
        "admin-col-code",
        "admin-col-off",
        "admin-col-currency",
        "admin-col-minimum",
        "admin-col-last-day",
        "admin-col-used",
        "admin-col-active",
    ];
    let sections = vec![
        Section { head: heads(state, &head), rows, ..Default::default() },
        Section {
            title: t(state, "admin-coupon-new"),
            form: Some(AdminForm {
                action: "/admin/coupons".into(),
                fields: vec![
                    field("coupon", "admin-label-coupon-code", "text"),
                    AdminField {
                        name: "kind",
                        label: t(state, "admin-label-kind"),
                        kind: "select",
                        value: "percent".into(),
                        options: vec![choice("percent", "admin-coupon-kind-percent"), choice("fixed", "admin-coupon-kind-fixed")],
                    },
                    field("value", "admin-label-value", "text"),
                    field("currency", "admin-label-coupon-currency", "text"),
                    field("minimum", "admin-label-minimum", "text"),
                    field("expires", "admin-label-expires", "date"),
                    field("usage_limit", "admin-label-usage-limit", "number"),
                ],
                submit: t(state, "admin-coupon-create"),
                multipart: false,
            }),
            ..Default::default()
        },
        Section {
            title: t(state, "admin-coupon-switch"),
            form: Some(AdminForm {
                action: "/admin/coupons/active".into(),
                fields: vec![
                    field("coupon", "admin-label-code", "text"),
                    AdminField {
                        name: "active",
                        label: t(state, "admin-label-active"),
                        kind: "select",
                        value: "no".into(),
                        options: vec![choice("no", "admin-no"), choice("yes", "admin-yes")],
                    },
                ],
                submit: t(state, "admin-save"),
                multipart: false,
            }),
            ..Default::default()
        },
    ];
    render(state, s, "/admin/coupons", status, &t(state, "admin-nav-coupons"), notice, errors, sections).await
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
fn read(state: &AppState, f: &NewCouponForm) -> Result<Coupon, Vec<String>> {
    let mut errors = Vec::new();
    let currency: Option<Currency> = match f.currency.trim() {
        "" => None,
        c => match c.to_ascii_uppercase().parse() {
            Ok(c) => Some(c),
            Err(e) => {
                errors.push(words::currency_error(state, &e));
                None
            }
        },
    };
    let value = || shown(&f.value, 20).into();
    let kind = match f.kind.as_str() {
        "percent" => match f.value.trim().parse::<f64>() {
            Ok(p) if p.is_finite() && ((p * 100.0) - (p * 100.0).round()).abs() < 1e-6 => {
                Some(CouponKind::Percent((p * 100.0).round() as i64))
            }
            _ => {
                errors.push(ta(state, "admin-error-percent", &[("value", value())]));
                None
            }
        },
        "fixed" => match currency.and_then(|c| parse_major(&f.value, c)) {
            Some(v) => Some(CouponKind::Fixed(v)),
            None if currency.is_none() => {
                errors.push(t(state, "admin-error-currency-for-amount"));
                None
            }
            None => {
                errors.push(ta(state, "admin-error-value-amount", &[("value", value())]));
                None
            }
        },
        _ => {
            errors.push(t(state, "admin-error-kind"));
            None
        }
    };
    let minimum = match (f.minimum.trim(), currency) {
        ("", _) => 0,
        (m, Some(c)) => parse_major(m, c).unwrap_or_else(|| {
            errors.push(ta(state, "admin-error-minimum", &[("value", shown(m, 20).into()), ("currency", c.code().into())]));
            0
        }),
        (_, None) => {
            errors.push(t(state, "admin-error-currency-for-minimum"));
            0
        }
    };
    let expires_at = match f.expires.trim() {
        "" => None,
        d => match NaiveDate::parse_from_str(d, "%Y-%m-%d") {
            // Valid through the whole last day (UTC).
            Ok(day) => day.succ_opt().and_then(|n| n.and_hms_opt(0, 0, 0)).map(|t| Utc.from_utc_datetime(&t)),
            Err(_) => {
                errors.push(ta(state, "admin-error-expires", &[("value", shown(d, 20).into())]));
                None
            }
        },
    };
    let usage_limit = match f.usage_limit.trim() {
        "" => None,
        l => match l.parse::<i64>() {
            Ok(n) => Some(n),
            Err(_) => {
                errors.push(ta(state, "admin-error-usage-limit", &[("value", shown(l, 20).into())]));
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
        errors.extend(words::problems(state, &v));
    }
    if errors.is_empty() { Ok(c) } else { Err(errors) }
}

pub(super) async fn create(
    State(state): State<AppState>,
    s: Staff<can::ManageOrders>,
    Form { value: f, .. }: Form<NewCouponForm>,
) -> PageResult {
    let coupon = match read(&state, &f) {
        Ok(c) => c,
        Err(errors) => return page(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, "", errors).await,
    };
    match state.store.create_coupon(&coupon).await {
        Ok(c) => {
            audit(&state, "coupon_created", Some(s.user.id), &c.code, &s.ip, json!({"kind": c.kind, "limit": c.usage_limit})).await;
            Ok(redirect("/admin/coupons", None))
        }
        Err(StoreError::Conflict { field, message }) => {
            page(&state, &s, StatusCode::CONFLICT, "", vec![words::problem(&state, field, &message)]).await
        }
        Err(StoreError::Invalid(v)) => page(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, "", words::problems(&state, &v)).await,
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
        _ => return page(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, "", vec![t(&state, "admin-error-active")]).await,
    };
    match state.store.set_coupon_active(&f.coupon, active).await {
        Ok(c) => {
            audit(&state, "coupon_switched", Some(s.user.id), &c.code, &s.ip, json!({"active": active})).await;
            Ok(redirect("/admin/coupons", None))
        }
        Err(StoreError::NotFound(_)) => {
            let error = ta(&state, "admin-error-no-coupon", &[("code", shown(&f.coupon, 40).into())]);
            page(&state, &s, StatusCode::NOT_FOUND, "", vec![error]).await
        }
        Err(e) => Err(e.into()),
    }
}
