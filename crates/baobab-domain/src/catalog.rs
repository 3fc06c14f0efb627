//! Catalog entities (categories, products, variants, prices, images) and the inputs that create
//! or change them, with their validation rules.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Collector, ValidationError};
use crate::money::{Currency, format_money};
use crate::slug::{normalize_sku, slugify, validate_slug};

pub const MAX_NAME_LEN: usize = 200;
pub const MAX_DESCRIPTION_LEN: usize = 20_000;
pub const MAX_ATTRIBUTES: usize = 50;
pub const MAX_OPTIONS: usize = 5;
pub const MAX_VARIANTS: usize = 100;
pub const MAX_AMOUNT_MINOR: i64 = 1_000_000_000_000; // 10^12 minor units: far above any retail price
pub const MAX_STOCK: i64 = 1_000_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProductStatus {
    Draft,
    Active,
    Archived,
}

impl ProductStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ProductStatus::Draft => "draft",
            ProductStatus::Active => "active",
            ProductStatus::Archived => "archived",
        }
    }

    pub fn parse(s: &str) -> Option<ProductStatus> {
        match s {
            "draft" => Some(ProductStatus::Draft),
            "active" => Some(ProductStatus::Active),
            "archived" => Some(ProductStatus::Archived),
            _ => None,
        }
    }
}

/// A node of the category tree.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Category {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub position: i32,
    pub archived: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A name/value pair: a product attribute (`Material: cotton`) or a variant option (`Size: M`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NameValue {
    pub name: String,
    pub value: String,
}

/// A variant's price in one currency (its entry in that currency's price list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Price {
    pub currency: Currency,
    /// Amount in the currency's minor units (kobo, cents…).
    pub amount_minor: i64,
    /// The "was" price shown struck through; must be above `amount_minor`.
    #[serde(default)]
    pub compare_at_minor: Option<i64>,
}

impl Price {
    pub fn formatted(&self) -> String {
        format_money(self.amount_minor, self.currency)
    }

