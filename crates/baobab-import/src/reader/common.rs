//! What both formats share: a product being assembled from rows, and its final checks.

use std::path::{Component, Path};

use baobab_domain::catalog::{NameValue, ProductStatus};
use baobab_domain::slug::{normalize_sku, slugify, validate_slug};

use super::{Ctx, ReadResult, TagsAs};
use crate::amount::format_amount;
use crate::model::{ImageSource, ImportedImage, ImportedProduct, ImportedVariant};
use crate::problem::Problem;

/// A variant as read from its row; checked again when the product is finished.
#[derive(Debug, Clone, Default)]
pub(crate) struct DraftVariant {
    pub row: u64,
    /// Normalised and claimed; `None`: to be generated from the handle.
    pub sku: Option<String>,
    pub option_values: Vec<String>,
    pub price: Option<i64>,
    pub compare_at: Option<i64>,
    pub inventory: Option<i64>,
    pub grams: Option<i64>,
}

/// The header names the checks point at when the domain finds a problem.
#[derive(Debug, Clone, Default)]
pub(crate) struct Columns {
    pub title: Option<String>,
    pub handle: Option<String>,
    pub description: Option<String>,
    pub attributes: Option<String>,
    pub sku: Option<String>,
    pub price: Option<String>,
    pub inventory: Option<String>,
    pub options: Vec<Option<String>>,
    /// The column each attribute name was read from, when it has one of its own
    /// (Shopify's metafield columns).
    pub attribute_sources: Vec<(String, String)>,
}

/// A product being assembled from its rows.
#[derive(Debug, Default)]
pub(crate) struct Draft {
    pub row: u64,
    pub handle: String,
    pub title: String,
    pub description: String,
    pub vendor: String,
    pub category: Vec<String>,
    pub product_type: String,
    pub tags: Vec<String>,
    pub attributes: Vec<NameValue>,
    pub status: Option<ProductStatus>,
    pub option_names: Vec<String>,
    pub variants: Vec<DraftVariant>,
    pub images: Vec<ImportedImage>,
    /// Images named on variant rows: (row, source, index of the variant).
    pub variant_images: Vec<(u64, ImageSource, usize)>,
    pub problems: Vec<Problem>,
    pub warnings: Vec<Problem>,
    pub cols: Columns,
}

impl Draft {
    pub fn problem(&mut self, row: u64, column: Option<&str>, message: impl Into<String>) {
        self.problems.push(Problem::new(row, column, message));
    }

    pub fn warn(&mut self, row: u64, column: Option<&str>, message: impl Into<String>) {
        self.warnings.push(Problem::new(row, column, message));
    }

    /// Checks what is left, maps the tags, and runs the domain's validation.
    pub fn finish(mut self, ctx: &mut Ctx) -> ReadResult {
        for i in 0..self.variants.len() {
            if self.variants[i].sku.is_none() && !self.handle.is_empty() {
                let sku = generate_sku(ctx, &self.handle, i + 1, self.variants[i].row);
                let row = self.variants[i].row;
                let col = self.cols.sku.clone();
                self.warn(row, col.as_deref(), format!("no SKU; the variant was given \"{sku}\""));
                self.variants[i].sku = Some(sku);
            }
        }
        self.link_variant_images();
        self.map_tags(ctx.opts.tags);
        if !self.vendor.is_empty() && !self.attributes.iter().any(|a| a.name.eq_ignore_ascii_case("Vendor")) {
            self.attributes.push(NameValue { name: "Vendor".into(), value: self.vendor.clone() });
        }
        if !self.problems.is_empty() {
            return Err(self.problems);
        }
        let product = ImportedProduct {
            row: self.row,
            handle: self.handle.clone(),
            title: self.title.clone(),
            description: self.description.clone(),
            vendor: self.vendor.clone(),
            category: self.category.clone(),
            product_type: self.product_type.clone(),
            tags: self.tags.clone(),
            attributes: self.attributes.clone(),
            status: self.status.unwrap_or(ProductStatus::Active),
            option_names: self.option_names.clone(),
            variants: self
                .variants
                .iter()
                .map(|v| ImportedVariant {
                    row: v.row,
                    sku: v.sku.clone().unwrap_or_default(),
                    option_values: v.option_values.clone(),
                    price_minor: v.price.unwrap_or(0),
                    compare_at_minor: v.compare_at,
                    inventory: v.inventory,
                    grams: v.grams,
                })
                .collect(),
            images: std::mem::take(&mut self.images),
            currency: ctx.opts.currency,
            warnings: std::mem::take(&mut self.warnings),
        };
        if let Err(e) = product.to_new_product().validate() {
            for fe in e.errors {
                let (row, column) = self.locate(&fe.field);
                self.problems.push(Problem::new(row, column.as_deref(), fe.message));
            }
            return Err(self.problems);
        }
        Ok(product)
    }

