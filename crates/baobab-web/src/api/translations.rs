//! Translations in the API: products and categories are read with a `translations` map
//! (language → the content in that language) and written with one, next to their own fields,
//! which hold the default language's content. On create, each language given is stored; on
//! update, each language given replaces that language's translation whole, `null` removes it,
//! languages not named stay. Languages must be the shop's, other than its default.

use std::collections::BTreeMap;
use std::marker::PhantomData;

use axum::extract::State;
use axum::response::Response;
use baobab_domain::catalog::{Category, CategoryPatch, NewCategory, NewProduct, Product, ProductPatch};
use baobab_domain::error::Collector;
use baobab_domain::translation::{CategoryTranslation, ProductTranslation, TranslationGaps, field, validate_lang};
use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use utoipa::openapi::schema::{AdditionalProperties, ObjectBuilder, OneOfBuilder, Schema, Type};
use utoipa::openapi::{Ref, RefOr};
use utoipa::{PartialSchema, ToSchema};

use super::read;
use crate::AppState;
use crate::auth::CatalogStaff;
use crate::error::{ApiError, ErrorResponse};

/// A product with its translations, as the API reads it.
#[derive(Serialize, utoipa::ToSchema)]
pub struct TranslatedProduct {
    #[serde(flatten)]
    pub product: Product,
    /// The product's content in other languages than the default, by language code.
    pub translations: BTreeMap<String, ProductTranslation>,
}

/// A category with its translations, as the API reads it.
#[derive(Serialize, utoipa::ToSchema)]
pub struct TranslatedCategory {
    #[serde(flatten)]
    pub category: Category,
    /// The category's content in other languages than the default, by language code.
    pub translations: BTreeMap<String, CategoryTranslation>,
}

/// A new product and its translations.
pub struct NewTranslatedProduct {
    pub product: NewProduct,
    pub translations: BTreeMap<String, ProductTranslation>,
}

/// Changes to a product and to its translations.
pub struct TranslatedProductPatch {
    pub patch: ProductPatch,
    pub translations: BTreeMap<String, Option<ProductTranslation>>,
}

/// A new category and its translations.
pub struct NewTranslatedCategory {
    pub category: NewCategory,
    pub translations: BTreeMap<String, CategoryTranslation>,
}

/// Changes to a category and to its translations (as for products).
pub struct TranslatedCategoryPatch {
    pub patch: CategoryPatch,
    pub translations: BTreeMap<String, Option<CategoryTranslation>>,
}

/// The schema of the item `T` (an object that refuses unknown members) with a `translations`
/// member beside its own: one object, so the `translations` member is one of its properties.
fn with_translations<T: ToSchema>(translation: &str, nullable: bool, description: &str) -> RefOr<Schema> {
    let entry: RefOr<Schema> = if nullable {
        OneOfBuilder::new().item(Ref::from_schema_name(translation)).item(ObjectBuilder::new().schema_type(Type::Null)).into()
    } else {
        Ref::from_schema_name(translation).into()
    };
    let about = if nullable {
        "By language code (the shop's languages other than the default): a translation replaces that language's whole, \
         `null` removes it; languages not named stay as they are."
    } else {
        "By language code (`fr`, `pt-br`): the shop's languages other than the default."
    };
    let member = ObjectBuilder::new()
        .schema_type(Type::Object)
        .additional_properties(Some(AdditionalProperties::RefOr(entry)))
        .description(Some(about))
        .into();
    match T::schema() {
        RefOr::T(Schema::Object(mut o)) => {
            o.properties.insert("translations".into(), member);
            o.description = Some(description.into());
            RefOr::T(Schema::Object(o))
        }
        other => other,
    }
}

macro_rules! body_schema {
    ($ty:ident, $item:ty, $tr:ty, $nullable:expr, $about:literal) => {
        impl PartialSchema for $ty {
            fn schema() -> RefOr<Schema> {
                with_translations::<$item>(&<$tr as ToSchema>::name(), $nullable, $about)
            }
        }
        impl ToSchema for $ty {
            fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
                <$item as ToSchema>::schemas(schemas);
                schemas.push((<$tr as ToSchema>::name().into_owned(), <$tr as PartialSchema>::schema()));
                <$tr as ToSchema>::schemas(schemas);
            }
        }
    };
}

body_schema!(NewTranslatedProduct, NewProduct, ProductTranslation, false, "A new product and its translations.");
body_schema!(TranslatedProductPatch, ProductPatch, ProductTranslation, true, "Changes to a product and to its translations.");
body_schema!(NewTranslatedCategory, NewCategory, CategoryTranslation, false, "A new category and its translations.");
body_schema!(TranslatedCategoryPatch, CategoryPatch, CategoryTranslation, true, "Changes to a category and to its translations.");

macro_rules! deserialize_split {
    ($ty:ident, $item:ident: $item_ty:ty, $tr:ty) => {
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let (item, translations) = d.deserialize_map(SplitVisitor::<$item_ty, $tr>(PhantomData))?;
                Ok($ty { $item: item, translations: translations.unwrap_or_default() })
            }
        }
    };
}