    pub fn formatted_compare_at(&self) -> Option<String> {
        self.compare_at_minor.map(|c| format_money(c, self.currency))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Variant {
    pub id: i64,
    pub product_id: i64,
    pub sku: String,
    pub options: Vec<NameValue>,
    pub prices: Vec<Price>,
    pub stock_on_hand: i64,
    pub position: i32,
    pub archived: bool,
}

impl Variant {
    pub fn price_in(&self, currency: Currency) -> Option<&Price> {
        self.prices.iter().find(|p| p.currency == currency)
    }

    /// What tells this variant from its product's others where there is no column per option
    /// (a cart or order line): `Size: M / Colour: Indigo`, or nothing when the variant has no
    /// options. Never the SKU: that is a stock code, not a name shoppers know the item by.
    pub fn label(&self) -> String {
        self.options.iter().map(|o| format!("{}: {}", o.name, o.value)).collect::<Vec<_>>().join(" / ")
    }
}

/// A product image reference (the media pipeline fills in the files).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProductImage {
    pub id: i64,
    pub product_id: i64,
    pub variant_id: Option<i64>,
    pub url: String,
    pub alt: String,
    pub position: i32,
    pub width: Option<i32>,
    pub height: Option<i32>,
    /// The processed upload behind this image, when it is one (its variants are served from
    /// the media store; `url` is then filled in by the web layer).
    pub media: Option<crate::media::MediaAsset>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Product {
    pub id: i64,
    pub category_id: Option<i64>,
    pub slug: String,
    pub title: String,
    pub description: String,
    pub attributes: Vec<NameValue>,
    pub status: ProductStatus,
    pub variants: Vec<Variant>,
    pub images: Vec<ProductImage>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Product {
    /// The lowest price among the product's live variants in `currency`.
    pub fn from_price(&self, currency: Currency) -> Option<Price> {
        self.live_variants().filter_map(|v| v.price_in(currency)).min_by_key(|p| p.amount_minor).copied()
    }

    pub fn live_variants(&self) -> impl Iterator<Item = &Variant> {
        self.variants.iter().filter(|v| !v.archived)
    }

    pub fn in_stock(&self) -> bool {
        self.live_variants().any(|v| v.stock_on_hand > 0)
    }
}

/// One row of a product listing: enough to draw a product card.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProductSummary {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub category_id: Option<i64>,
    pub status: ProductStatus,
    /// Lowest live-variant price in the listing's currency.
    pub price: Option<Price>,
    pub in_stock: bool,
    pub image: Option<ProductImage>,
    /// Listed in another language than the default, the title is the default language's (it
    /// has no translation). Not part of the API's answer.
    #[serde(skip)]
    pub title_fallback: bool,
}

// ---------------------------------------------------------------------------------------------
// Inputs

pub(crate) fn check_text(c: &mut Collector, field: &str, value: &str, max: usize, required: bool) {
    if required && value.trim().is_empty() {
        c.push(field, "must not be empty");
    } else if value.chars().count() > max {
        c.push(field, format!("must be at most {max} characters"));
    } else if value.chars().any(|ch| ch.is_control() && ch != '\n' && ch != '\r' && ch != '\t') {
        c.push(field, "must not contain control characters");
    }
}

fn check_pairs(c: &mut Collector, field: &str, pairs: &[NameValue], max: usize) {
    if pairs.len() > max {
        c.push(field, format!("at most {max} entries"));
        return;
    }
    for (i, p) in pairs.iter().enumerate() {
        check_text(c, &format!("{field}[{i}].name"), &p.name, 100, true);
        check_text(c, &format!("{field}[{i}].value"), &p.value, 500, true);
        if pairs[..i].iter().any(|q| q.name.eq_ignore_ascii_case(&p.name)) {
            c.push(format!("{field}[{i}].name"), format!("duplicate name `{}`", p.name));
        }
    }
}

/// Checks a price list: amounts ≥ 0 and bounded, compare-at above the price, one per currency.
pub fn validate_prices(field: &str, prices: &[Price]) -> Result<(), ValidationError> {
    let mut c = Collector::default();
    for (i, p) in prices.iter().enumerate() {
        let f = format!("{field}[{i}]");
        if p.amount_minor < 0 {
            c.push(format!("{f}.amount_minor"), "must not be negative");
        } else if p.amount_minor > MAX_AMOUNT_MINOR {
            c.push(format!("{f}.amount_minor"), format!("must be at most {MAX_AMOUNT_MINOR}"));
        }
        if let Some(cmp) = p.compare_at_minor
            && (cmp <= p.amount_minor || cmp > MAX_AMOUNT_MINOR)
        {
            c.push(format!("{f}.compare_at_minor"), "must be above amount_minor (and at most 10^12)");
        }
        if prices[..i].iter().any(|q| q.currency == p.currency) {
            c.push(format!("{f}.currency"), format!("duplicate price for {}", p.currency));
        }
    }
    c.finish()
}

fn check_stock(c: &mut Collector, field: &str, stock: i64) {
    if !(0..=MAX_STOCK).contains(&stock) {
        c.push(field, format!("must be between 0 and {MAX_STOCK}"));
    }
}

fn check_position(c: &mut Collector, field: &str, position: i32) {
    if !(0..=1_000_000).contains(&position) {
        c.push(field, "must be between 0 and 1000000");
    }
}

#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewCategory {
    pub name: String,
    /// Derived from the name when absent.
    #[serde(default)]
    pub slug: Option<String>,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub parent_id: Option<i64>,
    #[serde(default)]
    pub position: i32,
}

impl NewCategory {
    /// Validates and fills the slug in.
    pub fn validate(&self) -> Result<NewCategory, ValidationError> {
        let mut c = Collector::default();
        check_text(&mut c, "name", &self.name, MAX_NAME_LEN, true);
        check_text(&mut c, "description", &self.description, MAX_DESCRIPTION_LEN, false);
        check_position(&mut c, "position", self.position);
        let slug = self.slug.clone().unwrap_or_else(|| slugify(&self.name));
        c.check(validate_slug("slug", &slug));
        c.finish()?;
        Ok(NewCategory { slug: Some(slug), name: self.name.trim().to_string(), ..self.clone() })
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CategoryPatch {
    pub name: Option<String>,
    pub slug: Option<String>,
    pub description: Option<String>,
    /// `null` moves the category to the top level.
    #[serde(default, deserialize_with = "crate::patch::double_option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub parent_id: Option<Option<i64>>,
    pub position: Option<i32>,
    pub archived: Option<bool>,
}

impl CategoryPatch {
    pub fn validate(&self) -> Result<(), ValidationError> {
        let mut c = Collector::default();
        if let Some(n) = &self.name {
            check_text(&mut c, "name", n, MAX_NAME_LEN, true);
        }
        if let Some(s) = &self.slug {
            c.check(validate_slug("slug", s));
        }
        if let Some(d) = &self.description {
            check_text(&mut c, "description", d, MAX_DESCRIPTION_LEN, false);
        }
        if let Some(p) = self.position {
            check_position(&mut c, "position", p);
        }
        c.finish()
    }

    pub fn apply(&self, cat: &mut Category) {
        if let Some(n) = &self.name {
            cat.name = n.trim().to_string();
        }
        if let Some(s) = &self.slug {
            cat.slug = s.clone();
        }
        if let Some(d) = &self.description {
            cat.description = d.clone();
        }
        if let Some(p) = self.parent_id {
            cat.parent_id = p;
        }
        if let Some(p) = self.position {
            cat.position = p;
        }
        if let Some(a) = self.archived {
            cat.archived = a;
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewVariant {
    pub sku: String,
    #[serde(default)]
    pub options: Vec<NameValue>,
    /// At least one price; one per currency.
    pub prices: Vec<Price>,
    #[serde(default)]
    pub stock_on_hand: i64,
    #[serde(default)]
    pub position: i32,
}

impl NewVariant {
    pub fn validate(&self) -> Result<NewVariant, ValidationError> {
        let mut c = Collector::default();
        let sku = c.check(normalize_sku("sku", &self.sku));
        check_pairs(&mut c, "options", &self.options, MAX_OPTIONS);
        if self.prices.is_empty() {
            c.push("prices", "at least one price is required");
        }
        c.check(validate_prices("prices", &self.prices));
        check_stock(&mut c, "stock_on_hand", self.stock_on_hand);
        check_position(&mut c, "position", self.position);
        c.finish()?;
        Ok(NewVariant { sku: sku.unwrap_or_default(), ..self.clone() })
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct VariantPatch {
    pub sku: Option<String>,
    pub options: Option<Vec<NameValue>>,
    /// Replaces the variant's whole price list.
    pub prices: Option<Vec<Price>>,
    pub stock_on_hand: Option<i64>,
    pub position: Option<i32>,
    pub archived: Option<bool>,
}

impl VariantPatch {
    /// Validates and normalises (the SKU is upper-cased).
    pub fn validate(&self) -> Result<VariantPatch, ValidationError> {
        let mut c = Collector::default();
        let sku = match &self.sku {
            Some(s) => c.check(normalize_sku("sku", s)),
            None => None,
        };
        if let Some(o) = &self.options {
            check_pairs(&mut c, "options", o, MAX_OPTIONS);
        }
        if let Some(p) = &self.prices {
            if p.is_empty() {
                c.push("prices", "at least one price is required");
            }
            c.check(validate_prices("prices", p));
        }
        if let Some(s) = self.stock_on_hand {
            check_stock(&mut c, "stock_on_hand", s);
        }
        if let Some(p) = self.position {
            check_position(&mut c, "position", p);
        }
        c.finish()?;
        Ok(VariantPatch { sku, ..self.clone() })
    }

    pub fn apply(&self, v: &mut Variant) {
        if let Some(s) = &self.sku {
            v.sku = s.clone();
        }
        if let Some(o) = &self.options {
            v.options = o.clone();
        }
        if let Some(p) = &self.prices {
            v.prices = p.clone();
        }
        if let Some(s) = self.stock_on_hand {
            v.stock_on_hand = s;
        }
        if let Some(p) = self.position {
            v.position = p;
        }
        if let Some(a) = self.archived {
            v.archived = a;
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewProduct {
    pub title: String,
    /// Derived from the title when absent.
    #[serde(default)]
    pub slug: Option<String>,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub category_id: Option<i64>,
    #[serde(default)]
    pub attributes: Vec<NameValue>,
    /// Defaults to `draft`.
    #[serde(default)]
    pub status: Option<ProductStatus>,
    #[serde(default)]
    pub variants: Vec<NewVariant>,
}

impl NewProduct {
    pub fn validate(&self) -> Result<NewProduct, ValidationError> {
        let mut c = Collector::default();
        check_text(&mut c, "title", &self.title, MAX_NAME_LEN, true);
        check_text(&mut c, "description", &self.description, MAX_DESCRIPTION_LEN, false);
        check_pairs(&mut c, "attributes", &self.attributes, MAX_ATTRIBUTES);
        let slug = self.slug.clone().unwrap_or_else(|| slugify(&self.title));
        c.check(validate_slug("slug", &slug));
        if self.variants.len() > MAX_VARIANTS {
            c.push("variants", format!("at most {MAX_VARIANTS} variants"));
        }
        let mut variants = Vec::with_capacity(self.variants.len());
        let mut skus: Vec<String> = Vec::new();
        for (i, v) in self.variants.iter().enumerate() {
            if let Ok(sku) = normalize_sku("sku", &v.sku) {
                if skus.contains(&sku) {
                    c.push(format!("variants[{i}].sku"), format!("duplicate SKU `{sku}`"));
                }
                skus.push(sku);
            }
            if let Some(v) = c.check(v.validate().map_err(|e| e.within(&format!("variants[{i}]")))) {
                variants.push(v);
            }
        }
        c.finish()?;
        Ok(NewProduct {
            title: self.title.trim().to_string(),
            slug: Some(slug),
            status: Some(self.status.unwrap_or(ProductStatus::Draft)),
            variants,
            ..self.clone()
        })
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ProductPatch {
    pub title: Option<String>,
    pub slug: Option<String>,
    pub description: Option<String>,
    /// `null` removes the product from its category.
    #[serde(default, deserialize_with = "crate::patch::double_option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub category_id: Option<Option<i64>>,
    pub attributes: Option<Vec<NameValue>>,
    pub status: Option<ProductStatus>,
}

impl ProductPatch {
    pub fn validate(&self) -> Result<(), ValidationError> {
        let mut c = Collector::default();
        if let Some(t) = &self.title {
            check_text(&mut c, "title", t, MAX_NAME_LEN, true);
        }
        if let Some(s) = &self.slug {
            c.check(validate_slug("slug", s));
        }
        if let Some(d) = &self.description {
            check_text(&mut c, "description", d, MAX_DESCRIPTION_LEN, false);
        }
        if let Some(a) = &self.attributes {
            check_pairs(&mut c, "attributes", a, MAX_ATTRIBUTES);
        }
        c.finish()
    }

    pub fn apply(&self, p: &mut Product) {
        if let Some(t) = &self.title {
            p.title = t.trim().to_string();
        }
        if let Some(s) = &self.slug {
            p.slug = s.clone();
        }
        if let Some(d) = &self.description {
            p.description = d.clone();
        }
        if let Some(c) = self.category_id {
            p.category_id = c;
        }
        if let Some(a) = &self.attributes {
            p.attributes = a.clone();
        }
        if let Some(s) = self.status {
            p.status = s;
        }
    }
}

/// Ids of `root` and every category below it.
pub fn descendants(categories: &[Category], root: i64) -> Vec<i64> {
    let mut out = vec![root];
    let mut i = 0;
    while i < out.len() {
        let parent = out[i];
        out.extend(categories.iter().filter(|c| c.parent_id == Some(parent)).map(|c| c.id));
        i += 1;
    }
    out
}

/// The chain from the top level down to `id` (for breadcrumbs); empty if unknown.
pub fn ancestry(categories: &[Category], id: i64) -> Vec<&Category> {
    let mut chain = Vec::new();
    let mut cur = categories.iter().find(|c| c.id == id);
    while let Some(c) = cur {
        if chain.iter().any(|x: &&Category| x.id == c.id) {
            break; // defensive: a cycle must never hang a request
        }
        chain.push(c);
        cur = c.parent_id.and_then(|p| categories.iter().find(|x| x.id == p));
    }
    chain.reverse();
    chain
}

/// Whether setting `parent` as the parent of `id` would make a cycle.
pub fn would_cycle(categories: &[Category], id: i64, parent: i64) -> bool {
    descendants(categories, id).contains(&parent)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn price(code: &str, amount: i64, cmp: Option<i64>) -> Price {
        Price { currency: code.parse().unwrap(), amount_minor: amount, compare_at_minor: cmp }
    }

    fn variant(sku: &str) -> NewVariant {
        NewVariant { sku: sku.into(), options: vec![], prices: vec![price("NGN", 100, None)], stock_on_hand: 1, position: 0 }
    }

    #[test]
    fn new_product_fills_defaults_and_names_fields() {
        let p = NewProduct {
            title: " Ankara fabric ".into(),
            slug: None,
            description: String::new(),
            category_id: None,
            attributes: vec![],
            status: None,
            variants: vec![variant("ank-1")],
        };
        let v = p.validate().unwrap();
        assert_eq!(v.slug.as_deref(), Some("ankara-fabric"));
        assert_eq!(v.status, Some(ProductStatus::Draft));
        assert_eq!(v.variants[0].sku, "ANK-1");

        let mut bad = p.clone();
        bad.variants = vec![variant("A"), variant("a")];
        bad.variants[0].prices = vec![price("KES", -1, None), price("KES", 5, Some(5))];
        let err = bad.validate().unwrap_err();
        let fields: Vec<&str> = err.errors.iter().map(|e| e.field.as_str()).collect();
        assert!(fields.contains(&"variants[0].prices[0].amount_minor"), "{fields:?}");
        assert!(fields.contains(&"variants[0].prices[1].compare_at_minor"), "{fields:?}");
        assert!(fields.contains(&"variants[0].prices[1].currency"), "{fields:?}");
        assert!(fields.contains(&"variants[1].sku"), "{fields:?}");
    }

    #[test]
    fn empty_title_and_control_chars_rejected() {
        let mut p = NewCategory { name: "  ".into(), slug: None, description: "a\u{7}".into(), parent_id: None, position: -1 };
        let fields: Vec<String> = p.validate().unwrap_err().errors.into_iter().map(|e| e.field).collect();
        assert_eq!(fields, vec!["name", "description", "position", "slug"]);
        p.name = "Solar".into();
        p.description.clear();
        p.position = 0;
        assert_eq!(p.validate().unwrap().slug.as_deref(), Some("solar"));
    }

    #[test]
    fn patch_double_option() {
        let p: ProductPatch = serde_json::from_str(r#"{"category_id": null}"#).unwrap();
        assert_eq!(p.category_id, Some(None));
        let p: ProductPatch = serde_json::from_str(r#"{}"#).unwrap();
        assert_eq!(p.category_id, None);
        assert!(serde_json::from_str::<ProductPatch>(r#"{"colour": 1}"#).is_err());
    }

    fn cat(id: i64, parent: Option<i64>) -> Category {
        let now = Utc::now();
        Category {
            id,
            parent_id: parent,
            slug: format!("c{id}"),
            name: format!("C{id}"),
            description: String::new(),
            position: 0,
            archived: false,
            created_at: now,
            updated_at: now,
        }
    }

    #[test]
    fn tree_walks() {
        let cats = vec![cat(1, None), cat(2, Some(1)), cat(3, Some(2)), cat(4, None)];
        assert_eq!(descendants(&cats, 1), vec![1, 2, 3]);
        assert_eq!(ancestry(&cats, 3).iter().map(|c| c.id).collect::<Vec<_>>(), vec![1, 2, 3]);
        assert!(would_cycle(&cats, 1, 3));
        assert!(!would_cycle(&cats, 3, 4));
    }
}
