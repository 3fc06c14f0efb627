//! Product listing queries (category pages, search, the API) and their facets.

use serde::Serialize;

use crate::catalog::{ProductStatus, ProductSummary};
use crate::error::ValidationError;
use crate::money::Currency;
use crate::search::SearchTerms;

pub const DEFAULT_PER_PAGE: u32 = 24;
pub const MAX_PER_PAGE: u32 = 100;
pub const MAX_PAGE: u32 = 10_000;

/// Listing order. Every order ends with the product id, so pages never overlap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// With a search text: products whose title has every word first, then by title.
    /// Without: newest first.
    Relevance,
    Newest,
    PriceAsc,
    PriceDesc,
    TitleAsc,
}

impl Sort {
    pub const ALL: &'static [Sort] = &[Sort::Relevance, Sort::Newest, Sort::PriceAsc, Sort::PriceDesc, Sort::TitleAsc];

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Newest => "newest",
            Sort::PriceAsc => "price_asc",
            Sort::PriceDesc => "price_desc",
            Sort::TitleAsc => "title_asc",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Sort::Relevance => "Best match",
            Sort::Newest => "Newest",
            Sort::PriceAsc => "Price: low to high",
            Sort::PriceDesc => "Price: high to low",
            Sort::TitleAsc => "Name: A to Z",
        }
    }

    pub fn parse(field: &str, s: &str) -> Result<Sort, ValidationError> {
        Sort::ALL.iter().copied().find(|x| x.as_str() == s).ok_or_else(|| {
            let valid: Vec<&str> = Sort::ALL.iter().map(|x| x.as_str()).collect();
            ValidationError::new(field, format!("unknown sort `{}` (valid: {})", truncate(s), valid.join(", ")))
        })
    }
}

fn truncate(s: &str) -> String {
    s.chars().take(40).collect()
}

/// Which product statuses a listing includes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    Only(ProductStatus),
    Any,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pagination {
    pub page: u32,
    pub per_page: u32,
}

impl Default for Pagination {
    fn default() -> Self {
        Pagination { page: 1, per_page: DEFAULT_PER_PAGE }
    }
}

impl Pagination {
    /// Parses `page` and `per_page` values from a query string, naming the bad one.
    pub fn parse(page: Option<&str>, per_page: Option<&str>) -> Result<Pagination, ValidationError> {
        let page = match page {
            None | Some("") => 1,
            Some(s) => match s.parse::<i64>() {
                Ok(n) if (1..=MAX_PAGE as i64).contains(&n) => n as u32,
                Ok(_) => return Err(ValidationError::new("page", format!("must be between 1 and {MAX_PAGE}"))),
                Err(_) => return Err(ValidationError::new("page", format!("`{}` is not a whole number", truncate(s)))),
            },
        };
        let per_page = match per_page {
            None | Some("") => DEFAULT_PER_PAGE,
            Some(s) => match s.parse::<i64>() {
                Ok(n) if (1..=MAX_PER_PAGE as i64).contains(&n) => n as u32,
                Ok(_) => return Err(ValidationError::new("per_page", format!("must be between 1 and {MAX_PER_PAGE}"))),
                Err(_) => return Err(ValidationError::new("per_page", format!("`{}` is not a whole number", truncate(s)))),
            },
        };
        Ok(Pagination { page, per_page })
    }

    pub fn offset(&self) -> i64 {
        (self.page as i64 - 1) * self.per_page as i64
    }
}

/// Parses an optional non-negative amount in minor units.
pub fn parse_amount(field: &str, value: Option<&str>) -> Result<Option<i64>, ValidationError> {
    match value {
        None | Some("") => Ok(None),
        Some(s) => match s.parse::<i64>() {
            Ok(n) if n >= 0 => Ok(Some(n)),
            Ok(_) => Err(ValidationError::new(field, "must not be negative")),
            Err(_) => Err(ValidationError::new(field, format!("`{}` is not a whole number of minor units", truncate(s)))),
        },
    }
}

