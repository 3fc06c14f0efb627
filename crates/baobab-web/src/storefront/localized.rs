//! Catalog content in the page's language: the category tree with each category's translated
//! name, description and slug (the default language's where a translation lacks one), the
//! lookup of a page's slug in any language, and the marks on content shown untranslated.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, Weak};
use std::time::Instant;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use baobab_domain::catalog::Category;
use baobab_domain::translation::{CategoryFallback, CategoryTranslationEntry, localize_category};
use baobab_store::{Store, StoreError};
use serde::Serialize;

use crate::{AppState, CATEGORY_CACHE_TTL};

/// Marks an element shown in the default language on a page in another (its translation is
/// missing): the default language's `lang` and `dir`, so browsers and screen readers treat it as
/// what it is (an English title lays out left to right on an Arabic page).
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct Mark {
    pub lang: String,
    pub dir: &'static str,
}

/// The page's language as the catalog sees it.
#[derive(Clone, Debug)]
pub struct PageLang {
    /// The page's language code.
    pub code: String,
    /// The URL prefix of the page's links (`""`, `"/fr"`).
    pub prefix: String,
    default: String,
}

impl PageLang {
    /// The request's language (the default one outside a request).
    pub fn current(state: &AppState) -> PageLang {
        let default = state.i18n.default_code().to_string();
        let lang = crate::i18n::current().unwrap_or_else(|| crate::i18n::Lang::new(&default, &default));
        PageLang { code: lang.code.to_string(), prefix: lang.prefix.to_string(), default }
    }

    /// The language to read translations in: None for the default language.
    pub fn translated(&self) -> Option<&str> {
        (self.code != self.default).then_some(self.code.as_str())
    }

    /// The mark of untranslated content, when `fell_back` and the page is not in the default language.
    pub fn mark(&self, fell_back: bool) -> Option<Mark> {
        (fell_back && self.code != self.default)
            .then(|| Mark { lang: self.default.clone(), dir: if crate::i18n::is_rtl(&self.default) { "rtl" } else { "ltr" } })
    }

    /// `code` as the store reads it (None for the default language).
    pub fn store_code<'a>(&self, code: &'a str) -> Option<&'a str> {
        (code != self.default).then_some(code)
    }
}

/// The category tree in the page's language.
pub struct Tree {
    /// Every category, with its name, description and slug in the page's language.
    pub cats: Vec<Category>,
    fallback: HashMap<i64, CategoryFallback>,
    /// The default slugs, by category.
    default_slugs: HashMap<i64, String>,
    /// Every translation (all languages), for other languages' slugs.
    translations: Arc<Vec<CategoryTranslationEntry>>,
}

impl Tree {
    /// The tree for `lang`. Translations are read (one query) when the page is in another
    /// language than the default, or `every_language` (a page that links each language's slug).
    pub async fn load(state: &AppState, lang: &PageLang, every_language: bool) -> Result<Tree, StoreError> {
        let base = state.categories().await?;
        let translations =
            if lang.translated().is_some() || every_language { category_translations(state).await? } else { Arc::new(Vec::new()) };
        Ok(Tree::new(&base, translations, lang.translated()))
    }

    fn new(base: &[Category], translations: Arc<Vec<CategoryTranslationEntry>>, lang: Option<&str>) -> Tree {
        let mut cats = base.to_vec();
        let mut fallback = HashMap::new();
        if let Some(lang) = lang {
            for c in &mut cats {
                let t = translations.iter().find(|t| t.category_id == c.id && t.lang == lang).map(|t| &t.translation);
                fallback.insert(c.id, localize_category(c, t));
            }
        }
        Tree { cats, fallback, default_slugs: base.iter().map(|c| (c.id, c.slug.clone())).collect(), translations }
    }

    /// A shown (not archived) category by a slug: its own in the page's language (true), or its
    /// default slug or another language's (false: the page redirects to its own).
    pub fn find(&self, slug: &str) -> Option<(&Category, bool)> {
        let live = |id: i64| self.cats.iter().find(|c| c.id == id && !c.archived);
        if let Some(c) = self.cats.iter().find(|c| c.slug == slug && !c.archived) {
            return Some((c, true));
        }
        let id = self
            .default_slugs
            .iter()
            .find(|(_, s)| s.as_str() == slug)
            .map(|(id, _)| *id)
            .or_else(|| self.translations.iter().find(|t| t.translation.slug.as_deref() == Some(slug)).map(|t| t.category_id))?;
        live(id).map(|c| (c, false))
    }

    /// The category's slug in `lang` (None: the default language).
    pub fn slug_in(&self, id: i64, lang: Option<&str>) -> &str {
        lang.and_then(|l| self.translations.iter().find(|t| t.category_id == id && t.lang == l))
            .and_then(|t| t.translation.slug.as_deref())
            .or_else(|| self.default_slugs.get(&id).map(String::as_str))
            .unwrap_or("")
    }

    pub fn fallback(&self, id: i64) -> CategoryFallback {
        self.fallback.get(&id).copied().unwrap_or_default()
    }
}

