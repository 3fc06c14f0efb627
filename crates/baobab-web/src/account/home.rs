//! The account page: profile, addresses and orders.

use super::*;

#[derive(Serialize)]
struct AddressField {
    name: &'static str,
    label: String,
    required: bool,
}

/// An address's fields: (name, label's message, required).
const ADDRESS_FIELDS: &[(&str, &str, bool)] = &[
    ("name", "address-name", true),
    ("line1", "address-line1", true),
    ("line2", "address-line2", false),
    ("city", "address-city", true),
    ("region", "address-region", false),
    ("postcode", "address-postcode", false),
    ("country", "address-country", true),
    ("phone", "address-phone", true),
];

#[derive(Serialize)]
struct HomeView {
    page: Chrome,
    csrf: String,
    email: String,
    name: String,
    phone: String,
    verified: bool,
    notice: String,
    errors: Vec<String>,
    addresses: Vec<serde_json::Value>,
    address_fields: Vec<AddressField>,
    orders: Vec<serde_json::Value>,
}

pub(super) async fn render_home(
    state: &AppState,
    c: &Ctx,
    user: &User,
    status: StatusCode,
    notice: &str,
    errors: Vec<String>,
) -> Result<Response, PageError> {
    let cats = crate::storefront::page_categories(state).await?;
    let title = state.t("account-title", &[]);
    let mut page = Chrome::new(state, state.settings.default_currency, &cats, "/account", &title);
    page.noindex = true;
    page.description = title;
    let lang = crate::i18n::current().map(|l| l.code.to_string()).unwrap_or_else(|| state.i18n.default_code().to_string());
    let addresses = state
        .store
        .addresses(user.id)
        .await?
        .into_iter()
        .map(|a| {
            let mut v = serde_json::to_value(&a.fields).unwrap_or_default();
            v["id"] = json!(a.id);
            v
        })
        .collect();
    let orders = state
        .store
        .orders_of_user(user.id)
        .await?
        .into_iter()
        .map(|o| {
            json!({
                "id": o.id,
                "number": crate::checkout::order_number(o.id),
                "date": baobab_locale::format_date(o.created_at, &lang),
                "status": crate::checkout::status_label(state, o.status),
                "total": crate::i18n::money(o.totals.total, o.currency),
            })
        })
        .collect();
    let view = HomeView {
        orders,
        page,
        csrf: c.current.csrf().to_string(),
        email: user.email.clone(),
        name: user.name.clone(),
        phone: user.phone.clone(),
        verified: user.email_verified_at.is_some(),
        notice: notice.to_string(),
        errors,
        addresses,
        address_fields: ADDRESS_FIELDS
            .iter()
            .map(|(name, label, required)| AddressField { name, label: state.t(label, &[]), required: *required })
            .collect(),
    };
    Ok(private_page(status, state.templates.render("account/home.html", &view)?, c.cookie.clone()))
}

pub(super) async fn show(State(state): State<AppState>, me: Customer) -> PageResult {
    render_home(&state, &Ctx::from(me.visitor), &me.user, StatusCode::OK, "", vec![]).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct ProfileForm {
    name: String,
    phone: String,
}

pub(super) async fn profile(State(state): State<AppState>, me: Customer, Form { value: f, .. }: Form<ProfileForm>) -> PageResult {
    let (c, user) = (Ctx::from(me.visitor), me.user);
    let mut errors = Vec::new();
    let phone = if f.phone.trim().is_empty() {
        Some(String::new())
    } else {
        normalize_phone("phone", &f.phone).map_err(|e| errors.extend(problems::lines(&state, &e))).ok()
    };
    if f.name.chars().count() > 120 || f.name.chars().any(char::is_control) {
        errors.push(problems::say(&state, "name", "problem-name", &[("max", 120i64.into())]));
    }
    match phone.filter(|_| errors.is_empty()) {
        Some(phone) => {
            state.store.set_profile(user.id, f.name.trim(), &phone).await?;
            audit(&state, "profile_changed", Some(user.id), &user.email, &c.ip, json!({})).await;
            let user = state.store.user_by_id(user.id).await?.unwrap_or(user);
            render_home(&state, &c, &user, StatusCode::OK, &state.t("account-saved", &[]), vec![]).await
        }
        None => render_home(&state, &c, &user, StatusCode::UNPROCESSABLE_ENTITY, "", errors).await,
    }
}
