//! Who may open an admin page: the `Staff<P>` extractor. A handler names the permission it
//! needs as a type (`Staff<can::ManageOrders>`), and its body runs only for a signed-in, enabled
//! staff member whose role has that permission and who has proven two-factor this session.
//! Anyone else gets the login page, the 2FA set-up or challenge, or a 403 (audited).

use std::marker::PhantomData;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use baobab_domain::account::Permission;
use baobab_domain::user::{User, UserKind};
use serde_json::json;

use super::words;
use crate::AppState;
use crate::account::session::Current;
use crate::page::{PageError, Visitor, audit, redirect};

/// What a page requires of its staff member.
pub trait Need: Send + Sync + 'static {
    /// The permission the role must have (None: any staff member).
    const PERMISSION: Option<Permission>;
    /// Whether two-factor must be enrolled and proven this session (false only on the 2FA
    /// pages themselves).
    const TWO_FACTOR: bool = true;
}

/// The permissions, as types for `Staff<P>`.
pub mod can {
    use super::{Need, Permission};

    macro_rules! needs {
        ($($name:ident),*) => {$(
            pub struct $name;
            impl Need for $name {
                const PERMISSION: Option<Permission> = Some(Permission::$name);
            }
        )*};
    }
    needs!(ViewDashboard, EditCatalog, ManageOrders, ViewCustomers, EditCustomers, ManageStaff, ManageTokens, ViewAudit);

    /// The two-factor pages: any staff member, before two-factor is proven.
    pub struct Enrol;
    impl Need for Enrol {
        const PERMISSION: Option<Permission> = None;
        const TWO_FACTOR: bool = false;
    }
}

/// A staff member who passed the checks, with their session and IP.
pub struct Member {
    pub user: User,
    pub current: Current,
    pub ip: String,
    /// The page asked for with GET (path and query, without a language prefix); None for a post.
    pub here: Option<String>,
}

/// A staff member allowed on a page that needs `P`.
pub struct Staff<P: Need> {
    member: Member,
    _need: PhantomData<P>,
}

impl<P: Need> std::ops::Deref for Staff<P> {
    type Target = Member;
    fn deref(&self) -> &Member {
        &self.member
    }
}

impl<P: Need> FromRequestParts<AppState> for Staff<P> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let Visitor { current, ip } = Visitor::from_request_parts(parts, state).await.map_err(IntoResponse::into_response)?;
        let Some(user) = current.user.clone() else {
            return Err(redirect("/account/login?next=%2Fadmin", None));
        };
        if user.kind != UserKind::Staff {
            audit(state, "admin_denied", Some(user.id), &user.email, &ip, json!({"reason": "not staff"})).await;
            let why = words::t(state, "admin-denied-not-staff");
            return Err(PageError::status(StatusCode::FORBIDDEN, &words::field(state, "account"), &why).into_response());
        }
        if P::TWO_FACTOR {
            if user.totp_enabled_at.is_none() {
                return Err(redirect("/admin/2fa/setup", None));
            }
            if !current.session.as_ref().is_some_and(|s| s.two_factor_ok) {
                return Err(redirect("/admin/2fa", None));
            }
        }
        if let Some(p) = P::PERMISSION
            && !user.staff_role.is_some_and(|r| r.can(p))
        {
            audit(state, "admin_forbidden", Some(user.id), &user.email, &ip, json!({"permission": format!("{p:?}")})).await;
            let why = words::t(state, "admin-denied-role");
            return Err(PageError::status(StatusCode::FORBIDDEN, &words::field(state, "role"), &why).into_response());
        }
        let reading = parts.method == Method::GET || parts.method == Method::HEAD;
        let here = reading.then(|| parts.uri.path_and_query().map_or_else(|| parts.uri.path().to_string(), |p| p.to_string()));
        Ok(Staff { member: Member { user, current, ip, here }, _need: PhantomData })
    }
}
