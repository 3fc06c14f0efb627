//! Loading the catalogs and looking messages up.

use std::path::Path;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The catalog files of each shipped language, one per part of the shop.
macro_rules! catalog_files {
    ($code:literal) => {
        &[
            ("storefront.ftl", include_str!(concat!("../../locales/", $code, "/storefront.ftl"))),
            ("account.ftl", include_str!(concat!("../../locales/", $code, "/account.ftl"))),
            ("checkout.ftl", include_str!(concat!("../../locales/", $code, "/checkout.ftl"))),
            ("email.ftl", include_str!(concat!("../../locales/", $code, "/email.ftl"))),
            ("admin.ftl", include_str!(concat!("../../locales/", $code, "/admin.ftl"))),
            ("content.ftl", include_str!(concat!("../../locales/", $code, "/content.ftl"))),
        ]
    };
}

/// The languages shipped with the binary, the default first: (code, catalog files).
const SHIPPED: &[(&str, &[(&str, &str)])] = &[
    ("en", catalog_files!("en")),
    ("fr", catalog_files!("fr")),
    ("ar", catalog_files!("ar")),
    ("pt", catalog_files!("pt")),
    ("sw", catalog_files!("sw")),
];

/// The names of each shipped language's catalog files.
pub const CATALOG_FILES: [&str; 6] = ["storefront.ftl", "account.ftl", "checkout.ftl", "email.ftl", "admin.ftl", "content.ftl"];

/// One language: its code (also its URL prefix), its own name and its messages.
pub struct Language {
    pub code: String,
    /// The language's name in itself (`language-name`), for the language menu.
    pub name: String,
    pub rtl: bool,
    bundle: FluentBundle<FluentResource>,
}

/// Every language of the shop; the first is the default.
pub struct I18n {
    /// The shop's languages in their order (the default first), then any loaded but not offered
    /// (kept as the last fallback for messages: English).
    langs: Vec<Language>,
    /// How many of `langs` the shop offers.
    offered: usize,
}

impl I18n {
    /// The shipped catalogs only.
    pub fn shipped() -> I18n {
        I18n::load(None, &[]).expect("the shipped catalogs parse")
    }

    /// The shipped catalogs plus the shop's folder of `<lang>.ftl` files, if any, offering
    /// `languages` in that order, the first the default (empty: every loaded language, English
    /// first). The error names the file or language and what is wrong with it.
    pub fn load(dir: Option<&Path>, languages: &[String]) -> Result<I18n, String> {
        let mut langs = Vec::new();
        for (code, files) in SHIPPED {
            let mut bundle = new_bundle(code)?;
            for (name, text) in *files {
                add(&mut bundle, text, &format!("locales/{code}/{name}"), false)?;
            }
            langs.push(Language { code: code.to_string(), name: String::new(), rtl: super::is_rtl(code), bundle });
        }
        if let Some(dir) = dir {
            let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            let mut files: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
            files.sort();
            for path in files.into_iter().filter(|p| p.extension().is_some_and(|x| x == "ftl")) {
                let code = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
                if !valid_code(&code) {
                    return Err(format!("{}: the file name must be a lower-case language tag such as fr.ftl or pt-br.ftl", path.display()));
                }
                let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
                let at = path.display().to_string();
                match langs.iter_mut().find(|l| l.code == code) {
                    Some(l) => add(&mut l.bundle, &text, &at, true)?,
                    None => {
                        let mut bundle = new_bundle(&code)?;
                        add(&mut bundle, &text, &at, false)?;
                        langs.push(Language { rtl: super::is_rtl(&code), code, name: String::new(), bundle });
                    }
                }
            }
        }
        let offered = if languages.is_empty() {
            langs.len()
        } else {
            let mut ordered = Vec::with_capacity(langs.len());
            for code in languages {
                if ordered.iter().any(|l: &Language| &l.code == code) {
                    return Err(format!("`{code}` is named twice"));
                }
                let Some(at) = langs.iter().position(|l| &l.code == code) else {
                    let shipped = SHIPPED.iter().map(|(c, _)| *c).collect::<Vec<_>>().join(", ");
                    return Err(format!(
                        "`{code}` has no catalog: the shipped languages are {shipped}; add others as <lang>.ftl files in i18n.dir"
                    ));
                };
                ordered.push(langs.remove(at));
            }
            let n = ordered.len();
            ordered.append(&mut langs);
            langs = ordered;
            n
        };
        let mut i18n = I18n { langs, offered };
        for n in 0..i18n.langs.len() {
            let code = i18n.langs[n].code.clone();
            i18n.langs[n].name = i18n.msg(&code, "language-name", &[]);
        }
        Ok(i18n)
    }

