//! URL slugs and SKUs: the identifiers shoppers and staff see.

use crate::error::ValidationError;

pub const MAX_SLUG_LEN: usize = 100;
pub const MAX_SKU_LEN: usize = 64;

/// Checks a slug: 1–100 of `a-z 0-9 -`, no leading, trailing or doubled dash.
pub fn validate_slug(field: &str, slug: &str) -> Result<(), ValidationError> {
    let ok_chars = slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if slug.is_empty() || slug.len() > MAX_SLUG_LEN {
        return Err(ValidationError::new(field, format!("must be 1 to {MAX_SLUG_LEN} characters")));
    }
    if !ok_chars || slug.starts_with('-') || slug.ends_with('-') || slug.contains("--") {
        return Err(ValidationError::new(field, "may contain only lowercase letters a-z, digits and single dashes between them"));
    }
    Ok(())
}

/// Turns a title into a slug: `Ankara Print Fabric — 6 yards` → `ankara-print-fabric-6-yards`.
/// Accents are folded as for search; letters outside a-z (other scripts) are dropped.
pub fn slugify(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    for word in crate::search::normalize(title).split(' ') {
        let word: String = word.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
        if word.is_empty() || out.len() + word.len() + 1 > MAX_SLUG_LEN {
            continue;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word);
    }
    out
}

/// Normalises and checks a SKU: trimmed, upper-cased, 1–64 of `A-Z 0-9 . _ -`.
pub fn normalize_sku(field: &str, sku: &str) -> Result<String, ValidationError> {
    let sku = sku.trim().to_ascii_uppercase();
    if sku.is_empty() || sku.len() > MAX_SKU_LEN {
        return Err(ValidationError::new(field, format!("must be 1 to {MAX_SKU_LEN} characters")));
    }
    if !sku.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-')) {
        return Err(ValidationError::new(field, "may contain only letters, digits, '.', '_' and '-'"));
    }
    Ok(sku)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugify_folds_and_dashes() {
        assert_eq!(slugify("Ankara Print Fabric — 6 yards"), "ankara-print-fabric-6-yards");
        assert_eq!(slugify("  Ẹ̀wà Àgànyìn beans  "), "ewa-aganyin-beans");
        assert_eq!(slugify("Café & Thé"), "cafe-the");
        assert_eq!(slugify("!!!"), "");
        assert!(slugify(&"x".repeat(300)).len() <= MAX_SLUG_LEN);
    }

    #[test]
    fn slug_rules() {
        assert!(validate_slug("slug", "phones-tablets").is_ok());
        for bad in ["", "Phones", "a--b", "-a", "a-", "a b", "ä"] {
            let err = validate_slug("slug", bad).unwrap_err();
            assert_eq!(err.field(), "slug", "{bad}");
        }
        assert!(validate_slug("slug", &"a".repeat(101)).is_err());
    }

    #[test]
    fn sku_rules() {
        assert_eq!(normalize_sku("sku", " ph-kora-s20-128 ").unwrap(), "PH-KORA-S20-128");
        assert!(normalize_sku("sku", "").is_err());
        assert!(normalize_sku("sku", "a b").is_err());
        assert!(normalize_sku("sku", &"A".repeat(65)).is_err());
    }
}