deserialize_split!(NewTranslatedProduct, product: NewProduct, BTreeMap<String, ProductTranslation>);
deserialize_split!(TranslatedProductPatch, patch: ProductPatch, BTreeMap<String, Option<ProductTranslation>>);
deserialize_split!(NewTranslatedCategory, category: NewCategory, BTreeMap<String, CategoryTranslation>);
deserialize_split!(TranslatedCategoryPatch, patch: CategoryPatch, BTreeMap<String, Option<CategoryTranslation>>);

/// Reads a JSON object as the item `T` (with all of `T`'s rules: unknown fields refused,
/// required ones named) plus an optional `translations` member `U`. The object's members are
/// handed to `T` as they come, so errors keep their path (`variants[0].sku`,
/// `translations.fr.title`) and nothing is buffered.
struct SplitVisitor<T, U>(PhantomData<(T, U)>);

impl<'de, T: Deserialize<'de>, U: Deserialize<'de>> Visitor<'de> for SplitVisitor<T, U> {
    type Value = (T, Option<U>);

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let mut translations = None;
        let item = T::deserialize(de::value::MapAccessDeserializer::new(Skip { inner: map, translations: &mut translations }))?;
        Ok((item, translations))
    }
}

/// The object's members except `translations`, which it reads aside.
struct Skip<'a, A, U> {
    inner: A,
    translations: &'a mut Option<U>,
}

impl<'de, A: MapAccess<'de>, U: Deserialize<'de>> MapAccess<'de> for Skip<'_, A, U> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        loop {
            let Some(key) = self.inner.next_key::<String>()? else { return Ok(None) };
            if key != "translations" {
                return seed.deserialize(IntoDeserializer::<A::Error>::into_deserializer(key)).map(Some);
            }
            if self.translations.is_some() {
                return Err(de::Error::duplicate_field("translations"));
            }
            *self.translations = Some(self.inner.next_value()?);
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.inner.next_value_seed(seed)
    }
}

/// Refuses languages the shop does not offer, and its default language (whose content is the
/// item's own fields): 422 naming `translations.<lang>`, every one at once.
pub(super) fn check_languages<'a>(state: &AppState, langs: impl Iterator<Item = &'a String>) -> Result<(), ApiError> {
    let i18n = &state.i18n;
    let default = i18n.default_code();
    let others: Vec<&str> = i18n.languages().iter().map(|l| l.code.as_str()).filter(|c| *c != default).collect();
    let mut c = Collector::default();
    for lang in langs {
        let f = field(lang, "");
        if validate_lang(&f, lang).is_err() {
            c.push(f, "is not a lower-case language tag such as fr or pt-br");
        } else if lang == default {
            c.push(f, "is the shop's default language: its content is the item's own fields, not a translation");
        } else if !others.contains(&lang.as_str()) {
            c.push(f, format!("is not one of the shop's languages ({})", others.join(", ")));
        }
    }
    c.finish().map_err(ApiError::invalid)
}

/// The shop's other languages than the default, and what is left to translate in each.
#[derive(Serialize, utoipa::ToSchema)]
pub struct TranslationGapList {
    pub languages: Vec<TranslationGaps>,
}

/// What is left to translate, per language of the shop other than the default (staff):
/// products and categories without a translation and the fields missing (titles, names,
/// descriptions, attribute names and values). Archived items are not counted.
#[utoipa::path(operation_id = "translation_gaps", get, path = "/api/v1/translation-gaps", tag = "catalog", security(("staff_token" = [])),
    responses((status = 200, body = TranslationGapList), (status = 401, body = ErrorResponse), (status = 503, body = ErrorResponse)))]
pub(super) async fn gaps(State(state): State<AppState>, _staff: CatalogStaff) -> Result<Response, ApiError> {
    let default = state.i18n.default_code();
    let langs: Vec<String> = state.i18n.languages().iter().map(|l| l.code.clone()).filter(|c| c != default).collect();
    let languages = state.store.translation_gaps(&langs).await?;
    Ok(read(&state, true, &TranslationGapList { languages }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translations_are_read_beside_the_item_in_any_order() {
        let body = r#"{"translations": {"fr": {"title": "Lanterne"}}, "title": "Lantern", "variants": []}"#;
        let v: NewTranslatedProduct = serde_json::from_str(body).unwrap();
        assert_eq!((v.product.title.as_str(), v.translations["fr"].title.as_deref()), ("Lantern", Some("Lanterne")));
        let v: NewTranslatedProduct = serde_json::from_str(r#"{"title": "Lantern"}"#).unwrap();
        assert!(v.translations.is_empty());
        let p: TranslatedProductPatch = serde_json::from_str(r#"{"translations": {"fr": null, "pt": {"title": "Lanterna"}}}"#).unwrap();
        assert_eq!(p.translations.len(), 2);
        assert!(p.translations["fr"].is_none() && p.patch.title.is_none());
        for bad in [
            r#"{"title": "x", "colour": 1}"#,
            r#"{"title": "x", "translations": [], "b": 1}"#,
            r#"[]"#,
            r#"{"title": "x", "translations": {}, "translations": {}}"#,
        ] {
            assert!(serde_json::from_str::<NewTranslatedProduct>(bad).is_err(), "{bad}");
        }
    }
}
