//! Shopify's product CSV: one row per variant or image, a product's rows one after another,
//! its product columns only on its first row. Both generations of column names are read.

use std::collections::HashMap;

use baobab_domain::catalog::{NameValue, ProductStatus};

use super::common::{
    Columns, Draft, DraftVariant, add_attribute, attributes_from_lines, category_path, check_currency, claim_handle, claim_sku,
    image_source, keep_compare_at, keep_inventory, slug_for,
};
use super::{Ctx, Header, Row};
use crate::amount::{parse_amount, parse_count, parse_grams};
use crate::model::ImportedImage;
use crate::problem::Problem;
use crate::text::{html_to_text, split_commas};

// Current names first, then the older ones.
const HANDLE: &[&str] = &["URL handle", "Handle"];
const TITLE: &[&str] = &["Title"];
const DESCRIPTION: &[&str] = &["Description", "Body (HTML)"];
const VENDOR: &[&str] = &["Vendor"];
const CATEGORY: &[&str] = &["Product category", "Standard Product Type"];
const TYPE: &[&str] = &["Type", "Custom Product Type"];
const TAGS: &[&str] = &["Tags"];
const PUBLISHED: &[&str] = &["Published on online store", "Published"];
const STATUS: &[&str] = &["Status"];
const SKU: &[&str] = &["SKU", "Variant SKU"];
const OPTION_NAMES: [&[&str]; 3] = [&["Option1 name"], &["Option2 name"], &["Option3 name"]];
const OPTION_VALUES: [&[&str]; 3] = [&["Option1 value"], &["Option2 value"], &["Option3 value"]];
const PRICE: &[&str] = &["Price", "Variant Price"];
const COMPARE_AT: &[&str] = &["Compare-at price", "Variant Compare At Price"];
const INVENTORY: &[&str] = &["Inventory quantity", "Variant Inventory Qty"];
const GRAMS: &[&str] = &["Weight value (grams)", "Variant Grams"];
const IMAGE: &[&str] = &["Product image URL", "Image Src"];
const IMAGE_POSITION: &[&str] = &["Image position"];
const IMAGE_ALT: &[&str] = &["Image alt text"];
const VARIANT_IMAGE: &[&str] = &["Variant image URL", "Variant Image"];
/// Baobab's attributes, written by the export as one Shopify metafield column of
/// `Name: Value` lines.
pub(crate) const ATTRIBUTES: &[&str] = &["Attributes (product.metafields.custom.attributes)"];
/// What a product metafield column's header holds after its display name.
const METAFIELD_PREFIX: &str = "(product.metafields.";
const CURRENCY: &[&str] = &["Currency"];

pub(crate) fn recognises(h: &Header) -> bool {
    h.find(HANDLE).is_some() || (h.find(TITLE).is_some() && h.find(&["Name"]).is_none())
}

#[derive(Debug, Default)]
struct Cols {
    handle: Option<usize>,
    title: Option<usize>,
    description: Option<usize>,
    vendor: Option<usize>,
    category: Option<usize>,
    ptype: Option<usize>,
    tags: Option<usize>,
    published: Option<usize>,
    status: Option<usize>,
    sku: Option<usize>,
    option_names: [Option<usize>; 3],
    option_values: [Option<usize>; 3],
    price: Option<usize>,
    compare_at: Option<usize>,
    inventory: Option<usize>,
    grams: Option<usize>,
    image: Option<usize>,
    image_position: Option<usize>,
    image_alt: Option<usize>,
    variant_image: Option<usize>,
    attributes: Option<usize>,
    /// Product metafield columns other than `attributes`: (column, attribute name).
    metafields: Vec<(usize, String)>,
    currency: Option<usize>,
}

