//! What checkout offers: delivery zones and methods, VAT by country, the offline payment methods
//! and how long unpaid orders hold their stock. The binary fills these from `[checkout]` and
//! `[payments]`; the defaults below are the demo shop's.

use baobab_domain::payment::PaymentMethod;
use std::collections::BTreeMap;

use baobab_domain::Currency;
use baobab_domain::shipping::{ShippingMethod, ShippingZone, TaxTable};

#[derive(Debug, Clone)]
pub struct CheckoutSettings {
    pub zones: Vec<ShippingZone>,
    pub tax: TaxTable,
    /// Offline payment methods offered (of [`PaymentMethod::OFFLINE`]).
    pub offline_methods: Vec<PaymentMethod>,
    /// Shown with bank-transfer orders: account name, bank, number.
    pub bank_details: String,
    /// An unpaid bank-transfer order is cancelled (stock released) after this many hours.
    pub bank_transfer_hours: i64,
    /// An unpaid Paystack or M-Pesa order is cancelled after this many minutes.
    pub online_payment_minutes: i64,
}

fn method(id: &str, name: &str, pickup: bool, prices: &[(Currency, i64)], free_over: &[(Currency, i64)]) -> ShippingMethod {
    ShippingMethod {
        id: id.into(),
        name: name.into(),
        pickup,
        prices: prices.iter().copied().collect::<BTreeMap<_, _>>(),
        free_over: free_over.iter().copied().collect::<BTreeMap<_, _>>(),
    }
}

fn zone(name: &str, countries: &[&str], regions: &[&str], methods: Vec<ShippingMethod>) -> ShippingZone {
    ShippingZone {
        name: name.into(),
        countries: countries.iter().map(|c| c.to_string()).collect(),
        regions: regions.iter().map(|c| c.to_string()).collect(),
        methods,
    }
}

/// The demo shop's delivery: Lagos, the rest of Nigeria, Nairobi and Kenya, Accra and Ghana,
/// South Africa, and a courier to anywhere else; prices in the local currency, naira and dollars.
pub fn demo_zones() -> Vec<ShippingZone> {
    use Currency as C;
    let (ngn, kes, ghs, zar, usd) = (C::NGN, C::KES, C::GHS, C::ZAR, C::USD);
    vec![
        zone(
            "Lagos",
            &["NG"],
            &["Lagos", "Ikeja", "Lekki", "Yaba", "Surulere", "Victoria Island", "Ikoyi"],
            vec![
                method(
                    "lagos-express",
                    "Lagos express (next day)",
                    false,
                    &[(ngn, 250_000), (usd, 300)],
                    &[(ngn, 5_000_000), (usd, 6_000)],
                ),
                method("lagos-pickup", "Pick up at our Ikeja shop", true, &[(ngn, 0), (usd, 0)], &[]),
            ],
        ),
        zone(
            "Nigeria",
            &["NG"],
            &[],
            vec![method("ng-standard", "Nationwide courier (2–5 days)", false, &[(ngn, 450_000), (usd, 600)], &[(ngn, 10_000_000)])],
        ),
        zone(
            "Nairobi",
            &["KE"],
            &["Nairobi", "Westlands", "Kilimani", "Karen"],
            vec![
                method("nairobi-rider", "Nairobi rider (same day)", false, &[(kes, 25_000), (usd, 200)], &[(kes, 500_000)]),
                method("nairobi-pickup", "Pick up in Nairobi CBD", true, &[(kes, 0), (usd, 0)], &[]),
            ],
        ),
        zone(
            "Kenya",
            &["KE"],
            &[],
            vec![method("ke-standard", "Countrywide courier (2–4 days)", false, &[(kes, 45_000), (usd, 400)], &[(kes, 1_000_000)])],
        ),
        zone(
            "Ghana",
            &["GH"],
            &[],
            vec![method(
                "gh-standard",
                "Courier (2–4 days)",
                false,
                &[(ghs, 6_000), (ngn, 600_000), (usd, 500)],
                &[(ghs, 150_000), (ngn, 15_000_000)],
            )],
        ),
        zone(
            "South Africa",
            &["ZA"],
            &[],
            vec![method(
                "za-courier",
                "Courier (2–4 days)",
                false,
                &[(zar, 9_900), (ngn, 900_000), (usd, 600)],
                &[(zar, 150_000), (ngn, 10_000_000)],
            )],
        ),
        zone(
            "Rest of the world",
            &["*"],
            &[],
            vec![method(
                "intl-courier",
                "International courier (5–10 days)",
                false,
                &[(ngn, 4_000_000), (kes, 350_000), (ghs, 35_000), (zar, 45_000), (C::EGP, 120_000), (usd, 2_500)],
                &[],
            )],
        ),
    ]
}

/// VAT rates of the demo shop's markets; shelf prices include VAT.
pub fn demo_tax() -> TaxTable {
    TaxTable {
        prices_include_tax: true,
        rates: [("NG", 750), ("KE", 1600), ("ZA", 1500), ("GH", 1500), ("EG", 1400)].into_iter().map(|(c, r)| (c.to_string(), r)).collect(),
        default_bp: 0,
    }
}

impl Default for CheckoutSettings {
    fn default() -> Self {
        CheckoutSettings {
            zones: demo_zones(),
            tax: demo_tax(),
            offline_methods: PaymentMethod::OFFLINE.to_vec(),
            bank_details: "Baobab Market Ltd · Example Bank · account 0123456789".into(),
            bank_transfer_hours: 72,
            online_payment_minutes: 60,
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_demo_zones_are_valid() {
        baobab_domain::shipping::check_zones(&super::demo_zones()).unwrap();
    }

    /// Each demo delivery method has a name in every language: the catalog's `shipping-<id>`,
    /// whose English is the configured name (see `checkout::method_name`).
    #[test]
    fn the_demo_methods_have_names_in_every_language() {
        const KEYS: [&str; 9] = [
            "shipping-lagos-express",
            "shipping-lagos-pickup",
            "shipping-ng-standard",
            "shipping-nairobi-rider",
            "shipping-nairobi-pickup",
            "shipping-ke-standard",
            "shipping-gh-standard",
            "shipping-za-courier",
            "shipping-intl-courier",
        ];
        let i18n = crate::i18n::I18n::shipped();
        let methods: Vec<_> = super::demo_zones().into_iter().flat_map(|z| z.methods).collect();
        assert_eq!(methods.iter().map(|m| format!("shipping-{}", m.id)).collect::<Vec<_>>(), KEYS);
        for (m, key) in methods.iter().zip(KEYS) {
            assert_eq!(i18n.msg("en", key, &[]), m.name);
            for code in ["fr", "ar", "pt", "sw"] {
                assert!(i18n.has(code, key) && i18n.msg(code, key, &[]) != m.name, "{code} {key}");
            }
        }
    }
}