/// Parses an optional boolean flag (`1`, `true`, `on`, `0`, `false`, `off`).
pub fn parse_flag(field: &str, value: Option<&str>) -> Result<bool, ValidationError> {
    match value {
        None | Some("") | Some("0") | Some("false") | Some("off") => Ok(false),
        Some("1") | Some("true") | Some("on") => Ok(true),
        Some(s) => Err(ValidationError::new(field, format!("`{}` is not a boolean (use true or false)", truncate(s)))),
    }
}

/// What to list.
#[derive(Debug, Clone, PartialEq)]
pub struct ProductQuery {
    pub terms: Option<SearchTerms>,
    /// This category and all below it.
    pub category_id: Option<i64>,
    /// Prices are shown, filtered and sorted in this currency.
    pub currency: Currency,
    /// Only products with a live variant priced in `currency`.
    pub priced_only: bool,
    /// Inclusive bounds on the product's lowest price, in minor units.
    pub min_price: Option<i64>,
    pub max_price: Option<i64>,
    pub in_stock_only: bool,
    pub status: StatusFilter,
    pub sort: Sort,
    pub pagination: Pagination,
    pub with_facets: bool,
    /// Titles and slugs in this language (falling back to the default language's) and search
    /// in its translations as well as the default content. None: the default language.
    pub lang: Option<String>,
}

impl ProductQuery {
    /// The storefront's listing: active, priced products, newest first.
    pub fn storefront(currency: Currency) -> ProductQuery {
        ProductQuery {
            terms: None,
            category_id: None,
            currency,
            priced_only: true,
            min_price: None,
            max_price: None,
            in_stock_only: false,
            status: StatusFilter::Only(ProductStatus::Active),
            sort: Sort::Relevance,
            pagination: Pagination::default(),
            with_facets: false,
            lang: None,
        }
    }

