//! Delivery and tax by where the order goes: zones of countries (optionally narrowed to
//! regions or cities) offering shipping methods priced per currency, and VAT per country.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::Currency;

/// Countries (ISO 3166-1 alpha-2, or `*` for everywhere else), optionally only some regions or
/// cities of them, and the methods offered there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippingZone {
    pub name: String,
    pub countries: Vec<String>,
    /// Region or city names (any case); empty = the whole of each country.
    #[serde(default)]
    pub regions: Vec<String>,
    pub methods: Vec<ShippingMethod>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippingMethod {
    /// Stable id used in forms and stored with the order, e.g. `lagos-standard`.
    pub id: String,
    pub name: String,
    /// Collected at the shop: no delivery address needed beyond contact details.
    #[serde(default)]
    pub pickup: bool,
    /// Price per currency in minor units; a method without a price in the cart's currency is
    /// not offered for that cart.
    pub prices: BTreeMap<Currency, i64>,
    /// Free when the goods (after discount) reach this amount, per currency.
    #[serde(default)]
    pub free_over: BTreeMap<Currency, i64>,
}

/// What a method costs for one cart currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShippingQuote {
    pub method_id: String,
    pub name: String,
    pub pickup: bool,
    pub price_minor: i64,
    pub free_over_minor: Option<i64>,
}

impl ShippingQuote {
    /// Nothing to pay for delivery.
    pub fn free() -> ShippingQuote {
        ShippingQuote { method_id: String::new(), name: String::new(), pickup: false, price_minor: 0, free_over_minor: None }
    }

    /// The charge for goods worth `goods` (minor units, after discount).
    pub fn charge(&self, goods: i64) -> i64 {
        match self.free_over_minor {
            Some(t) if goods >= t => 0,
            _ => self.price_minor,
        }
    }
}

fn same(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// The zone an address falls in: a zone naming its region or city first, then one covering the
/// whole country, then a `*` zone.
pub fn zone_for<'a>(zones: &'a [ShippingZone], country: &str, region: &str, city: &str) -> Option<&'a ShippingZone> {
    let in_country = |z: &&ShippingZone| z.countries.iter().any(|c| same(c, country));
    zones
        .iter()
        .filter(in_country)
        .find(|z| !z.regions.is_empty() && z.regions.iter().any(|r| (!region.is_empty() && same(r, region)) || same(r, city)))
        .or_else(|| zones.iter().filter(in_country).find(|z| z.regions.is_empty()))
        .or_else(|| zones.iter().find(|z| z.countries.iter().any(|c| c == "*")))
}

/// Whether a zone delivers to an address: its country, and its region or city when the zone
/// names regions. `*` zones cover everywhere.
pub fn covers(zone: &ShippingZone, country: &str, region: &str, city: &str) -> bool {
    if zone.countries.iter().any(|c| c == "*") {
        return true;
    }
    zone.countries.iter().any(|c| same(c, country))
        && (zone.regions.is_empty()
            || zone.regions.iter().any(|r| (!region.is_empty() && same(r, region)) || (!city.is_empty() && same(r, city))))
}

/// Every method offered in `country` and priced in `currency`, regional ones included (so a
/// form without JavaScript can list them before the city is known), with its zone; the `*`
/// zones only when the country's own zones offer nothing in `currency`.
pub fn offers<'a>(zones: &'a [ShippingZone], country: &str, currency: Currency) -> Vec<(&'a ShippingZone, ShippingQuote)> {
    let of = |pick: &dyn Fn(&ShippingZone) -> bool| -> Vec<(&'a ShippingZone, ShippingQuote)> {
        zones.iter().filter(|z| pick(z)).flat_map(|z| quotes(z, currency).into_iter().map(move |q| (z, q))).collect()
    };
    let named = of(&|z| z.countries.iter().any(|c| same(c, country)));
    if named.is_empty() { of(&|z| z.countries.iter().any(|c| c == "*")) } else { named }
}

/// The methods of a zone that have a price in `currency`, in the zone's order.
pub fn quotes(zone: &ShippingZone, currency: Currency) -> Vec<ShippingQuote> {
    zone.methods
        .iter()
        .filter_map(|m| {
            Some(ShippingQuote {
                method_id: m.id.clone(),
                name: m.name.clone(),
                pickup: m.pickup,
                price_minor: *m.prices.get(&currency)?,
                free_over_minor: m.free_over.get(&currency).copied(),
            })
        })
        .collect()
}

/// Checks zones as configuration: names the first problem found.
pub fn check_zones(zones: &[ShippingZone]) -> Result<(), String> {
    let mut ids = std::collections::BTreeSet::new();
    for (i, z) in zones.iter().enumerate() {
        if z.countries.is_empty() {
            return Err(format!("zones[{i}] ({}) has no countries", z.name));
        }
        if let Some(c) = z.countries.iter().find(|c| *c != "*" && (c.len() != 2 || !c.bytes().all(|b| b.is_ascii_uppercase()))) {
            return Err(format!("zones[{i}] ({}): `{c}` is not a two-letter country code like NG or `*`", z.name));
        }
        if z.methods.is_empty() {
            return Err(format!("zones[{i}] ({}) offers no methods", z.name));
        }
        for m in &z.methods {
            if m.id.is_empty() || !m.id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
                return Err(format!("zones[{i}] ({}): method id `{}` must be letters, digits, - or _", z.name, m.id));
            }
            if !ids.insert(m.id.clone()) {
                return Err(format!("method id `{}` is used twice", m.id));
            }
            if m.prices.is_empty() {
                return Err(format!("method `{}` has no price", m.id));
            }
            if let Some((c, v)) = m.prices.iter().chain(&m.free_over).find(|(_, v)| **v < 0) {
                return Err(format!("method `{}`: {c} amount {v} is negative", m.id));
            }
        }
    }
    Ok(())
}

