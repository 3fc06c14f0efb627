//! Choosing a language from an `Accept-Language` header (RFC 9110 §12.5.4): the supported
//! language with the highest q-value; `fr-CI` matches `fr`. A header that does not parse
//! chooses nothing (never an error).

/// The best of `supported` for `header`, or None.
pub fn accept_language<'a>(header: &str, supported: impl Iterator<Item = &'a str> + Clone) -> Option<&'a str> {
    if header.len() > 1024 {
        return None;
    }
    let mut wanted: Vec<(String, f32)> = header
        .split(',')
        .take(32)
        .filter_map(|item| {
            let mut parts = item.split(';');
            let tag = parts.next()?.trim().to_ascii_lowercase();
            let mut q = 1.0f32;
            for p in parts {
                if let Some(v) = p.trim().strip_prefix("q=").or_else(|| p.trim().strip_prefix("Q=")) {
                    q = v.trim().parse().ok().filter(|q: &f32| (0.0..=1.0).contains(q))?;
                }
            }
            let ok = !tag.is_empty() && tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'*');
            (ok && q > 0.0).then_some((tag, q))
        })
        .collect();
    // Stable: equal q-values keep the header's order.
    wanted.sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Equal));
    for (tag, _) in &wanted {
        if let Some(code) = supported.clone().find(|c| c.eq_ignore_ascii_case(tag)) {
            return Some(code);
        }
        let primary = tag.split('-').next().unwrap_or_default();
        if let Some(code) = supported.clone().find(|c| c.eq_ignore_ascii_case(primary) || c.split('-').next() == Some(primary)) {
            return Some(code);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::accept_language;

    const ALL: [&str; 5] = ["en", "fr", "ar", "pt", "sw"];

    #[test]
    fn highest_quality_supported_language_wins() {
        let pick = |h: &str| accept_language(h, ALL.iter().copied());
        assert_eq!(pick("fr-CI,fr;q=0.9,en;q=0.8"), Some("fr"));
        assert_eq!(pick("de-DE, en;q=0.5, sw;q=0.7"), Some("sw"));
        assert_eq!(pick("ar-EG"), Some("ar"));
        assert_eq!(pick("pt-AO;q=0.4, en;q=0.3"), Some("pt"));
        assert_eq!(pick("en;q=0.2, fr;q=0"), Some("en"));
        assert_eq!(pick("de, zh"), None);
        assert_eq!(pick("*"), None);
        assert_eq!(pick(""), None);
        assert_eq!(pick(";;;q=abc,,fr;q=2,=\u{1}"), None);
        assert_eq!(pick(&"fr,".repeat(1000)), None);
    }
}
