//! The product-listing SQL, built once for both dialects. Everything the shopper typed is bound
//! as a parameter (`$n`, which sqlx understands on SQLite too); only fixed fragments are spliced.

use baobab_domain::query::{ProductQuery, Sort, StatusFilter};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    Postgres,
    Sqlite,
}

impl Dialect {
    /// What follows a SELECT that reads a row to change it: PostgreSQL locks the row; SQLite
    /// has one writer at a time, so its transactions already take turns.
    pub(crate) fn for_update(self) -> &'static str {
        match self {
            Dialect::Postgres => " FOR UPDATE",
            Dialect::Sqlite => "",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Arg {
    Int(i64),
    Text(String),
}

/// SQL text with its arguments in placeholder order.
#[derive(Debug, Default)]
pub(crate) struct Sql {
    pub text: String,
    pub args: Vec<Arg>,
}

impl Sql {
    fn push(&mut self, s: &str) -> &mut Self {
        self.text.push_str(s);
        self
    }

    fn bind(&mut self, a: Arg) -> &mut Self {
        self.args.push(a);
        self.text.push_str(&format!("${}", self.args.len()));
        self
    }
}

/// What part of a listing to select.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Select {
    /// One page of summary rows.
    Page,
    /// The number of matching products.
    Count,
    /// Facet rows: text/status/currency filters only.
    Facets,
}

const MAX_FACET_ROWS: i64 = 20_000;

/// The text condition. In the default language, the products' own search text. In another
/// language, that or the language's translations: PostgreSQL searches those with the language's
/// text-search configuration (`baobab_ts_config`: its stemmer, so `chaussure` finds
/// `chaussures`), SQLite with FTS5 (words as prefixes, diacritics folded).
fn text_match(sql: &mut Sql, d: Dialect, q: &ProductQuery, title_only: bool) {
    let Some(terms) = &q.terms else { return };
    let text = || Arg::Text(terms.to_tsquery());
    match (d, q.lang.as_deref(), title_only) {
        (Dialect::Postgres, None, true) => {
            sql.push("to_tsvector('simple', p.search_title) @@ to_tsquery('simple', ").bind(text()).push(")");
        }
        (Dialect::Postgres, None, false) => {
            sql.push("p.search_vector @@ to_tsquery('simple', ").bind(text()).push(")");
        }
        (Dialect::Postgres, Some(lang), true) => {
            sql.push("(to_tsvector('simple', p.search_title) @@ to_tsquery('simple', ").bind(text());
            sql.push(") OR to_tsvector(baobab_ts_config(").bind(Arg::Text(lang.to_string()));
            sql.push("), t.search_title) @@ to_tsquery(baobab_ts_config(").bind(Arg::Text(lang.to_string()));
            sql.push("), ").bind(text()).push("))");
        }
        (Dialect::Postgres, Some(lang), false) => {
            sql.push("p.id IN (SELECT id FROM products WHERE search_vector @@ to_tsquery('simple', ").bind(text());
            sql.push(") UNION ALL SELECT product_id FROM product_translations WHERE lang = ").bind(Arg::Text(lang.to_string()));
            sql.push(" AND search_vector @@ to_tsquery(baobab_ts_config(").bind(Arg::Text(lang.to_string()));
            sql.push("), ").bind(text()).push("))");
        }
        (Dialect::Sqlite, lang, title_only) => {
            let column = if title_only { Some("search_title") } else { None };
            let fts = || Arg::Text(terms.to_fts5(column));
            if title_only && lang.is_some() {
                sql.push("(");
            }
            sql.push("p.id IN (SELECT rowid FROM products_fts WHERE products_fts MATCH ").bind(fts());
            match (lang, title_only) {
                (None, _) => {
                    sql.push(")");
                }
                (Some(_), true) => {
                    sql.push(") OR t.id IN (SELECT rowid FROM product_translations_fts WHERE product_translations_fts MATCH ");
                    sql.bind(fts()).push("))");
                }
                (Some(lang), false) => {
                    sql.push(" UNION SELECT pt.product_id FROM product_translations pt WHERE pt.lang = ").bind(Arg::Text(lang.to_string()));
                    sql.push(" AND pt.id IN (SELECT rowid FROM product_translations_fts WHERE product_translations_fts MATCH ");
                    sql.bind(fts()).push("))");
                }
            }
        }
    }
}

pub(crate) fn build(d: Dialect, q: &ProductQuery, what: Select) -> Sql {
    let mut sql = Sql::default();
    let use_category = q.category_id.is_some() && what != Select::Facets;
    if let (true, Some(cat)) = (use_category, q.category_id) {
        sql.push("WITH RECURSIVE cats(id) AS (SELECT id FROM categories WHERE id = ")
            .bind(Arg::Int(cat))
            .push(" UNION ALL SELECT c.id FROM categories c JOIN cats ON c.parent_id = cats.id) ");
    }
    let in_stock_expr = "EXISTS (SELECT 1 FROM variants sv WHERE sv.product_id = p.id AND sv.archived = FALSE AND sv.stock_on_hand > 0)";
    match what {
        Select::Page => {
            // The total rides along (window count) and so does the first image, so a listing
            // page costs one query.
            // in another language: its title and slug where the product has them
            if q.lang.is_some() {
                sql.push("SELECT p.id, COALESCE(t.slug, p.slug) AS slug, COALESCE(t.title, p.title) AS title, ");
                sql.push("t.title IS NULL AS title_fallback, p.category_id, p.status, pr.min_price, ");
            } else {
                sql.push("SELECT p.id, p.slug, p.title, p.category_id, p.status, pr.min_price, ");
            }
            sql.push(in_stock_expr).push(" AS in_stock, COUNT(*) OVER () AS total_count, ");
            sql.push("i.id AS image_id, i.variant_id AS image_variant_id, i.url AS image_url, i.alt AS image_alt, ");
            sql.push("i.position AS image_position, i.width AS image_width, i.height AS image_height, ");
            sql.push(crate::rows::MEDIA_COLUMNS_M);
        }
        Select::Count => {
            sql.push("SELECT COUNT(*)");
        }
        Select::Facets => {
            sql.push("SELECT p.category_id, pr.min_price, ").push(in_stock_expr).push(" AS in_stock");
        }
    }
    sql.push(
        " FROM products p LEFT JOIN (SELECT v.product_id, MIN(vp.amount_minor) AS min_price \
         FROM variants v JOIN variant_prices vp ON vp.variant_id = v.id \
         WHERE v.archived = FALSE AND vp.currency = ",
    )
    .bind(Arg::Text(q.currency.code().to_string()))
    .push(" GROUP BY v.product_id) pr ON pr.product_id = p.id");
    if what == Select::Page {
        sql.push(
            " LEFT JOIN product_images i ON i.id = \
             (SELECT fi.id FROM product_images fi WHERE fi.product_id = p.id ORDER BY fi.position, fi.id LIMIT 1) \
             LEFT JOIN media_assets m ON m.hash = i.media_hash",
        );
        if let Some(lang) = &q.lang {
            sql.push(" LEFT JOIN product_translations t ON t.product_id = p.id AND t.lang = ").bind(Arg::Text(lang.clone()));
        }
    }
    sql.push(" WHERE 1 = 1");

    if let StatusFilter::Only(s) = q.status {
        sql.push(" AND p.status = ").bind(Arg::Text(s.as_str().to_string()));
    }
    if q.priced_only {
        sql.push(" AND pr.min_price IS NOT NULL");
    }
    if q.terms.is_some() {
        sql.push(" AND ");
        text_match(&mut sql, d, q, false);
    }
    if what != Select::Facets {
        if use_category {
            sql.push(" AND p.category_id IN (SELECT id FROM cats)");
        }
        if let Some(lo) = q.min_price {
            sql.push(" AND pr.min_price >= ").bind(Arg::Int(lo));
        }
        if let Some(hi) = q.max_price {
            sql.push(" AND pr.min_price <= ").bind(Arg::Int(hi));
        }
        if q.in_stock_only {
            sql.push(" AND ").push(in_stock_expr);
        }
    }
    match what {
        Select::Count => {}
        // LIMIT and OFFSET are our own integers, written as literals: SQLite re-prepares a
        // statement on every execution when they are bound parameters (it reads their values
        // while planning), which cost a quarter of a listing's time.
        Select::Facets => {
            sql.push(&format!(" LIMIT {MAX_FACET_ROWS}"));
        }
        Select::Page => {
            order_by(&mut sql, d, q);
            sql.push(&format!(" LIMIT {} OFFSET {}", q.pagination.per_page, q.pagination.offset()));
        }
    }
    sql
}

/// The ordering rules, the same on both backends:
/// relevance with text = title matches every word first, then by normalised title;
/// relevance without text = newest; prices sort products without a price last;
/// every order ends with the id so pagination is stable.
fn order_by(sql: &mut Sql, d: Dialect, q: &ProductQuery) {
    // Normalised titles are lower-case words; byte order makes both engines agree. In another
    // language, the title shoppers read there.
    let title = match (d, q.lang.is_some()) {
        (Dialect::Postgres, false) => "p.search_title COLLATE \"C\"",
        (Dialect::Sqlite, false) => "p.search_title COLLATE BINARY",
        (Dialect::Postgres, true) => "COALESCE(t.search_title, p.search_title) COLLATE \"C\"",
        (Dialect::Sqlite, true) => "COALESCE(t.search_title, p.search_title) COLLATE BINARY",
    };
    sql.push(" ORDER BY ");
    match (q.sort, q.terms.is_some()) {
        (Sort::Relevance, true) => {
            sql.push("CASE WHEN ");
            text_match(sql, d, q, true);
            sql.push(" THEN 0 ELSE 1 END, ").push(title).push(", p.id");
        }
        (Sort::Relevance, false) | (Sort::Newest, _) => {
            sql.push("p.created_at DESC, p.id DESC");
        }
        (Sort::PriceAsc, _) => {
            sql.push("pr.min_price ASC NULLS LAST, p.id");
        }
        (Sort::PriceDesc, _) => {
            sql.push("pr.min_price DESC NULLS LAST, p.id");
        }
        (Sort::TitleAsc, _) => {
            sql.push(title).push(", p.id");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use baobab_domain::Currency;
    use baobab_domain::search::SearchTerms;

    #[test]
    fn user_text_is_always_bound() {
        let mut q = ProductQuery::storefront(Currency::NGN);
        q.terms = SearchTerms::parse("q", "zqxj'; DROP TABLE products; --").unwrap();
        q.category_id = Some(3);
        q.min_price = Some(5);
        for lang in [None, Some("fr'; DROP TABLE x; --".to_string())] {
            q.lang = lang;
            for d in [Dialect::Postgres, Dialect::Sqlite] {
                for what in [Select::Page, Select::Count, Select::Facets] {
                    let sql = build(d, &q, what);
                    assert!(!sql.text.contains("zqxj"), "{}", sql.text);
                    assert!(!sql.text.contains("DROP"), "{}", sql.text);
                    let placeholders = (1..=sql.args.len()).filter(|i| sql.text.contains(&format!("${i}"))).count();
                    assert_eq!(placeholders, sql.args.len());
                }
            }
        }
    }

    /// The default language's listing is the SQL it was before translations: no join.
    #[test]
    fn the_default_language_reads_no_translations() {
        let mut q = ProductQuery::storefront(Currency::NGN);
        q.terms = SearchTerms::parse("q", "rice").unwrap();
        for d in [Dialect::Postgres, Dialect::Sqlite] {
            assert!(!build(d, &q, Select::Page).text.contains("translations"));
            q.lang = Some("fr".into());
            assert!(build(d, &q, Select::Page).text.contains("LEFT JOIN product_translations t"));
            assert!(!build(d, &q, Select::Count).text.contains("LEFT JOIN product_translations"), "counts need no titles");
            q.lang = None;
        }
    }
}
