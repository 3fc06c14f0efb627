//! `baobab import products|translations` and `baobab export products|orders|translations`: catalog,
//! translation and order CSV files.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use baobab_domain::Currency;
use baobab_import::{Format, ImportOptions, TagsAs, parse_currency};
use baobab_web::AppState;
use baobab_web::catalog_io::{Report, Request, Stage};
use chrono::NaiveDate;

pub fn parse_format(s: &str) -> Result<Format, String> {
    match s {
        "auto" => Ok(Format::Auto),
        "shopify" => Ok(Format::Shopify),
        "woocommerce" => Ok(Format::WooCommerce),
        other => Err(format!("unknown format `{other}` (valid: auto, shopify, woocommerce)")),
    }
}

pub fn parse_tags(s: &str) -> Result<TagsAs, String> {
    match s {
        "attributes" => Ok(TagsAs::Attributes),
        "category" => Ok(TagsAs::Category),
        other => Err(format!("unknown tags mapping `{other}` (valid: attributes, category)")),
    }
}

pub fn parse_code(s: &str) -> Result<Currency, String> {
    parse_currency(s)
}

pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("`{s}` is not a date like 2026-01-31"))
}

/// What `import products` was asked.
pub struct ImportArgs {
    pub file: PathBuf,
    pub dry_run: bool,
    pub format: Format,
    pub currency: Option<Currency>,
    pub tags: TagsAs,
    pub images: Option<PathBuf>,
    pub allow_private_image_hosts: bool,
}

/// A one-line progress bar on stderr (redrawn in place on a terminal, a line per stage otherwise).
fn progress_bar() -> baobab_web::catalog_io::OnProgress {
    let tty = std::io::stderr().is_terminal();
    let last: Mutex<Option<Stage>> = Mutex::new(None);
    Arc::new(move |stage, done, total| {
        let mut err = std::io::stderr().lock();
        let label = match stage {
            Stage::Checking => "checking",
            Stage::Importing => "importing",
            Stage::Images => "images",
        };
        let mut last = last.lock().unwrap_or_else(|e| e.into_inner());
        if !tty {
            if *last != Some(stage) && total.is_some_and(|t| done >= t) {
                let _ = writeln!(err, "{label}: {done} done");
                *last = Some(stage);
            }
            return;
        }
        let width = 30usize;
        let bar = match total {
            Some(t) if t > 0 => {
                let filled = (done.min(t) as usize * width) / t as usize;
                format!("[{}{}] {done}/{t}", "#".repeat(filled), "-".repeat(width - filled))
            }
            _ => format!("{done}"),
        };
        let end = if *last != Some(stage) && last.is_some() { "\n" } else { "" };
        let _ = write!(err, "{end}\r{label:<10} {bar}   ");
        let _ = err.flush();
        *last = Some(stage);
    })
}

/// Runs the import and prints its report; an error when the file was refused.
pub async fn import(state: &AppState, args: ImportArgs) -> anyhow::Result<()> {
    let image_dir = baobab_web::catalog_io::image_dir(args.images.clone()).map_err(anyhow::Error::msg)?;
    let path = args.file.clone();
    std::fs::File::open(&path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    let mut options = ImportOptions::new(args.format, args.currency.unwrap_or(state.settings.default_currency));
    options.tags = args.tags;
    options.image_dir = image_dir;
    let open: baobab_web::catalog_io::Opener = Arc::new(move || Ok(Box::new(std::fs::File::open(&path)?) as Box<dyn std::io::Read + Send>));
    let req = Request {
        options,
        dry_run: args.dry_run,
        allow_private_image_hosts: args.allow_private_image_hosts,
        adjust: None,
        on_progress: Some(progress_bar()),
    };
    let report = baobab_web::catalog_io::import_products(state, open, req).await?;
    eprintln!();
    print_report(&report, &args.file.display().to_string());
    if report.problem_count > 0 {
        anyhow::bail!("{} problem(s) in {}: nothing was imported", report.problem_count, args.file.display());
    }
    Ok(())
}

/// The problems or warnings a report lists, and how many more it counted.
fn print_listed(out: &mut dyn Write, what: &str, listed: &[impl std::fmt::Display], count: u64) {
    for item in listed {
        let _ = writeln!(out, "{what}: {item}");
    }
    if count as usize > listed.len() {
        let _ = writeln!(out, "… and {} more {what}s", count as usize - listed.len());
    }
}

fn print_report(r: &Report, name: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "{name}: {} format, {}; {} rows, {} products, {} variants, {} images",
        r.format.unwrap_or("unknown"),
        r.encoding.unwrap_or("unknown encoding"),
        r.rows,
        r.products,
        r.variants,
        r.images
    );
    print_listed(&mut out, "problem", &r.problems, r.problem_count);
    print_listed(&mut out, "warning", &r.warnings, r.warning_count);
    match (&r.summary, r.dry_run) {
        (_, true) if r.problem_count == 0 => {
            let _ = writeln!(out, "dry run: the file can be imported; nothing was written");
        }
        (Some(s), _) => {
            let _ = writeln!(
                out,
                "imported: {} products created, {} updated; {} variants created, {} updated; {} categories created; {} images added, {} already there",
                s.products_created,
                s.products_updated,
                s.variants_created,
                s.variants_updated,
                s.categories_created,
                r.images_added,
                r.images_already_there
            );
        }
        _ => {}
    }
}

