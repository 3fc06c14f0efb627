//! The language of the request being served. The language middleware sets it for the whole
//! request (a task-local value), so page chrome, error pages and templates read it without
//! every handler passing it along.

use std::sync::Arc;

/// A request's language and the URL prefix its links carry (`""` or `"/fr"`).
#[derive(Clone, Debug, PartialEq)]
pub struct Lang {
    pub code: Arc<str>,
    pub prefix: Arc<str>,
}

impl Lang {
    pub fn new(code: &str, default: &str) -> Lang {
        let prefix = if code == default { String::new() } else { format!("/{code}") };
        Lang { code: code.into(), prefix: prefix.into() }
    }
}

tokio::task_local! {
    static CURRENT: Lang;
}

/// Runs `f` with `lang` as the request's language.
pub async fn scope<F: Future>(lang: Lang, f: F) -> F::Output {
    CURRENT.scope(lang, f).await
}

/// The request's language, or None outside a request (then use the default).
pub fn current() -> Option<Lang> {
    CURRENT.try_with(Lang::clone).ok()
}

/// Splits a language prefix off a path: `/fr/p/x` → (`fr`, `/p/x`); `/fr` → (`fr`, `/`).
/// Only the codes in `codes` count; anything else is an ordinary path.
pub fn split_prefix<'a, 'p>(path: &'p str, codes: impl Iterator<Item = &'a str>) -> Option<(&'a str, &'p str)> {
    let rest = path.strip_prefix('/')?;
    let (first, tail) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    let mut codes = codes;
    codes.find(|c| *c == first).map(|c| (c, tail))
}

#[cfg(test)]
mod tests {
    #[test]
    fn prefixes_are_whole_segments() {
        let codes = || ["fr", "ar", "pt-br"].into_iter();
        assert_eq!(super::split_prefix("/fr/p/x", codes()), Some(("fr", "/p/x")));
        assert_eq!(super::split_prefix("/fr", codes()), Some(("fr", "/")));
        assert_eq!(super::split_prefix("/fr/", codes()), Some(("fr", "/")));
        assert_eq!(super::split_prefix("/pt-br/c/a", codes()), Some(("pt-br", "/c/a")));
        assert_eq!(super::split_prefix("/france", codes()), None);
        assert_eq!(super::split_prefix("/de/p/x", codes()), None);
        assert_eq!(super::split_prefix("/", codes()), None);
    }
}