/// The attribute name a product metafield column carries: `Brand` for
/// `Brand (product.metafields.custom.brand)`, the form of Shopify's export
/// (`Color (product.metafields.shopify.color-pattern)`). `None` for any other header.
fn metafield_name(header: &str) -> Option<&str> {
    let inner = header.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let (name, path) = (inner[..open].trim(), &inner[open..]);
    let path = path.get(..METAFIELD_PREFIX.len()).filter(|p| p.eq_ignore_ascii_case(METAFIELD_PREFIX)).map(|p| &path[p.len()..])?;
    let (namespace, key) = path.split_once('.')?;
    let part = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    (!name.is_empty() && part(namespace) && part(key)).then_some(name)
}

/// The product being read.
struct Current {
    /// The handle cell as written (rows with the same one belong to it).
    key: String,
    draft: Draft,
    next_image: u32,
    /// Option values (lower-case) → the row that used them.
    combos: HashMap<Vec<String>, u64>,
}

pub(crate) struct Shopify {
    c: Cols,
    /// Header names, for messages.
    names: Vec<String>,
    current: Option<Current>,
}

impl Shopify {
    pub fn new(h: &Header) -> Result<(Shopify, Vec<bool>), Vec<Problem>> {
        let mut c = Cols {
            handle: h.find(HANDLE),
            title: h.find(TITLE),
            description: h.find(DESCRIPTION),
            vendor: h.find(VENDOR),
            category: h.find(CATEGORY),
            ptype: h.find(TYPE),
            tags: h.find(TAGS),
            published: h.find(PUBLISHED),
            status: h.find(STATUS),
            sku: h.find(SKU),
            option_names: OPTION_NAMES.map(|a| h.find(a)),
            option_values: OPTION_VALUES.map(|a| h.find(a)),
            price: h.find(PRICE),
            compare_at: h.find(COMPARE_AT),
            inventory: h.find(INVENTORY),
            grams: h.find(GRAMS),
            image: h.find(IMAGE),
            image_position: h.find(IMAGE_POSITION),
            image_alt: h.find(IMAGE_ALT),
            variant_image: h.find(VARIANT_IMAGE),
            attributes: h.find(ATTRIBUTES),
            metafields: Vec::new(),
            currency: h.find(CURRENCY),
        };
        c.metafields = h
            .names
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != c.attributes)
            .filter_map(|(i, n)| metafield_name(n).map(|name| (i, name.to_string())))
            .collect();
        let older = h.find(&["Handle", "Variant SKU", "Variant Price", "Body (HTML)"]).is_some();
        let mut problems = Vec::new();
        let all: Vec<&[&str]> = vec![
            HANDLE,
            TITLE,
            DESCRIPTION,
            VENDOR,
            CATEGORY,
            TYPE,
            TAGS,
            PUBLISHED,
            STATUS,
            SKU,
            PRICE,
            COMPARE_AT,
            INVENTORY,
            GRAMS,
            IMAGE,
            IMAGE_POSITION,
            IMAGE_ALT,
            VARIANT_IMAGE,
            ATTRIBUTES,
            CURRENCY,
        ];
        for aliases in all.iter().chain(OPTION_NAMES.iter()).chain(OPTION_VALUES.iter()) {
            problems.extend(h.duplicates(aliases));
        }
        let mut metafield_headers: Vec<&str> = Vec::new();
        for (i, _) in &c.metafields {
            let header = h.names[*i].as_str();
            if !metafield_headers.iter().any(|m| m.eq_ignore_ascii_case(header)) {
                metafield_headers.push(header);
                problems.extend(h.duplicates(&[header]));
            }
        }
        if c.title.is_none() {
            problems.push(Problem::at_row(1, "the \"Title\" column is missing: every product needs a title"));
        }
        if c.price.is_none() {
            let (name, other) = if older { ("Variant Price", "Price") } else { ("Price", "Variant Price") };
            problems.push(Problem::at_row(
                1,
                format!("the \"{name}\" column is missing (\"{other}\" is accepted too): every variant needs a price"),
            ));
        }
        for k in 0..3 {
            if c.option_values[k].is_some() && c.option_names[k].is_none() {
                problems.push(Problem::at_row(
                    1,
                    format!("there is an \"Option{} value\" column but no \"Option{} name\" column", k + 1, k + 1),
                ));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut used = vec![false; h.names.len()];
        let singles = [
            c.handle,
            c.title,
            c.description,
            c.vendor,
            c.category,
            c.ptype,
            c.tags,
            c.published,
            c.status,
            c.sku,
            c.price,
            c.compare_at,
            c.inventory,
            c.grams,
            c.image,
            c.image_position,
            c.image_alt,
            c.variant_image,
            c.attributes,
            c.currency,
        ];
        for i in singles.into_iter().chain(c.option_names).chain(c.option_values).flatten() {
            used[i] = true;
        }
        for (i, _) in &c.metafields {
            used[*i] = true;
        }
        Ok((Shopify { c, names: h.names.clone(), current: None }, used))
    }

    fn name(&self, i: Option<usize>) -> Option<String> {
        i.and_then(|i| self.names.get(i)).cloned()
    }

    pub fn row(&mut self, _h: &Header, row: &Row, ctx: &mut Ctx) {
        if row.is_blank() {
            return;
        }
        let handle = row.get(self.c.handle);
        let title = row.get(self.c.title);
        let continues = match &self.current {
            Some(cur) if !handle.is_empty() => cur.key == handle,
            Some(_) => title.is_empty(),
            None => false,
        };
        if !continues {
            if let Some(cur) = self.current.take() {
                let done = self.finish_product(cur, ctx);
                ctx.out.push_back(done);
            }
            self.start(row, ctx);
        }
        let mut cur = self.current.take().expect("a product is being read");
        let variant_cells = [self.c.sku, self.c.price, self.c.compare_at, self.c.inventory, self.c.grams]
            .into_iter()
            .chain(self.c.option_values)
            .any(|i| !row.get(i).is_empty());
        if !continues || variant_cells {
            self.variant(&mut cur, row, ctx);
        }
        self.image(&mut cur, row, ctx);
        self.current = Some(cur);
    }

    pub fn finish(&mut self, _h: &Header, ctx: &mut Ctx) {
        if let Some(cur) = self.current.take() {
            let done = self.finish_product(cur, ctx);
            ctx.out.push_back(done);
        }
    }

    fn finish_product(&self, cur: Current, ctx: &mut Ctx) -> super::ReadResult {
        let mut d = cur.draft;
        // Shopify's way of saying "no options": one option "Title" with the value "Default Title".
        if d.option_names.len() == 1
            && d.option_names[0].eq_ignore_ascii_case("Title")
            && d.variants.iter().all(|v| v.option_values.first().is_some_and(|x| x.eq_ignore_ascii_case("Default Title")))
        {
            d.option_names.clear();
            for v in &mut d.variants {
                v.option_values.clear();
            }
        }
        d.finish(ctx)
    }

    fn start(&mut self, row: &Row, ctx: &mut Ctx) {
        let c = &self.c;
        let n = row.n;
        let handle_raw = row.get(c.handle);
        let title = row.get(c.title);
        let mut d = Draft {
            row: n,
            cols: Columns {
                title: self.name(c.title),
                handle: self.name(c.handle),
                description: self.name(c.description),
                attributes: self.name(c.attributes.or(c.tags)),
                sku: self.name(c.sku),
                price: self.name(c.price),
                inventory: self.name(c.inventory),
                options: c.option_values.iter().map(|i| self.name(*i)).collect(),
                attribute_sources: Vec::new(),
            },
            ..Draft::default()
        };
        let title_col = self.name(c.title);
        let handle_col = self.name(c.handle).or(title_col.clone());
        if title.is_empty() {
            d.problem(n, title_col.as_deref(), "the product's first row has no title");
        }
        d.title = title.to_string();
        match slug_for(handle_raw, title) {
            Ok((slug, warning)) => {
                if let Some(w) = warning {
                    d.warn(n, handle_col.as_deref(), w);
                }
                if let Err(first) = claim_handle(ctx, &slug, n) {
                    d.problem(
                        n,
                        handle_col.as_deref(),
                        format!("\"{slug}\" is also the handle of the product on row {first}; keep all rows of one product together, one after another"),
                    );
                }
                d.handle = slug;
            }
            Err(m) if !title.is_empty() || !handle_raw.is_empty() => d.problem(n, handle_col.as_deref(), m),
            Err(_) => {}
        }
        d.description = html_to_text(row.get(c.description));
        d.vendor = row.get(c.vendor).to_string();
        d.product_type = row.get(c.ptype).to_string();
        d.category = category_path(row.get(c.category));
        if d.category.is_empty() {
            d.category = category_path(&d.product_type);
        }
        d.tags = split_commas(row.get(c.tags));
        self.attributes(&mut d, row);
        let status = row.get(c.status);
        let published = row.get(c.published);
        d.status = match (status.to_ascii_lowercase().as_str(), published.to_ascii_lowercase().as_str()) {
            ("", "true" | "") => Some(ProductStatus::Active),
            ("", "false") => Some(ProductStatus::Draft),
            ("", _) => {
                d.problem(n, self.name(c.published).as_deref(), format!("\"{published}\" is neither TRUE nor FALSE"));
                None
            }
            (s, _) => match ProductStatus::parse(s) {
                Some(st) => Some(st),
                None => {
                    d.problem(n, self.name(c.status).as_deref(), format!("\"{status}\" is not a status; write active, draft or archived"));
                    None
                }
            },
        };
        let names: Vec<&str> = c.option_names.iter().map(|i| row.get(*i)).collect();
        let last = names.iter().rposition(|s| !s.is_empty()).map_or(0, |p| p + 1);
        for (k, name) in names.iter().enumerate().take(last) {
            if name.is_empty() {
                d.problem(
                    n,
                    self.name(c.option_names[k]).as_deref(),
                    format!(
                        "empty, but \"{}\" is filled; name the options in order",
                        self.name(c.option_names[k + 1..].iter().copied().flatten().next()).unwrap_or_default()
                    ),
                );
            }
        }
        d.option_names = names[..last].iter().map(|s| s.to_string()).collect();
        if let Err(m) = check_currency(ctx, row.get(c.currency)) {
            d.problem(n, self.name(c.currency).as_deref(), m);
        }
        self.current = Some(Current { key: handle_raw.to_string(), draft: d, next_image: 1, combos: HashMap::new() });
    }

    /// The product's attributes from its first row, in column order: the `attributes` column's
    /// `Name: Value` lines where it stands, and each non-empty metafield cell as `Name: cell`.
    /// A name met again gets its value joined to the first one's (`, `), as with tags.
    fn attributes(&self, d: &mut Draft, row: &Row) {
        let c = &self.c;
        let mut columns: Vec<(usize, Option<&str>)> = c.metafields.iter().map(|(i, n)| (*i, Some(n.as_str()))).collect();
        columns.extend(c.attributes.map(|i| (i, None)));
        columns.sort_by_key(|(i, _)| *i);
        for (i, name) in columns {
            let cell = row.get(Some(i));
            if cell.is_empty() {
                continue;
            }
            let found = match name {
                Some(name) => vec![NameValue { name: name.to_string(), value: cell.to_string() }],
                None => attributes_from_lines(cell),
            };
            for a in found {
                if let Some(header) = self.name(Some(i))
                    && !d.cols.attribute_sources.iter().any(|(n, _)| n.eq_ignore_ascii_case(&a.name))
                {
                    d.cols.attribute_sources.push((a.name.clone(), header));
                }
                add_attribute(&mut d.attributes, &a.name, &a.value);
            }
        }
    }

    fn variant(&self, cur: &mut Current, row: &Row, ctx: &mut Ctx) {
        let c = &self.c;
        let n = row.n;
        let d = &mut cur.draft;
        let mut v = DraftVariant { row: n, ..DraftVariant::default() };
        let sku = row.get(c.sku);
        if !sku.is_empty() {
            match claim_sku(ctx, sku, n) {
                Ok(s) => v.sku = Some(s),
                Err(m) => d.problem(n, self.name(c.sku).as_deref(), m),
            }
        }
        for k in 0..3 {
            let value = row.get(c.option_values[k]);
            let col = self.name(c.option_values[k]);
            if k < d.option_names.len() {
                if value.is_empty() {
                    let m = format!("no value for the option \"{}\"", d.option_names[k]);
                    d.problem(n, col.as_deref(), m);
                } else {
                    v.option_values.push(value.to_string());
                }
            } else if !value.is_empty() {
                let name_col = self.name(c.option_names[k]).unwrap_or_default();
                d.problem(
                    n,
                    col.as_deref(),
                    format!("\"{value}\" has no option name: write it in \"{name_col}\" on the product's first row"),
                );
            }
        }
        if !v.option_values.is_empty() && v.option_values.len() == d.option_names.len() {
            let key: Vec<String> = v.option_values.iter().map(|s| s.to_lowercase()).collect();
            if let Some(first) = cur.combos.get(&key) {
                let m = format!("the options \"{}\" repeat those of row {first}; each variant needs its own", v.option_values.join(" / "));
                d.problem(n, self.name(c.option_values[0]).as_deref(), m);
            } else {
                cur.combos.insert(key, n);
            }
        }
        let price_col = self.name(c.price);
        let price = row.get(c.price);
        if price.is_empty() {
            d.problem(n, price_col.as_deref(), "no price; every variant needs one");
        } else {
            match parse_amount(price, ctx.opts.currency) {
                Ok(p) => v.price = Some(p),
                Err(m) => d.problem(n, price_col.as_deref(), m),
            }
        }
        let compare = row.get(c.compare_at);
        let compare_col = self.name(c.compare_at);
        if !compare.is_empty() {
            match parse_amount(compare, ctx.opts.currency) {
                Ok(cmp) => v.compare_at = keep_compare_at(d, n, compare_col.as_deref(), v.price, Some(cmp), ctx),
                Err(m) => d.problem(n, compare_col.as_deref(), m),
            }
        }
        let inventory = row.get(c.inventory);
        let inv_col = self.name(c.inventory);
        if !inventory.is_empty() {
            match parse_count(inventory) {
                Ok(q) => v.inventory = Some(keep_inventory(d, n, inv_col.as_deref(), q)),
                Err(m) => d.problem(n, inv_col.as_deref(), m),
            }
        }
        let grams = row.get(c.grams);
        if !grams.is_empty() {
            match parse_grams(grams, 1, 1) {
                Ok(g) => v.grams = Some(g),
                Err(m) => d.problem(n, self.name(c.grams).as_deref(), m),
            }
        }
        let vimg = row.get(c.variant_image);
        if !vimg.is_empty() {
            match image_source(vimg, ctx.opts.image_dir.as_deref()) {
                Ok(src) => d.variant_images.push((n, src, d.variants.len())),
                Err(m) => d.problem(n, self.name(c.variant_image).as_deref(), m),
            }
        }
        d.variants.push(v);
    }

    fn image(&self, cur: &mut Current, row: &Row, ctx: &mut Ctx) {
        let c = &self.c;
        let src = row.get(c.image);
        if src.is_empty() {
            return;
        }
        let n = row.n;
        let d = &mut cur.draft;
        let source = match image_source(src, ctx.opts.image_dir.as_deref()) {
            Ok(s) => s,
            Err(m) => {
                d.problem(n, self.name(c.image).as_deref(), m);
                return;
            }
        };
        let pos_raw = row.get(c.image_position);
        let position = if pos_raw.is_empty() {
            cur.next_image
        } else {
            match pos_raw.parse::<u32>() {
                Ok(p) if (1..=10_000).contains(&p) => p,
                _ => {
                    d.problem(n, self.name(c.image_position).as_deref(), format!("\"{pos_raw}\" is not an image position (1, 2, 3…)"));
                    cur.next_image
                }
            }
        };
        cur.next_image = position.saturating_add(1);
        d.images.push(ImportedImage { row: n, source, position, alt: row.get(c.image_alt).to_string(), variant_sku: None });
    }
}
