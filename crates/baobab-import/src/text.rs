//! Text handling: the file's encoding, HTML descriptions, lists inside one cell, and the
//! spreadsheet-formula escape.

use std::borrow::Cow;

use crate::problem::Problem;

/// How the file's bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 without a byte-order mark (or only ASCII so far).
    Utf8,
    /// UTF-8 that began with a byte-order mark (stripped).
    Utf8Bom,
    /// Not UTF-8: read as Windows-1252, what Excel on Windows saves as "CSV (Comma delimited)".
    Windows1252,
}

/// Windows-1252 characters for the bytes 0x80–0x9F (`None`: the byte is undefined there).
/// Bytes 0xA0–0xFF are the Unicode code points of the same value (Latin-1).
const CP1252_HIGH: [Option<char>; 32] = [
    Some('\u{20AC}'),
    None,
    Some('\u{201A}'),
    Some('\u{0192}'),
    Some('\u{201E}'),
    Some('\u{2026}'),
    Some('\u{2020}'),
    Some('\u{2021}'),
    Some('\u{02C6}'),
    Some('\u{2030}'),
    Some('\u{0160}'),
    Some('\u{2039}'),
    Some('\u{0152}'),
    None,
    Some('\u{017D}'),
    None,
    None,
    Some('\u{2018}'),
    Some('\u{2019}'),
    Some('\u{201C}'),
    Some('\u{201D}'),
    Some('\u{2022}'),
    Some('\u{2013}'),
    Some('\u{2014}'),
    Some('\u{02DC}'),
    Some('\u{2122}'),
    Some('\u{0161}'),
    Some('\u{203A}'),
    Some('\u{0153}'),
    None,
    Some('\u{017E}'),
    Some('\u{0178}'),
];

/// Decodes a Windows-1252 byte, or `None` for the five bytes it leaves undefined.
pub(crate) fn cp1252_char(b: u8) -> Option<char> {
    match b {
        0x00..=0x7F | 0xA0..=0xFF => Some(b as char),
        _ => CP1252_HIGH[(b - 0x80) as usize],
    }
}

/// Encodes text as Windows-1252 (for tests and for shops whose tools want it); `None` when a
/// character has no Windows-1252 byte.
pub fn encode_windows_1252(text: &str) -> Option<Vec<u8>> {
    text.chars()
        .map(|c| match c as u32 {
            0..=0x7F | 0xA0..=0xFF => Some(c as u8),
            _ => CP1252_HIGH.iter().position(|x| *x == Some(c)).map(|i| 0x80 + i as u8),
        })
        .collect()
}

/// Decides the file's encoding cell by cell, streaming: a cell of plain ASCII says nothing; the
/// first cell that is not ASCII decides. UTF-8 (or a byte-order mark) makes the whole file
/// UTF-8; bytes that are not UTF-8 make it Windows-1252. A file that later contradicts its
/// decision mixes encodings and is refused, naming the cell.
#[derive(Debug)]
pub(crate) struct Decoder {
    pub encoding: Encoding,
    /// Row of the first cell that decided the encoding (None: decided by a byte-order mark, or
    /// undecided).
    decided_at: Option<u64>,
    decided: bool,
}

impl Decoder {
    pub fn new(bom: bool) -> Decoder {
        Decoder { encoding: if bom { Encoding::Utf8Bom } else { Encoding::Utf8 }, decided_at: None, decided: bom }
    }

    /// The row whose cell made the file Windows-1252, when it is.
    pub fn converted_from_row(&self) -> Option<u64> {
        if self.encoding == Encoding::Windows1252 { self.decided_at } else { None }
    }

