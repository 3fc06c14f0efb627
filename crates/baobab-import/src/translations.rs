//! Catalog translations in and out, in the columns of Shopify's translation CSV ("Translate &
//! Adapt" → Export): `Type, Identification, Field, Locale, Market, Status, Default content,
//! Translated content`, one row per translated field per language.
//!
//! - **Type** `PRODUCT` or `COLLECTION` (a category). Other types Shopify exports (themes, pages,
//!   menus, metafields, options…) are skipped with a note.
//! - **Identification** names the product or category by its handle (its slug in the default
//!   language) or by Baobab's numeric id. Shopify writes its own numeric ids there, which name
//!   nothing in Baobab: replace them with the handles (the export writes handles).
//! - **Field** `title` (a category's name), `body_html` (the description, HTML turned into the
//!   plain text Baobab stores, as the product import does), `handle` (the URL slug in that
//!   language), and for products `attribute.<Name>.name` / `attribute.<Name>.value`, an
//!   attribute's name and value, `<Name>` being the attribute's name in the default language
//!   (Shopify keys its metafields and options by its own ids; Baobab's attributes have none).
//!   Shopify's other fields (`meta_title`, `product_type`…) are skipped with a note.
//! - **Locale** the language (`fr`, `pt-BR`), read in lower case.
//! - **Market** must be empty: rows adapting content to one market are skipped with a note.
//! - **Status** and **Default content** are written for the translator and not read back.
//! - **Translated content** empty: the row is skipped (nothing is removed).
//!
//! The file must be UTF-8 (a byte-order mark is fine): translations are mostly in scripts and
//! letters Windows-1252 cannot hold, so a file in another encoding is refused at its first such
//! cell rather than guessed at.

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Read, Write};

use baobab_domain::catalog::{Category, Product};
use baobab_domain::slug::validate_slug;
use baobab_domain::translation::{CategoryTranslation, ProductTranslation, validate_lang};

use crate::export::ExportError;
use crate::problem::Problem;
use crate::reader::sniff_delimiter;
use crate::text::{escape_formula, html_to_text, text_to_html, unescape_formula};

/// The columns, as Shopify names them, in its order.
pub const TRANSLATION_COLUMNS: [&str; 8] =
    ["Type", "Identification", "Field", "Locale", "Market", "Status", "Default content", "Translated content"];

/// Columns a file must have to be read.
const REQUIRED: [&str; 5] = ["Type", "Identification", "Field", "Locale", "Translated content"];

/// Shopify's fields of products and collections that Baobab does not translate (skipped).
const SHOPIFY_ONLY_FIELDS: [&str; 4] = ["meta_title", "meta_description", "product_type", "seo"];

/// What a row translates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TranslatedKind {
    /// Shopify's `PRODUCT`.
    Product,
    /// Shopify's `COLLECTION`: a category.
    Category,
}

impl TranslatedKind {
    pub fn code(self) -> &'static str {
        match self {
            TranslatedKind::Product => "PRODUCT",
            TranslatedKind::Category => "COLLECTION",
        }
    }

    pub fn noun(self) -> &'static str {
        match self {
            TranslatedKind::Product => "product",
            TranslatedKind::Category => "category",
        }
    }
}

/// Which field of a product or category a row translates.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TranslatedField {
    /// `title`: a product's title, a category's name.
    Title,
    /// `body_html`: the description (plain text once read).
    Description,
    /// `handle`: the slug in the row's language.
    Slug,
    /// `attribute.<Name>.name`: the name of the attribute called `<Name>` in the default language.
    AttributeName(String),
    /// `attribute.<Name>.value`.
    AttributeValue(String),
}

impl TranslatedField {
    /// The Field cell.
    pub fn code(&self) -> String {
        match self {
            TranslatedField::Title => "title".into(),
            TranslatedField::Description => "body_html".into(),
            TranslatedField::Slug => "handle".into(),
            TranslatedField::AttributeName(n) => format!("attribute.{n}.name"),
            TranslatedField::AttributeValue(n) => format!("attribute.{n}.value"),
        }
    }