/// Writes every product (drafts and archived included) in Shopify's product CSV columns.
pub async fn export_products(state: &AppState, currency: Option<Currency>, out: &mut dyn Write) -> anyhow::Result<u64> {
    Ok(baobab_web::catalog_export::export_products(state, currency, out).await?)
}

/// Writes one row per order line, newest order first, of the orders placed in [from, to].
pub async fn export_orders(state: &AppState, from: Option<NaiveDate>, to: Option<NaiveDate>, out: &mut dyn Write) -> anyhow::Result<u64> {
    Ok(baobab_web::catalog_export::export_orders(state, from, to, out).await?)
}

/// Runs `import translations` and prints its report; an error when the file was refused.
pub async fn import_translations(state: &AppState, file: PathBuf, dry_run: bool) -> anyhow::Result<()> {
    use baobab_web::catalog_io::translations::{self, TranslationRequest};
    std::fs::File::open(&file).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    let path = file.clone();
    let open: baobab_web::catalog_io::Opener = Arc::new(move || Ok(Box::new(std::fs::File::open(&path)?) as Box<dyn std::io::Read + Send>));
    let r = translations::import_translations(state, open, TranslationRequest { dry_run, skip_unoffered: false }).await?;
    let mut out = std::io::stdout().lock();
    let langs = if r.languages.is_empty() { "no language".to_string() } else { r.languages.join(", ") };
    let _ = writeln!(
        out,
        "{}: {} rows, {} translated fields ({} empty rows skipped) for {} products and {} categories in {langs}",
        file.display(),
        r.rows,
        r.fields,
        r.empty_rows,
        r.products,
        r.categories
    );
    print_listed(&mut out, "problem", &r.problems, r.problem_count);
    print_listed(&mut out, "warning", &r.warnings, r.warning_count);
    if r.problem_count > 0 {
        drop(out);
        anyhow::bail!("{} problem(s) in {}: nothing was imported", r.problem_count, file.display());
    }
    match &r.summary {
        None => {
            let _ = writeln!(out, "dry run: the file can be imported; nothing was written");
        }
        Some(s) => {
            let _ = writeln!(
                out,
                "imported: {} product translations written, {} unchanged; {} category translations written, {} unchanged",
                s.products_written, s.products_unchanged, s.categories_written, s.categories_unchanged
            );
        }
    }
    Ok(())
}

/// Writes the catalog's translations into `lang` (every language the shop translates into when
/// `None`) in the translation CSV's columns. Returns (items × languages written, languages).
pub async fn export_translations(state: &AppState, lang: Option<&str>, out: &mut dyn Write) -> anyhow::Result<(u64, Vec<String>)> {
    use baobab_web::catalog_io::translations;
    let langs = translations::export_languages(state, lang).map_err(anyhow::Error::msg)?;
    let n = translations::export_translations(state, &langs, out).await?;
    Ok((n, langs))
}