    pub fn decode(&mut self, bytes: &[u8], row: u64, column: &str) -> Result<String, Problem> {
        if bytes.is_ascii() {
            // SAFETY-free: ASCII is UTF-8.
            return Ok(String::from_utf8_lossy(bytes).into_owned());
        }
        let column = Some(column);
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                if self.encoding == Encoding::Windows1252 {
                    return Err(Problem::new(
                        row,
                        column,
                        format!(
                            "this cell is UTF-8, but row {} was not (it was read as Windows-1252): the file mixes two encodings; save it again as \"CSV UTF-8\"",
                            self.decided_at.unwrap_or(0)
                        ),
                    ));
                }
                if !self.decided {
                    self.decided = true;
                    self.decided_at = Some(row);
                }
                Ok(s.to_string())
            }
            Err(e) => {
                let at = e.valid_up_to();
                let byte = bytes[at];
                let place = String::from_utf8_lossy(&bytes[..at]).chars().count() + 1;
                if self.decided && self.encoding != Encoding::Windows1252 {
                    let why = match (self.encoding, self.decided_at) {
                        (Encoding::Utf8Bom, _) => "the file starts with a UTF-8 byte-order mark".to_string(),
                        (_, Some(r)) => format!("row {r} is UTF-8"),
                        _ => "the file is UTF-8 elsewhere".to_string(),
                    };
                    return Err(Problem::new(
                        row,
                        column,
                        format!(
                            "byte 0x{byte:02X} (character {place} of the cell) is not UTF-8, but {why}: the file mixes encodings; save it again as \"CSV UTF-8\""
                        ),
                    ));
                }
                let mut out = String::with_capacity(bytes.len() + 8);
                for (i, &b) in bytes.iter().enumerate() {
                    match cp1252_char(b) {
                        Some(c) => out.push(c),
                        None => {
                            return Err(Problem::new(
                                row,
                                column,
                                format!(
                                    "byte 0x{b:02X} (byte {} of the cell) is neither UTF-8 nor Windows-1252: the file's encoding is unknown; save it again as \"CSV UTF-8\"",
                                    i + 1
                                ),
                            ));
                        }
                    }
                }
                if !self.decided {
                    self.decided = true;
                    self.decided_at = Some(row);
                    self.encoding = Encoding::Windows1252;
                }
                Ok(out)
            }
        }
    }
}

/// Characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
fn formula_start(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

/// Escapes a text cell for spreadsheets: a cell starting with `=`, `+`, `-`, `@`, tab or
/// carriage return gets a leading single quote, so it is shown as text and never run.
pub fn escape_formula(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some(c) if formula_start(c) => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// Undoes [`escape_formula`] when reading: `'=1+2` reads as `=1+2`.
pub(crate) fn unescape_formula(cell: &str) -> &str {
    let mut chars = cell.chars();
    if chars.next() == Some('\'') && chars.next().is_some_and(formula_start) { &cell[1..] } else { cell }
}

/// Splits a comma-separated cell (Shopify tags): trimmed, empty entries dropped.
pub(crate) fn split_commas(cell: &str) -> Vec<String> {
    cell.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

/// Splits a WooCommerce list cell: commas separate, `\,` is a comma inside a value.
pub(crate) fn split_woo_list(cell: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = cell.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&',') => {
                cur.push(',');
                chars.next();
            }
            ',' => {
                let t = cur.trim();
                if !t.is_empty() {
                    out.push(t.to_string());
                }
                cur.clear();
            }
            _ => cur.push(c),
        }
    }
    let t = cur.trim();
    if !t.is_empty() {
        out.push(t.to_string());
    }
    out
}

/// WooCommerce writes a description's line breaks as the two characters `\n` (and a literal
/// backslash-n as `\\n`); this turns them back.
pub(crate) fn unescape_woo_newlines(cell: &str) -> Cow<'_, str> {
    if !cell.contains("\\n") {
        return Cow::Borrowed(cell);
    }
    let mut out = String::with_capacity(cell.len());
    let mut rest = cell;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if let Some(t) = tail.strip_prefix("\\\\n") {
            out.push_str("\\n");
            rest = t;
        } else if let Some(t) = tail.strip_prefix("\\n") {
            out.push('\n');
            rest = t;
        } else {
            out.push('\\');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Plain text as HTML for a "Body (HTML)" / "Description" cell: `& < >` escaped, line breaks as
/// `<br>`. [`html_to_text`] turns it back exactly.
pub fn text_to_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' => out.push_str("<br>"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

fn decode_entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code).filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        }
    }
}

