//! Catalog content in the shop's other languages. The content as entered on products and
//! categories is the default language's; a translation gives, for one language, any of the
//! title (a category's name), description, slug and attribute names and values. Whatever a
//! translation leaves out falls back to the default language's content, field by field.
//!
//! Attribute translations are keyed by the attribute's name in the default language
//! (`{"Material": {"name": "Matière", "value": "Coton"}}`), so they follow the attribute and
//! not its position, and a translation never names an attribute the product does not have.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::catalog::{Category, MAX_ATTRIBUTES, MAX_DESCRIPTION_LEN, MAX_NAME_LEN, NameValue, Product, check_text};
use crate::error::{Collector, ValidationError};
use crate::slug::{slugify, validate_slug};

/// Longest language tag accepted (`zh-hant-tw`, `pt-br` are far below).
pub const MAX_LANG_LEN: usize = 35;
/// Most languages one request may translate an item into.
pub const MAX_TRANSLATIONS: usize = 50;

/// Checks a language code: a lower-case BCP 47 tag, a primary language of 2–3 letters and
/// optional subtags of 2–8 letters or digits (`fr`, `pt-br`, `sw`, `zh-hant`), the form the
/// shop's URL prefixes and catalog files use.
pub fn validate_lang(field: &str, code: &str) -> Result<(), ValidationError> {
    let mut parts = code.split('-');
    let primary = parts.next().unwrap_or_default();
    let ok = code.len() <= MAX_LANG_LEN
        && (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
    if ok { Ok(()) } else { Err(ValidationError::new(field, "is not a lower-case language tag such as fr or pt-br")) }
}

/// The field name of a translation's part: `translations.fr.title`. An unreadable language
/// code is cut short, so a field name never carries a long input back.
pub fn field(lang: &str, part: &str) -> String {
    let lang: String = lang.chars().take(MAX_LANG_LEN + 5).collect();
    if part.is_empty() { format!("translations.{lang}") } else { format!("translations.{lang}.{part}") }
}

/// One attribute's name and value in a language; either may be left to the default's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AttributeTranslation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// A product's content in one language. Absent fields fall back to the default language's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ProductTranslation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The product's URL in this language (`/fr/p/<slug>`); derived from the title when
    /// absent (none when the title has no letters a–z, as in Arabic: the default slug serves).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    /// Keyed by the attribute's name in the default language.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, AttributeTranslation>,
}

/// A category's content in one language. Absent fields fall back to the default language's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CategoryTranslation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The category's URL in this language (`/fr/c/<slug>`); derived from the name when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
}

/// Blank text is no translation: it falls back.
fn present(s: &Option<String>) -> Option<&str> {
    s.as_deref().filter(|s| !s.trim().is_empty())
}

/// The translated slug: the one given (checked), or one made from the translated title when
/// its letters are all Latin (others, such as Arabic, would be dropped from it, leaving a slug
/// that names nothing: then there is none, and the default slug serves).
fn slug_of(c: &mut Collector, lang: &str, given: &Option<String>, title: Option<&str>) -> Option<String> {
    match present(given) {
        Some(s) => c.check(validate_slug(&field(lang, "slug"), s.trim())).map(|_| s.trim().to_string()),
        None => title
            .filter(|t| crate::search::normalize(t).chars().all(|c| c.is_ascii() || !c.is_alphabetic()))
            .map(slugify)
            .filter(|s| s.bytes().any(|b| b.is_ascii_lowercase())),
    }
}