/// Every category translation, per store (one per app), with when it was read.
type Cached = (Weak<dyn Store>, Instant, Arc<Vec<CategoryTranslationEntry>>);
static TRANSLATIONS: Mutex<Vec<Cached>> = Mutex::new(Vec::new());

/// Every category's translations, reused for [`CATEGORY_CACHE_TTL`] like the tree itself (the
/// navigation of every page in another language needs them). A write through this instance
/// forgets them at once ([`forget_category_translations`]); other instances see it within the TTL.
async fn category_translations(state: &AppState) -> Result<Arc<Vec<CategoryTranslationEntry>>, StoreError> {
    let store = Arc::downgrade(&state.store);
    {
        let cache = TRANSLATIONS.lock().expect("category translations cache");
        if let Some((_, _, t)) = cache.iter().find(|(s, at, _)| s.ptr_eq(&store) && at.elapsed() < CATEGORY_CACHE_TTL) {
            return Ok(t.clone());
        }
    }
    let fresh = Arc::new(state.store.all_category_translations().await?);
    let mut cache = TRANSLATIONS.lock().expect("category translations cache");
    cache.retain(|(s, _, _)| s.strong_count() > 0 && !s.ptr_eq(&store));
    cache.push((store, Instant::now(), fresh.clone()));
    Ok(fresh)
}

/// Forgets the cached category translations after a write through this instance.
pub fn forget_category_translations(state: &AppState) {
    let store = Arc::downgrade(&state.store);
    TRANSLATIONS.lock().expect("category translations cache").retain(|(s, _, _)| !s.ptr_eq(&store));
}

/// The categories as a page in the request's language names them (navigation, breadcrumbs),
/// for pages outside the storefront that draw the shop's header: pass them to `Chrome::new`.
pub async fn page_categories(state: &AppState) -> Result<Arc<Vec<Category>>, StoreError> {
    let lang = PageLang::current(state);
    if lang.translated().is_none() {
        return state.categories().await;
    }
    Ok(Arc::new(Tree::load(state, &lang, false).await?.cats))
}

/// A 301 to the page's own URL in its language (a default or another language's slug was
/// asked for). It depends on the URL alone, so caches keep it like the page.
pub fn moved(state: &AppState, to: &str) -> Response {
    let mut res = StatusCode::MOVED_PERMANENTLY.into_response();
    let h = res.headers_mut();
    h.insert(header::LOCATION, HeaderValue::from_str(to).unwrap_or(HeaderValue::from_static("/")));
    h.insert(header::CACHE_CONTROL, crate::caching::public_cache(state.settings.page_max_age));
    h.insert(header::VARY, HeaderValue::from_static("Cookie"));
    res
}

#[cfg(test)]
mod tests {
    use super::*;
    use baobab_domain::translation::CategoryTranslation;

    fn cat(id: i64, slug: &str, archived: bool) -> Category {
        let now = chrono::Utc::now();
        Category {
            id,
            parent_id: None,
            slug: slug.into(),
            name: slug.to_uppercase(),
            description: "About".into(),
            position: 0,
            archived,
            created_at: now,
            updated_at: now,
        }
    }

    fn entry(id: i64, lang: &str, name: &str, slug: Option<&str>) -> CategoryTranslationEntry {
        CategoryTranslationEntry {
            category_id: id,
            lang: lang.into(),
            translation: CategoryTranslation { name: Some(name.into()), description: None, slug: slug.map(String::from) },
        }
    }

    #[test]
    fn a_tree_in_a_language_finds_every_slug() {
        let base = [cat(1, "phones", false), cat(2, "old", true), cat(3, "food", false)];
        let tr = vec![
            entry(1, "fr", "Téléphones", Some("telephones")),
            entry(1, "pt", "Telemóveis", Some("telemoveis")),
            entry(2, "fr", "Vieux", Some("vieux")),
        ];
        let tr = Arc::new(tr);
        let fr = Tree::new(&base, tr.clone(), Some("fr"));
        assert_eq!((fr.cats[0].name.as_str(), fr.cats[0].slug.as_str()), ("Téléphones", "telephones"));
        assert_eq!(fr.cats[2].name, "FOOD", "no translation: the default name");
        assert_eq!(fr.fallback(1), CategoryFallback { name: false, description: true });
        assert!(fr.fallback(3).name);
        assert_eq!(fr.find("telephones").map(|(c, own)| (c.id, own)), Some((1, true)));
        assert_eq!(fr.find("phones").map(|(c, own)| (c.id, own)), Some((1, false)), "the default slug redirects");
        assert_eq!(fr.find("telemoveis").map(|(c, own)| (c.id, own)), Some((1, false)), "another language's slug redirects");
        assert!(fr.find("vieux").is_none() && fr.find("old").is_none(), "archived");
        assert!(fr.find("nope").is_none());
        assert_eq!((fr.slug_in(1, Some("pt")), fr.slug_in(1, None), fr.slug_in(3, Some("fr"))), ("telemoveis", "phones", "food"));
        let en = Tree::new(&base, tr, None);
        assert_eq!(en.find("telephones").map(|(c, own)| (c.slug.as_str(), own)), Some(("phones", false)));
        assert!(!en.fallback(1).name, "the default language falls back to nothing");
    }
}