/// How a zone taxes: VAT rate in basis points, and whether shelf prices already include it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaxRule {
    pub rate_bp: i64,
    pub prices_include_tax: bool,
}

/// VAT by destination country, and whether shelf prices include it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxTable {
    pub prices_include_tax: bool,
    /// Basis points per country code: 750 = 7.5 %.
    pub rates: BTreeMap<String, i64>,
    /// For countries not listed.
    pub default_bp: i64,
}

impl TaxTable {
    pub fn rule_for(&self, country: &str) -> TaxRule {
        TaxRule { rate_bp: self.rate_for(country), prices_include_tax: self.prices_include_tax }
    }

    /// The VAT rate in basis points for a country.
    pub fn rate_for(&self, country: &str) -> i64 {
        self.rates.iter().find(|(c, _)| same(c, country)).map(|(_, r)| *r).unwrap_or(self.default_bp)
    }
}

impl Default for TaxTable {
    fn default() -> Self {
        TaxTable { prices_include_tax: true, rates: BTreeMap::new(), default_bp: 0 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ngn() -> Currency {
        "NGN".parse().unwrap()
    }

    fn zones() -> Vec<ShippingZone> {
        let m = |id: &str, price: i64, free: Option<i64>, pickup| ShippingMethod {
            id: id.into(),
            name: id.into(),
            pickup,
            prices: BTreeMap::from([(ngn(), price)]),
            free_over: free.map(|f| BTreeMap::from([(ngn(), f)])).unwrap_or_default(),
        };
        vec![
            ShippingZone {
                name: "Nigeria".into(),
                countries: vec!["NG".into()],
                regions: vec![],
                methods: vec![m("ng-standard", 450_000, None, false)],
            },
            ShippingZone {
                name: "Lagos".into(),
                countries: vec!["NG".into()],
                regions: vec!["Lagos".into(), "Ikeja".into()],
                methods: vec![m("lagos-standard", 150_000, Some(5_000_000), false), m("lagos-pickup", 0, None, true)],
            },
            ShippingZone {
                name: "World".into(),
                countries: vec!["*".into()],
                regions: vec![],
                methods: vec![m("world", 2_000_000, None, false)],
            },
        ]
    }

    #[test]
    fn the_most_specific_zone_wins() {
        let z = zones();
        assert_eq!(zone_for(&z, "NG", "lagos", "").unwrap().name, "Lagos");
        assert_eq!(zone_for(&z, "ng", "", "IKEJA").unwrap().name, "Lagos", "a city matches too");
        assert_eq!(zone_for(&z, "NG", "Kano", "Kano").unwrap().name, "Nigeria");
        assert_eq!(zone_for(&z, "KE", "", "Nairobi").unwrap().name, "World");
        assert!(zone_for(&z[..2], "KE", "", "Nairobi").is_none(), "no catch-all: not delivered there");
    }

    #[test]
    fn quotes_only_in_priced_currencies_and_free_over_a_threshold() {
        let z = zones();
        let q = quotes(&z[1], ngn());
        assert_eq!(q.iter().map(|q| q.method_id.as_str()).collect::<Vec<_>>(), ["lagos-standard", "lagos-pickup"]);
        assert_eq!(q[0].charge(4_999_999), 150_000);
        assert_eq!(q[0].charge(5_000_000), 0);
        assert!(q[1].pickup && q[1].charge(1) == 0);
        assert!(quotes(&z[1], "KES".parse().unwrap()).is_empty());
    }

    #[test]
    fn offers_list_a_country_s_methods_and_covers_checks_the_city() {
        let z = zones();
        let ng = offers(&z, "NG", ngn());
        assert_eq!(ng.iter().map(|(_, q)| q.method_id.as_str()).collect::<Vec<_>>(), ["ng-standard", "lagos-standard", "lagos-pickup"]);
        assert!(covers(ng[1].0, "NG", "", "Ikeja") && !covers(ng[1].0, "NG", "Kano", "Kano"));
        assert!(covers(ng[0].0, "NG", "Kano", "Kano"));
        let ke = offers(&z, "KE", ngn());
        assert_eq!(ke.iter().map(|(_, q)| q.method_id.as_str()).collect::<Vec<_>>(), ["world"]);
        assert!(covers(ke[0].0, "KE", "", ""));
        assert!(offers(&z, "KE", "KES".parse().unwrap()).is_empty(), "nothing priced in KES");
    }

    #[test]
    fn zone_configuration_is_checked() {
        assert!(check_zones(&zones()).is_ok());
        let mut z = zones();
        z[1].methods[1].id = "ng-standard".into();
        assert_eq!(check_zones(&z).unwrap_err(), "method id `ng-standard` is used twice");
        let mut z = zones();
        z[0].countries = vec!["Nigeria".into()];
        assert!(check_zones(&z).unwrap_err().contains("`Nigeria` is not a two-letter country code"));
        let mut z = zones();
        z[0].methods[0].prices.insert(ngn(), -1);
        assert!(check_zones(&z).unwrap_err().contains("negative"));
    }

    #[test]
    fn tax_by_country() {
        let t = TaxTable { prices_include_tax: false, rates: BTreeMap::from([("KE".into(), 1600), ("NG".into(), 750)]), default_bp: 0 };
        assert_eq!(t.rule_for("ke"), TaxRule { rate_bp: 1600, prices_include_tax: false });
        assert_eq!(t.rule_for("EG").rate_bp, 0);
    }
}
