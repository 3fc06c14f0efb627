//! One product in every language of the shop: a form per language with the default language's
//! content beside each field (the form's parts are shared with `categories`); save (the
//! language's translation replaced whole) and remove. Blank fields fall back to the default content; a form left wholly blank removes the
//! language's translation (there is nothing left of it). Bad input shows the form again (422)
//! with what was typed, and saves nothing.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use baobab_domain::ValidationError;
use baobab_domain::catalog::{MAX_DESCRIPTION_LEN, MAX_NAME_LEN, Product};
use baobab_domain::slug::MAX_SLUG_LEN;
use baobab_domain::translation::{AttributeTranslation, ProductTranslation, TranslationGaps};
use baobab_store::{Key, StoreError};
use serde::Serialize;
use serde_json::json;

use super::{HOME, Link, default_name, offered, others};
use crate::AppState;
use crate::admin::access::{Member, Staff, can};
use crate::admin::words::{self, counted, t, ta};
use crate::admin::{id_of, missing, render_in};
use crate::i18n::Language;
use crate::page::{Form, PageResult, audit};

/// A form's fields as posted (`csrf`, `title`, `attr_name.<attribute>`, …), in order.
pub(super) type Fields = Vec<(String, String)>;

/// One field of a language's form, with the default language's content as its reference.
#[derive(Serialize)]
pub(super) struct Row {
    label: String,
    name: String,
    /// `text`, `textarea` or `slug` (written left to right).
    kind: &'static str,
    reference: String,
    value: String,
    max: usize,
}

pub(super) fn row(label: String, name: String, kind: &'static str, reference: &str, value: Option<&str>, max: usize) -> Row {
    Row { label, name, kind, reference: reference.to_string(), value: value.unwrap_or_default().to_string(), max }
}

/// A language's form.
#[derive(Serialize)]
pub(super) struct LangForm {
    code: String,
    name: String,
    state: String,
    /// Nothing translated yet.
    missing: bool,
    action: String,
    /// Where to post to remove the translation (empty: there is none).
    delete: String,
    /// What the last post said of this language: a notice, or the problems with what was typed.
    notice: String,
    errors: Vec<String>,
    rows: Vec<Row>,
    save: String,
    remove: String,
}

/// What a language's form says of the stored translation, given how many fields it misses.
fn state_of(state: &AppState, stored: bool, missing: u64) -> String {
    match (stored, missing) {
        (false, _) => t(state, "content-state-none"),
        (true, 0) => t(state, "content-state-complete"),
        (true, n) => counted(state, "content-state-partial", n),
    }
}

pub(super) fn lang_form(state: &AppState, l: &Language, base: &str, stored: bool, missing: u64, rows: Vec<Row>) -> LangForm {
    LangForm {
        code: l.code.clone(),
        name: l.name.clone(),
        state: state_of(state, stored, missing),
        missing: !stored,
        action: format!("{base}/{}", l.code),
        delete: if stored { format!("{base}/{}/delete", l.code) } else { String::new() },
        notice: String::new(),
        errors: vec![],
        rows,
        save: t(state, "content-save"),
        remove: t(state, "content-delete"),
    }
}

/// What a post said of one language's form: a notice, or the problems with what was typed (the
/// form shows it again).
pub(super) struct Said<'a, T> {
    pub(super) lang: &'a str,
    pub(super) notice: String,
    pub(super) errors: Vec<String>,
    pub(super) draft: Option<&'a T>,
}

impl<'a, T> Said<'a, T> {
    pub(super) fn notice(state: &AppState, lang: &'a str, key: &str) -> Option<Said<'a, T>> {
        Some(Said { lang, notice: t(state, key), errors: vec![], draft: None })
    }
    pub(super) fn problems(lang: &'a str, errors: Vec<String>, draft: Option<&'a T>) -> Option<Said<'a, T>> {
        Some(Said { lang, notice: String::new(), errors, draft })
    }
}

/// The translation a language's form shows (what was typed, else what is stored), and puts
/// what was said of that language into its form.
pub(super) fn shown<'a, T>(said: &Option<Said<'a, T>>, lang: &Language, stored: Option<&'a T>) -> Option<&'a T> {
    said.as_ref().filter(|x| x.lang == lang.code).and_then(|x| x.draft).or(stored)
}

pub(super) fn tell<T>(form: &mut LangForm, said: &Option<Said<'_, T>>) {
    if let Some(x) = said.as_ref().filter(|x| x.lang == form.code) {
        form.notice = x.notice.clone();
        form.errors = x.errors.clone();
    }
}

