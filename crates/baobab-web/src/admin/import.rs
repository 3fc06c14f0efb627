//! Catalog files in the admin (catalog managers and owners): upload a Shopify or WooCommerce
//! product CSV, checked and imported by `catalog_io` exactly as `baobab import products` does
//! (every problem listed by row and column, all or nothing, matched by handle then SKU), and
//! download the catalog in the same format.

use std::io::Read;
use std::sync::Arc;

use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::Response;
use baobab_domain::Currency;
use baobab_import::{Format, ImportOptions, TagsAs};
use baobab_store::StoreError;
use serde_json::json;

use super::access::{Staff, can};
use super::words::{self, count_of, counted, heads, t, ta};
use super::{AdminField, AdminForm, Member, Opt, Section, render};
use crate::AppState;
use crate::catalog_io::{self, ImportError, Opener, Report, Request};
use crate::page::{PageError, PageResult, audit};

/// The largest file the admin takes; a larger catalog is imported on the server
/// (`baobab import products`).
pub(super) const MAX_UPLOAD_BYTES: usize = 20 * 1024 * 1024;

const PATH: &str = "/admin/import";

/// The file formats: (value, catalog key of its name).
const FORMATS: &[(&str, &str)] =
    &[("auto", "admin-import-format-auto"), ("shopify", "admin-import-format-shopify"), ("woocommerce", "admin-import-format-woocommerce")];

/// What tags become: (value, catalog key).
const TAGS: &[(&str, &str)] = &[("attributes", "admin-import-tags-attributes"), ("category", "admin-import-tags-category")];

/// The largest upload in MB, as the page says it.
const MAX_MB: usize = MAX_UPLOAD_BYTES / 1024 / 1024;

/// What the upload form asked, as sent, so the form comes back the same way.
struct Choices {
    format: String,
    currency: String,
    tags: String,
    dry_run: bool,
}

impl Choices {
    fn defaults(state: &AppState) -> Choices {
        Choices { format: "auto".into(), currency: state.settings.default_currency.code().into(), tags: "attributes".into(), dry_run: true }
    }

    /// The import's options, or what is wrong with the choices (each naming its field).
    fn options(&self, state: &AppState) -> Result<ImportOptions, Vec<String>> {
        let mut errors = Vec::new();
        let format = match self.format.as_str() {
            "auto" | "" => Some(Format::Auto),
            "shopify" => Some(Format::Shopify),
            "woocommerce" => Some(Format::WooCommerce),
            _ => None,
        };
        if format.is_none() {
            errors.push(t(state, "admin-error-format"));
        }
        let currency = self.currency.parse::<Currency>().map_err(|e| errors.push(words::currency_error(state, &e))).ok();
        let tags = match self.tags.as_str() {
            "attributes" | "" => Some(TagsAs::Attributes),
            "category" => Some(TagsAs::Category),
            _ => None,
        };
        if tags.is_none() {
            errors.push(t(state, "admin-error-tags"));
        }
        match (format, currency, tags) {
            (Some(format), Some(currency), Some(tags)) if errors.is_empty() => {
                let mut options = ImportOptions::new(format, currency);
                options.tags = tags;
                Ok(options) // no image folder: image cells must be URLs
            }
            _ => Err(errors),
        }
    }
}

/// A choice among `options` (value, catalog key of its name).
fn select(state: &AppState, name: &'static str, label: &str, value: &str, options: &[(&str, &str)]) -> AdminField {
    AdminField {
        name,
        label: t(state, label),
        kind: "select",
        value: value.to_string(),
        options: options.iter().map(|(v, key)| Opt { value: (*v).into(), label: t(state, key) }).collect(),
    }
}

pub(super) fn currency_select(state: &AppState, value: &str) -> AdminField {
    AdminField {
        name: "currency",
        label: t(state, "admin-label-currency-prices"),
        kind: "select",
        value: value.to_string(),
        options: Currency::all().map(|c| Opt { value: c.code().into(), label: words::currency_name(state, c) }).collect(),
    }
}

/// The upload form and the export form, as `c` left them.
fn forms(state: &AppState, c: &Choices) -> Vec<Section> {
    vec![
        Section {
            title: t(state, "admin-import-title"),
            text: ta(state, "admin-import-text", &[("mb", count_of(MAX_MB as i64).into())]),
            form: Some(AdminForm {
                action: PATH.into(),
                fields: vec![
                    AdminField {
                        name: "file",
                        label: t(state, "admin-label-csv-file"),
                        kind: "file",
                        value: ".csv,text/csv".into(),
                        ..Default::default()
                    },
                    select(state, "format", "admin-label-format", &c.format, FORMATS),
                    currency_select(state, &c.currency),
                    select(state, "tags", "admin-label-tags", &c.tags, TAGS),
                    AdminField {
                        name: "dry_run",
                        label: t(state, "admin-label-dry-run"),
                        kind: "checkbox",
                        value: if c.dry_run { "on".into() } else { String::new() },
                        ..Default::default()
                    },
                ],
                submit: t(state, "admin-upload"),
                multipart: true,
            }),
            ..Default::default()
        },
        Section {
            title: t(state, "admin-export-title"),
            text: t(state, "admin-export-text"),
            download: Some(AdminForm {
                action: "/admin/export/products.csv".into(),
                fields: vec![currency_select(state, &c.currency)],
                submit: t(state, "admin-export-download"),
                multipart: false,
            }),
            ..Default::default()
        },
    ]
}