    /// The default language's code (pages in it have no URL prefix).
    pub fn default_code(&self) -> &str {
        &self.langs[0].code
    }

    /// The languages the shop offers, the default first.
    pub fn languages(&self) -> &[Language] {
        &self.langs[..self.offered]
    }

    /// One of the shop's languages.
    pub fn get(&self, code: &str) -> Option<&Language> {
        self.languages().iter().find(|l| l.code == code)
    }

    /// Whether the language's own catalog (not the fallback) has `key`.
    pub fn has(&self, code: &str, key: &str) -> bool {
        self.get(code).is_some_and(|l| l.bundle.get_message(key).is_some_and(|m| m.value().is_some()))
    }

    /// The message `key` in language `code` with its arguments; falls back to the default
    /// language, then to English, then to the key itself (never fails: a page is better than an
    /// error).
    pub fn msg(&self, code: &str, key: &str, args: &[(&str, FluentValue)]) -> String {
        let found = |l: &&Language| l.bundle.get_message(key).is_some();
        let english = self.langs.iter().find(|l| l.code == "en");
        let lang = self.get(code).filter(found).or(Some(&self.langs[0]).filter(found)).or(english.filter(found)).unwrap_or(&self.langs[0]);
        let Some(pattern) = lang.bundle.get_message(key).and_then(|m| m.value()) else {
            tracing::warn!(key, lang = code, "missing message");
            return key.to_string();
        };
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            fargs.set(*k, v.clone());
        }
        let mut errors = Vec::new();
        let text = lang.bundle.format_pattern(pattern, Some(&fargs), &mut errors).into_owned();
        if !errors.is_empty() {
            tracing::warn!(key, lang = code, errors = ?errors, "message formatted with errors");
        }
        text
    }

    /// The keys of a language's own catalog (shipped and override files together).
    pub fn keys(&self, code: &str) -> Vec<String> {
        let Some(l) = self.get(code) else { return Vec::new() };
        let mut keys = Vec::new();
        for (_, files) in SHIPPED.iter().filter(|(c, _)| *c == code) {
            for (_, text) in *files {
                keys.extend(message_ids(text));
            }
        }
        keys.retain(|k| l.bundle.get_message(k).is_some());
        keys.sort();
        keys.dedup();
        keys
    }

    /// The keys of a shipped catalog file's text (for the tests of parity and use).
    pub fn shipped_keys(code: &str) -> Vec<String> {
        let mut keys: Vec<String> =
            SHIPPED.iter().filter(|(c, _)| *c == code).flat_map(|(_, files)| files.iter().flat_map(|(_, t)| message_ids(t))).collect();
        keys.sort();
        keys
    }

    /// The codes of the shipped languages, the default first.
    pub fn shipped_codes() -> Vec<&'static str> {
        SHIPPED.iter().map(|(c, _)| *c).collect()
    }
}

/// Message identifiers: lines that start with a name and `=` (terms start with `-`, comments
/// with `#`, continuation lines with a space).
fn message_ids(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| {
            let (name, _) = l.split_once('=')?;
            let name = name.trim_end();
            let ok = name.starts_with(|c: char| c.is_ascii_alphabetic())
                && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            ok.then(|| name.to_string())
        })
        .collect()
}

/// Whether `code` is a lower-case language tag such as `fr` or `pt-br`.
pub fn valid_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

fn new_bundle(code: &str) -> Result<FluentBundle<FluentResource>, String> {
    let id: LanguageIdentifier = code.parse().map_err(|e| format!("{code}: not a language tag ({e})"))?;
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: fewer bytes, plain text in the page.
    bundle.set_use_isolating(false);
    Ok(bundle)
}

fn add(bundle: &mut FluentBundle<FluentResource>, text: &str, at: &str, overriding: bool) -> Result<(), String> {
    let res = FluentResource::try_new(text.to_string()).map_err(|(_, errs)| {
        let first = errs.first().map(|e| format!("{e:?}")).unwrap_or_default();
        format!("{at}: {} syntax error(s), first: {first}", errs.len())
    })?;
    if overriding {
        bundle.add_resource_overriding(res);
        Ok(())
    } else {
        bundle.add_resource(res).map_err(|errs| format!("{at}: {} message(s) defined twice: {errs:?}", errs.len()))
    }
}
