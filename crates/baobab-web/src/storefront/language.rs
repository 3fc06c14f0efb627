//! The shopper's explicit choice of language: the language menu in the page header (a plain
//! GET form, no JavaScript) keeps it in a cookie and goes to the same page in that language.

use axum::extract::{OriginalUri, State};
use baobab_domain::ValidationError;
use serde::Deserialize;

use super::{redirect_with_cookie, safe_back};
use crate::AppState;
use crate::i18n::{LANG_COOKIE, Lang, split_prefix};
use crate::page::PageResult;
use crate::params::query;

#[derive(Deserialize)]
pub(super) struct LanguageParams {
    code: Option<String>,
    back: Option<String>,
}

/// `/language?code=fr&back=/p/x`: sets the `lang` cookie and redirects to `/fr/p/x` (the default
/// language's pages have no prefix). `back` may carry a prefix already; it is replaced. The
/// admin has no language prefix (each staff member's cookie decides): `back=/admin/…` stays as
/// it is.
pub(super) async fn set_language(State(state): State<AppState>, OriginalUri(uri): OriginalUri) -> PageResult {
    let p: LanguageParams = query(&uri)?;
    let i18n = &state.i18n;
    let code = p.code.unwrap_or_default();
    let lang = i18n.get(&code).ok_or_else(|| {
        let valid: Vec<&str> = i18n.languages().iter().map(|l| l.code.as_str()).collect();
        ValidationError::new("code", format!("must be one of {}", valid.join(", ")))
    })?;
    let back = safe_back(p.back);
    let bare = split_prefix(&back, i18n.languages().iter().map(|l| l.code.as_str())).map_or(back.as_str(), |(_, rest)| rest);
    let admin = bare == "/admin" || bare.starts_with("/admin/") || bare.starts_with("/admin?");
    let prefix = if admin { "".into() } else { Lang::new(&lang.code, i18n.default_code()).prefix };
    let to = format!("{prefix}{bare}");
    let secure = crate::account::session::secure_attr(&state);
    let cookie = format!("{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax{secure}", lang.code);
    redirect_with_cookie(&to, &cookie)
}
