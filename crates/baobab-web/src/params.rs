//! Listing parameters shared by the storefront and the API: parsed by hand so that every bad
//! value is answered with a 400 naming the parameter, never a 500 or a silent default.

use axum::http::{HeaderMap, Uri, header};
use baobab_domain::catalog::{Category, ProductStatus};
use baobab_domain::query::{Pagination, ProductQuery, Sort, StatusFilter, parse_amount, parse_flag};
use baobab_domain::search::SearchTerms;
use baobab_domain::{Currency, ValidationError};
use baobab_store::{Key, StoreError};
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::AppState;

/// Cookie holding the shopper's chosen currency.
pub const CURRENCY_COOKIE: &str = "currency";

/// A parameter problem (400) or a store failure while resolving one (e.g. 503).
#[derive(Debug)]
pub enum ParamError {
    Invalid(ValidationError),
    Store(StoreError),
}

impl From<ValidationError> for ParamError {
    fn from(e: ValidationError) -> Self {
        ParamError::Invalid(e)
    }
}

impl From<StoreError> for ParamError {
    fn from(e: StoreError) -> Self {
        ParamError::Store(e)
    }
}

impl From<ParamError> for crate::error::ApiError {
    fn from(e: ParamError) -> Self {
        match e {
            ParamError::Invalid(v) => crate::error::ApiError::bad_param(v),
            ParamError::Store(s) => s.into(),
        }
    }
}

/// Deserialises a query string; unknown parameters are ignored, repeated ones rejected.
pub fn query<T: DeserializeOwned>(uri: &Uri) -> Result<T, ValidationError> {
    axum::extract::Query::<T>::try_from_uri(uri).map(|q| q.0).map_err(|e| {
        let text = e.body_text();
        let detail = text.strip_prefix("Failed to deserialize query string: ").unwrap_or(&text).to_string();
        let field = detail.split('`').nth(1).filter(|_| detail.contains("field")).unwrap_or("query").to_string();
        ValidationError::new(field, detail)
    })
}

/// Listing filters, as the API and the search page accept them.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Search words; every word must match (as a prefix) the product's title, description,
    /// category, attributes, SKUs or option values.
    pub q: Option<String>,
    /// Category id or slug; subcategories are included.
    pub category: Option<String>,
    /// ISO 4217 code; prices are shown, filtered and sorted in it. Default: the shop's currency
    /// (or the `currency` cookie).
    #[param(value_type = Option<String>, example = "KES")]
    pub currency: Option<String>,
    /// Lowest price, in minor units, inclusive.
    #[param(value_type = Option<i64>, minimum = 0)]
    pub min_price: Option<String>,
    /// Highest price, in minor units, inclusive.
    #[param(value_type = Option<i64>, minimum = 0)]
    pub max_price: Option<String>,
    /// Only products with stock.
    #[param(value_type = Option<bool>)]
    pub in_stock: Option<String>,
    /// `relevance` (default), `newest`, `price_asc`, `price_desc`, `title_asc`.
    #[param(value_type = Option<String>)]
    pub sort: Option<String>,
    #[param(value_type = Option<u32>, minimum = 1, maximum = 10000)]
    pub page: Option<String>,
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100)]
    pub per_page: Option<String>,
    /// Staff only: `draft`, `active`, `archived` or `any`. Default `active`.
    pub status: Option<String>,
    /// Include facet counts (categories, price bands, in stock).
    #[param(value_type = Option<bool>)]
    pub facets: Option<String>,
}

/// The currency for this request: `?currency=` (which must be valid), else the cookie (ignored
/// when stale or bad), else the shop default.
pub fn currency(explicit: Option<&str>, headers: &HeaderMap, default: Currency) -> Result<Currency, ValidationError> {
    if let Some(code) = explicit.filter(|c| !c.is_empty()) {
        return code.parse().map_err(|e: baobab_domain::money::CurrencyError| ValidationError::new("currency", e.to_string()));
    }
    Ok(cookie(headers, CURRENCY_COOKIE).and_then(|c| c.parse().ok()).unwrap_or(default))
}

/// A cookie's value from the request.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

pub struct Resolved {
    pub query: ProductQuery,
    pub category: Option<Category>,
}

impl ListParams {
    /// Turns the parameters into a store query. `staff` unlocks the `status` filter.
    pub async fn resolve(&self, state: &AppState, headers: &HeaderMap, staff: bool) -> Result<Resolved, ParamError> {
        let currency = currency(self.currency.as_deref(), headers, state.settings.default_currency)?;
        let mut q = ProductQuery::storefront(currency);
        q.terms = SearchTerms::parse("q", self.q.as_deref().unwrap_or(""))?;
        q.pagination = Pagination::parse(self.page.as_deref(), self.per_page.as_deref())?;
        q.min_price = parse_amount("min_price", self.min_price.as_deref())?;
        q.max_price = parse_amount("max_price", self.max_price.as_deref())?;
        q.in_stock_only = parse_flag("in_stock", self.in_stock.as_deref())?;
        q.with_facets = parse_flag("facets", self.facets.as_deref())?;
        if let Some(s) = self.sort.as_deref().filter(|s| !s.is_empty()) {
            q.sort = Sort::parse("sort", s)?;
        }
        if let Some(s) = self.status.as_deref().filter(|s| !s.is_empty()) {
            if !staff {
                return Err(ValidationError::new("status", "filtering by status needs a staff token").into());
            }
            q.status = match s {
                "any" => StatusFilter::Any,
                other => StatusFilter::Only(ProductStatus::parse(other).ok_or_else(|| {
                    ValidationError::new(
                        "status",
                        format!("unknown status `{}` (valid: draft, active, archived, any)", other.chars().take(40).collect::<String>()),
                    )
                })?),
            };
            // Staff listings show unpriced products too (drafts often have no price yet).
            q.priced_only = false;
        }
        q.check()?;
        let category = match self.category.as_deref().filter(|c| !c.is_empty()) {
            None => None,
            Some(c) => {
                let found = state.store.category(Key::parse(c)).await?.filter(|cat| staff || !cat.archived);
                let cat = found.ok_or_else(|| {
                    ValidationError::new("category", format!("no category `{}`", c.chars().take(100).collect::<String>()))
                })?;
                q.category_id = Some(cat.id);
                Some(cat)
            }
        };
        Ok(Resolved { query: q, category })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn currency_precedence() {
        let mut h = HeaderMap::new();
        assert_eq!(currency(None, &h, Currency::NGN).unwrap(), Currency::NGN);
        h.insert(header::COOKIE, HeaderValue::from_static("a=b; currency=KES"));
        assert_eq!(currency(None, &h, Currency::NGN).unwrap().code(), "KES");
        assert_eq!(currency(Some("USD"), &h, Currency::NGN).unwrap(), Currency::USD);
        assert_eq!(currency(Some("usd"), &h, Currency::NGN).unwrap_err().field(), "currency");
        h.insert(header::COOKIE, HeaderValue::from_static("currency=XXX"));
        assert_eq!(currency(None, &h, Currency::NGN).unwrap(), Currency::NGN, "a bad cookie is ignored");
    }

    #[test]
    fn query_errors_name_the_field() {
        let uri: Uri = "/x?page=1&page=2".parse().unwrap();
        let err = query::<ListParams>(&uri).unwrap_err();
        assert_eq!(err.field(), "page", "{err}");
    }
}
