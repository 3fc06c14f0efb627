//! The staff admin: server-rendered, works without JavaScript, CSRF-protected, and
//! role-checked on every route. Staff must enrol TOTP two-factor authentication before any
//! admin page opens, and prove it once per session.

use std::net::SocketAddr;

use axum::Router;
use axum::extract::{DefaultBodyLimit, OriginalUri, Path, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use baobab_domain::account::{Permission, StaffRole, normalize_email};
use baobab_domain::auth::Role;
use baobab_domain::totp;
use baobab_store::StoreError;
use baobab_store::accounts::{NewUser, TokenPurpose, User, UserKind};
use chrono::{Duration, Utc};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::AppState;
use crate::account::session::{self, Current, Peer, check_csrf, client_ip, current};
use crate::pages::{CsrfOnly, Posted, audit, finish, forbidden_csrf, redirect, status_page};
use crate::storefront::views::Chrome;
use crate::storefront::{PageError, html_type};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin", get(dashboard))
        .route("/admin/2fa/setup", get(setup_form).post(setup))
        .route("/admin/2fa", get(challenge_form).post(challenge))
        .route("/admin/products", get(products::list).post(products::create))
        .route("/admin/products/{id}", get(products::edit).post(products::update))
        .route("/admin/products/{id}/images", post(products::upload).layer(DefaultBodyLimit::max(110 * 1024 * 1024)))
        .route("/admin/orders", get(orders::list))
        .route("/admin/orders/{id}", get(orders::show))
        .route("/admin/orders/{id}/transition", post(orders::step))
        .route("/admin/coupons", get(coupons::list).post(coupons::create))
        .route("/admin/coupons/active", post(coupons::set_active))
        .route("/admin/customers", get(customers))
        .route("/admin/customers/{id}/disable", post(disable_customer))
        .route("/admin/staff", get(staff).post(add_staff))
        .route("/admin/staff/{id}/role", post(change_role))
        .route("/admin/tokens", get(tokens).post(create_token))
        .route("/admin/tokens/{id}/revoke", post(revoke_token))
        .route("/admin/audit", get(audit_log))
        .layer(DefaultBodyLimit::max(32 * 1024))
}

const TWO_FACTOR_PER_ACCOUNT: (i64, i64) = (5, 900);
const INVITE_HOURS: i64 = 24;

#[derive(Serialize)]
struct Opt {
    value: String,
    label: String,
}

impl Opt {
    fn same(v: &str) -> Opt {
        Opt { value: v.to_string(), label: v.to_string() }
    }
}

#[derive(Serialize, Default)]
struct AdminField {
    name: &'static str,
    label: &'static str,
    kind: &'static str,
    value: String,
    options: Vec<Opt>,
}

#[derive(Serialize, Default)]
struct AdminForm {
    action: String,
    fields: Vec<AdminField>,
    submit: &'static str,
    multipart: bool,
}

#[derive(Serialize, Default)]
struct Section {
    /// Rows link their first cell to this prefix + the cell (e.g. `/admin/products/`).
    link: String,
    title: String,
    text: String,
    code: String,
    head: Vec<&'static str>,
    rows: Vec<Vec<String>>,
    form: Option<AdminForm>,
}

#[derive(Serialize)]
struct NavLink {
    url: &'static str,
    label: &'static str,
    current: bool,
}

#[derive(Serialize)]
struct View {
    page: Chrome,
    nav: Vec<NavLink>,
    csrf: String,
    heading: String,
    notice: String,
    errors: Vec<String>,
    sections: Vec<Section>,
}

struct Staff {
    user: User,
    current: Current,
    ip: String,
}

