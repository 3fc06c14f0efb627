//! The streaming product reader: one product at a time, problems with row and column.

mod common;
mod shopify;
mod woo;

use std::collections::{HashMap, VecDeque};
use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;

use baobab_domain::Currency;

use crate::model::ImportedProduct;
use crate::problem::Problem;
use crate::text::{Decoder, Encoding, unescape_formula};

/// Which kind of file to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Decide from the header row.
    Auto,
    /// Shopify's product CSV, current or older column names.
    Shopify,
    /// WooCommerce's product CSV export.
    WooCommerce,
}

/// What a product's tags become: Baobab has no tags of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TagsAs {
    /// `Name:Value` tags become the attribute `Name` (values of one name joined with `, `);
    /// other tags are joined into one attribute `Tags`.
    #[default]
    Attributes,
    /// The first tag is the product's category (`>` separates levels), replacing the category
    /// the file's columns give; the other tags become the attribute `Tags`.
    Category,
}

/// How to read a file.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub format: Format,
    /// The currency the file's prices are in (a product file carries no currency of its own;
    /// a `Currency` column, when present, must agree).
    pub currency: Currency,
    pub tags: TagsAs,
    /// Where image cells that are not URLs are looked up (`None`: such cells are problems).
    pub image_dir: Option<PathBuf>,
}

impl ImportOptions {
    pub fn new(format: Format, currency: Currency) -> ImportOptions {
        ImportOptions { format, currency, tags: TagsAs::default(), image_dir: None }
    }
}

/// The longest row accepted: longer means a quote that is never closed swallowed the file.
const MAX_ROW_BYTES: usize = 1 << 20;

/// What the reader yields: a checked product, or every problem found in its rows.
pub type ReadResult = Result<ImportedProduct, Vec<Problem>>;

/// State shared by the format readers: options, what was seen, what is ready to hand out.
pub(crate) struct Ctx {
    pub opts: ImportOptions,
    /// Normalised SKUs seen, with the row that first used each.
    pub skus: Seen,
    /// Handles seen, with the first row of the product that has each.
    pub handles: Seen,
    pub out: VecDeque<ReadResult>,
    pub notes: Vec<Problem>,
}

/// A set of identifiers with the row each was first seen on. It keeps a 64-bit fingerprint of
/// each identifier, not the text: 12 bytes an entry whatever the SKU's length, so a file of a
/// million SKUs needs some 25 MB. Two different SKUs share a fingerprint with a chance of about
/// one in 30 million in such a file (then the second is reported as a duplicate).
#[derive(Default)]
pub(crate) struct Seen {
    map: HashMap<u64, u32>,
}

impl Seen {
    fn fingerprint(id: &str) -> u64 {
        use std::hash::{Hash, Hasher};
        // SipHash with fixed keys: the same fingerprint on every run.
        let mut h = std::hash::DefaultHasher::new();
        id.hash(&mut h);
        h.finish()
    }

    /// The row `id` was first seen on.
    pub fn get(&self, id: &str) -> Option<u64> {
        self.map.get(&Seen::fingerprint(id)).map(|r| *r as u64)
    }

    pub fn insert(&mut self, id: &str, row: u64) {
        self.map.entry(Seen::fingerprint(id)).or_insert(row.min(u32::MAX as u64) as u32);
    }
}

/// One data row: its number and its decoded cells.
pub(crate) struct Row {
    pub n: u64,
    pub cells: Vec<String>,
}

impl Row {
    /// The trimmed cell of column `i`, with a formula escape (`'=…`) undone; `""` when absent.
    pub fn get(&self, i: Option<usize>) -> &str {
        match i.and_then(|i| self.cells.get(i)) {
            Some(c) => unescape_formula(c.trim()),
            None => "",
        }
    }

    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// The header row, decoded, with the name lookups both formats need.
pub(crate) struct Header {
    pub names: Vec<String>,
    lower: Vec<String>,
}

impl Header {
    fn new(names: Vec<String>) -> Header {
        let lower = names.iter().map(|n| n.to_lowercase()).collect();
        Header { names, lower }
    }

    /// The first column named any of `aliases` (case-insensitive).
    pub fn find(&self, aliases: &[&str]) -> Option<usize> {
        aliases.iter().find_map(|a| {
            let a = a.to_lowercase();
            self.lower.iter().position(|n| *n == a)
        })
    }

    pub fn lower(&self) -> &[String] {
        &self.lower
    }