    /// The domain's name for it in a translation's field names (`translations.fr.<part>`).
    pub fn part(&self, kind: TranslatedKind) -> String {
        match (self, kind) {
            (TranslatedField::Title, TranslatedKind::Category) => "name".into(),
            (TranslatedField::Title, _) => "title".into(),
            (TranslatedField::Description, _) => "description".into(),
            (TranslatedField::Slug, _) => "slug".into(),
            (TranslatedField::AttributeName(n) | TranslatedField::AttributeValue(n), _) => format!("attributes.{n}"),
        }
    }

    fn parse(kind: TranslatedKind, code: &str) -> Result<Option<TranslatedField>, String> {
        let lower = code.to_ascii_lowercase();
        match lower.as_str() {
            "title" => return Ok(Some(TranslatedField::Title)),
            "body_html" => return Ok(Some(TranslatedField::Description)),
            "handle" => return Ok(Some(TranslatedField::Slug)),
            _ => {}
        }
        if let Some(rest) = code.strip_prefix("attribute.") {
            if kind == TranslatedKind::Category {
                return Err("categories have no attributes; a COLLECTION row translates title, body_html or handle".into());
            }
            let (name, part) = match (rest.strip_suffix(".name"), rest.strip_suffix(".value")) {
                (Some(n), _) => (n, true),
                (_, Some(n)) => (n, false),
                _ => return Err("an attribute's field is attribute.<Name>.name or attribute.<Name>.value".into()),
            };
            if name.trim().is_empty() {
                return Err("names no attribute: write attribute.<Name>.name with the attribute's name in the default language".into());
            }
            let name = name.trim().to_string();
            return Ok(Some(if part { TranslatedField::AttributeName(name) } else { TranslatedField::AttributeValue(name) }));
        }
        if SHOPIFY_ONLY_FIELDS.contains(&lower.as_str()) {
            return Ok(None);
        }
        Err(format!(
            "unknown field `{}` (a {} row translates title, body_html, handle{})",
            code.chars().take(60).collect::<String>(),
            kind.code(),
            if kind == TranslatedKind::Product { ", attribute.<Name>.name or attribute.<Name>.value" } else { "" }
        ))
    }
}

/// One translated field read from a file, checked as far as the file alone allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranslationRow {
    /// The row as a spreadsheet numbers it.
    pub row: u64,
    pub kind: TranslatedKind,
    /// A handle (slug) or a numeric id, as written (a leading `'` removed).
    pub identification: String,
    pub field: TranslatedField,
    /// Lower case (`pt-br`).
    pub lang: String,
    /// Trimmed; a description converted from HTML to text.
    pub content: String,
}

/// The header's column positions.
struct Columns {
    kind: usize,
    id: usize,
    field: usize,
    locale: usize,
    market: Option<usize>,
    content: usize,
    names: Vec<String>,
}

/// Reads a translation CSV one row at a time. Memory: the identifiers of the fields and slugs
/// seen (to refuse a field given twice, or a slug given to two items in one language).
pub struct TranslationReader<R: Read> {
    csv: csv::Reader<BufReader<R>>,
    record: csv::ByteRecord,
    columns: Option<Columns>,
    /// A problem that ends the file (unreadable, not UTF-8, no header).
    fatal: Option<Problem>,
    done: bool,
    rows: u64,
    empty: u64,
    /// (kind, identification, field, lang) → first row.
    fields: HashMap<(TranslatedKind, String, TranslatedField, String), u64>,
    /// (kind, lang, slug) → (identification, first row).
    slugs: HashMap<(TranslatedKind, String, String), (String, u64)>,
    /// What was skipped, by reason: (first row, count).
    skipped: BTreeMap<String, (u64, u64)>,
}