impl ProductTranslation {
    /// Checks a translation into `lang` and normalises it (blank fields dropped, the title
    /// trimmed, the slug filled in). Fields are named `translations.<lang>.<field>`.
    pub fn validate(&self, lang: &str) -> Result<ProductTranslation, ValidationError> {
        let mut c = Collector::default();
        c.check(validate_lang(&field(lang, ""), lang));
        let title = present(&self.title).map(str::trim);
        if let Some(t) = title {
            check_text(&mut c, &field(lang, "title"), t, MAX_NAME_LEN, true);
        }
        let description = present(&self.description);
        if let Some(d) = description {
            check_text(&mut c, &field(lang, "description"), d, MAX_DESCRIPTION_LEN, false);
        }
        let slug = slug_of(&mut c, lang, &self.slug, title);
        if self.attributes.len() > MAX_ATTRIBUTES {
            c.push(field(lang, "attributes"), format!("at most {MAX_ATTRIBUTES} entries"));
        }
        let mut attributes = BTreeMap::new();
        for (key, a) in self.attributes.iter().take(MAX_ATTRIBUTES) {
            let f = field(lang, &format!("attributes.{}", key.chars().take(100).collect::<String>()));
            check_text(&mut c, &f, key, 100, true);
            let (name, value) = (present(&a.name).map(str::trim), present(&a.value).map(str::trim));
            if let Some(n) = name {
                check_text(&mut c, &format!("{f}.name"), n, 100, true);
            }
            if let Some(v) = value {
                check_text(&mut c, &format!("{f}.value"), v, 500, true);
            }
            if name.is_some() || value.is_some() {
                attributes.insert(key.clone(), AttributeTranslation { name: name.map(String::from), value: value.map(String::from) });
            }
        }
        let out = ProductTranslation { title: title.map(String::from), description: description.map(String::from), slug, attributes };
        if out == ProductTranslation::default() {
            c.push(field(lang, ""), "gives no translated field (to remove a translation, send null or delete it)");
        }
        c.finish()?;
        Ok(out)
    }

    /// Checks that every attribute translated is one of the product's (by its default name).
    pub fn check_attributes(&self, lang: &str, attributes: &[NameValue]) -> Result<(), ValidationError> {
        let mut c = Collector::default();
        for key in self.attributes.keys() {
            if !attributes.iter().any(|a| &a.name == key) {
                let f = field(lang, &format!("attributes.{}", key.chars().take(100).collect::<String>()));
                c.push(f, "the product has no attribute of this name (attributes are named as in the default language)");
            }
        }
        c.finish()
    }
}

impl CategoryTranslation {
    /// Checks a translation into `lang` and normalises it, like [`ProductTranslation::validate`].
    pub fn validate(&self, lang: &str) -> Result<CategoryTranslation, ValidationError> {
        let mut c = Collector::default();
        c.check(validate_lang(&field(lang, ""), lang));
        let name = present(&self.name).map(str::trim);
        if let Some(n) = name {
            check_text(&mut c, &field(lang, "name"), n, MAX_NAME_LEN, true);
        }
        let description = present(&self.description);
        if let Some(d) = description {
            check_text(&mut c, &field(lang, "description"), d, MAX_DESCRIPTION_LEN, false);
        }
        let slug = slug_of(&mut c, lang, &self.slug, name);
        let out = CategoryTranslation { name: name.map(String::from), description: description.map(String::from), slug };
        if out == CategoryTranslation::default() {
            c.push(field(lang, ""), "gives no translated field (to remove a translation, send null or delete it)");
        }
        c.finish()?;
        Ok(out)
    }
}

/// Which parts of a product shown in a language are the default language's (no translation).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ProductFallback {
    pub title: bool,
    pub description: bool,
    /// Per attribute, in order: (name, value).
    pub attributes: Vec<(bool, bool)>,
}

/// A product as shown in one language: `product` holds the title, description, slug and
/// attributes in that language, each falling back to the default's.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalizedProduct {
    pub product: Product,
    /// The language shown; None for the default language (then nothing falls back).
    pub lang: Option<String>,
    /// The default language's slug.
    pub default_slug: String,
    pub fallback: ProductFallback,
    /// Every translation of the product, by language.
    pub translations: BTreeMap<String, ProductTranslation>,
}

