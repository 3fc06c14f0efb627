//! Search text: one normalisation for documents and queries, shared by both backends so that
//! PostgreSQL full-text and SQLite FTS5 see the same words.

use crate::error::ValidationError;

pub const MAX_QUERY_CHARS: usize = 200;
pub const MAX_TERMS: usize = 10;
const MAX_TERM_CHARS: usize = 40;

/// Which normalisation the stored search text was made with. A store whose text was made with
/// another one makes it again (after its migrations), so documents and queries agree.
pub const NORMALIZATION_VERSION: &str = "2";

/// Lower-cases, folds accents and turns every non-alphanumeric character into a space:
/// `Kora S20 — 128GB (Café)` → `kora s20 128gb cafe`. Accents are folded by decomposition
/// (`é`, `ẹ̀`, `ã`, `ç` lose their marks; `œ` is `oe`), so French, Portuguese and Yoruba words match
/// with or without them. Arabic is folded as search engines fold it: short vowels and other
/// marks (harakat) and the tatweel are dropped, hamza carriers (`أ إ آ ؤ ئ`) become their bare
/// letters, `ى` is `ي` and `ة` is `ه`, and Arabic-Indic digits are ASCII digits.
pub fn normalize(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for ch in text.nfd().flat_map(char::to_lowercase) {
        if ch.general_category() == GeneralCategory::NonspacingMark || ch == '\u{640}' {
            continue; // accents, harakat, tatweel: part of the letter before, never a break
        }
        let mut push = |ch: char| {
            if ch.is_alphanumeric() {
                out.push(ch);
                space = false;
            } else if !space {
                out.push(' ');
                space = true;
            }
        };
        match fold(ch) {
            Ok(one) => push(one),
            Err(many) => many.chars().for_each(push),
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Letters that decomposition leaves alone but readers take for plain ones: one letter, or
/// (`Err`) several.
fn fold(ch: char) -> Result<char, &'static str> {
    Ok(match ch {
        'ɛ' | 'ə' => 'e',
        'ɔ' | 'ø' => 'o',
        'đ' => 'd',
        'ł' => 'l',
        'œ' => return Err("oe"),
        'æ' => return Err("ae"),
        'ß' => return Err("ss"),
        'ى' => 'ي',
        'ة' => 'ه',
        '\u{671}' => 'ا', // alef wasla
        '\u{660}'..='\u{669}' => char::from(b'0' + (ch as u32 - 0x660) as u8),
        '\u{6F0}'..='\u{6F9}' => char::from(b'0' + (ch as u32 - 0x6F0) as u8),
        other => other,
    })
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
        // French and Portuguese: with or without accents, the same words
        assert_eq!(normalize("Télévision à écran plat, cœur"), "television a ecran plat coeur");
        assert_eq!(normalize("Ação, açúcar e pães"), normalize("acao, acucar e paes"));
        // Arabic: harakat, tatweel and hamza carriers folded; digits made ASCII
        assert_eq!(normalize("هَاتِفٌ"), "هاتف");
        assert_eq!(normalize("أحمر إضافي آمن"), "احمر اضافي امن");
        assert_eq!(normalize("مكتبـــة"), "مكتبه");
        assert_eq!(normalize("٥ كغ"), "5 كغ");
        assert_eq!(normalize("Ɛwe Ɔkɔ"), "ewe oko");
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
