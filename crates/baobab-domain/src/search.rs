//! Search text: one normalisation for documents and queries, shared by both backends so that
//! PostgreSQL full-text and SQLite FTS5 see the same words.

use crate::error::ValidationError;

pub const MAX_QUERY_CHARS: usize = 200;
pub const MAX_TERMS: usize = 10;
const MAX_TERM_CHARS: usize = 40;

/// Lower-cases, folds common accents and turns every non-alphanumeric character into a space:
/// `Kora S20 — 128GB (Café)` → `kora s20 128gb cafe`.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for ch in text.chars().flat_map(char::to_lowercase) {
        let ch = fold(ch);
        if ch.is_alphanumeric() {
            out.push(ch);
            space = false;
        } else if !space && !is_combining(ch) {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

fn is_combining(ch: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&ch)
}

fn fold(ch: char) -> char {
    match ch {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' | 'ẹ' | 'ɛ' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'ọ' | 'ɔ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' | 'ń' => 'n',
        'ṣ' => 's',
        other => other,
    }
}

/// The searchable words of a product, built from everything a shopper might type.
pub fn document<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut doc = String::new();
    for p in parts {
        let n = normalize(p);
        if !n.is_empty() {
            if !doc.is_empty() {
                doc.push(' ');
            }
            doc.push_str(&n);
        }
    }
    doc
}

/// A parsed shopper query: up to ten normalised words, each matched as a prefix, all required.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchTerms(Vec<String>);

impl SearchTerms {
    /// `Ok(None)` for a blank query.
    pub fn parse(field: &str, q: &str) -> Result<Option<SearchTerms>, ValidationError> {
        if q.chars().count() > MAX_QUERY_CHARS {
            return Err(ValidationError::new(field, format!("must be at most {MAX_QUERY_CHARS} characters")));
        }
        let mut terms: Vec<String> = Vec::new();
        for word in normalize(q).split(' ').filter(|w| !w.is_empty()) {
            let word: String = word.chars().take(MAX_TERM_CHARS).collect();
            if !terms.contains(&word) {
                terms.push(word);
            }
        }
        if terms.len() > MAX_TERMS {
            return Err(ValidationError::new(field, format!("at most {MAX_TERMS} words")));
        }
        Ok(if terms.is_empty() { None } else { Some(SearchTerms(terms)) })
    }

    pub fn terms(&self) -> &[String] {
        &self.0
    }

    /// PostgreSQL `to_tsquery('simple', …)` text: `kora:* & s20:*`. Terms are alphanumeric only.
    pub fn to_tsquery(&self) -> String {
        self.0.iter().map(|t| format!("{t}:*")).collect::<Vec<_>>().join(" & ")
    }

    /// SQLite FTS5 MATCH text for one column or all: `{title}: ("kora"* AND "s20"*)`.
    pub fn to_fts5(&self, column: Option<&str>) -> String {
        let q = self.0.iter().map(|t| format!("\"{t}\"*")).collect::<Vec<_>>().join(" AND ");
        match column {
            Some(c) => format!("{{{c}}}: ({q})"),
            None => q,
        }
    }

    /// Whether every term is a prefix of some word of `normalized` (the rule both engines apply).
    pub fn matches(&self, normalized: &str) -> bool {
        self.0.iter().all(|t| normalized.split(' ').any(|w| w.starts_with(t.as_str())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_for_both_engines() {
        assert_eq!(normalize("Kora S20 — 128GB (Café)"), "kora s20 128gb cafe");
        assert_eq!(normalize("T-shirt, Ẹ̀wà"), "t shirt ewa");
        assert_eq!(normalize("  "), "");
        assert_eq!(document(["Shea Butter", "", "Beauty & Care"]), "shea butter beauty care");
    }

    #[test]
    fn parses_queries() {
        assert_eq!(SearchTerms::parse("q", "  ").unwrap(), None);
        let t = SearchTerms::parse("q", "Shea shea BUTTER!").unwrap().unwrap();
        assert_eq!(t.terms(), ["shea", "butter"]);
        assert_eq!(t.to_tsquery(), "shea:* & butter:*");
        assert_eq!(t.to_fts5(Some("title")), "{title}: (\"shea\"* AND \"butter\"*)");
        assert!(t.matches("raw shea butter 250g"));
        assert!(!t.matches("shea oil"));
        assert!(SearchTerms::parse("q", &"a ".repeat(101)).is_err());
        assert_eq!(SearchTerms::parse("q", "a b c d e f g h i j k").unwrap_err().field(), "q");
        // quotes and FTS operators are stripped, so they cannot change the query's meaning
        let t = SearchTerms::parse("q", "\"rice\" OR NEAR(*)").unwrap().unwrap();
        assert_eq!(t.terms(), ["rice", "or", "near"]);
    }
}