    /// Orders the images by position (1, 2, 3…) and attaches the variant images: to the product
    /// image with the same source, or as an image of their own after the others.
    fn link_variant_images(&mut self) {
        self.images.sort_by_key(|i| i.position);
        for (row, source, idx) in std::mem::take(&mut self.variant_images) {
            let Some(sku) = self.variants.get(idx).and_then(|v| v.sku.clone()) else { continue };
            match self.images.iter_mut().find(|i| i.source == source) {
                Some(img) if img.variant_sku.is_none() => img.variant_sku = Some(sku),
                Some(_) => {}
                None => self.images.push(ImportedImage { row, source, position: 0, alt: String::new(), variant_sku: Some(sku) }),
            }
        }
        for (i, img) in self.images.iter_mut().enumerate() {
            img.position = i as u32 + 1;
        }
    }

    /// The row and column a domain field name (`variants[2].prices[0].amount_minor`) points at.
    fn locate(&self, field: &str) -> (u64, Option<String>) {
        let c = &self.cols;
        if let Some(rest) = field.strip_prefix("variants[") {
            let (i, tail) = rest.split_once(']').unwrap_or(("0", ""));
            let i: usize = i.parse().unwrap_or(0);
            let row = self.variants.get(i).map_or(self.row, |v| v.row);
            let col = if tail.starts_with(".sku") {
                c.sku.clone()
            } else if tail.starts_with(".prices") {
                c.price.clone()
            } else if tail.starts_with(".stock") {
                c.inventory.clone()
            } else if let Some(o) = tail.strip_prefix(".options[") {
                let j: usize = o.split(']').next().and_then(|j| j.parse().ok()).unwrap_or(0);
                c.options.get(j).cloned().flatten()
            } else {
                None
            };
            return (row, col);
        }
        let col = match field {
            "title" => c.title.clone(),
            "slug" => c.handle.clone(),
            "description" => c.description.clone(),
            f if f.starts_with("attributes") => self.attribute_column(f).or_else(|| c.attributes.clone()),
            _ => None,
        };
        (self.row, col)
    }

    /// The column an `attributes[3].value` field was read from, when it was its own.
    fn attribute_column(&self, field: &str) -> Option<String> {
        let i: usize = field.strip_prefix("attributes[")?.split(']').next()?.parse().ok()?;
        let name = &self.attributes.get(i)?.name;
        self.cols.attribute_sources.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, col)| col.clone())
    }

    fn map_tags(&mut self, how: TagsAs) {
        let mut plain: Vec<String> = Vec::new();
        let mut tags = self.tags.iter();
        if how == TagsAs::Category
            && let Some(first) = tags.next()
        {
            let path = category_path(first);
            if !path.is_empty() {
                self.category = path;
            }
        }
        for tag in tags {
            match tag.split_once(':').map(|(n, v)| (n.trim(), v.trim())) {
                Some((name, value)) if how == TagsAs::Attributes && !name.is_empty() && !value.is_empty() => {
                    add_attribute(&mut self.attributes, name, value)
                }
                _ => plain.push(tag.clone()),
            }
        }
        if !plain.is_empty() {
            add_attribute(&mut self.attributes, "Tags", &plain.join(", "));
        }
    }
}

/// Adds `name: value`, joining values when the name is there already.
pub(crate) fn add_attribute(attrs: &mut Vec<NameValue>, name: &str, value: &str) {
    match attrs.iter_mut().find(|a| a.name.eq_ignore_ascii_case(name)) {
        Some(a) => {
            if !a.value.split(", ").any(|v| v == value) {
                a.value = format!("{}, {value}", a.value);
            }
        }
        None => attrs.push(NameValue { name: name.to_string(), value: value.to_string() }),
    }
}