    /// A problem for every name among `aliases` that appears more than once.
    pub fn duplicates(&self, aliases: &[&str]) -> Vec<Problem> {
        let mut out = Vec::new();
        for a in aliases {
            let a = a.to_lowercase();
            let at: Vec<usize> = self.lower.iter().enumerate().filter(|(_, n)| **n == a).map(|(i, _)| i + 1).collect();
            if at.len() > 1 {
                let name = &self.names[at[0] - 1];
                out.push(Problem::new(
                    1,
                    Some(name),
                    format!("the column appears {} times (columns {}); keep one", at.len(), join_numbers(&at)),
                ));
            }
        }
        out
    }
}

fn join_numbers(n: &[usize]) -> String {
    n.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(", ")
}

enum Stage {
    Header,
    Shopify(Box<shopify::Shopify>),
    Woo(Box<woo::Woo>),
    Done,
}

/// Reads products from a Shopify or WooCommerce CSV file, one at a time.
///
/// Memory: a Shopify file holds only the product being read (its rows are consecutive) plus
/// a fingerprint of each SKU and handle seen so far, for duplicate detection (about 12 bytes
/// each; see `Seen`). A WooCommerce export lists
/// variations after unrelated products (it sorts rows by id), so its variable products are held
/// until the file ends; simple products stream.
///
/// Once the file cannot be read on (an unreadable encoding, a broken header, an I/O error), the
/// reader yields that problem and then ends.
pub struct ProductReader<R: Read> {
    csv: csv::Reader<BufReader<R>>,
    record: csv::ByteRecord,
    decoder: Decoder,
    ctx: Ctx,
    stage: Stage,
    header: Option<Header>,
    /// Columns whose cells are decoded (the others are never looked at).
    used: Vec<bool>,
    rows: u64,
}

impl<R: Read> ProductReader<R> {
    /// A reader with the default options (tags become attributes, no image folder).
    pub fn new(input: R, format: Format, currency: Currency) -> ProductReader<R> {
        ProductReader::with_options(input, ImportOptions::new(format, currency))
    }

    pub fn with_options(input: R, opts: ImportOptions) -> ProductReader<R> {
        let mut buf = BufReader::with_capacity(64 * 1024, input);
        let mut notes = Vec::new();
        let mut out = VecDeque::new();
        let mut bom = false;
        let mut delimiter = b',';
        let mut stage = Stage::Header;
        match buf.fill_buf() {
            Ok(head) => {
                if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
                    bom = true;
                } else if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
                    out.push_back(Err(vec![Problem::at_row(
                        1,
                        "the file is UTF-16 (Excel's \"Unicode Text\"); save it as \"CSV UTF-8\" instead",
                    )]));
                    stage = Stage::Done;
                }
                let head = if bom { &head[3..] } else { head };
                delimiter = sniff_delimiter(head);
                if delimiter != b',' {
                    notes.push(Problem::at_row(
                        1,
                        format!("the columns are separated by \"{}\", not commas; read that way", delimiter as char),
                    ));
                }
            }
            Err(e) => {
                out.push_back(Err(vec![Problem::at_row(1, format!("the file could not be read: {e}"))]));
                stage = Stage::Done;
            }
        }
        if bom {
            buf.consume(3);
        }
        let csv = csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(buf);
        ProductReader {
            csv,
            record: csv::ByteRecord::new(),
            decoder: Decoder::new(bom),
            ctx: Ctx { opts, skus: Seen::default(), handles: Seen::default(), out, notes },
            stage,
            header: None,
            used: Vec::new(),
            rows: 0,
        }
    }

    /// How the file's bytes were read (so far).
    pub fn encoding(&self) -> Encoding {
        self.decoder.encoding
    }

    /// The format in use, once the header is read.
    pub fn format(&self) -> Option<Format> {
        match self.stage {
            Stage::Shopify(_) => Some(Format::Shopify),
            Stage::Woo(_) => Some(Format::WooCommerce),
            _ => None,
        }
    }

    /// Rows read so far, the header included.
    pub fn rows_read(&self) -> u64 {
        self.rows
    }

    /// Notes about the whole file that do not stop the import: the file was converted from
    /// Windows-1252, a delimiter other than a comma, rows skipped (grouped products…).
    pub fn notes(&self) -> Vec<Problem> {
        let mut notes = self.ctx.notes.clone();
        if let Some(row) = self.decoder.converted_from_row() {
            notes.insert(
                0,
                Problem::at_row(
                    row,
                    "the file is not UTF-8; it was read as Windows-1252 (Excel's \"CSV (Comma delimited)\") and converted; check accented letters, or save the file as \"CSV UTF-8\"",
                ),
            );
        }
        notes
    }

    fn fatal(&mut self, p: Problem) {
        self.ctx.out.push_back(Err(vec![p]));
        self.stage = Stage::Done;
    }

    /// Reads one record; `None` at the end of the file (or after a fatal problem).
    fn next_row(&mut self) -> Option<Row> {
        match self.csv.read_byte_record(&mut self.record) {
            Ok(false) => None,
            Err(e) => {
                let row = self.rows + 1;
                self.fatal(Problem::at_row(row, format!("the file could not be read: {e}")));
                None
            }
            Ok(true) => {
                self.rows += 1;
                let n = self.record.position().map(|p| p.record() + 1).unwrap_or(self.rows);
                if self.record.as_slice().len() > MAX_ROW_BYTES {
                    self.fatal(Problem::at_row(n, "the row is over 1 MB long: a cell probably opens a quote (\") that is never closed"));
                    return None;
                }
                let mut cells = Vec::with_capacity(self.record.len());
                for (i, bytes) in self.record.iter().enumerate() {
                    if self.header.is_some() && !self.used.get(i).copied().unwrap_or(false) {
                        cells.push(String::new());
                        continue;
                    }
                    let column = match &self.header {
                        Some(h) => h.names.get(i).cloned().unwrap_or_else(|| format!("column {}", i + 1)),
                        None => format!("column {}", i + 1),
                    };
                    match self.decoder.decode(bytes, n, &column) {
                        Ok(s) => cells.push(s),
                        Err(p) => {
                            self.fatal(p);
                            return None;
                        }
                    }
                }
                Some(Row { n, cells })
            }
        }
    }

    fn read_header(&mut self) {
        let Some(row) = self.next_row() else {
            if !matches!(self.stage, Stage::Done) {
                self.fatal(Problem::at_row(1, "the file is empty: it needs a header row and one row per variant"));
            }
            return;
        };
        let names: Vec<String> = row.cells.iter().map(|c| c.trim().trim_start_matches('\u{feff}').trim().to_string()).collect();
        let header = Header::new(names);
        let format = match self.ctx.opts.format {
            Format::Auto => {
                if shopify::recognises(&header) {
                    Format::Shopify
                } else if woo::recognises(&header) {
                    Format::WooCommerce
                } else {
                    self.fatal(Problem::at_row(
                        1,
                        "the header row is neither a Shopify product CSV (it needs \"Handle\" or \"URL handle\", and \"Title\") nor a WooCommerce product export (it needs \"Type\", \"SKU\", \"Name\" and \"Regular price\")",
                    ));
                    return;
                }
            }
            f => f,
        };
        let built = match format {
            Format::Shopify => shopify::Shopify::new(&header).map(|(s, used)| (Stage::Shopify(Box::new(s)), used)),
            _ => woo::Woo::new(&header).map(|(w, used)| (Stage::Woo(Box::new(w)), used)),
        };
        match built {
            Ok((stage, used)) => {
                self.used = used;
                self.stage = stage;
                self.header = Some(header);
            }
            Err(problems) => {
                self.ctx.out.push_back(Err(problems));
                self.stage = Stage::Done;
            }
        }
    }
}