/// The page of one item (at `path`): its heading and links, then a form per language.
#[allow(clippy::too_many_arguments)] // one page shape, named parts
pub(super) async fn item_page(
    state: &AppState,
    s: &Member,
    path: &str,
    status: StatusCode,
    heading: &str,
    links: Vec<Link>,
    forms: Vec<LangForm>,
) -> PageResult {
    let code = state.i18n.default_code();
    let more = json!({
        "links": links,
        "intro": [ta(state, "content-item-text", &[("language", default_name(state).into())])],
        "forms": forms,
        "reference": {"code": code, "name": default_name(state)},
    });
    render_in(state, s, path, status, heading, "", vec![], vec![], "admin/translations.html", more).await
}

/// The value of a posted field (the first, if sent twice).
pub(super) fn value<'f>(f: &'f Fields, name: &str) -> Option<&'f str> {
    f.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// A product translation as posted: every field kept as typed (the store checks and trims).
fn product_form(f: &Fields) -> ProductTranslation {
    let text = |name| value(f, name).map(String::from);
    let mut attributes = std::collections::BTreeMap::<String, AttributeTranslation>::new();
    for (k, v) in f {
        if let Some(a) = k.strip_prefix("attr_name.") {
            attributes.entry(a.to_string()).or_default().name.get_or_insert_with(|| v.clone());
        } else if let Some(a) = k.strip_prefix("attr_value.") {
            attributes.entry(a.to_string()).or_default().value.get_or_insert_with(|| v.clone());
        }
    }
    ProductTranslation { title: text("title"), description: text("description"), slug: text("slug"), attributes }
}

pub(super) fn blank(s: &Option<String>) -> bool {
    s.as_deref().is_none_or(|s| s.trim().is_empty())
}