/// `Clothing > Hoodies` → `["Clothing", "Hoodies"]`.
pub(crate) fn category_path(cell: &str) -> Vec<String> {
    cell.split('>').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

/// `Name: Value` lines (the export's attribute column) as attributes.
pub(crate) fn attributes_from_lines(cell: &str) -> Vec<NameValue> {
    let mut out = Vec::new();
    for line in cell.lines() {
        if let Some((n, v)) = line.split_once(':') {
            let (n, v) = (n.trim(), v.trim());
            if !n.is_empty() && !v.is_empty() {
                add_attribute(&mut out, n, v);
            }
        }
    }
    out
}

/// Normalises a SKU and claims it for this row, or says why it cannot be used.
pub(crate) fn claim_sku(ctx: &mut Ctx, raw: &str, row: u64) -> Result<String, String> {
    let sku = normalize_sku("sku", raw).map_err(|e| {
        let why = e.errors.first().map(|e| e.message.as_str()).unwrap_or("is not valid");
        format!("\"{raw}\" is not a usable SKU: it {why}")
    })?;
    if let Some(first) = ctx.skus.get(&sku) {
        return Err(format!("\"{sku}\" is also the SKU on row {first}; every SKU must be unique"));
    }
    ctx.skus.insert(&sku, row);
    Ok(sku)
}

/// A SKU for a variant the file gives none: `HANDLE-2`, made unique.
fn generate_sku(ctx: &mut Ctx, handle: &str, n: usize, row: u64) -> String {
    let base: String = handle.to_ascii_uppercase().chars().take(56).collect();
    let mut sku = format!("{base}-{n}");
    let mut extra = 1;
    while ctx.skus.get(&sku).is_some() {
        extra += 1;
        sku = format!("{base}-{n}-{extra}");
    }
    ctx.skus.insert(&sku, row);
    sku
}

/// Turns a handle cell (or, when empty, the title) into a slug; the warning says when it had
/// to be changed.
pub(crate) fn slug_for(raw: &str, title: &str) -> Result<(String, Option<String>), String> {
    if !raw.is_empty() {
        let lower = raw.to_lowercase();
        if validate_slug("slug", &lower).is_ok() {
            return Ok((lower, None));
        }
        let s = slugify(raw);
        if !s.is_empty() {
            return Ok((s.clone(), Some(format!("\"{raw}\" is not a URL handle (letters a-z, digits and dashes); \"{s}\" is used"))));
        }
    }
    let s = slugify(title);
    if s.is_empty() {
        let shown = if raw.is_empty() { title } else { raw };
        return Err(format!("\"{shown}\" gives no URL handle (letters a-z, digits and dashes); write one in the handle column"));
    }
    Ok((s, None))
}

/// Claims a handle for the product starting at `row`; `Err` names the row that has it.
pub(crate) fn claim_handle(ctx: &mut Ctx, handle: &str, row: u64) -> Result<(), u64> {
    match ctx.handles.get(handle) {
        Some(first) => Err(first),
        None => {
            ctx.handles.insert(handle, row);
            Ok(())
        }
    }
}

/// Where an image cell points: an http(s) URL, or a file in the image folder.
pub(crate) fn image_source(raw: &str, image_dir: Option<&Path>) -> Result<ImageSource, String> {
    let lower = raw.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        if raw.len() > 2000 || raw.chars().any(|c| c.is_whitespace() || c == '"' || c.is_control()) {
            return Err(format!("\"{raw}\" is not a usable image URL: it must have no spaces or quotes and at most 2000 characters"));
        }
        return Ok(ImageSource::Url(raw.to_string()));
    }
    if lower.contains("://") || raw.starts_with("//") || lower.starts_with("data:") {
        return Err(format!(
            "\"{raw}\" is not an image URL Baobab can fetch: use an https:// address or a file name from the image folder"
        ));
    }
    let Some(dir) = image_dir else {
        return Err(format!("\"{raw}\" is not a URL; to import images from files, give the folder that holds them"));
    };
    let path = Path::new(raw);
    if path.components().any(|c| !matches!(c, Component::Normal(_) | Component::CurDir)) {
        return Err(format!("\"{raw}\" points outside the image folder; give a file name inside it"));
    }
    let full = dir.join(path);
    if !full.is_file() {
        return Err(format!("\"{raw}\" is not in the image folder {}", dir.display()));
    }
    Ok(ImageSource::LocalFile(full))
}

/// Checks a row's currency cell against the import's currency.
pub(crate) fn check_currency(ctx: &Ctx, cell: &str) -> Result<(), String> {
    if cell.is_empty() {
        return Ok(());
    }
    let code = cell.trim().to_ascii_uppercase();
    match code.parse::<baobab_domain::Currency>() {
        Err(_) => Err(format!(
            "\"{cell}\" is not a currency Baobab prices in (it knows {})",
            baobab_domain::Currency::all().map(|c| c.code()).collect::<Vec<_>>().join(", ")
        )),
        Ok(c) if c != ctx.opts.currency => Err(format!(
            "this row is priced in {}, but the import is in {}; import each currency's prices separately",
            c.code(),
            ctx.opts.currency.code()
        )),
        Ok(_) => Ok(()),
    }
}

/// A compare-at price is only shown above the price; otherwise it is dropped with a warning.
pub(crate) fn keep_compare_at(
    d: &mut Draft,
    row: u64,
    column: Option<&str>,
    price: Option<i64>,
    compare: Option<i64>,
    ctx: &Ctx,
) -> Option<i64> {
    match (price, compare) {
        (_, Some(0)) | (_, None) => None,
        (Some(p), Some(c)) if c <= p => {
            let cur = ctx.opts.currency;
            d.warn(
                row,
                column,
                format!(
                    "{} is not above the price {}, so it is not shown as a \"was\" price",
                    format_amount(c, cur),
                    format_amount(p, cur)
                ),
            );
            None
        }
        (_, c) => c,
    }
}

/// A stock count below zero (an oversold Shopify variant) is imported as 0, with a warning.
pub(crate) fn keep_inventory(d: &mut Draft, row: u64, column: Option<&str>, count: i64) -> i64 {
    if count < 0 {
        d.warn(row, column, format!("{count} is below zero; the stock is set to 0"));
        0
    } else {
        count
    }
}
