//! The store's side of a translation file: finding the items a file names, checking their merged
//! translations against the store's rules (handles another item holds), and writing every
//! item's translations out again.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Write;

use baobab_domain::query::{Pagination, ProductQuery, StatusFilter};
use baobab_domain::translation::{CategoryTranslation, LocalizedProduct};
use baobab_import::{Problem, TranslatedKind, TranslationWriter};
use baobab_store::Key;

use super::{Change, Group};
use crate::AppState;
use crate::catalog_export::ExportError;
use crate::catalog_io::ImportError;

type Groups = BTreeMap<(TranslatedKind, String, String), Group>;

/// Every product's id and slug, in `lang` (its translated slug, else its default one) or in the
/// default language: one query per hundred products.
async fn product_slugs(state: &AppState, lang: Option<&str>) -> Result<Vec<(i64, String)>, baobab_store::StoreError> {
    let mut out = Vec::new();
    for page in 1.. {
        let mut q = ProductQuery::storefront(state.settings.default_currency);
        q.status = StatusFilter::Any;
        q.priced_only = false;
        q.lang = lang.map(String::from);
        q.pagination = Pagination { page, per_page: 100 };
        let listing = state.store.products(&q).await?;
        out.extend(listing.items.iter().map(|i| (i.id, i.slug.clone())));
        if listing.items.len() < 100 {
            break;
        }
    }
    Ok(out)
}

/// An item named by id (digits, when an item has that id) or by handle.
fn find(ident: &str, ids: &HashSet<i64>, by_slug: &HashMap<String, i64>) -> Option<i64> {
    ident.parse::<i64>().ok().filter(|id| ids.contains(id)).or_else(|| by_slug.get(ident).copied())
}

fn not_found(g: &Group, kind: TranslatedKind, ident: &str) -> Problem {
    let shown: String = ident.chars().take(60).collect();
    Problem::new(
        g.rows[0].row,
        Some("Identification"),
        format!(
            "no {} has the handle or id `{shown}` ({} row(s)); Identification is matched against Baobab's handles and ids, not Shopify's own ids: write the {}'s handle there",
            kind.noun(),
            g.rows.len(),
            kind.noun()
        ),
    )
}

/// Finds each item, merges and checks its translations; every problem goes to `problem`.
pub(super) async fn resolve(state: &AppState, groups: &Groups, problem: &mut dyn FnMut(Problem)) -> Result<Vec<Change>, ImportError> {
    let mut changes = Vec::new();
    if groups.keys().any(|k| k.0 == TranslatedKind::Category) {
        categories(state, groups, problem, &mut changes).await?;
    }
    if groups.keys().any(|k| k.0 == TranslatedKind::Product) {
        products(state, groups, problem, &mut changes).await?;
    }
    Ok(changes)
}

async fn categories(
    state: &AppState,
    groups: &Groups,
    problem: &mut dyn FnMut(Problem),
    changes: &mut Vec<Change>,
) -> Result<(), ImportError> {
    let cats = state.store.categories().await?;
    let ids: HashSet<i64> = cats.iter().map(|c| c.id).collect();
    let by_slug: HashMap<String, i64> = cats.iter().map(|c| (c.slug.clone(), c.id)).collect();
    let handle: HashMap<i64, &str> = cats.iter().map(|c| (c.id, c.slug.as_str())).collect();
    let all = state.store.all_category_translations().await?;
    let existing: HashMap<(i64, &str), &CategoryTranslation> =
        all.iter().map(|e| ((e.category_id, e.lang.as_str()), &e.translation)).collect();
    let held: HashMap<(&str, &str), i64> =
        all.iter().filter_map(|e| e.translation.slug.as_deref().map(|s| ((e.lang.as_str(), s), e.category_id))).collect();
    let k = TranslatedKind::Category;
    for ((_, ident, lang), g) in groups.range((k, String::new(), String::new())..).take_while(|(key, _)| key.0 == k) {
        let Some(id) = find(ident, &ids, &by_slug) else {
            problem(not_found(g, k, ident));
            continue;
        };
        let old = existing.get(&(id, lang.as_str())).copied();
        let t = match g.category(old).validate(lang) {
            Ok(t) => t,
            Err(e) => {
                g.problems(k, lang, &e).into_iter().for_each(&mut *problem);
                continue;
            }
        };
        if let Some(s) = t.slug.as_deref() {
            let other = by_slug
                .get(s)
                .filter(|o| **o != id)
                .map(|o| (*o, "the default language"))
                .or_else(|| held.get(&(lang.as_str(), s)).filter(|o| **o != id).map(|o| (*o, lang.as_str())));
            if let Some((o, place)) = other {
                let r = g.row_for(k, lang, &format!("translations.{lang}.slug"));
                problem(Problem::new(
                    r.row,
                    Some("Translated content"),
                    format!("the handle `{s}` is already category `{}`'s in {place}", handle.get(&o).copied().unwrap_or("?")),
                ));
                continue;
            }
        }
        let changed = old != Some(&t);
        changes.push(Change::Category { id, lang: lang.clone(), t, changed });
    }
    Ok(())
}