/// A product description from HTML (Shopify's "Body (HTML)", WooCommerce's "Description") as
/// the plain text Baobab stores: tags dropped (`<br>` and block ends become line breaks, script
/// and style contents are dropped), entities decoded. Text without tags keeps its line breaks.
pub fn html_to_text(html: &str) -> String {
    if !html.contains(['<', '&']) {
        return html.trim().to_string();
    }
    let has_tags =
        html.char_indices().any(|(i, c)| c == '<' && html[i + 1..].starts_with(|n: char| n.is_ascii_alphabetic() || n == '/' || n == '!'));
    let mut out = String::with_capacity(html.len());
    let mut i = 0;
    let bytes = html.as_bytes();
    while i < html.len() {
        let rest = &html[i..];
        let c = rest.chars().next().unwrap_or(' ');
        if c == '<' && rest[1..].starts_with(|n: char| n.is_ascii_alphabetic() || n == '/' || n == '!') {
            let Some(end) = rest.find('>') else {
                break; // an unclosed tag: drop the rest, as a browser would
            };
            let tag = &rest[1..end];
            let closing = tag.starts_with('/');
            let name: String =
                tag.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
            i += end + 1;
            if !closing && (name == "script" || name == "style") {
                let close = format!("</{name}");
                match html[i..].to_ascii_lowercase().find(&close) {
                    Some(p) => {
                        i += p;
                        continue;
                    }
                    None => break,
                }
            }
            match (name.as_str(), closing) {
                ("br", _) => out.push('\n'),
                ("p" | "div" | "ul" | "ol" | "table" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6", true) => push_break(&mut out, 2),
                ("li" | "tr", true) => push_break(&mut out, 1),
                ("li", false) => {
                    push_break(&mut out, 1);
                    out.push_str("- ");
                }
                _ => {}
            }
            continue;
        }
        if c == '&'
            && let Some(semi) = rest[1..].find(';').filter(|s| *s <= 10)
            && let Some(ch) = decode_entity(&rest[1..1 + semi])
        {
            out.push(ch);
            i += semi + 2;
            continue;
        }
        if has_tags && matches!(c, '\n' | '\r' | '\t') {
            if !out.ends_with([' ', '\n']) && !out.is_empty() {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
        i += c.len_utf8();
        debug_assert!(i <= bytes.len());
    }
    if has_tags {
        let lines: Vec<&str> = out.split('\n').map(|l| l.trim_matches(' ')).collect();
        lines.join("\n").trim().to_string()
    } else {
        out.trim().to_string()
    }
}

fn push_break(out: &mut String, n: usize) {
    if out.is_empty() {
        return;
    }
    let have = out.chars().rev().take_while(|c| *c == '\n').count();
    for _ in have..n {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cp1252_round_trip_and_holes() {
        let s = "Café – “Ankara” 50 €";
        let b = encode_windows_1252(s).unwrap();
        let mut d = Decoder::new(false);
        assert_eq!(d.decode(&b, 2, "Title").unwrap(), s);
        assert_eq!(d.encoding, Encoding::Windows1252);
        for hole in [0x81u8, 0x8D, 0x8F, 0x90, 0x9D] {
            assert_eq!(cp1252_char(hole), None);
        }
        assert!(encode_windows_1252("₦").is_none());
    }

    #[test]
    fn html_and_text() {
        for t in ["Plain text", "Two\nlines\n\nand a paragraph", "a < b & c > d", "Price: 5 & up"] {
            assert_eq!(html_to_text(&text_to_html(t)), t, "{t}");
        }
        assert_eq!(
            html_to_text("<p>Bright <b>wax</b> print.</p>\n<p>100% cotton&nbsp;fabric</p>"),
            "Bright wax print.\n\n100% cotton\u{a0}fabric"
        );
        assert_eq!(html_to_text("<ul><li>One</li><li>Two</li></ul>"), "- One\n- Two");
        assert_eq!(html_to_text("<script>alert(1)</script>Hi"), "Hi");
        assert_eq!(html_to_text("1 < 2"), "1 < 2");
        assert_eq!(html_to_text("&#8358;500 &unknown; &#0;"), "₦500 &unknown; &#0;");
    }

    #[test]
    fn lists_and_escapes() {
        assert_eq!(split_woo_list(r"Clothing > Hoodies, Big\, bold, "), vec!["Clothing > Hoodies", "Big, bold"]);
        assert_eq!(unescape_woo_newlines(r"a\nb\\nc"), "a\nb\\nc");
        assert_eq!(escape_formula("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(escape_formula("Kente"), "Kente");
        assert_eq!(unescape_formula("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(unescape_formula("'tis"), "'tis");
    }
}