    pub fn check(&self) -> Result<(), ValidationError> {
        if let (Some(lo), Some(hi)) = (self.min_price, self.max_price)
            && lo > hi
        {
            return Err(ValidationError::new("max_price", "must not be below min_price"));
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProductPage {
    pub items: Vec<ProductSummary>,
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facets: Option<Facets>,
}

impl ProductPage {
    pub fn page_count(&self) -> u32 {
        (self.total.div_ceil(self.per_page.max(1) as u64)).max(1) as u32
    }
}

/// One matching product as the facet counter sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FacetRow {
    pub category_id: Option<i64>,
    pub min_price: Option<i64>,
    pub in_stock: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CategoryCount {
    pub category_id: i64,
    pub count: u64,
}

/// A price band `[min, max]` in minor units (inclusive).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PriceRange {
    pub min: i64,
    pub max: i64,
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Facets {
    /// Products per (leaf) category, other filters applied but not the category.
    pub categories: Vec<CategoryCount>,
    /// Products per price band, other filters applied but not the price.
    pub prices: Vec<PriceRange>,
    /// Products in stock, other filters applied but not the stock flag.
    pub in_stock: u64,
}

/// Counts facets over `rows` (every product matching the text, status and currency): each facet
/// ignores its own filter and applies the others, so a shopper sees what each choice would give.
pub fn compute_facets(rows: &[FacetRow], q: &ProductQuery, category_ids: Option<&[i64]>, currency: Currency) -> Facets {
    let in_cat = |r: &FacetRow| category_ids.is_none_or(|ids| r.category_id.is_some_and(|c| ids.contains(&c)));
    let in_price = |r: &FacetRow| match r.min_price {
        Some(p) => q.min_price.is_none_or(|lo| p >= lo) && q.max_price.is_none_or(|hi| p <= hi),
        None => q.min_price.is_none() && q.max_price.is_none(),
    };
    let in_stock = |r: &FacetRow| !q.in_stock_only || r.in_stock;

    let mut categories: Vec<CategoryCount> = Vec::new();
    for r in rows.iter().filter(|r| in_price(r) && in_stock(r)) {
        if let Some(c) = r.category_id {
            match categories.iter_mut().find(|x| x.category_id == c) {
                Some(x) => x.count += 1,
                None => categories.push(CategoryCount { category_id: c, count: 1 }),
            }
        }
    }
    categories.sort_by(|a, b| b.count.cmp(&a.count).then(a.category_id.cmp(&b.category_id)));

    let priced: Vec<i64> = rows.iter().filter(|r| in_cat(r) && in_stock(r)).filter_map(|r| r.min_price).collect();
    let prices = price_bands(&priced, currency);

    let in_stock_count = rows.iter().filter(|r| in_cat(r) && in_price(r) && r.in_stock).count() as u64;
    Facets { categories, prices, in_stock: in_stock_count }
}

/// Splits prices into at most five bands with round edges (1, 2 or 5 × 10^k major units).
pub fn price_bands(prices: &[i64], currency: Currency) -> Vec<PriceRange> {
    let Some(&max) = prices.iter().max() else { return Vec::new() };
    let unit = currency.minor_per_major();
    let mut step = unit;
    'outer: for _ in 0..18 {
        for m in [1, 2, 5] {
            let s = step.saturating_mul(m);
            if (max / s) < 5 {
                step = s;
                break 'outer;
            }
        }
        step = step.saturating_mul(10);
    }
    let mut bands: Vec<PriceRange> = Vec::new();
    for &p in prices {
        let lo = (p / step) * step;
        match bands.iter_mut().find(|b| b.min == lo) {
            Some(b) => b.count += 1,
            None => bands.push(PriceRange { min: lo, max: lo + step - 1, count: 1 }),
        }
    }
    bands.sort_by_key(|b| b.min);
    bands
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagination_names_bad_values() {
        assert_eq!(Pagination::parse(None, None).unwrap(), Pagination { page: 1, per_page: 24 });
        assert_eq!(Pagination::parse(Some("3"), Some("100")).unwrap().offset(), 200);
        assert_eq!(Pagination::parse(Some("-1"), None).unwrap_err().field(), "page");
        assert_eq!(Pagination::parse(Some("x"), None).unwrap_err().field(), "page");
        assert_eq!(Pagination::parse(None, Some("101")).unwrap_err().field(), "per_page");
        assert_eq!(Pagination::parse(None, Some("0")).unwrap_err().field(), "per_page");
    }

    #[test]
    fn sort_and_flags() {
        assert_eq!(Sort::parse("sort", "price_desc").unwrap(), Sort::PriceDesc);
        assert!(Sort::parse("sort", "cheapest").unwrap_err().to_string().contains("price_asc"));
        assert!(parse_flag("in_stock", Some("true")).unwrap());
        assert_eq!(parse_flag("in_stock", Some("maybe")).unwrap_err().field(), "in_stock");
        assert_eq!(parse_amount("min_price", Some("-5")).unwrap_err().field(), "min_price");
        assert_eq!(parse_amount("min_price", Some("1.5")).unwrap_err().field(), "min_price");
    }

    #[test]
    fn bands_have_round_edges() {
        let ngn = Currency::NGN;
        let bands = price_bands(&[150_000, 990_000, 2_000_000, 1_999_900], ngn);
        // max ₦20,000 → step ₦5,000
        assert_eq!(bands.iter().map(|b| (b.min, b.count)).collect::<Vec<_>>(), vec![(0, 1), (500_000, 1), (1_500_000, 1), (2_000_000, 1)]);
        assert!(bands.iter().all(|b| b.max == b.min + 499_999));
        assert!(price_bands(&[], ngn).is_empty());
        assert_eq!(price_bands(&[0], ngn), vec![PriceRange { min: 0, max: 99, count: 1 }]);
    }

    #[test]
    fn facets_ignore_their_own_filter() {
        let rows = [
            FacetRow { category_id: Some(1), min_price: Some(100), in_stock: true },
            FacetRow { category_id: Some(1), min_price: Some(900), in_stock: false },
            FacetRow { category_id: Some(2), min_price: Some(150), in_stock: true },
        ];
        let mut q = ProductQuery::storefront(Currency::USD);
        q.in_stock_only = true;
        q.category_id = Some(1);
        let f = compute_facets(&rows, &q, Some(&[1]), Currency::USD);
        assert_eq!(f.categories, vec![CategoryCount { category_id: 1, count: 1 }, CategoryCount { category_id: 2, count: 1 }]);
        assert_eq!(f.prices.iter().map(|p| p.count).sum::<u64>(), 1);
        assert_eq!(f.in_stock, 1);
    }
}