async fn products(
    state: &AppState,
    groups: &Groups,
    problem: &mut dyn FnMut(Problem),
    changes: &mut Vec<Change>,
) -> Result<(), ImportError> {
    let listed = product_slugs(state, None).await?;
    let ids: HashSet<i64> = listed.iter().map(|(id, _)| *id).collect();
    let by_slug: HashMap<String, i64> = listed.iter().map(|(id, s)| (s.clone(), *id)).collect();
    let handle: HashMap<i64, &str> = listed.iter().map(|(id, s)| (*id, s.as_str())).collect();
    // each language's current slugs (translated, else default), for the languages the file uses
    let mut held: HashMap<String, HashMap<String, i64>> = HashMap::new();
    let k = TranslatedKind::Product;
    let mut loaded: HashMap<i64, LocalizedProduct> = HashMap::new();
    for ((_, ident, lang), g) in groups.range((k, String::new(), String::new())..).take_while(|(key, _)| key.0 == k) {
        let Some(id) = find(ident, &ids, &by_slug) else {
            problem(not_found(g, k, ident));
            continue;
        };
        let p = match loaded.entry(id) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                let Some(p) = state.store.localized_product(Key::Id(id), None).await? else {
                    problem(not_found(g, k, ident));
                    continue;
                };
                e.insert(p)
            }
        };
        let p = &*p;
        let old = p.translations.get(lang);
        let merged = g.product(old);
        let t = match merged.validate(lang).and_then(|t| t.check_attributes(lang, &p.product.attributes).map(|_| t)) {
            Ok(t) => t,
            Err(e) => {
                g.problems(k, lang, &e).into_iter().for_each(&mut *problem);
                continue;
            }
        };
        if let Some(s) = t.slug.as_deref() {
            if !held.contains_key(lang) {
                let slugs = product_slugs(state, Some(lang)).await?;
                held.insert(lang.clone(), slugs.into_iter().map(|(id, s)| (s, id)).collect());
            }
            let other = by_slug
                .get(s)
                .filter(|o| **o != id)
                .map(|o| (*o, "the default language"))
                .or_else(|| held[lang].get(s).filter(|o| **o != id).map(|o| (*o, lang.as_str())));
            if let Some((o, place)) = other {
                let r = g.row_for(k, lang, &format!("translations.{lang}.slug"));
                problem(Problem::new(
                    r.row,
                    Some("Translated content"),
                    format!("the handle `{s}` is already product `{}`'s in {place}", handle.get(&o).copied().unwrap_or("?")),
                ));
                continue;
            }
        }
        let changed = old != Some(&t);
        changes.push(Change::Product { id, lang: lang.clone(), t, changed });
    }
    Ok(())
}

/// The languages an export writes: `lang` when it is one the shop translates into, else every
/// such language (the shop's languages but its default).
pub fn export_languages(state: &AppState, lang: Option<&str>) -> Result<Vec<String>, String> {
    let default = state.i18n.default_code();
    let offered: Vec<String> = state.i18n.languages().iter().map(|l| l.code.clone()).filter(|c| c != default).collect();
    match lang.map(|l| l.trim().to_ascii_lowercase()) {
        None => Ok(offered),
        Some(l) if offered.contains(&l) => Ok(vec![l]),
        Some(l) if l == default => Err(format!("`{l}` is the shop's default language: its content is the catalog's own (export products)")),
        Some(l) => Err(format!("`{l}` is not a language the shop translates into (it offers: {})", offered.join(", "))),
    }
}

/// Writes every category's and product's translations into `langs`, a row per field the item
/// can translate (empty "Translated content" where it has no translation yet). Categories first
/// in their order, then products oldest first. Returns the number of (item, language) written.
pub async fn export_translations<W: Write + ?Sized>(state: &AppState, langs: &[String], out: &mut W) -> Result<u64, ExportError> {
    let mut w = TranslationWriter::new(out)?;
    let mut count = 0u64;
    let cats = state.store.categories().await?;
    let mut by_cat: HashMap<(i64, String), CategoryTranslation> = HashMap::new();
    for e in state.store.all_category_translations().await? {
        by_cat.insert((e.category_id, e.lang), e.translation);
    }
    for c in &cats {
        for l in langs {
            w.write_category(c, l, by_cat.get(&(c.id, l.clone())))?;
            count += 1;
        }
    }
    let mut ids: Vec<i64> = product_slugs(state, None).await?.into_iter().map(|(id, _)| id).collect();
    ids.sort_unstable();
    ids.dedup();
    for id in ids {
        let Some(p) = state.store.localized_product(Key::Id(id), None).await? else { continue };
        for l in langs {
            w.write_product(&p.product, l, p.translations.get(l))?;
            count += 1;
        }
    }
    w.finish()?;
    Ok(count)
}
