//! WooCommerce's product CSV export: one row per product or variation; a variation names its
//! variable product in "Parent" (by SKU, or `id:` and its ID) and may come anywhere after it —
//! or before it — since the export sorts rows by ID.

use std::collections::HashMap;

use baobab_domain::catalog::ProductStatus;

use super::common::{
    Columns, Draft, DraftVariant, add_attribute, category_path, check_currency, claim_handle, claim_sku, image_source, keep_compare_at,
    keep_inventory, slug_for,
};
use super::{Ctx, Header, Row};
use crate::amount::{parse_amount, parse_count, parse_grams};
use crate::model::{ImageSource, ImportedImage};
use crate::problem::Problem;
use crate::text::{html_to_text, split_woo_list, unescape_woo_newlines};

const ID: &[&str] = &["ID"];
const TYPE: &[&str] = &["Type"];
const SKU: &[&str] = &["SKU"];
const NAME: &[&str] = &["Name"];
const PUBLISHED: &[&str] = &["Published"];
const SHORT_DESCRIPTION: &[&str] = &["Short description"];
const DESCRIPTION: &[&str] = &["Description"];
const STOCK: &[&str] = &["Stock"];
const SALE_PRICE: &[&str] = &["Sale price"];
const REGULAR_PRICE: &[&str] = &["Regular price"];
const CATEGORIES: &[&str] = &["Categories"];
const TAGS: &[&str] = &["Tags"];
const IMAGES: &[&str] = &["Images"];
const PARENT: &[&str] = &["Parent"];
const CURRENCY: &[&str] = &["Currency"];

pub(crate) fn recognises(h: &Header) -> bool {
    h.find(TYPE).is_some() && h.find(NAME).is_some() && (h.find(REGULAR_PRICE).is_some() || h.find(PARENT).is_some())
}

#[derive(Debug, Default)]
struct Cols {
    id: Option<usize>,
    ptype: Option<usize>,
    sku: Option<usize>,
    name: Option<usize>,
    published: Option<usize>,
    short_description: Option<usize>,
    description: Option<usize>,
    stock: Option<usize>,
    sale: Option<usize>,
    regular: Option<usize>,
    categories: Option<usize>,
    tags: Option<usize>,
    images: Option<usize>,
    parent: Option<usize>,
    currency: Option<usize>,
    /// The weight column and its grams per unit (numerator, denominator).
    weight: Option<(usize, i128, i128)>,
    /// ("Attribute N name", "Attribute N value(s)") column pairs.
    attributes: Vec<(usize, usize)>,
}

/// A variation, read before its product is finished.
struct Variation {
    v: DraftVariant,
    /// (attribute name, value) pairs with a value.
    values: Vec<(String, String)>,
    stock_from_parent: bool,
    image: Option<ImageSource>,
    /// Collects the variation's own problems and warnings.
    sink: Draft,
    parent_raw: String,
}

struct Parent {
    draft: Draft,
    /// The attributes as the product lists them: (name, values).
    attrs: Vec<(String, Vec<String>)>,
    stock: Option<i64>,
    variations: Vec<Variation>,
}

pub(crate) struct Woo {
    c: Cols,
    names: Vec<String>,
    parents: Vec<Parent>,
    /// Parent key (`SKU` upper-case, or `id:N`) → index in `parents`.
    keys: HashMap<String, usize>,
    orphans: Vec<(String, Variation)>,
}

fn weight_unit(lower_header: &str) -> Option<(i128, i128)> {
    let unit = lower_header.strip_prefix("weight (")?.strip_suffix(')')?;
    match unit.trim() {
        "g" => Some((1, 1)),
        "kg" => Some((1000, 1)),
        "lbs" | "lb" => Some((45_359_237, 100_000)),
        "oz" => Some((28_349_523_125, 1_000_000_000)),
        _ => None,
    }
}

fn parent_key(raw: &str) -> String {
    let raw = raw.trim();
    match raw.get(..3) {
        Some(p) if p.eq_ignore_ascii_case("id:") => format!("id:{}", raw[3..].trim()),
        _ => raw.to_ascii_uppercase(),
    }
}