/// The error lines of a translation into `l` that the store refused, its fields named as the
/// form names them.
pub(super) fn lines(state: &AppState, l: &Language, product: bool, v: &ValidationError) -> Vec<String> {
    let prefix = baobab_domain::translation::field(&l.code, "");
    v.errors
        .iter()
        .map(|e| {
            let part = e.field.strip_prefix(&prefix).map_or(e.field.as_str(), |r| r.trim_start_matches('.'));
            let say = |field: String, key: &str, args: &[(&str, fluent_bundle::FluentValue)]| {
                ta(state, "problem", &[("field", field.into()), ("problem", ta(state, key, args).into())])
            };
            if part.is_empty() {
                return say(l.name.clone(), "content-problem-nothing", &[]);
            }
            if let Some(attr) = part.strip_prefix("attributes.") {
                let (name, which) = match attr.rsplit_once('.') {
                    Some((n, w)) if w == "name" || w == "value" => (n, w),
                    _ => (attr, "name"),
                };
                let key = if which == "value" { "content-field-attribute-value" } else { "content-field-attribute-name" };
                let label = ta(state, key, &[("attribute", name.to_string().into())]);
                if e.message.starts_with("the product has no attribute") {
                    return say(label, "content-problem-no-attribute", &[]);
                }
                return words::problem(state, &label, &e.message);
            }
            if part == "slug" && e.message.contains(" is already another ") {
                let slug = e.message.split('`').nth(1).unwrap_or_default().to_string();
                let key = if product { "content-problem-product-slug-taken" } else { "content-problem-category-slug-taken" };
                return say(words::field(state, "slug"), key, &[("slug", slug.into())]);
            }
            words::problem(state, part, &e.message)
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Products

/// The product's page, with what a post said of one language's form.
async fn product_page(state: &AppState, s: &Member, id: i64, status: StatusCode, said: Option<Said<'_, ProductTranslation>>) -> PageResult {
    let Some(l) = state.store.localized_product(Key::Id(id), None).await? else {
        return missing(state, s, HOME, "admin-missing-product").await;
    };
    let p = &l.product;
    let base = format!("{HOME}/products/{id}");
    let forms = others(state)
        .map(|lang| {
            let stored = l.translations.get(&lang.code);
            let mut g = TranslationGaps::default();
            g.add_product(!p.description.is_empty(), &p.attributes, stored);
            let mut form =
                lang_form(state, lang, &base, stored.is_some(), g.missing_fields, product_rows(state, p, shown(&said, lang, stored)));
            tell(&mut form, &said);
            form
        })
        .collect();
    let heading = ta(state, "content-product-heading", &[("title", p.title.clone().into())]);
    let links = vec![Link { href: format!("/admin/products/{id}"), text: t(state, "content-edit-product") }];
    item_page(state, s, &base, status, &heading, links, forms).await
}

fn product_rows(state: &AppState, p: &Product, t_: Option<&ProductTranslation>) -> Vec<Row> {
    let get = |f: fn(&ProductTranslation) -> &Option<String>| t_.and_then(|x| f(x).as_deref());
    let mut rows = vec![
        row(t(state, "admin-label-title"), "title".into(), "text", &p.title, get(|x| &x.title), MAX_NAME_LEN),
        row(
            t(state, "admin-label-description"),
            "description".into(),
            "textarea",
            &p.description,
            get(|x| &x.description),
            MAX_DESCRIPTION_LEN,
        ),
        row(t(state, "content-field-slug"), "slug".into(), "slug", &p.slug, get(|x| &x.slug), MAX_SLUG_LEN),
    ];
    for a in &p.attributes {
        let at = t_.and_then(|x| x.attributes.get(&a.name));
        let arg = [("attribute", a.name.clone().into())];
        let name = at.and_then(|x| x.name.as_deref());
        let value = at.and_then(|x| x.value.as_deref());
        rows.push(row(ta(state, "content-field-attribute-name", &arg), format!("attr_name.{}", a.name), "text", &a.name, name, 100));
        rows.push(row(ta(state, "content-field-attribute-value", &arg), format!("attr_value.{}", a.name), "text", &a.value, value, 500));
    }
    rows
}

pub(super) async fn product(State(state): State<AppState>, s: Staff<can::EditCatalog>, Path(raw): Path<String>) -> PageResult {
    product_page(&state, &s, id_of(&raw)?, StatusCode::OK, None).await
}

pub(super) async fn save_product(
    State(state): State<AppState>,
    s: Staff<can::EditCatalog>,
    Path((raw, code)): Path<(String, String)>,
    Form { value: f, .. }: Form<Fields>,
) -> PageResult {
    let id = id_of(&raw)?;
    let Some(lang) = offered(&state, &code) else {
        return missing(&state, &s, HOME, "content-missing-language").await;
    };
    let posted = product_form(&f);
    let empty = [&posted.title, &posted.description, &posted.slug].into_iter().all(blank)
        && posted.attributes.values().all(|a| blank(&a.name) && blank(&a.value));
    if empty {
        return remove_product(&state, &s, id, lang, "content-emptied").await;
    }
    match state.store.upsert_product_translation(id, &lang.code, &posted).await {
        Ok(_) => {
            audit(
                &state,
                "product_translation_saved",
                Some(s.user.id),
                &id.to_string(),
                &s.ip,
                json!({"product_id": id, "lang": lang.code}),
            )
            .await;
            product_page(&state, &s, id, StatusCode::OK, Said::notice(&state, &lang.code, "content-saved")).await
        }
        Err(StoreError::Invalid(v)) => {
            let errors = lines(&state, lang, true, &v);
            product_page(&state, &s, id, StatusCode::UNPROCESSABLE_ENTITY, Said::problems(&lang.code, errors, Some(&posted))).await
        }
        Err(StoreError::NotFound(_)) => missing(&state, &s, HOME, "admin-missing-product").await,
        Err(e) => Err(e.into()),
    }
}

pub(super) async fn delete_product(
    State(state): State<AppState>,
    s: Staff<can::EditCatalog>,
    Path((raw, code)): Path<(String, String)>,
    Form { value: _f, .. }: Form<crate::page::CsrfOnly>,
) -> PageResult {
    let id = id_of(&raw)?;
    let Some(lang) = offered(&state, &code) else {
        return missing(&state, &s, HOME, "content-missing-language").await;
    };
    remove_product(&state, &s, id, lang, "content-deleted").await
}

/// Removes the product's translation into `lang` (audited), and shows the page saying so.
async fn remove_product(state: &AppState, s: &Member, id: i64, lang: &Language, said: &str) -> PageResult {
    if state.store.delete_product_translation(id, &lang.code).await? {
        audit(state, "product_translation_deleted", Some(s.user.id), &id.to_string(), &s.ip, json!({"product_id": id, "lang": lang.code}))
            .await;
        return product_page(state, s, id, StatusCode::OK, Said::notice(state, &lang.code, said)).await;
    }
    if said == "content-emptied" {
        // a blank form, and nothing to remove: nothing to save either
        let errors = lines(state, lang, true, &ValidationError::new(baobab_domain::translation::field(&lang.code, ""), ""));
        return product_page(state, s, id, StatusCode::UNPROCESSABLE_ENTITY, Said::problems(&lang.code, errors, None)).await;
    }
    product_page(state, s, id, StatusCode::OK, Said::notice(state, &lang.code, "content-nothing-to-delete")).await
}