impl<R: Read> TranslationReader<R> {
    pub fn new(input: R) -> TranslationReader<R> {
        let mut buf = BufReader::with_capacity(64 * 1024, input);
        let mut fatal = None;
        let mut delimiter = b',';
        match buf.fill_buf() {
            Ok(head) => {
                let bom = head.starts_with(&[0xEF, 0xBB, 0xBF]);
                if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
                    fatal = Some(Problem::at_row(1, "the file is UTF-16 (Excel's \"Unicode Text\"); save it as \"CSV UTF-8\" instead"));
                } else if head.is_empty() || (bom && head.len() == 3) {
                    fatal = Some(Problem::at_row(
                        1,
                        "the file is empty: it needs a header row (Type, Identification, Field, Locale, Market, Status, Default content, Translated content) and a row per translated field",
                    ));
                }
                delimiter = sniff_delimiter(if bom { &head[3..] } else { head });
                if bom {
                    buf.consume(3);
                }
            }
            Err(e) => fatal = Some(Problem::at_row(1, format!("the file could not be read: {e}"))),
        }
        let csv = csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(buf);
        TranslationReader {
            csv,
            record: csv::ByteRecord::new(),
            columns: None,
            fatal,
            done: false,
            rows: 0,
            empty: 0,
            fields: HashMap::new(),
            slugs: HashMap::new(),
            skipped: BTreeMap::new(),
        }
    }

    /// Rows read so far, the header included.
    pub fn rows_read(&self) -> u64 {
        self.rows
    }

    /// Rows skipped because their Translated content is empty.
    pub fn empty_rows(&self) -> u64 {
        self.empty
    }

    /// Rows skipped for another reason, one note per reason (with the first such row).
    pub fn notes(&self) -> Vec<Problem> {
        self.skipped.iter().map(|(why, (row, n))| Problem::at_row(*row, format!("{n} row(s) skipped: {why}"))).collect()
    }

    fn skip(&mut self, row: u64, why: String) {
        self.skipped.entry(why).or_insert((row, 0)).1 += 1;
    }

    /// The next record's cells, decoded; `None` at the end or after a fatal problem.
    fn next_cells(&mut self) -> Option<(u64, Vec<String>)> {
        match self.csv.read_byte_record(&mut self.record) {
            Ok(false) => None,
            Err(e) => {
                self.fatal = Some(Problem::at_row(self.rows + 1, format!("the file could not be read: {e}")));
                None
            }
            Ok(true) => {
                self.rows += 1;
                let n = self.record.position().map(|p| p.record() + 1).unwrap_or(self.rows);
                let mut cells = Vec::with_capacity(self.record.len());
                for (i, bytes) in self.record.iter().enumerate() {
                    match std::str::from_utf8(bytes) {
                        Ok(s) => cells.push(s.to_string()),
                        Err(e) => {
                            let column = match &self.columns {
                                Some(c) => c.names.get(i).cloned().unwrap_or_else(|| format!("column {}", i + 1)),
                                None => format!("column {}", i + 1),
                            };
                            let at = String::from_utf8_lossy(&bytes[..e.valid_up_to()]).chars().count() + 1;
                            self.fatal = Some(Problem::new(
                                n,
                                Some(&column),
                                format!(
                                    "byte 0x{:02X} (character {at} of the cell) is not UTF-8: translations are read as UTF-8 only; save the file as \"CSV UTF-8\"",
                                    bytes[e.valid_up_to()]
                                ),
                            ));
                            return None;
                        }
                    }
                }
                Some((n, cells))
            }
        }
    }

    fn read_header(&mut self) {
        let Some((_, cells)) = self.next_cells() else {
            if self.fatal.is_none() {
                self.fatal = Some(Problem::at_row(1, "the file is empty: it needs a header row and a row per translated field"));
            }
            return;
        };
        let names: Vec<String> = cells.iter().map(|c| c.trim().trim_start_matches('\u{feff}').trim().to_string()).collect();
        let find = |name: &str| names.iter().position(|n| n.eq_ignore_ascii_case(name));
        let missing: Vec<&str> = REQUIRED.iter().copied().filter(|r| find(r).is_none()).collect();
        if !missing.is_empty() {
            self.fatal = Some(Problem::at_row(
                1,
                format!(
                    "the header row lacks the column(s) {}: a translation file has the columns {}",
                    missing.iter().map(|m| format!("\"{m}\"")).collect::<Vec<_>>().join(", "),
                    TRANSLATION_COLUMNS.join(", ")
                ),
            ));
            return;
        }
        let at = |name: &str| find(name).unwrap_or_default();
        self.columns = Some(Columns {
            kind: at("Type"),
            id: at("Identification"),
            field: at("Field"),
            locale: at("Locale"),
            market: find("Market"),
            content: at("Translated content"),
            names,
        });
    }

    /// Reads one data row: a translation, a problem, or nothing (skipped).
    fn row(&mut self, n: u64, cells: &[String]) -> Option<Result<TranslationRow, Problem>> {
        let c = self.columns.as_ref().expect("header read");
        let get = |i: usize| cells.get(i).map(|s| unescape_formula(s.trim())).unwrap_or("");
        if cells.iter().all(|s| s.trim().is_empty()) {
            return None;
        }
        let (type_cell, id, field_cell, locale, content) = (get(c.kind), get(c.id), get(c.field), get(c.locale), get(c.content));
        let market = c.market.map(get).unwrap_or("");
        let names = (c.names[c.kind].clone(), c.names[c.id].clone(), c.names[c.field].clone(), c.names[c.locale].clone());
        let content_col = c.names[c.content].clone();
        let kind = match type_cell.to_ascii_uppercase().as_str() {
            "PRODUCT" => TranslatedKind::Product,
            "COLLECTION" => TranslatedKind::Category,
            "" => return Some(Err(Problem::new(n, Some(&names.0), "is empty: PRODUCT or COLLECTION"))),
            other => {
                let other: String = other.chars().take(40).collect();
                self.skip(n, format!("Type {other} is not imported (only PRODUCT and COLLECTION are)"));
                return None;
            }
        };
        if content.is_empty() {
            self.empty += 1;
            return None;
        }
        if !market.is_empty() {
            self.skip(n, "translations for one market (the Market column) are not imported: Baobab translates per language".into());
            return None;
        }
        let field = match TranslatedField::parse(kind, field_cell) {
            Ok(Some(f)) => f,
            Ok(None) => {
                self.skip(n, format!("Field {} is not translated in Baobab", field_cell.to_ascii_lowercase()));
                return None;
            }
            Err(msg) => return Some(Err(Problem::new(n, Some(&names.2), msg))),
        };
        // Shopify writes its numeric ids with a leading quote, so spreadsheets keep them as text.
        let id = id.strip_prefix('\'').filter(|rest| !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit())).unwrap_or(id);
        if id.is_empty() {
            return Some(Err(Problem::new(n, Some(&names.1), format!("is empty: the {}'s handle or id", kind.noun()))));
        }
        let lang = locale.to_ascii_lowercase();
        if lang.is_empty() {
            return Some(Err(Problem::new(n, Some(&names.3), "is empty: the language translated into, such as fr")));
        }
        if validate_lang("Locale", &lang).is_err() {
            let shown: String = locale.chars().take(40).collect();
            return Some(Err(Problem::new(n, Some(&names.3), format!("`{shown}` is not a language code such as fr or pt-BR"))));
        }
        let content = match field {
            TranslatedField::Description => html_to_text(content),
            _ => content.to_string(),
        };
        if field == TranslatedField::Slug {
            if let Err(e) = validate_slug("handle", &content) {
                let shown: String = content.chars().take(60).collect();
                let msg = e.errors.first().map(|e| e.message.clone()).unwrap_or_default();
                return Some(Err(Problem::new(n, Some(&content_col), format!("`{shown}` is not a handle: it {msg}"))));
            }
            let key = (kind, lang.clone(), content.clone());
            if let Some((other, row)) = self.slugs.get(&key)
                && *other != id
            {
                return Some(Err(Problem::new(
                    n,
                    Some(&content_col),
                    format!(
                        "the handle `{content}` is also given to {} `{other}` in {lang} on row {row}: one URL cannot name two",
                        kind.noun()
                    ),
                )));
            }
            self.slugs.entry(key).or_insert((id.to_string(), n));
        }
        let key = (kind, id.to_string(), field.clone(), lang.clone());
        if let Some(first) = self.fields.get(&key) {
            return Some(Err(Problem::new(
                n,
                Some(&names.2),
                format!("{} of {} `{id}` in {lang} is given twice (first on row {first}); keep one row", field.code(), kind.noun()),
            )));
        }
        self.fields.insert(key, n);
        Some(Ok(TranslationRow { row: n, kind, identification: id.to_string(), field, lang, content }))
    }
}