impl Woo {
    pub fn new(h: &Header) -> Result<(Woo, Vec<bool>), Vec<Problem>> {
        let mut c = Cols {
            id: h.find(ID),
            ptype: h.find(TYPE),
            sku: h.find(SKU),
            name: h.find(NAME),
            published: h.find(PUBLISHED),
            short_description: h.find(SHORT_DESCRIPTION),
            description: h.find(DESCRIPTION),
            stock: h.find(STOCK),
            sale: h.find(SALE_PRICE),
            regular: h.find(REGULAR_PRICE),
            categories: h.find(CATEGORIES),
            tags: h.find(TAGS),
            images: h.find(IMAGES),
            parent: h.find(PARENT),
            currency: h.find(CURRENCY),
            ..Cols::default()
        };
        let mut problems = Vec::new();
        for aliases in [
            ID,
            TYPE,
            SKU,
            NAME,
            PUBLISHED,
            SHORT_DESCRIPTION,
            DESCRIPTION,
            STOCK,
            SALE_PRICE,
            REGULAR_PRICE,
            CATEGORIES,
            TAGS,
            IMAGES,
            PARENT,
            CURRENCY,
        ] {
            problems.extend(h.duplicates(aliases));
        }
        for (i, lower) in h.lower().iter().enumerate() {
            if let Some(u) = weight_unit(lower) {
                c.weight.get_or_insert((i, u.0, u.1));
            }
            if let Some(num) = lower.strip_prefix("attribute ").and_then(|r| r.strip_suffix(" name"))
                && num.parse::<u32>().is_ok()
                && let Some(v) = h.find(&[&format!("attribute {num} value(s)")])
            {
                c.attributes.push((i, v));
            }
        }
        for (col, what) in [(c.ptype, "Type"), (c.name, "Name"), (c.regular, "Regular price")] {
            if col.is_none() {
                problems.push(Problem::at_row(
                    1,
                    format!("the \"{what}\" column is missing: WooCommerce product exports have it on every row"),
                ));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut used = vec![false; h.names.len()];
        let singles = [
            c.id,
            c.ptype,
            c.sku,
            c.name,
            c.published,
            c.short_description,
            c.description,
            c.stock,
            c.sale,
            c.regular,
            c.categories,
            c.tags,
            c.images,
            c.parent,
            c.currency,
            c.weight.map(|w| w.0),
        ];
        for i in singles.into_iter().flatten().chain(c.attributes.iter().flat_map(|(a, b)| [*a, *b])) {
            used[i] = true;
        }
        Ok((Woo { c, names: h.names.clone(), parents: Vec::new(), keys: HashMap::new(), orphans: Vec::new() }, used))
    }

    fn name(&self, i: Option<usize>) -> Option<String> {
        i.and_then(|i| self.names.get(i)).cloned()
    }

    pub fn row(&mut self, _h: &Header, row: &Row, ctx: &mut Ctx) {
        if row.is_blank() {
            return;
        }
        let raw_type = row.get(self.c.ptype);
        let types: Vec<String> = raw_type.split(',').map(|t| t.trim().to_ascii_lowercase()).collect();
        let has = |t: &str| types.iter().any(|x| x == t);
        if has("variation") {
            self.variation(row, ctx);
        } else if has("variable") {
            self.variable(row, ctx);
        } else if has("simple") {
            let mut d = self.product(row, ctx);
            let attrs = self.attributes(row);
            for (name, values) in attrs {
                add_attribute(&mut d.attributes, &name, &values.join(", "));
            }
            let mut sink = Draft::default();
            let (v, _) = self.variant_cells(row, ctx, &mut sink, None);
            d.problems.append(&mut sink.problems);
            d.warnings.append(&mut sink.warnings);
            d.variants.push(v);
            let done = d.finish(ctx);
            ctx.out.push_back(done);
        } else if has("grouped") || has("external") {
            ctx.notes.push(Problem::new(
                row.n,
                self.name(self.c.ptype).as_deref(),
                format!("skipped: {raw_type} products are not imported (a Baobab product is sold here, with its own variants)"),
            ));
        } else {
            let m = if raw_type.is_empty() {
                "no product type; write simple, variable or variation".to_string()
            } else {
                format!("\"{raw_type}\" is not a product type this import knows; write simple, variable or variation")
            };
            ctx.out.push_back(Err(vec![Problem::new(row.n, self.name(self.c.ptype).as_deref(), m)]));
        }
    }

    /// The product columns of a simple or variable product's row.
    fn product(&self, row: &Row, ctx: &mut Ctx) -> Draft {
        let c = &self.c;
        let n = row.n;
        let mut d = Draft {
            row: n,
            cols: Columns {
                title: self.name(c.name),
                handle: self.name(c.name),
                description: self.name(c.description),
                attributes: self.name(c.attributes.first().map(|a| a.1).or(c.tags)),
                sku: self.name(c.sku),
                price: self.name(c.regular),
                inventory: self.name(c.stock),
                options: c.attributes.iter().map(|a| self.name(Some(a.1))).collect(),
                attribute_sources: Vec::new(),
            },
            ..Draft::default()
        };
        let name_col = self.name(c.name);
        let title = row.get(c.name);
        d.title = title.to_string();
        if title.is_empty() {
            d.problem(n, name_col.as_deref(), "the product has no name");
        } else {
            match slug_for("", title) {
                Ok((slug, _)) => {
                    // WooCommerce allows two products of one name: number the later ones.
                    let mut candidate = slug.clone();
                    let mut k = 1;
                    while claim_handle(ctx, &candidate, n).is_err() {
                        k += 1;
                        candidate = format!("{}-{k}", slug.chars().take(90).collect::<String>().trim_end_matches('-'));
                    }
                    d.handle = candidate;
                }
                Err(m) => d.problem(n, name_col.as_deref(), m),
            }
        }
        let mut description = row.get(c.description);
        if description.is_empty() {
            description = row.get(c.short_description);
        }
        d.description = html_to_text(&unescape_woo_newlines(description));
        let published = row.get(c.published);
        d.status = match published {
            "" | "1" => Some(ProductStatus::Active),
            "0" | "-1" => Some(ProductStatus::Draft),
            other => {
                d.problem(n, self.name(c.published).as_deref(), format!("\"{other}\" is not 1 (published), 0 (private) or -1 (draft)"));
                None
            }
        };
        let categories = split_woo_list(row.get(c.categories));
        if let Some(first) = categories.first() {
            d.category = category_path(first);
            if categories.len() > 1 {
                d.warn(
                    n,
                    self.name(c.categories).as_deref(),
                    format!("a Baobab product has one category: \"{first}\" is used, {} other(s) are not", categories.len() - 1),
                );
            }
        }
        d.tags = split_woo_list(row.get(c.tags));
        for (i, img) in split_woo_list(row.get(c.images)).into_iter().enumerate() {
            match image_source(&img, ctx.opts.image_dir.as_deref()) {
                Ok(source) => {
                    d.images.push(ImportedImage { row: n, source, position: i as u32 + 1, alt: String::new(), variant_sku: None })
                }
                Err(m) => d.problem(n, self.name(c.images).as_deref(), m),
            }
        }
        if let Err(m) = check_currency(ctx, row.get(c.currency)) {
            d.problem(n, self.name(c.currency).as_deref(), m);
        }
        d
    }

    /// The attribute columns of a row: (name, values).
    fn attributes(&self, row: &Row) -> Vec<(String, Vec<String>)> {
        self.c
            .attributes
            .iter()
            .filter_map(|(ni, vi)| {
                let name = row.get(Some(*ni));
                (!name.is_empty()).then(|| (name.to_string(), split_woo_list(row.get(Some(*vi)))))
            })
            .collect()
    }

    /// SKU, prices, stock and weight of a sellable row. The flag: stock is "parent".
    fn variant_cells(&self, row: &Row, ctx: &mut Ctx, sink: &mut Draft, _parent: Option<()>) -> (DraftVariant, bool) {
        let c = &self.c;
        let n = row.n;
        let mut v = DraftVariant { row: n, ..DraftVariant::default() };
        let sku = row.get(c.sku);
        if !sku.is_empty() {
            match claim_sku(ctx, sku, n) {
                Ok(s) => v.sku = Some(s),
                Err(m) => sink.problem(n, self.name(c.sku).as_deref(), m),
            }
        }
        let currency = ctx.opts.currency;
        let parse = |col: Option<usize>, sink: &mut Draft| -> Option<i64> {
            let raw = row.get(col);
            if raw.is_empty() {
                return None;
            }
            match parse_amount(raw, currency) {
                Ok(p) => Some(p),
                Err(m) => {
                    sink.problem(n, self.name(col).as_deref(), m);
                    None
                }
            }
        };
        let regular = parse(c.regular, sink);
        let sale = parse(c.sale, sink);
        let regular_raw = row.get(c.regular);
        let sale_raw = row.get(c.sale);
        let regular_col = self.name(c.regular);
        match (sale_raw.is_empty(), regular_raw.is_empty()) {
            (true, true) => sink.problem(n, regular_col.as_deref(), "no price; every variant needs one"),
            (false, _) => {
                v.price = sale;
                v.compare_at = keep_compare_at(sink, n, regular_col.as_deref(), sale, regular, ctx);
            }
            (true, false) => v.price = regular,
        }
        let stock = row.get(c.stock);
        let stock_col = self.name(c.stock);
        let mut from_parent = false;
        if stock.eq_ignore_ascii_case("parent") {
            from_parent = true;
        } else if !stock.is_empty() {
            match parse_count(stock) {
                Ok(q) => v.inventory = Some(keep_inventory(sink, n, stock_col.as_deref(), q)),
                Err(m) => sink.problem(n, stock_col.as_deref(), m),
            }
        }
        if let Some((wi, num, den)) = c.weight {
            let w = row.get(Some(wi));
            if !w.is_empty() {
                match parse_grams(w, num, den) {
                    Ok(g) => v.grams = Some(g),
                    Err(m) => sink.problem(n, self.name(Some(wi)).as_deref(), m),
                }
            }
        }
        (v, from_parent)
    }

    fn variable(&mut self, row: &Row, ctx: &mut Ctx) {
        let mut draft = self.product(row, ctx);
        let attrs = self.attributes(row);
        let stock = match parse_count(row.get(self.c.stock)) {
            Ok(q) => Some(q.max(0)),
            Err(_) => None,
        };
        let mut keys = Vec::new();
        let sku = row.get(self.c.sku);
        if !sku.is_empty() {
            keys.push(parent_key(sku));
        }
        let id = row.get(self.c.id);
        if !id.is_empty() {
            keys.push(format!("id:{id}"));
        }
        let idx = self.parents.len();
        for key in &keys {
            if let Some(other) = self.keys.get(key) {
                let first = self.parents[*other].draft.row;
                draft.problem(row.n, self.name(self.c.sku).as_deref(), format!("\"{key}\" also names the variable product on row {first}"));
            } else {
                self.keys.insert(key.clone(), idx);
            }
        }
        let mut parent = Parent { draft, attrs, stock, variations: Vec::new() };
        let (mine, others): (Vec<_>, Vec<_>) = std::mem::take(&mut self.orphans).into_iter().partition(|(k, _)| keys.contains(k));
        self.orphans = others;
        parent.variations.extend(mine.into_iter().map(|(_, v)| v));
        self.parents.push(parent);
    }

    fn variation(&mut self, row: &Row, ctx: &mut Ctx) {
        let n = row.n;
        let mut sink = Draft::default();
        let parent_raw = row.get(self.c.parent).to_string();
        if parent_raw.is_empty() {
            sink.problem(n, self.name(self.c.parent).as_deref(), "a variation needs its product's SKU (or id:ID) in this column");
        }
        let (v, stock_from_parent) = self.variant_cells(row, ctx, &mut sink, Some(()));
        let values = self
            .c
            .attributes
            .iter()
            .filter_map(|(ni, vi)| {
                let (name, value) = (row.get(Some(*ni)), row.get(Some(*vi)));
                (!name.is_empty() && !value.is_empty()).then(|| (name.to_string(), value.to_string()))
            })
            .collect();
        let images = split_woo_list(row.get(self.c.images));
        let image = match images.first().map(|i| image_source(i, ctx.opts.image_dir.as_deref())) {
            Some(Ok(s)) => Some(s),
            Some(Err(m)) => {
                sink.problem(n, self.name(self.c.images).as_deref(), m);
                None
            }
            None => None,
        };
        let var = Variation { v, values, stock_from_parent, image, sink, parent_raw: parent_raw.clone() };
        if parent_raw.is_empty() {
            ctx.out.push_back(Err(var.sink.problems));
            return;
        }
        let key = parent_key(&parent_raw);
        match self.keys.get(&key) {
            Some(&i) => self.parents[i].variations.push(var),
            None => self.orphans.push((key, var)),
        }
    }

    pub fn finish(&mut self, _h: &Header, ctx: &mut Ctx) {
        for parent in std::mem::take(&mut self.parents) {
            let done = self.finish_parent(parent, ctx);
            ctx.out.push_back(done);
        }
        for (_, var) in std::mem::take(&mut self.orphans) {
            let mut problems = var.sink.problems;
            problems.insert(
                0,
                Problem::new(
                    var.v.row,
                    self.name(self.c.parent).as_deref(),
                    format!("no variable product with the SKU or ID \"{}\" in this file", var.parent_raw),
                ),
            );
            ctx.out.push_back(Err(problems));
        }
    }

    fn finish_parent(&self, parent: Parent, ctx: &mut Ctx) -> super::ReadResult {
        let Parent { mut draft, attrs, stock, variations } = parent;
        let d = &mut draft;
        if variations.is_empty() {
            d.problem(
                d.row,
                self.name(self.c.ptype).as_deref(),
                "the variable product has no variations in this file (rows of type \"variation\" naming it in \"Parent\")",
            );
        }
        // The options: the product's attributes that its variations give values for.
        let used = |name: &str| variations.iter().any(|v| v.values.iter().any(|(n, _)| n.eq_ignore_ascii_case(name)));
        let mut options: Vec<String> = attrs.iter().filter(|(n, _)| used(n)).map(|(n, _)| n.clone()).collect();
        for v in &variations {
            for (name, _) in &v.values {
                if !options.iter().any(|o| o.eq_ignore_ascii_case(name)) {
                    options.push(name.clone());
                }
            }
        }
        for (name, values) in &attrs {
            if !used(name) && !values.is_empty() {
                add_attribute(&mut d.attributes, name, &values.join(", "));
            }
        }
        d.option_names = options.clone();
        let mut combos: HashMap<Vec<String>, u64> = HashMap::new();
        for (idx, var) in variations.into_iter().enumerate() {
            let Variation { mut v, values, stock_from_parent, image, mut sink, .. } = var;
            d.problems.append(&mut sink.problems);
            d.warnings.append(&mut sink.warnings);
            for name in &options {
                match values.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
                    Some((_, value)) => v.option_values.push(value.clone()),
                    None => d.problem(
                        v.row,
                        None,
                        format!(
                            "no value for \"{name}\": a variation for any {name} cannot be sold here; give each variation its own {name}"
                        ),
                    ),
                }
            }
            let key: Vec<String> = v.option_values.iter().map(|s| s.to_lowercase()).collect();
            if !key.is_empty() && key.len() == options.len() {
                if let Some(first) = combos.get(&key) {
                    d.problem(
                        v.row,
                        None,
                        format!("the options \"{}\" repeat those of row {first}; each variant needs its own", v.option_values.join(" / ")),
                    );
                } else {
                    combos.insert(key, v.row);
                }
            }
            if stock_from_parent {
                v.inventory = stock;
            }
            if let Some(src) = image {
                d.variant_images.push((v.row, src, idx));
            }
            d.variants.push(v);
        }
        draft.finish(ctx)
    }
}