/// Who may pass: a logged-in, enabled staff member; with `two_factor` also enrolled and proven
/// this session; with `need` also holding that permission. Otherwise the response to send.
async fn gate(
    state: &AppState,
    headers: &HeaderMap,
    peer: Option<SocketAddr>,
    need: Option<Permission>,
    two_factor: bool,
) -> Result<Result<Staff, Response>, PageError> {
    let current = current(state, headers).await?;
    let ip = client_ip(state, headers, peer);
    let Some(user) = current.user.clone() else {
        return Ok(Err(redirect("/account/login?next=%2Fadmin", None)));
    };
    if user.kind != UserKind::Staff {
        audit(state, "admin_denied", Some(user.id), &user.email, &ip, json!({"reason": "not staff"})).await;
        return Ok(Err(status_page(state, StatusCode::FORBIDDEN, "account", "has no staff access")));
    }
    if two_factor {
        if user.totp_enabled_at.is_none() {
            return Ok(Err(redirect("/admin/2fa/setup", None)));
        }
        if !current.session.as_ref().is_some_and(|s| s.two_factor_ok) {
            return Ok(Err(redirect("/admin/2fa", None)));
        }
    }
    if let Some(p) = need
        && !user.staff_role.is_some_and(|r| r.can(p))
    {
        audit(state, "admin_forbidden", Some(user.id), &user.email, &ip, json!({"permission": format!("{p:?}")})).await;
        return Ok(Err(status_page(state, StatusCode::FORBIDDEN, "role", "may not use this page")));
    }
    Ok(Ok(Staff { user, current, ip }))
}

const NAV: &[(&str, &str, Permission)] = &[
    ("/admin", "Dashboard", Permission::ViewDashboard),
    ("/admin/products", "Products", Permission::EditCatalog),
    ("/admin/orders", "Orders", Permission::ManageOrders),
    ("/admin/coupons", "Coupons", Permission::ManageOrders),
    ("/admin/customers", "Customers", Permission::ViewCustomers),
    ("/admin/staff", "Staff", Permission::ManageStaff),
    ("/admin/tokens", "API tokens", Permission::ManageTokens),
    ("/admin/audit", "Audit log", Permission::ViewAudit),
];

#[allow(clippy::too_many_arguments)] // one page shape, named parts
async fn render(
    state: &AppState,
    s: &Staff,
    path: &str,
    status: StatusCode,
    heading: &str,
    notice: &str,
    errors: Vec<String>,
    sections: Vec<Section>,
) -> Result<Response, PageError> {
    let cats = state.categories().await?;
    let mut page = Chrome::new(state, state.settings.default_currency, &cats, path, heading);
    page.noindex = true;
    page.description = heading.to_string();
    let role = s.user.staff_role;
    let nav = NAV
        .iter()
        .filter(|(_, _, p)| role.is_some_and(|r| r.can(*p)))
        .map(|(url, label, _)| NavLink { url, label, current: *url == path })
        .collect();
    let view =
        View { page, nav, csrf: s.current.csrf().to_string(), heading: heading.to_string(), notice: notice.to_string(), errors, sections };
    let mut res = (status, html_type(), state.templates.render("admin/page.html", &view)?).into_response();
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}

macro_rules! staff_or_return {
    ($state:expr, $headers:expr, $peer:expr, $need:expr) => {
        match gate(&$state, &$headers, $peer, $need, true).await? {
            Ok(s) => s,
            Err(res) => return Ok(res),
        }
    };
}

// ---------------------------------------------------------------- two-factor authentication

fn new_secret() -> String {
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes).expect("operating system random source");
    totp::base32_encode(&bytes)
}

fn code_form(action: &str, submit: &'static str) -> AdminForm {
    AdminForm {
        action: action.into(),
        fields: vec![AdminField { name: "code", label: "6-digit code from your authenticator app", kind: "text", ..Default::default() }],
        submit,
        multipart: false,
    }
}