impl LocalizedProduct {
    /// Puts `lang`'s translation (from `translations`) over the default content.
    pub fn new(mut product: Product, lang: Option<&str>, translations: BTreeMap<String, ProductTranslation>) -> LocalizedProduct {
        let default_slug = product.slug.clone();
        let fallback = match lang {
            Some(l) => localize_product(&mut product, translations.get(l)),
            None => ProductFallback { attributes: vec![(false, false); product.attributes.len()], ..Default::default() },
        };
        LocalizedProduct { product, lang: lang.map(String::from), default_slug, fallback, translations }
    }

    /// The product's slug in `lang` (its own, or the default's).
    pub fn slug_in(&self, lang: Option<&str>) -> &str {
        lang.and_then(|l| self.translations.get(l)).and_then(|t| t.slug.as_deref()).unwrap_or(&self.default_slug)
    }
}

/// Puts a translation over a product's default content; what it lacks stays and is reported.
pub fn localize_product(p: &mut Product, t: Option<&ProductTranslation>) -> ProductFallback {
    let empty = ProductTranslation::default();
    let t = t.unwrap_or(&empty);
    let mut fb = ProductFallback {
        title: t.title.is_none(),
        description: t.description.is_none() && !p.description.is_empty(),
        ..Default::default()
    };
    if let Some(x) = &t.title {
        p.title = x.clone();
    }
    if let Some(x) = &t.description {
        p.description = x.clone();
    }
    if let Some(x) = &t.slug {
        p.slug = x.clone();
    }
    for a in &mut p.attributes {
        let at = t.attributes.get(&a.name);
        let name = at.and_then(|x| x.name.clone());
        let value = at.and_then(|x| x.value.clone());
        fb.attributes.push((name.is_none(), value.is_none()));
        if let Some(n) = name {
            a.name = n;
        }
        if let Some(v) = value {
            a.value = v;
        }
    }
    fb
}

/// Which parts of a category shown in a language are the default language's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct CategoryFallback {
    pub name: bool,
    pub description: bool,
}

/// Puts a translation over a category's default content; what it lacks stays and is reported.
pub fn localize_category(c: &mut Category, t: Option<&CategoryTranslation>) -> CategoryFallback {
    let fb = CategoryFallback {
        name: t.is_none_or(|t| t.name.is_none()),
        description: t.is_none_or(|t| t.description.is_none()) && !c.description.is_empty(),
    };
    if let Some(t) = t {
        if let Some(x) = &t.name {
            c.name = x.clone();
        }
        if let Some(x) = &t.description {
            c.description = x.clone();
        }
        if let Some(x) = &t.slug {
            c.slug = x.clone();
        }
    }
    fb
}

/// One category's translation into one language, as listed for the whole tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategoryTranslationEntry {
    pub category_id: i64,
    pub lang: String,
    pub translation: CategoryTranslation,
}

/// What is still untranslated in one language: the staff's to-do list. Archived products and
/// categories are left out. Slugs are not counted: a missing one falls back to the default
/// slug without harm (and Arabic titles give none).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TranslationGaps {
    pub lang: String,
    /// Products counted (those not archived).
    pub products: u64,
    /// Products with no translation at all in this language.
    pub products_untranslated: u64,
    pub product_titles: u64,
    /// Descriptions missing (products without a default description need none).
    pub product_descriptions: u64,
    pub attribute_names: u64,
    pub attribute_values: u64,
    /// Categories counted (those not archived).
    pub categories: u64,
    pub categories_untranslated: u64,
    pub category_names: u64,
    pub category_descriptions: u64,
    /// Every missing field above together (titles, names, descriptions, attribute names and
    /// values).
    pub missing_fields: u64,
}

impl TranslationGaps {
    /// Counts one product's missing fields: `has_description` is whether its default content has one.
    pub fn add_product(&mut self, has_description: bool, attributes: &[NameValue], t: Option<&ProductTranslation>) {
        self.products += 1;
        let empty = ProductTranslation::default();
        if t.is_none() {
            self.products_untranslated += 1;
        }
        let t = t.unwrap_or(&empty);
        self.product_titles += t.title.is_none() as u64;
        self.product_descriptions += (has_description && t.description.is_none()) as u64;
        for a in attributes {
            let at = t.attributes.get(&a.name);
            self.attribute_names += at.is_none_or(|x| x.name.is_none()) as u64;
            self.attribute_values += at.is_none_or(|x| x.value.is_none()) as u64;
        }
        self.total();
    }