/// The form again, with what stopped the upload before it was read as a catalog.
async fn refused(state: &AppState, s: &Member, status: StatusCode, errors: Vec<String>, c: &Choices) -> Result<Response, PageError> {
    render(state, s, PATH, status, &t(state, "admin-nav-import"), "", errors, forms(state, c)).await
}

pub(super) async fn form(State(state): State<AppState>, s: Staff<can::EditCatalog>) -> PageResult {
    let forms = forms(&state, &Choices::defaults(&state));
    render(&state, &s, PATH, StatusCode::OK, &t(&state, "admin-nav-import"), "", vec![], forms).await
}

pub(super) async fn run(
    State(state): State<AppState>,
    method: Method,
    headers: HeaderMap,
    s: Staff<can::EditCatalog>,
    multipart: Result<Multipart, MultipartRejection>,
) -> PageResult {
    let upload =
        match super::upload::read(&state, &method, &headers, &s, multipart, &["format", "currency", "tags", "dry_run"], "file").await? {
            Ok(upload) => upload,
            Err(why) => {
                let message = if why.status == StatusCode::PAYLOAD_TOO_LARGE {
                    ta(&state, "admin-error-import-too-large", &[("mb", count_of(MAX_MB as i64).into())])
                } else {
                    why.message
                };
                return refused(&state, &s, why.status, vec![message], &Choices::defaults(&state)).await;
            }
        };
    let choices = Choices {
        format: upload.field("format").to_string(),
        currency: upload.field("currency").to_string(),
        tags: upload.field("tags").to_string(),
        dry_run: upload.field("dry_run") == "on",
    };
    let options = match choices.options(&state) {
        Ok(options) => options,
        Err(errors) => return refused(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, errors, &choices).await,
    };
    let Some(file) = upload.file else {
        let error = t(&state, "admin-error-import-no-file");
        return refused(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, vec![error], &choices).await;
    };
    let size = file.len();
    let open: Opener = Arc::new(move || Ok(Box::new(std::io::Cursor::new(file.clone())) as Box<dyn Read + Send>));
    let req = Request { options, dry_run: choices.dry_run, allow_private_image_hosts: false, adjust: None, on_progress: None };
    let report = match catalog_io::import_products(&state, open, req).await {
        Ok(report) => report,
        // The store refused a product the checks let through: nothing was kept.
        Err(ImportError::Store(StoreError::Invalid(v))) => {
            let errors = words::problems(&state, &v).into_iter().map(|m| nothing_imported(&state, m)).collect();
            return refused(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, errors, &choices).await;
        }
        Err(ImportError::Store(StoreError::Conflict { field, message })) => {
            let errors = vec![nothing_imported(&state, words::problem(&state, field, &message))];
            return refused(&state, &s, StatusCode::CONFLICT, errors, &choices).await;
        }
        Err(ImportError::Store(e)) => return Err(e.into()),
        Err(ImportError::Io(why)) => {
            return refused(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, vec![words::line(&state, "file", &why.to_string())], &choices)
                .await;
        }
    };
    if let Some(sum) = &report.summary {
        let detail = json!({
            "file": upload.file_name, "bytes": size, "format": report.format, "products": report.products,
            "products_created": sum.products_created, "products_updated": sum.products_updated,
            "variants_created": sum.variants_created, "variants_updated": sum.variants_updated,
            "categories_created": sum.categories_created, "images_added": report.images_added,
        });
        audit(&state, "catalog_imported", Some(s.user.id), &upload.file_name, &s.ip, detail).await;
    }
    result_page(&state, &s, &report, &upload.file_name, choices).await
}

/// "Nothing was imported: …", for a problem the store found once the checks had passed.
fn nothing_imported(state: &AppState, problem: String) -> String {
    ta(state, "admin-import-refused", &[("problem", problem.into())])
}

/// A number as the language writes it.
fn n(v: u64) -> String {
    count_of(v.min(i64::MAX as u64) as i64)
}

