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
use super::{AdminField, AdminForm, Member, Opt, Section, render};
use crate::AppState;
use crate::catalog_io::{self, ImportError, Opener, Report, Request};
use crate::page::{PageError, PageResult, audit};

/// The largest file the admin takes; a larger catalog is imported on the server
/// (`baobab import products`).
pub(super) const MAX_UPLOAD_BYTES: usize = 20 * 1024 * 1024;

const PATH: &str = "/admin/import";

const FORMATS: &[(&str, &str)] =
    &[("auto", "Find out from the columns"), ("shopify", "Shopify product CSV"), ("woocommerce", "WooCommerce product CSV")];

const TAGS: &[(&str, &str)] = &[("attributes", "Attributes (Material:Cotton)"), ("category", "The first tag is the category")];

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
    fn options(&self) -> Result<ImportOptions, Vec<String>> {
        let mut errors = Vec::new();
        let format = match self.format.as_str() {
            "auto" | "" => Some(Format::Auto),
            "shopify" => Some(Format::Shopify),
            "woocommerce" => Some(Format::WooCommerce),
            _ => None,
        };
        if format.is_none() {
            errors.push("format: choose auto, shopify or woocommerce".to_string());
        }
        let currency = self.currency.parse::<Currency>().map_err(|e| errors.push(format!("currency: {e}"))).ok();
        let tags = match self.tags.as_str() {
            "attributes" | "" => Some(TagsAs::Attributes),
            "category" => Some(TagsAs::Category),
            _ => None,
        };
        if tags.is_none() {
            errors.push("tags: choose attributes or category".to_string());
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

fn select(name: &'static str, label: &'static str, value: &str, options: &[(&str, &str)]) -> AdminField {
    AdminField {
        name,
        label,
        kind: "select",
        value: value.to_string(),
        options: options.iter().map(|(v, l)| Opt { value: (*v).into(), label: (*l).into() }).collect(),
    }
}

pub(super) fn currency_select(value: &str) -> AdminField {
    let options: Vec<(String, String)> =
        Currency::all().map(|c| (c.code().to_string(), format!("{} — {}", c.code(), c.info().name))).collect();
    let refs: Vec<(&str, &str)> = options.iter().map(|(v, l)| (v.as_str(), l.as_str())).collect();
    select("currency", "Currency of the prices", value, &refs)
}

/// The upload form and the export form, as `c` left them.
fn forms(c: &Choices) -> Vec<Section> {
    vec![
        Section {
            title: "Import products".into(),
            text: format!(
                "A product CSV exported from Shopify or WooCommerce (or from this shop), up to {} MB. It is checked first: every \
                 problem is listed with its row and column, and nothing is written while there is one. Products already in \
                 the shop are matched by URL handle, then SKU, and updated, never duplicated. Images must be https:// addresses \
                 on public hosts; image file names only work on the server (baobab import products --images FOLDER).",
                MAX_UPLOAD_BYTES / 1024 / 1024
            ),
            form: Some(AdminForm {
                action: PATH.into(),
                fields: vec![
                    AdminField {
                        name: "file",
                        label: "Product CSV file",
                        kind: "file",
                        value: ".csv,text/csv".into(),
                        ..Default::default()
                    },
                    select("format", "Format", &c.format, FORMATS),
                    currency_select(&c.currency),
                    select("tags", "Tags become", &c.tags, TAGS),
                    AdminField {
                        name: "dry_run",
                        label: "Check only (dry run): write nothing",
                        kind: "checkbox",
                        value: if c.dry_run { "on".into() } else { String::new() },
                        ..Default::default()
                    },
                ],
                submit: "Upload",
                multipart: true,
            }),
            ..Default::default()
        },
        Section {
            title: "Export products".into(),
            text: "Every product, drafts and archived included, in Shopify's product CSV columns with its prices in one \
                   currency. The file can be imported here again."
                .into(),
            download: Some(AdminForm {
                action: "/admin/export/products.csv".into(),
                fields: vec![currency_select(&c.currency)],
                submit: "Download products CSV",
                multipart: false,
            }),
            ..Default::default()
        },
    ]
}

/// The form again, with what stopped the upload before it was read as a catalog.
async fn refused(state: &AppState, s: &Member, status: StatusCode, errors: Vec<String>, c: &Choices) -> Result<Response, PageError> {
    render(state, s, PATH, status, "Import and export", "", errors, forms(c)).await
}

pub(super) async fn form(State(state): State<AppState>, s: Staff<can::EditCatalog>) -> PageResult {
    render(&state, &s, PATH, StatusCode::OK, "Import and export", "", vec![], forms(&Choices::defaults(&state))).await
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
                    format!(
                        "file: is larger than {} MB; split it into smaller files, or import it on the server with baobab import products",
                        MAX_UPLOAD_BYTES / 1024 / 1024
                    )
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
    let options = match choices.options() {
        Ok(options) => options,
        Err(errors) => return refused(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, errors, &choices).await,
    };
    let Some(file) = upload.file else {
        let error = "file: choose a product CSV file to upload (none was sent, or it was empty)".to_string();
        return refused(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, vec![error], &choices).await;
    };
    let size = file.len();
    let open: Opener = Arc::new(move || Ok(Box::new(std::io::Cursor::new(file.clone())) as Box<dyn Read + Send>));
    let req = Request { options, dry_run: choices.dry_run, allow_private_image_hosts: false, adjust: None, on_progress: None };
    let report = match catalog_io::import_products(&state, open, req).await {
        Ok(report) => report,
        // The store refused a product the checks let through: nothing was kept.
        Err(ImportError::Store(StoreError::Invalid(v))) => {
            let errors = v.messages().into_iter().map(|m| format!("nothing was imported: {m}")).collect();
            return refused(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, errors, &choices).await;
        }
        Err(ImportError::Store(StoreError::Conflict { field, message })) => {
            let errors = vec![format!("nothing was imported: {field}: {message}")];
            return refused(&state, &s, StatusCode::CONFLICT, errors, &choices).await;
        }
        Err(ImportError::Store(e)) => return Err(e.into()),
        Err(ImportError::Io(why)) => {
            return refused(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, vec![format!("file: {why}")], &choices).await;
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

/// What the file held, every problem and warning, and what was done: 422 when a problem
/// stopped it (or it held no product), 200 otherwise.
async fn result_page(state: &AppState, s: &Member, r: &Report, file_name: &str, mut c: Choices) -> Result<Response, PageError> {
    let empty = r.problem_count == 0 && r.products == 0;
    let status = if r.problem_count > 0 || empty { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let plural = |n: u64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let (heading, notice) = if r.problem_count > 0 {
        let n = plural(r.problem_count, "problem", "problems");
        ("Nothing was imported", format!("Nothing was imported: the file has {n}. Fix them in the file and upload it again."))
    } else if empty {
        ("Nothing was imported", "Nothing was imported: the file holds no products (only a header row?).".to_string())
    } else if let Some(sum) = &r.summary {
        let text = format!(
            "Imported: {} created, {} updated; {} created, {} updated; {} created; {} added.",
            plural(sum.products_created, "product", "products"),
            sum.products_updated,
            plural(sum.variants_created, "variant", "variants"),
            sum.variants_updated,
            plural(sum.categories_created, "category", "categories"),
            plural(r.images_added, "image", "images"),
        );
        c.dry_run = true; // back to checking first
        ("Products imported", text)
    } else {
        c.dry_run = false; // the next step is the real import
        (
            "The file can be imported",
            "Checked only: no problems, and nothing was written. To import it, choose the file again and untick \"Check only\"."
                .to_string(),
        )
    };
    let name = if file_name.is_empty() { "The file".to_string() } else { file_name.to_string() };
    let counts = if r.problem_count > 0 {
        format!("{} passed the checks", plural(r.products, "product", "products"))
    } else {
        format!(
            "{}, {}, {}",
            plural(r.products, "product", "products"),
            plural(r.variants, "variant", "variants"),
            plural(r.images, "image", "images")
        )
    };
    let mut sections = vec![Section {
        title: "What the file holds".into(),
        text: format!(
            "{name}: {} format, {}; {} with the header; {counts}.",
            r.format.unwrap_or("unknown"),
            r.encoding.unwrap_or("unknown encoding"),
            plural(r.rows, "row", "rows"),
        ),
        ..Default::default()
    }];
    if r.problem_count > 0 {
        let mut text = String::from("Rows are numbered as a spreadsheet shows them: the header is row 1.");
        if r.problem_count as usize > r.problems.len() {
            text.push_str(&format!(" The first {} of {} are listed.", r.problems.len(), r.problem_count));
        }
        if r.problems.iter().any(|p| p.column.as_deref().is_some_and(|c| c.to_ascii_lowercase().contains("image"))) {
            text.push_str(
                " Images in an uploaded file must be https:// addresses on public hosts: the shop fetches them itself. \
                 Image file names work only on the server, with baobab import products --images FOLDER.",
            );
        }
        sections.push(Section {
            title: format!("Problems ({})", r.problem_count),
            text,
            head: vec!["Row", "Column", "Problem"],
            rows: r
                .problems
                .iter()
                .map(|p| vec![p.row.to_string(), p.column.clone().unwrap_or_else(|| "—".into()), p.message.clone()])
                .collect(),
            ..Default::default()
        });
    }
    if r.warning_count > 0 {
        let mut text = String::from("Fixed or skipped; they did not stop the import.");
        if r.warning_count as usize > r.warnings.len() {
            text.push_str(&format!(" The first {} of {} are listed.", r.warnings.len(), r.warning_count));
        }
        sections.push(Section {
            title: format!("Warnings ({})", r.warning_count),
            text,
            head: vec!["Warning"],
            rows: r.warnings.iter().map(|w| vec![w.clone()]).collect(),
            ..Default::default()
        });
    }
    if let Some(sum) = &r.summary {
        sections.push(Section {
            title: "Done".into(),
            text: format!("Images: {} added, {} already there.", r.images_added, r.images_already_there),
            head: vec!["", "Created", "Updated"],
            rows: vec![
                vec!["Products".into(), sum.products_created.to_string(), sum.products_updated.to_string()],
                vec!["Variants".into(), sum.variants_created.to_string(), sum.variants_updated.to_string()],
                vec!["Categories".into(), sum.categories_created.to_string(), "—".into()],
            ],
            ..Default::default()
        });
    }
    sections.extend(forms(&c));
    render(state, s, PATH, status, heading, &notice, vec![], sections).await
}