async fn setup_form(State(state): State<AppState>, headers: HeaderMap, Peer(peer): Peer) -> Response {
    let r = async {
        let s = match gate(&state, &headers, peer, None, false).await? {
            Ok(s) => s,
            Err(res) => return Ok(res),
        };
        if s.user.totp_enabled_at.is_some() {
            return Ok(redirect("/admin", None));
        }
        let secret = match &s.user.totp_secret {
            Some(secret) => secret.clone(),
            None => {
                let secret = new_secret();
                state.store.set_totp(s.user.id, Some(&secret), false).await?;
                secret
            }
        };
        let uri = totp::provisioning_uri(&state.settings.shop_name, &s.user.email, &secret);
        let sections = vec![Section {
            text:
                "Add this key to an authenticator app (type it in, or open the otpauth link on your phone), then enter the code it shows."
                    .into(),
            code: secret.clone(),
            title: String::new(),
            form: Some(code_form("/admin/2fa/setup", "Turn on two-factor authentication")),
            rows: vec![vec![uri]],
            head: vec!["otpauth link"],
            link: String::new(),
        }];
        render(&state, &s, "/admin/2fa/setup", StatusCode::OK, "Set up two-factor authentication", "", vec![], sections).await
    }
    .await;
    finish(&state, r)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct CodeForm {
    csrf: String,
    code: String,
}

/// Checks a TOTP code for `user` (throttled, replay-proof). Err holds the message to show.
async fn check_code(state: &AppState, user: &User, code: &str, ip: &str) -> Result<Result<i64, String>, PageError> {
    let key = format!("2fa:acct:{}", user.id);
    if let Err(wait) = state.store.throttle(&key, TWO_FACTOR_PER_ACCOUNT.1, TWO_FACTOR_PER_ACCOUNT.0, Utc::now()).await? {
        audit(state, "2fa_throttled", Some(user.id), &user.email, ip, json!({"retry_after": wait})).await;
        return Ok(Err(format!("Too many attempts. Try again in {wait} s.")));
    }
    let Some(secret) = user.totp_secret.as_deref().and_then(totp::base32_decode) else {
        return Ok(Err("Two-factor authentication is not set up.".into()));
    };
    let now = Utc::now().timestamp().max(0) as u64;
    let Some(step) = totp::verify(&secret, code, now) else {
        audit(state, "2fa_failed", Some(user.id), &user.email, ip, json!({})).await;
        return Ok(Err("That code is not right. Check your phone's clock and try the new code.".into()));
    };
    if !state.store.use_totp_step(user.id, step as i64).await? {
        audit(state, "2fa_replayed", Some(user.id), &user.email, ip, json!({})).await;
        return Ok(Err("That code was already used. Wait for the next one.".into()));
    }
    state.store.clear_throttle(&key).await?;
    Ok(Ok(step as i64))
}

async fn setup(
    State(state): State<AppState>,
    method: Method,
    headers: HeaderMap,
    Peer(peer): Peer,
    Posted(f): Posted<CodeForm>,
) -> Response {
    let r = async {
        let s = match gate(&state, &headers, peer, None, false).await? {
            Ok(s) => s,
            Err(res) => return Ok(res),
        };
        if !check_csrf(&state, &method, &headers, &s.current, &f.csrf) {
            return Ok(forbidden_csrf(&state));
        }
        if s.user.totp_enabled_at.is_some() {
            return Ok(redirect("/admin", None));
        }
        let step = match check_code(&state, &s.user, &f.code, &s.ip).await? {
            Ok(step) => step,
            Err(msg) => {
                let section =
                    Section { form: Some(code_form("/admin/2fa/setup", "Turn on two-factor authentication")), ..Default::default() };
                return render(
                    &state,
                    &s,
                    "/admin/2fa/setup",
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "Set up two-factor authentication",
                    "",
                    vec![msg],
                    vec![section],
                )
                .await;
            }
        };
        state.store.set_totp(s.user.id, s.user.totp_secret.as_deref(), true).await?;
        // Enabling starts a fresh replay record: enter this code's step in it, so the code that
        // turned 2FA on cannot be used again on the challenge page.
        state.store.use_totp_step(s.user.id, step).await?;
        let (_, cookie) = session::start(&state, s.current.session.as_ref(), Some(s.user.id), true).await?;
        audit(&state, "2fa_enabled", Some(s.user.id), &s.user.email, &s.ip, json!({})).await;
        Ok(redirect("/admin", Some(cookie)))
    }
    .await;
    finish(&state, r)
}

async fn challenge_form(State(state): State<AppState>, headers: HeaderMap, Peer(peer): Peer) -> Response {
    let r = async {
        let s = match gate(&state, &headers, peer, None, false).await? {
            Ok(s) => s,
            Err(res) => return Ok(res),
        };
        if s.user.totp_enabled_at.is_none() {
            return Ok(redirect("/admin/2fa/setup", None));
        }
        render(
            &state,
            &s,
            "/admin/2fa",
            StatusCode::OK,
            "Two-factor authentication",
            "",
            vec![],
            vec![Section { form: Some(code_form("/admin/2fa", "Continue")), ..Default::default() }],
        )
        .await
    }
    .await;
    finish(&state, r)
}

async fn challenge(
    State(state): State<AppState>,
    method: Method,
    headers: HeaderMap,
    Peer(peer): Peer,
    Posted(f): Posted<CodeForm>,
) -> Response {
    let r = async {
        let s = match gate(&state, &headers, peer, None, false).await? {
            Ok(s) => s,
            Err(res) => return Ok(res),
        };
        if !check_csrf(&state, &method, &headers, &s.current, &f.csrf) {
            return Ok(forbidden_csrf(&state));
        }
        if let Err(msg) = check_code(&state, &s.user, &f.code, &s.ip).await? {
            return render(
                &state,
                &s,
                "/admin/2fa",
                StatusCode::UNAUTHORIZED,
                "Two-factor authentication",
                "",
                vec![msg],
                vec![Section { form: Some(code_form("/admin/2fa", "Continue")), ..Default::default() }],
            )
            .await;
        }
        let (_, cookie) = session::start(&state, s.current.session.as_ref(), Some(s.user.id), true).await?;
        audit(&state, "2fa_ok", Some(s.user.id), &s.user.email, &s.ip, json!({})).await;
        Ok(redirect("/admin", Some(cookie)))
    }
    .await;
    finish(&state, r)
}

// ---------------------------------------------------------------- pages

async fn dashboard(State(state): State<AppState>, headers: HeaderMap, Peer(peer): Peer) -> Response {
    let r = async {
        let s = staff_or_return!(state, headers, peer, Some(Permission::ViewDashboard));
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
                            let amount = p
                                .currency
                                .parse::<baobab_domain::Currency>()
                                .map(|c| baobab_domain::format_money(p.amount_minor, c))
                                .unwrap_or_else(|_| format!("{} {}", p.amount_minor, p.currency));
                            vec![p.order_id.to_string(), p.reference, p.provider, amount, p.detail]
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
    .await;
    finish(&state, r)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PageParam {
    page: Option<String>,
}

fn page_of(uri: &axum::http::Uri) -> Result<i64, PageError> {
    let p: PageParam = crate::params::query(uri)?;
    let pg = baobab_domain::query::Pagination::parse(p.page.as_deref(), Some("50"))?;
    Ok(pg.offset())
}

async fn customers(State(state): State<AppState>, headers: HeaderMap, Peer(peer): Peer, OriginalUri(uri): OriginalUri) -> Response {
    let r = async {
        let s = staff_or_return!(state, headers, peer, Some(Permission::ViewCustomers));
        let offset = page_of(&uri)?;
        let list = state.store.users(UserKind::Customer, offset, 50).await?;
        let rows = list
            .into_iter()
            .map(|u| {
                vec![
                    u.id.to_string(),
                    u.email,
                    u.name,
                    if u.email_verified_at.is_some() { "yes".into() } else { "no".into() },
                    if u.disabled_at.is_some() { "disabled".into() } else { "active".into() },
                ]
            })
            .collect();
        let sections = vec![Section { head: vec!["Id", "E-mail", "Name", "Verified", "Status"], rows, ..Default::default() }];
        render(&state, &s, "/admin/customers", StatusCode::OK, "Customers", "", vec![], sections).await
    }
    .await;
    finish(&state, r)
}

use crate::pages::path_id as id_of;

async fn disable_customer(
    State(state): State<AppState>,
    method: Method,
    headers: HeaderMap,
    Peer(peer): Peer,
    Path(raw): Path<String>,
    Posted(f): Posted<CsrfOnly>,
) -> Response {
    let r = async {
        let s = staff_or_return!(state, headers, peer, Some(Permission::EditCustomers));
        if !check_csrf(&state, &method, &headers, &s.current, &f.csrf) {
            return Ok(forbidden_csrf(&state));
        }
        let id = id_of(&raw)?;
        let target = state.store.user_by_id(id).await?.filter(|u| u.kind == UserKind::Customer).ok_or(PageError::NotFound("Customer"))?;
        state.store.disable_user(target.id).await?;
        state.store.delete_user_sessions(target.id).await?;
        audit(&state, "customer_disabled", Some(s.user.id), &target.email, &s.ip, json!({"customer_id": target.id})).await;
        Ok(redirect("/admin/customers", None))
    }
    .await;
    finish(&state, r)
}

fn role_options(value: &str) -> AdminField {
    AdminField {
        name: "role",
        label: "Role",
        kind: "select",
        value: value.into(),
        options: StaffRole::ALL.iter().map(|r| Opt::same(r.as_str())).collect(),
    }
}

async fn staff_page(state: &AppState, s: &Staff, status: StatusCode, notice: &str, errors: Vec<String>) -> Result<Response, PageError> {
    let list = state.store.users(UserKind::Staff, 0, 500).await?;
    let rows = list
        .iter()
        .map(|u| {
            vec![
                u.id.to_string(),
                u.email.clone(),
                u.staff_role.map(|r| r.as_str()).unwrap_or("-").to_string(),
                if u.totp_enabled_at.is_some() { "on".into() } else { "not yet".into() },
            ]
        })
        .collect();
    let mut sections = vec![Section { head: vec!["Id", "E-mail", "Role", "Two-factor"], rows, ..Default::default() }];
    sections.push(Section {
        title: "Add a staff member".into(),
        text: "They receive an e-mail with a link to choose a password, then set up two-factor authentication.".into(),
        form: Some(AdminForm {
            action: "/admin/staff".into(),
            fields: vec![AdminField { name: "email", label: "E-mail", kind: "email", ..Default::default() }, role_options("support")],
            submit: "Invite",
            multipart: false,
        }),
        ..Default::default()
    });
    for u in list.iter().filter(|u| u.id != s.user.id) {
        sections.push(Section {
            title: format!("Role of {}", u.email),
            form: Some(AdminForm {
                action: format!("/admin/staff/{}/role", u.id),
                fields: vec![role_options(u.staff_role.map(|r| r.as_str()).unwrap_or("support"))],
                submit: "Change role",
                multipart: false,
            }),
            ..Default::default()
        });
    }
    render(state, s, "/admin/staff", status, "Staff", notice, errors, sections).await
}

async fn staff(State(state): State<AppState>, headers: HeaderMap, Peer(peer): Peer) -> Response {
    let r = async {
        let s = staff_or_return!(state, headers, peer, Some(Permission::ManageStaff));
        staff_page(&state, &s, StatusCode::OK, "", vec![]).await
    }
    .await;
    finish(&state, r)
}

/// Creates a staff account with an unusable password and e-mails a link to choose one.
/// Returns the link (the CLI prints it; the admin only mails it).
pub async fn invite_staff(state: &AppState, email: &str, role: StaffRole, name: &str) -> Result<(User, String), StoreError> {
    let email = normalize_email("email", email)?;
    let mut random = [0u8; 32];
    getrandom::fill(&mut random).expect("operating system random source");
    let unusable = session::hash_password(crate::auth::hex(&random)).await?;
    let user = state
        .store
        .create_user(&NewUser { email, password_hash: unusable, kind: UserKind::Staff, staff_role: Some(role), name: name.to_string() })
        .await?;
    let (token, hash) = session::link_token();
    state.store.create_account_token(&hash, user.id, TokenPurpose::ResetPassword, Utc::now() + Duration::hours(INVITE_HOURS)).await?;
    let link = format!("{}/account/reset?token={token}", state.settings.public_url);
    let body = format!(
        "You have been given {} access to the {} admin.\n\nChoose your password within {INVITE_HOURS} hours:\n\n{link}\n\nThen log in at {}/admin and set up two-factor authentication with an authenticator app.",
        role.as_str(),
        state.settings.shop_name,
        state.settings.public_url
    );
    state.store.enqueue_email(&user.email, &format!("Your {} staff account", state.settings.shop_name), &body).await?;
    Ok((user, link))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct StaffForm {
    csrf: String,
    email: String,
    role: String,
}

async fn add_staff(
    State(state): State<AppState>,
    method: Method,
    headers: HeaderMap,
    Peer(peer): Peer,
    Posted(f): Posted<StaffForm>,
) -> Response {
    let r = async {
        let s = staff_or_return!(state, headers, peer, Some(Permission::ManageStaff));
        if !check_csrf(&state, &method, &headers, &s.current, &f.csrf) {
            return Ok(forbidden_csrf(&state));
        }
        let role = match StaffRole::parse(&f.role) {
            Ok(r) => r,
            Err(e) => return staff_page(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, "", vec![format!("role: {e}")]).await,
        };
        match invite_staff(&state, &f.email, role, "").await {
            Ok((u, _)) => {
                audit(&state, "staff_added", Some(s.user.id), &u.email, &s.ip, json!({"role": role.as_str()})).await;
                staff_page(&state, &s, StatusCode::OK, &format!("Invited {}.", u.email), vec![]).await
            }
            Err(StoreError::Invalid(v)) => staff_page(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, "", vec![v.to_string()]).await,
            Err(StoreError::Conflict { .. }) => {
                staff_page(&state, &s, StatusCode::CONFLICT, "", vec!["email: an account with this address exists".into()]).await
            }
            Err(e) => Err(e.into()),
        }
    }
    .await;
    finish(&state, r)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RoleForm {
    csrf: String,
    role: String,
}

async fn change_role(
    State(state): State<AppState>,
    method: Method,
    headers: HeaderMap,
    Peer(peer): Peer,
    Path(raw): Path<String>,
    Posted(f): Posted<RoleForm>,
) -> Response {
    let r = async {
        let s = staff_or_return!(state, headers, peer, Some(Permission::ManageStaff));
        if !check_csrf(&state, &method, &headers, &s.current, &f.csrf) {
            return Ok(forbidden_csrf(&state));
        }
        let id = id_of(&raw)?;
        let role = match StaffRole::parse(&f.role) {
            Ok(r) => r,
            Err(e) => return staff_page(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, "", vec![format!("role: {e}")]).await,
        };
        if id == s.user.id {
            return staff_page(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, "", vec!["role: you cannot change your own role".into()])
                .await;
        }
        let target = state.store.user_by_id(id).await?.filter(|u| u.kind == UserKind::Staff).ok_or(PageError::NotFound("Staff member"))?;
        state.store.set_staff_role(id, role).await?;
        // A privilege change ends the member's sessions: they log in again under the new role.
        state.store.delete_user_sessions(id).await?;
        audit(
            &state,
            "staff_role_changed",
            Some(s.user.id),
            &target.email,
            &s.ip,
            json!({"from": target.staff_role.map(|r| r.as_str()), "to": role.as_str()}),
        )
        .await;
        staff_page(&state, &s, StatusCode::OK, &format!("{} is now {}.", target.email, role.as_str()), vec![]).await
    }
    .await;
    finish(&state, r)
}

async fn tokens_page(
    state: &AppState,
    s: &Staff,
    status: StatusCode,
    notice: &str,
    code: &str,
    errors: Vec<String>,
) -> Result<Response, PageError> {
    let list = state.store.tokens().await?;
    let rows = list
        .iter()
        .map(|t| {
            vec![
                t.id.to_string(),
                t.name.clone(),
                t.role.to_string(),
                t.created_at.format("%Y-%m-%d").to_string(),
                t.revoked_at.map(|d| format!("revoked {}", d.format("%Y-%m-%d"))).unwrap_or_else(|| "live".into()),
            ]
        })
        .collect();
    let mut sections = vec![];
    if !code.is_empty() {
        sections
            .push(Section { title: "New token — copy it now, it is not shown again".into(), code: code.into(), ..Default::default() });
    }
    sections.push(Section { head: vec!["Id", "Name", "Role", "Created", "Status"], rows, ..Default::default() });
    sections.push(Section {
        title: "Create a token".into(),
        form: Some(AdminForm {
            action: "/admin/tokens".into(),
            fields: vec![
                AdminField { name: "name", label: "Name (who uses it)", kind: "text", ..Default::default() },
                AdminField {
                    name: "role",
                    label: "Role",
                    kind: "select",
                    value: "catalog".into(),
                    options: Role::ALL.iter().map(|r| Opt::same(r.as_str())).collect(),
                },
            ],
            submit: "Create",
            multipart: false,
        }),
        ..Default::default()
    });
    for t in list.iter().filter(|t| t.revoked_at.is_none()) {
        sections.push(Section {
            title: format!("Revoke “{}”", t.name),
            form: Some(AdminForm { action: format!("/admin/tokens/{}/revoke", t.id), fields: vec![], submit: "Revoke", multipart: false }),
            ..Default::default()
        });
    }
    render(state, s, "/admin/tokens", status, "API tokens", notice, errors, sections).await
}

async fn tokens(State(state): State<AppState>, headers: HeaderMap, Peer(peer): Peer) -> Response {
    let r = async {
        let s = staff_or_return!(state, headers, peer, Some(Permission::ManageTokens));
        tokens_page(&state, &s, StatusCode::OK, "", "", vec![]).await
    }
    .await;
    finish(&state, r)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct TokenForm {
    csrf: String,
    name: String,
    role: String,
}

async fn create_token(
    State(state): State<AppState>,
    method: Method,
    headers: HeaderMap,
    Peer(peer): Peer,
    Posted(f): Posted<TokenForm>,
) -> Response {
    let r = async {
        let s = staff_or_return!(state, headers, peer, Some(Permission::ManageTokens));
        if !check_csrf(&state, &method, &headers, &s.current, &f.csrf) {
            return Ok(forbidden_csrf(&state));
        }
        let role: Role = match f.role.parse() {
            Ok(r) => r,
            Err(e) => return tokens_page(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, "", "", vec![format!("role: {e}")]).await,
        };
        let (secret, hash) = crate::auth::generate_token();
        match state.store.create_token(&f.name, role, &hash).await {
            Ok(t) => {
                audit(&state, "api_token_created", Some(s.user.id), &t.name, &s.ip, json!({"token_id": t.id, "role": role.as_str()})).await;
                tokens_page(&state, &s, StatusCode::OK, "", &secret, vec![]).await
            }
            Err(StoreError::Invalid(v)) => tokens_page(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, "", "", vec![v.to_string()]).await,
            Err(e) => Err(e.into()),
        }
    }
    .await;
    finish(&state, r)
}

async fn revoke_token(
    State(state): State<AppState>,
    method: Method,
    headers: HeaderMap,
    Peer(peer): Peer,
    Path(raw): Path<String>,
    Posted(f): Posted<CsrfOnly>,
) -> Response {
    let r = async {
        let s = staff_or_return!(state, headers, peer, Some(Permission::ManageTokens));
        if !check_csrf(&state, &method, &headers, &s.current, &f.csrf) {
            return Ok(forbidden_csrf(&state));
        }
        let id = id_of(&raw)?;
        if !state.store.revoke_token(id).await? {
            return Err(PageError::NotFound("Token"));
        }
        audit(&state, "api_token_revoked", Some(s.user.id), &id.to_string(), &s.ip, json!({"token_id": id})).await;
        tokens_page(&state, &s, StatusCode::OK, "Token revoked.", "", vec![]).await
    }
    .await;
    finish(&state, r)
}

async fn audit_log(State(state): State<AppState>, headers: HeaderMap, Peer(peer): Peer, OriginalUri(uri): OriginalUri) -> Response {
    let r = async {
        let s = staff_or_return!(state, headers, peer, Some(Permission::ViewAudit));
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
    .await;
    finish(&state, r)
}

// After the macro above, which they use.
mod coupons;
mod orders;
mod products;