/// Picks the delimiter of the first line: the most frequent of `,` `;` and tab outside quotes.
pub(crate) fn sniff_delimiter(head: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in head {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    if counts[1] > counts[0] && counts[1] >= counts[2] {
        b';'
    } else if counts[2] > counts[0] && counts[2] > counts[1] {
        b'\t'
    } else {
        b','
    }
}

impl<R: Read> Iterator for ProductReader<R> {
    type Item = ReadResult;

    fn next(&mut self) -> Option<ReadResult> {
        loop {
            if let Some(item) = self.ctx.out.pop_front() {
                return Some(item);
            }
            if matches!(self.stage, Stage::Done) {
                return None;
            }
            if matches!(self.stage, Stage::Header) {
                self.read_header();
                continue;
            }
            let row = self.next_row();
            let stage = std::mem::replace(&mut self.stage, Stage::Done);
            let header = self.header.as_ref().expect("header read before rows");
            self.stage = match (stage, row) {
                (Stage::Shopify(mut s), Some(row)) => {
                    s.row(header, &row, &mut self.ctx);
                    Stage::Shopify(s)
                }
                (Stage::Woo(mut w), Some(row)) => {
                    w.row(header, &row, &mut self.ctx);
                    Stage::Woo(w)
                }
                (Stage::Shopify(mut s), None) => {
                    s.finish(header, &mut self.ctx);
                    Stage::Done
                }
                (Stage::Woo(mut w), None) => {
                    w.finish(header, &mut self.ctx);
                    Stage::Done
                }
                (other, _) => other,
            };
        }
    }
}

/// Parses a currency code given by a person (`--currency`, a form), with a message naming the
/// supported codes when it is not one.
pub fn parse_currency(code: &str) -> Result<Currency, String> {
    code.trim().parse::<Currency>().map_err(|e| e.to_string())
}