impl<R: Read> Iterator for TranslationReader<R> {
    type Item = Result<TranslationRow, Problem>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            if let Some(p) = self.fatal.take() {
                self.done = true;
                return Some(Err(p));
            }
            if self.columns.is_none() {
                self.read_header();
                if self.columns.is_none() {
                    continue;
                }
            }
            let Some((n, cells)) = self.next_cells() else {
                if self.fatal.is_none() {
                    self.done = true;
                }
                continue;
            };
            if let Some(item) = self.row(n, &cells) {
                return Some(item);
            }
        }
    }
}

/// Writes translations in [`TRANSLATION_COLUMNS`]: per item and language, a row for every field
/// it can translate, the translation in "Translated content" or empty where there is none yet
/// (a translator fills those in; the import skips them while empty).
pub struct TranslationWriter<W: Write> {
    csv: csv::Writer<W>,
}

impl<W: Write> TranslationWriter<W> {
    pub fn new(out: W) -> Result<TranslationWriter<W>, ExportError> {
        let mut csv = csv::WriterBuilder::new().from_writer(out);
        csv.write_record(TRANSLATION_COLUMNS)?;
        Ok(TranslationWriter { csv })
    }

    fn row(
        &mut self,
        kind: TranslatedKind,
        id: &str,
        field: &TranslatedField,
        lang: &str,
        default: &str,
        translated: Option<&str>,
    ) -> Result<(), ExportError> {
        let code = field.code();
        let translated = translated.map(|t| escape_formula(t).into_owned()).unwrap_or_default();
        self.csv.write_record([
            kind.code(),
            &escape_formula(id),
            &escape_formula(&code),
            lang,
            "",
            "",
            &escape_formula(default),
            &translated,
        ])?;
        Ok(())
    }

