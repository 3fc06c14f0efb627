//! The account page: profile, addresses and orders.

use super::*;

#[derive(Serialize)]
struct AddressField {
    name: &'static str,
    label: &'static str,
    required: bool,
}

const ADDRESS_FIELDS: &[(&str, &str, bool)] = &[
    ("name", "Recipient", true),
    ("line1", "Street, building or landmark", true),
    ("line2", "More directions (optional)", false),
    ("city", "Town or city", true),
    ("region", "State, county or region (optional)", false),
    ("postcode", "Postcode (if any)", false),
    ("country", "Country code (e.g. NG, KE, ZA)", true),
    ("phone", "Phone for the courier (+country code)", true),
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
    let cats = state.categories().await?;
    let mut page = Chrome::new(state, state.settings.default_currency, &cats, "/account", "Your account");
    page.noindex = true;
    page.description = "Your account".into();
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
            let cur: baobab_domain::Currency = o.currency;
            json!({"id": o.id, "number": crate::checkout::order_number(o.id), "status": o.status.as_str().replace('_', " "), "total": baobab_domain::format_money(o.totals.total, cur)})
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
        address_fields: ADDRESS_FIELDS.iter().map(|(name, label, required)| AddressField { name, label, required: *required }).collect(),
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
        normalize_phone("phone", &f.phone).map_err(|e| errors.push(e.to_string())).ok()
    };
    if f.name.chars().count() > 120 || f.name.chars().any(char::is_control) {
        errors.push("name: must be at most 120 characters, without control characters".into());
    }
    match phone.filter(|_| errors.is_empty()) {
        Some(phone) => {
            state.store.set_profile(user.id, f.name.trim(), &phone).await?;
            audit(&state, "profile_changed", Some(user.id), &user.email, &c.ip, json!({})).await;
            let user = state.store.user_by_id(user.id).await?.unwrap_or(user);
            render_home(&state, &c, &user, StatusCode::OK, "Saved.", vec![]).await
        }
        None => render_home(&state, &c, &user, StatusCode::UNPROCESSABLE_ENTITY, "", errors).await,
    }
}