/// What the file held, every problem and warning, and what was done: 422 when a problem
/// stopped it (or it held no product), 200 otherwise.
async fn result_page(state: &AppState, s: &Member, r: &Report, file_name: &str, mut c: Choices) -> Result<Response, PageError> {
    let empty = r.problem_count == 0 && r.products == 0;
    let status = if r.problem_count > 0 || empty { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let (heading, notice) = if r.problem_count > 0 {
        let problems = counted(state, "admin-n-problems", r.problem_count);
        ("admin-import-nothing", ta(state, "admin-import-has-problems", &[("problems", problems.into())]))
    } else if empty {
        ("admin-import-nothing", t(state, "admin-import-empty"))
    } else if let Some(sum) = &r.summary {
        let args = [
            ("products", counted(state, "admin-n-products-created", sum.products_created).into()),
            ("products_updated", n(sum.products_updated).into()),
            ("variants", counted(state, "admin-n-variants-created", sum.variants_created).into()),
            ("variants_updated", n(sum.variants_updated).into()),
            ("categories", counted(state, "admin-n-categories-created", sum.categories_created).into()),
            ("images", counted(state, "admin-n-images-added", r.images_added).into()),
        ];
        c.dry_run = true; // back to checking first
        ("admin-import-done-heading", ta(state, "admin-import-done", &args))
    } else {
        c.dry_run = false; // the next step is the real import
        ("admin-import-checked-heading", t(state, "admin-import-checked"))
    };
    let name = if file_name.is_empty() { t(state, "admin-import-the-file") } else { file_name.to_string() };
    let counts = if r.problem_count > 0 {
        counted(state, "admin-import-passed", r.products)
    } else {
        let parts = [
            counted(state, "admin-n-products", r.products),
            counted(state, "admin-n-variants", r.variants),
            counted(state, "admin-n-images", r.images),
        ];
        parts.join(", ")
    };
    let holds = [
        ("name", name.into()),
        ("format", r.format.map_or_else(|| t(state, "admin-import-unknown-format"), str::to_string).into()),
        ("encoding", r.encoding.map_or_else(|| t(state, "admin-import-unknown-encoding"), str::to_string).into()),
        ("rows", counted(state, "admin-n-rows", r.rows).into()),
        ("counts", counts.into()),
    ];
    let mut sections =
        vec![Section { title: t(state, "admin-import-holds-title"), text: ta(state, "admin-import-holds", &holds), ..Default::default() }];
    let first_of =
        |shown: usize, total: u64| ta(state, "admin-import-first-listed", &[("shown", n(shown as u64).into()), ("total", n(total).into())]);
    if r.problem_count > 0 {
        let mut text = vec![t(state, "admin-import-rows-note")];
        if r.problem_count as usize > r.problems.len() {
            text.push(first_of(r.problems.len(), r.problem_count));
        }
        if r.problems.iter().any(|p| p.column.as_deref().is_some_and(|c| c.to_ascii_lowercase().contains("image"))) {
            text.push(t(state, "admin-import-images-note"));
        }
        sections.push(Section {
            title: ta(state, "admin-import-problems-title", &[("n", n(r.problem_count).into())]),
            text: text.join(" "),
            head: heads(state, &["admin-col-row", "admin-col-column", "admin-col-problem"]),
            rows: r
                .problems
                .iter()
                .map(|p| vec![p.row.to_string(), p.column.clone().unwrap_or_else(|| "—".into()), p.message.clone()])
                .collect(),
            ..Default::default()
        });
    }
    if r.warning_count > 0 {
        let mut text = vec![t(state, "admin-import-warnings-note")];
        if r.warning_count as usize > r.warnings.len() {
            text.push(first_of(r.warnings.len(), r.warning_count));
        }
        sections.push(Section {
            title: ta(state, "admin-import-warnings-title", &[("n", n(r.warning_count).into())]),
            text: text.join(" "),
            head: heads(state, &["admin-col-warning"]),
            rows: r.warnings.iter().map(|w| vec![w.clone()]).collect(),
            ..Default::default()
        });
    }
    if let Some(sum) = &r.summary {
        let images = [("added", n(r.images_added).into()), ("there", n(r.images_already_there).into())];
        sections.push(Section {
            title: t(state, "admin-import-done-title"),
            text: ta(state, "admin-import-images", &images),
            head: heads(state, &["", "admin-col-created-count", "admin-col-updated-count"]),
            rows: vec![
                vec![t(state, "admin-row-products"), n(sum.products_created), n(sum.products_updated)],
                vec![t(state, "admin-row-variants"), n(sum.variants_created), n(sum.variants_updated)],
                vec![t(state, "admin-row-categories"), n(sum.categories_created), "—".into()],
            ],
            ..Default::default()
        });
    }
    sections.extend(forms(state, &c));
    render(state, s, PATH, status, &t(state, heading), &notice, vec![], sections).await
}
