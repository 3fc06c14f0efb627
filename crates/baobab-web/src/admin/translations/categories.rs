//! One category in every language of the shop, as `items` does products: a form per language
//! beside the default language's content, save and remove; a write forgets the cached category
//! tree and translations, which every page's header reads.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use baobab_domain::ValidationError;
use baobab_domain::catalog::{Category, MAX_DESCRIPTION_LEN, MAX_NAME_LEN};
use baobab_domain::slug::MAX_SLUG_LEN;
use baobab_domain::translation::CategoryTranslation;
use baobab_store::StoreError;
use serde_json::json;

use super::items::{Fields, Row, Said, blank, item_page, lang_form, lines, row, shown, tell, value};
use super::{HOME, offered, others};
use crate::AppState;
use crate::admin::access::{Member, Staff, can};
use crate::admin::words::{t, ta};
use crate::admin::{id_of, missing};
use crate::i18n::Language;
use crate::page::{Form, PageResult, audit};

fn category_form(f: &Fields) -> CategoryTranslation {
    let text = |name| value(f, name).map(String::from);
    CategoryTranslation { name: text("name"), description: text("description"), slug: text("slug") }
}

async fn category_page(
    state: &AppState,
    s: &Member,
    id: i64,
    status: StatusCode,
    said: Option<Said<'_, CategoryTranslation>>,
) -> PageResult {
    let cats = state.categories().await?;
    let Some(c) = cats.iter().find(|c| c.id == id) else {
        return missing(state, s, HOME, "content-missing-category").await;
    };
    let translations = state.store.category_translations(id).await?;
    let base = format!("{HOME}/categories/{id}");
    let forms = others(state)
        .map(|lang| {
            let stored = translations.get(&lang.code);
            let missing = super::category_missing(!c.description.is_empty(), stored);
            let mut form = lang_form(state, lang, &base, stored.is_some(), missing, category_rows(state, c, shown(&said, lang, stored)));
            tell(&mut form, &said);
            form
        })
        .collect();
    let heading = ta(state, "content-category-heading", &[("name", c.name.clone().into())]);
    item_page(state, s, &base, status, &heading, vec![], forms).await
}

fn category_rows(state: &AppState, c: &Category, t_: Option<&CategoryTranslation>) -> Vec<Row> {
    let get = |f: fn(&CategoryTranslation) -> &Option<String>| t_.and_then(|x| f(x).as_deref());
    vec![
        row(t(state, "content-field-name"), "name".into(), "text", &c.name, get(|x| &x.name), MAX_NAME_LEN),
        row(
            t(state, "admin-label-description"),
            "description".into(),
            "textarea",
            &c.description,
            get(|x| &x.description),
            MAX_DESCRIPTION_LEN,
        ),
        row(t(state, "content-field-slug"), "slug".into(), "slug", &c.slug, get(|x| &x.slug), MAX_SLUG_LEN),
    ]
}

pub(super) async fn category(State(state): State<AppState>, s: Staff<can::EditCatalog>, Path(raw): Path<String>) -> PageResult {
    category_page(&state, &s, id_of(&raw)?, StatusCode::OK, None).await
}

/// After a write: the caches of the category tree and of its translations are stale.
fn categories_changed(state: &AppState) {
    state.catalog_changed();
    crate::storefront::forget_category_translations(state);
}

pub(super) async fn save_category(
    State(state): State<AppState>,
    s: Staff<can::EditCatalog>,
    Path((raw, code)): Path<(String, String)>,
    Form { value: f, .. }: Form<Fields>,
) -> PageResult {
    let id = id_of(&raw)?;
    let Some(lang) = offered(&state, &code) else {
        return missing(&state, &s, HOME, "content-missing-language").await;
    };
    let posted = category_form(&f);
    if [&posted.name, &posted.description, &posted.slug].into_iter().all(blank) {
        return remove_category(&state, &s, id, lang, "content-emptied").await;
    }
    match state.store.upsert_category_translation(id, &lang.code, &posted).await {
        Ok(_) => {
            categories_changed(&state);
            let detail = json!({"category_id": id, "lang": lang.code});
            audit(&state, "category_translation_saved", Some(s.user.id), &id.to_string(), &s.ip, detail).await;
            category_page(&state, &s, id, StatusCode::OK, Said::notice(&state, &lang.code, "content-saved")).await
        }
        Err(StoreError::Invalid(v)) => {
            let errors = lines(&state, lang, false, &v);
            category_page(&state, &s, id, StatusCode::UNPROCESSABLE_ENTITY, Said::problems(&lang.code, errors, Some(&posted))).await
        }
        Err(StoreError::NotFound(_)) => missing(&state, &s, HOME, "content-missing-category").await,
        Err(e) => Err(e.into()),
    }
}

pub(super) async fn delete_category(
    State(state): State<AppState>,
    s: Staff<can::EditCatalog>,
    Path((raw, code)): Path<(String, String)>,
    Form { value: _f, .. }: Form<crate::page::CsrfOnly>,
) -> PageResult {
    let id = id_of(&raw)?;
    let Some(lang) = offered(&state, &code) else {
        return missing(&state, &s, HOME, "content-missing-language").await;
    };
    remove_category(&state, &s, id, lang, "content-deleted").await
}

async fn remove_category(state: &AppState, s: &Member, id: i64, lang: &Language, said: &str) -> PageResult {
    if state.store.delete_category_translation(id, &lang.code).await? {
        categories_changed(state);
        let detail = json!({"category_id": id, "lang": lang.code});
        audit(state, "category_translation_deleted", Some(s.user.id), &id.to_string(), &s.ip, detail).await;
        return category_page(state, s, id, StatusCode::OK, Said::notice(state, &lang.code, said)).await;
    }
    if said == "content-emptied" {
        let errors = lines(state, lang, false, &ValidationError::new(baobab_domain::translation::field(&lang.code, ""), ""));
        return category_page(state, s, id, StatusCode::UNPROCESSABLE_ENTITY, Said::problems(&lang.code, errors, None)).await;
    }
    category_page(state, s, id, StatusCode::OK, Said::notice(state, &lang.code, "content-nothing-to-delete")).await
}
