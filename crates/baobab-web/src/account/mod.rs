//! Customer accounts: register, confirm the e-mail address, log in and out, reset a forgotten
//! password, edit the profile and addresses, see orders. Server-rendered forms that work
//! without JavaScript, each protected by a CSRF token and an Origin check, with throttling by
//! account and by client IP, and every security event in the audit log.

mod addresses;
mod forms;
mod home;
mod login;
pub mod outbox;
mod register;
mod reset;
pub mod session;

use axum::Router;
use axum::extract::{DefaultBodyLimit, OriginalUri, Path, State};
use axum::http::{HeaderValue, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use baobab_domain::ValidationError;
use baobab_domain::account::{Address, check_password, normalize_email, normalize_phone};
use baobab_domain::user::{NewUser, User, UserKind};
use baobab_store::StoreError;
use baobab_store::accounts::TokenPurpose;
use chrono::{Duration, Utc};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::AppState;
use crate::cart::in_language;
use crate::page::problems;
use crate::page::{CsrfOnly, Customer, Form, PageError, PageResult, Visitor, audit, private_page, redirect};
use crate::storefront::safe_back;
use crate::storefront::views::Chrome;
use forms::{Ctx, FormPage, field, render_form, throttled};
use session::Current;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/account", get(home::show))
        .route("/account/register", get(register::form).post(register::submit))
        .route("/account/login", get(login::form).post(login::submit))
        .route("/account/logout", post(login::logout))
        .route("/account/verify", get(reset::verify))
        .route("/account/forgot", get(reset::forgot_form).post(reset::forgot))
        .route("/account/reset", get(reset::reset_form).post(reset::reset))
        .route("/account/profile", post(home::profile))
        .route("/account/addresses", post(addresses::add))
        .route("/account/addresses/{id}", post(addresses::update))
        .route("/account/addresses/{id}/delete", post(addresses::delete))
        .layer(DefaultBodyLimit::max(32 * 1024))
}

/// Throttling rules: (attempts, window in seconds).
///
/// Logins are limited per (account, client IP) pair and per IP, never per account alone: a
/// hard per-account limit would let anyone lock the owner out by guessing wrong on purpose.
/// Failures against one account from all IPs together slow every further try down instead
/// (a delay that doubles past `LOGIN_SLOWDOWN_AFTER`, at most `LOGIN_MAX_DELAY_MS`): the owner
/// still gets in from a new address, and a guesser spread over many addresses gets few tries.
const LOGIN_PER_ACCOUNT_AND_IP: (i64, i64) = (5, 900);
const LOGIN_PER_IP: (i64, i64) = (30, 900);
const LOGIN_FAILURES_WINDOW: i64 = 900;
const LOGIN_SLOWDOWN_AFTER: i64 = 10;
const LOGIN_MAX_DELAY_MS: u64 = 4000;
const REGISTER_PER_IP: (i64, i64) = (10, 3600);
const RESET_PER_IP: (i64, i64) = (10, 3600);
const RESET_PER_ACCOUNT: (i64, i64) = (3, 3600);
const VERIFY_HOURS: i64 = 48;
const RESET_MINUTES: i64 = 60;