    /// Counts one category's missing fields.
    pub fn add_category(&mut self, has_description: bool, t: Option<&CategoryTranslation>) {
        self.categories += 1;
        self.categories_untranslated += t.is_none() as u64;
        self.category_names += t.is_none_or(|t| t.name.is_none()) as u64;
        self.category_descriptions += (has_description && t.is_none_or(|t| t.description.is_none())) as u64;
        self.total();
    }

    fn total(&mut self) {
        self.missing_fields = self.product_titles
            + self.product_descriptions
            + self.attribute_names
            + self.attribute_values
            + self.category_names
            + self.category_descriptions;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nv(n: &str, v: &str) -> NameValue {
        NameValue { name: n.into(), value: v.into() }
    }

    #[test]
    fn language_tags() {
        for ok in ["fr", "pt", "pt-br", "sw", "ar", "zh-hant", "es-419", "haw"] {
            assert!(validate_lang("lang", ok).is_ok(), "{ok}");
        }
        for bad in ["", "FR", "f", "fr_", "pt_BR", "pt-BR", "fr-", "-fr", "français", "fran", "fr-x", "en-abcdefghi", "1a"] {
            assert_eq!(validate_lang("lang", bad).unwrap_err().field(), "lang", "{bad}");
        }
        assert!(validate_lang("lang", &format!("fr{}", "-abcdefgh".repeat(4))).is_err(), "too long");
    }

    #[test]
    fn product_translations_are_checked_and_normalised() {
        let t = ProductTranslation {
            title: Some(" Chaussures en cuir ".into()),
            description: Some("  ".into()),
            slug: None,
            attributes: BTreeMap::from([
                ("Material".into(), AttributeTranslation { name: Some("Matière".into()), value: Some(" Cuir ".into()) }),
                ("Origin".into(), AttributeTranslation { name: Some(" ".into()), value: None }),
            ]),
        };
        let v = t.validate("fr").unwrap();
        assert_eq!(v.title.as_deref(), Some("Chaussures en cuir"));
        assert_eq!(v.description, None, "blank falls back");
        assert_eq!(v.slug.as_deref(), Some("chaussures-en-cuir"), "derived from the title");
        assert_eq!(v.attributes.len(), 1, "an attribute with nothing translated is dropped");
        assert_eq!(v.attributes["Material"].value.as_deref(), Some("Cuir"));
        assert!(v.check_attributes("fr", &[nv("Material", "Leather")]).is_ok());
        assert_eq!(v.check_attributes("fr", &[nv("Colour", "Red")]).unwrap_err().field(), "translations.fr.attributes.Material");

        // Arabic titles give no slug, not even from their Latin digits or words: the default one serves
        for t in ["حذاء جلد", "هاتف كورا طراز 01", "هاتف Kora"] {
            let ar = ProductTranslation { title: Some(t.into()), ..Default::default() }.validate("ar").unwrap();
            assert_eq!(ar.slug, None, "{t}");
        }
        let digits = ProductTranslation { title: Some("2024".into()), ..Default::default() }.validate("sw").unwrap();
        assert_eq!(digits.slug, None, "a slug needs a letter");

        let bad = ProductTranslation {
            title: Some("x".repeat(MAX_NAME_LEN + 1)),
            description: Some("a\u{7}b".into()),
            slug: Some("Not A Slug".into()),
            attributes: BTreeMap::from([("".into(), AttributeTranslation { name: Some("n".into()), value: None })]),
        };
        let fields: Vec<String> = bad.validate("pt-BR").unwrap_err().errors.into_iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                "translations.pt-BR",
                "translations.pt-BR.title",
                "translations.pt-BR.description",
                "translations.pt-BR.slug",
                "translations.pt-BR.attributes."
            ]
        );
        let empty = ProductTranslation::default().validate("fr").unwrap_err();
        assert_eq!(empty.field(), "translations.fr");
        // a slug alone is a translation (the URL only)
        assert!(ProductTranslation { slug: Some("chaussures".into()), ..Default::default() }.validate("fr").is_ok());
        let long: String = "x".repeat(500);
        assert!(field(&long, "title").len() < 100, "a long language code is cut short in field names");
    }

    #[test]
    fn category_translations_are_checked() {
        let t = CategoryTranslation { name: Some("Téléphones".into()), ..Default::default() }.validate("fr").unwrap();
        assert_eq!(t.slug.as_deref(), Some("telephones"));
        let err =
            CategoryTranslation { name: Some(String::new()), description: None, slug: Some("a--b".into()) }.validate("fr").unwrap_err();
        assert_eq!(err.field(), "translations.fr.slug");
    }

    fn product() -> Product {
        let now = chrono::Utc::now();
        Product {
            id: 1,
            category_id: None,
            slug: "leather-shoes".into(),
            title: "Leather shoes".into(),
            description: "Hand made.".into(),
            attributes: vec![nv("Material", "Leather"), nv("Origin", "Ghana")],
            status: crate::catalog::ProductStatus::Active,
            variants: vec![],
            images: vec![],
            created_at: now,
            updated_at: now,
        }
    }

    #[test]
    fn missing_parts_fall_back_field_by_field() {
        let fr = ProductTranslation {
            title: Some("Chaussures en cuir".into()),
            slug: Some("chaussures-en-cuir".into()),
            attributes: BTreeMap::from([(
                "Material".into(),
                AttributeTranslation { name: Some("Matière".into()), value: Some("Cuir".into()) },
            )]),
            ..Default::default()
        };
        let l = LocalizedProduct::new(product(), Some("fr"), BTreeMap::from([("fr".to_string(), fr)]));
        assert_eq!((l.product.title.as_str(), l.product.description.as_str()), ("Chaussures en cuir", "Hand made."));
        assert_eq!(l.product.attributes, [nv("Matière", "Cuir"), nv("Origin", "Ghana")]);
        assert_eq!(l.fallback, ProductFallback { title: false, description: true, attributes: vec![(false, false), (true, true)] });
        assert_eq!(
            (l.slug_in(Some("fr")), l.slug_in(Some("ar")), l.slug_in(None)),
            ("chaussures-en-cuir", "leather-shoes", "leather-shoes")
        );
        let ar = LocalizedProduct::new(product(), Some("ar"), l.translations.clone());
        assert_eq!(ar.product.title, "Leather shoes");
        assert!(ar.fallback.title && ar.fallback.description);
        let en = LocalizedProduct::new(product(), None, l.translations.clone());
        assert!(
            !en.fallback.title && en.fallback.attributes == [(false, false), (false, false)],
            "the default language falls back to nothing"
        );
    }

    #[test]
    fn gaps_count_missing_fields() {
        let mut g = TranslationGaps { lang: "fr".into(), ..Default::default() };
        let attrs = [nv("Material", "Leather"), nv("Origin", "Ghana")];
        g.add_product(true, &attrs, None);
        let partial = ProductTranslation {
            title: Some("Chaussures".into()),
            attributes: BTreeMap::from([("Material".into(), AttributeTranslation { name: Some("Matière".into()), value: None })]),
            ..Default::default()
        };
        g.add_product(false, &attrs, Some(&partial));
        g.add_category(true, None);
        g.add_category(false, Some(&CategoryTranslation { name: Some("Chaussures".into()), ..Default::default() }));
        assert_eq!((g.products, g.products_untranslated, g.product_titles, g.product_descriptions), (2, 1, 1, 1));
        assert_eq!((g.attribute_names, g.attribute_values), (3, 4));
        assert_eq!((g.categories, g.categories_untranslated, g.category_names, g.category_descriptions), (2, 1, 1, 1));
        assert_eq!(g.missing_fields, 1 + 1 + 3 + 4 + 1 + 1);
    }
}
