//! Catalog translations in: a translation CSV (Shopify's columns, see
//! `baobab_import::TranslationReader`) imported from the command line (`baobab import
//! translations`) and by the demo shop's first start.
//!
//! The whole file is checked before anything is written: every row is read, each product and
//! category it names is found (by handle or id), each translation it gives is put over the one
//! the item already has in that language (a row adds or replaces one field; nothing is removed)
//! and checked as the store would check it, including handles another item holds in that
//! language or as its default handle. Any problem and nothing is written. Then the changed
//! translations are written, categories first; one left as it was is not written again, so
//! importing a file twice changes nothing the second time.

use std::collections::{BTreeMap, BTreeSet};

use baobab_domain::error::ValidationError;
use baobab_domain::translation::{AttributeTranslation, CategoryTranslation, ProductTranslation};
use baobab_import::{Problem, TranslatedField, TranslatedKind, TranslationReader, TranslationRow};
use serde::Serialize;

use super::{ImportError, Listed, MAX_LISTED, Opener};
use crate::AppState;

mod lookup;

pub use lookup::{export_languages, export_translations};

#[derive(Debug, Clone, Copy, Default)]
pub struct TranslationRequest {
    /// Check only: report every problem, write nothing.
    pub dry_run: bool,
    /// Rows in a language the shop does not offer (or its default language) are skipped with a
    /// warning instead of refused: the demo shop's file, whatever languages the shop chose.
    pub skip_unoffered: bool,
}

/// What an import wrote, counted per item and language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TranslationSummary {
    pub products_written: u64,
    pub products_unchanged: u64,
    pub categories_written: u64,
    pub categories_unchanged: u64,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct TranslationReport {
    pub dry_run: bool,
    /// Rows read, the header included.
    pub rows: u64,
    /// Rows giving a translation.
    pub fields: u64,
    /// Rows skipped because their "Translated content" is empty.
    pub empty_rows: u64,
    /// Products and categories named, and the languages.
    pub products: u64,
    pub categories: u64,
    pub languages: Vec<String>,
    /// Refusals: any one means nothing was written.
    pub problems: Vec<Listed>,
    pub problem_count: u64,
    pub warnings: Vec<String>,
    pub warning_count: u64,
    /// What was written; `None` for a dry run or a refused file.
    pub summary: Option<TranslationSummary>,
}

impl TranslationReport {
    fn problem(&mut self, p: Problem) {
        self.problem_count += 1;
        if self.problems.len() < MAX_LISTED {
            self.problems.push(Listed { row: p.row, column: p.column, message: p.message });
        }
    }

    fn warning(&mut self, w: String) {
        self.warning_count += 1;
        if self.warnings.len() < MAX_LISTED {
            self.warnings.push(w);
        }
    }
}

/// The rows giving one item's translation into one language: the merged translation, and which
/// row gave which field (to place the store's objections).
#[derive(Debug, Default)]
pub(crate) struct Group {
    pub rows: Vec<TranslationRow>,
}

/// One translation to write: the item, the language, the translation as it will be stored and
/// whether it differs from the one stored now.
pub(crate) enum Change {
    Product { id: i64, lang: String, t: ProductTranslation, changed: bool },
    Category { id: i64, lang: String, t: CategoryTranslation, changed: bool },
}

/// Checks the file and, unless it is a dry run or a problem was found, writes it.
pub async fn import_translations(state: &AppState, open: Opener, req: TranslationRequest) -> Result<TranslationReport, ImportError> {
    let (mut report, rows) = read(open, req.dry_run).await?;
    let rows = check_languages(state, &mut report, rows, req.skip_unoffered);
    let groups = group(rows);
    let named = |kind| groups.keys().filter(|k| k.0 == kind).map(|k| &k.1).collect::<BTreeSet<_>>().len() as u64;
    report.products = named(TranslatedKind::Product);
    report.categories = named(TranslatedKind::Category);
    let changes = lookup::resolve(state, &groups, &mut |p| report.problem(p)).await?;
    if report.dry_run || report.problem_count > 0 {
        return Ok(report);
    }
    report.summary = Some(write(state, changes).await?);
    state.catalog_changed();
    Ok(report)
}

/// Reads every row of the file (in a blocking task), noting problems and skipped rows.
async fn read(open: Opener, dry_run: bool) -> Result<(TranslationReport, Vec<TranslationRow>), ImportError> {
    tokio::task::spawn_blocking(move || {
        let input = open().map_err(|e| ImportError::Io(e.to_string()))?;
        let mut reader = TranslationReader::new(input);
        let mut report = TranslationReport { dry_run, ..Default::default() };
        let mut rows = Vec::new();
        for item in reader.by_ref() {
            match item {
                Ok(r) => rows.push(r),
                Err(p) => report.problem(p),
            }
        }
        report.rows = reader.rows_read();
        report.empty_rows = reader.empty_rows();
        report.fields = rows.len() as u64;
        for n in reader.notes() {
            report.warning(n.to_string());
        }
        Ok((report, rows))
    })
    .await
    .map_err(|e| ImportError::Io(format!("the reader stopped: {e}")))?
}