    /// A product's rows in `lang`, identified by its (default) handle.
    pub fn write_product(&mut self, p: &Product, lang: &str, t: Option<&ProductTranslation>) -> Result<(), ExportError> {
        let k = TranslatedKind::Product;
        let empty = ProductTranslation::default();
        let t = t.unwrap_or(&empty);
        self.row(k, &p.slug, &TranslatedField::Title, lang, &p.title, t.title.as_deref())?;
        if !p.description.is_empty() || t.description.is_some() {
            let html = t.description.as_deref().map(text_to_html);
            self.row(k, &p.slug, &TranslatedField::Description, lang, &text_to_html(&p.description), html.as_deref())?;
        }
        self.row(k, &p.slug, &TranslatedField::Slug, lang, &p.slug, t.slug.as_deref())?;
        for a in &p.attributes {
            let at = t.attributes.get(&a.name);
            self.row(k, &p.slug, &TranslatedField::AttributeName(a.name.clone()), lang, &a.name, at.and_then(|x| x.name.as_deref()))?;
            self.row(k, &p.slug, &TranslatedField::AttributeValue(a.name.clone()), lang, &a.value, at.and_then(|x| x.value.as_deref()))?;
        }
        Ok(())
    }

    /// A category's rows in `lang`, identified by its (default) handle.
    pub fn write_category(&mut self, c: &Category, lang: &str, t: Option<&CategoryTranslation>) -> Result<(), ExportError> {
        let k = TranslatedKind::Category;
        let empty = CategoryTranslation::default();
        let t = t.unwrap_or(&empty);
        self.row(k, &c.slug, &TranslatedField::Title, lang, &c.name, t.name.as_deref())?;
        if !c.description.is_empty() || t.description.is_some() {
            let html = t.description.as_deref().map(text_to_html);
            self.row(k, &c.slug, &TranslatedField::Description, lang, &text_to_html(&c.description), html.as_deref())?;
        }
        self.row(k, &c.slug, &TranslatedField::Slug, lang, &c.slug, t.slug.as_deref())
    }

    /// Flushes and hands back the output.
    pub fn finish(self) -> Result<W, ExportError> {
        self.csv.into_inner().map_err(|e| ExportError::Io(e.into_error()))
    }
}