/// Keeps the rows in languages the shop translates into (offered, not the default); the others
/// are problems, or skipped with one warning per language when `skip` is set.
fn check_languages(state: &AppState, report: &mut TranslationReport, rows: Vec<TranslationRow>, skip: bool) -> Vec<TranslationRow> {
    let default = state.i18n.default_code().to_string();
    let offered: Vec<String> = state.i18n.languages().iter().map(|l| l.code.clone()).filter(|c| *c != default).collect();
    let mut skipped: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    let mut kept = Vec::with_capacity(rows.len());
    for r in rows {
        if offered.contains(&r.lang) {
            if !report.languages.contains(&r.lang) {
                report.languages.push(r.lang.clone());
            }
            kept.push(r);
            continue;
        }
        if skip {
            skipped.entry(r.lang.clone()).or_insert((r.row, 0)).1 += 1;
            continue;
        }
        let why = if r.lang == default {
            format!(
                "`{}` is the shop's default language: its content is the products' and categories' own (edit them, or import products)",
                r.lang
            )
        } else if offered.is_empty() {
            format!("`{}` is not one of the shop's languages: it offers only {default} (add languages to i18n.languages first)", r.lang)
        } else {
            format!(
                "`{}` is not one of the languages the shop translates into ({}); add it to i18n.languages first",
                r.lang,
                offered.join(", ")
            )
        };
        report.problem(Problem::new(r.row, Some("Locale"), why));
    }
    for (lang, (row, n)) in skipped {
        report.warning(Problem::at_row(row, format!("{n} row(s) in `{lang}` skipped: the shop does not translate into it")).to_string());
    }
    report.languages.sort();
    kept
}

/// The rows by item (kind, identification) and language.
fn group(rows: Vec<TranslationRow>) -> BTreeMap<(TranslatedKind, String, String), Group> {
    let mut out: BTreeMap<(TranslatedKind, String, String), Group> = BTreeMap::new();
    for r in rows {
        out.entry((r.kind, r.identification.clone(), r.lang.clone())).or_default().rows.push(r);
    }
    out
}

impl Group {
    /// `existing` with this group's fields put over it.
    pub fn product(&self, existing: Option<&ProductTranslation>) -> ProductTranslation {
        let mut t = existing.cloned().unwrap_or_default();
        for r in &self.rows {
            let v = Some(r.content.clone());
            match &r.field {
                TranslatedField::Title => t.title = v,
                TranslatedField::Description => t.description = v,
                TranslatedField::Slug => t.slug = v,
                TranslatedField::AttributeName(n) => t.attributes.entry(n.clone()).or_insert_with(AttributeTranslation::default).name = v,
                TranslatedField::AttributeValue(n) => t.attributes.entry(n.clone()).or_insert_with(AttributeTranslation::default).value = v,
            }
        }
        t
    }

    pub fn category(&self, existing: Option<&CategoryTranslation>) -> CategoryTranslation {
        let mut t = existing.cloned().unwrap_or_default();
        for r in &self.rows {
            let v = Some(r.content.clone());
            match &r.field {
                TranslatedField::Title => t.name = v,
                TranslatedField::Description => t.description = v,
                TranslatedField::Slug => t.slug = v,
                // the reader refuses attributes on COLLECTION rows
                TranslatedField::AttributeName(_) | TranslatedField::AttributeValue(_) => {}
            }
        }
        t
    }

    /// The row that gave the field a domain error names (`translations.fr.attributes.Size.name`),
    /// or the group's first row.
    fn row_for(&self, kind: TranslatedKind, lang: &str, field: &str) -> &TranslationRow {
        let prefix = format!("translations.{lang}.");
        let part = field.strip_prefix(&prefix).unwrap_or_default();
        let exact = |r: &&TranslationRow| match &r.field {
            TranslatedField::AttributeName(n) => part == format!("attributes.{n}.name") || part == format!("attributes.{n}"),
            TranslatedField::AttributeValue(n) => part == format!("attributes.{n}.value"),
            f => part == f.part(kind),
        };
        self.rows.iter().find(exact).or_else(|| self.rows.iter().find(|r| part.starts_with(&r.field.part(kind)))).unwrap_or(&self.rows[0])
    }

    /// Each of a domain error's fields as a problem on the row that gave it.
    pub fn problems(&self, kind: TranslatedKind, lang: &str, e: &ValidationError) -> Vec<Problem> {
        e.errors
            .iter()
            .map(|fe| {
                let r = self.row_for(kind, lang, &fe.field);
                Problem::new(r.row, Some("Translated content"), format!("{} ({}): {}", r.field.code(), lang, fe.message))
            })
            .collect()
    }
}

/// Writes the changed translations, categories first (a category's translation reindexes the
/// products translated into its language: fewer before the products are written).
async fn write(state: &AppState, changes: Vec<Change>) -> Result<TranslationSummary, ImportError> {
    let mut s = TranslationSummary::default();
    let (cats, prods): (Vec<Change>, Vec<Change>) = changes.into_iter().partition(|c| matches!(c, Change::Category { .. }));
    for c in cats.into_iter().chain(prods) {
        match c {
            Change::Category { changed: false, .. } => s.categories_unchanged += 1,
            Change::Product { changed: false, .. } => s.products_unchanged += 1,
            Change::Category { id, lang, t, .. } => {
                state.store.upsert_category_translation(id, &lang, &t).await?;
                s.categories_written += 1;
            }
            Change::Product { id, lang, t, .. } => {
                state.store.upsert_product_translation(id, &lang, &t).await?;
                s.products_written += 1;
            }
        }
    }
    Ok(s)
}
