//! Orders: the lifecycle as an explicit state machine, and the money of a checkout (subtotal,
//! coupon, shipping, tax, total) computed in integer minor units.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::Collector;
use crate::shipping::ShippingQuote;
// The tax rule is decided by where the order goes, so it lives with the shipping zones; it is
// re-exported here because callers name it `order::TaxRule` next to `totals`.
pub use crate::shipping::TaxRule;
use crate::{Currency, ValidationError};

mod record;
pub use record::{NewOrder, NewOrderLine, Order, OrderLine};

/// Where an order is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    PendingPayment,
    Paid,
    Fulfilled,
    Shipped,
    Delivered,
    Cancelled,
    PartiallyRefunded,
    Refunded,
}

/// What can happen to an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderEvent {
    /// Payment confirmed (provider webhook, or staff for cash on delivery / bank transfer).
    Pay,
    Fulfil,
    Ship,
    Deliver,
    /// By the customer or staff, before it ships.
    Cancel,
    /// An unpaid order ran out of time.
    Expire,
    /// Money returned: `amount` minor units, of `remaining` still refundable.
    Refund {
        amount: i64,
        remaining: i64,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransitionError {
    pub from: OrderStatus,
    pub event: &'static str,
}

impl fmt::Display for TransitionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an order that is {} cannot be {}", self.from.as_str().replace('_', " "), self.event)
    }
}

impl std::error::Error for TransitionError {}

impl OrderStatus {
    pub const ALL: &'static [OrderStatus] = &[
        OrderStatus::PendingPayment,
        OrderStatus::Paid,
        OrderStatus::Fulfilled,
        OrderStatus::Shipped,
        OrderStatus::Delivered,
        OrderStatus::Cancelled,
        OrderStatus::PartiallyRefunded,
        OrderStatus::Refunded,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrderStatus::PendingPayment => "pending_payment",
            OrderStatus::Paid => "paid",
            OrderStatus::Fulfilled => "fulfilled",
            OrderStatus::Shipped => "shipped",
            OrderStatus::Delivered => "delivered",
            OrderStatus::Cancelled => "cancelled",
            OrderStatus::PartiallyRefunded => "partially_refunded",
            OrderStatus::Refunded => "refunded",
        }
    }

    pub fn parse(s: &str) -> Option<OrderStatus> {
        OrderStatus::ALL.iter().copied().find(|x| x.as_str() == s)
    }

    /// The next status after `event`, or why it is not allowed.
    pub fn apply(self, event: OrderEvent) -> Result<OrderStatus, TransitionError> {
        use OrderEvent as E;
        use OrderStatus as S;
        let next = match (self, event) {
            (S::PendingPayment, E::Pay) => Some(S::Paid),
            (S::PendingPayment, E::Cancel | E::Expire) => Some(S::Cancelled),
            (S::Paid, E::Fulfil) => Some(S::Fulfilled),
            (S::Fulfilled, E::Ship) => Some(S::Shipped),
            (S::Shipped, E::Deliver) => Some(S::Delivered),
            // Cancelling a paid order before it ships is allowed; the money goes back by refund.
            (S::Paid | S::Fulfilled, E::Cancel) => Some(S::Cancelled),
            (S::Paid | S::Fulfilled | S::Shipped | S::Delivered | S::PartiallyRefunded | S::Cancelled, E::Refund { amount, remaining })
                if amount > 0 && amount <= remaining =>
            {
                Some(if amount == remaining {
                    S::Refunded
                } else if self == S::Cancelled {
                    S::Cancelled
                } else {
                    S::PartiallyRefunded
                })
            }
            _ => None,
        };
        next.ok_or(TransitionError { from: self, event: event.name() })
    }

    /// Whether stock held for the order goes back on the shelf when it enters this status.
    pub fn releases_stock(self) -> bool {
        self == OrderStatus::Cancelled
    }
}

impl OrderEvent {
    pub fn name(self) -> &'static str {
        match self {
            OrderEvent::Pay => "paid",
            OrderEvent::Fulfil => "fulfilled",
            OrderEvent::Ship => "shipped",
            OrderEvent::Deliver => "delivered",
            OrderEvent::Cancel => "cancelled",
            OrderEvent::Expire => "expired",
            OrderEvent::Refund { .. } => "refunded (by that amount)",
        }
    }
}

/// A coupon as the shop defines it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coupon {
    pub code: String,
    pub kind: CouponKind,
    /// Fixed amounts and minimums are in this currency, and orders in another cannot use the
    /// coupon. None: a percentage without a minimum, for any currency.
    pub currency: Option<Currency>,
    /// Smallest subtotal (minor units) it applies to.
    pub minimum_minor: i64,
    pub expires_at: Option<DateTime<Utc>>,
    /// How many orders may use it; None = no limit.
    pub usage_limit: Option<i64>,
    /// Orders that used it (cancelled orders give their use back).
    pub used: i64,
    pub active: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "value")]
pub enum CouponKind {
    /// Basis points: 1500 = 15 %.
    Percent(i64),
    /// Minor units off, never below zero.
    Fixed(i64),
}

impl Coupon {
    /// Codes are kept upper case: `karibu10` and `KARIBU10` are one coupon.
    pub fn normalize_code(raw: &str) -> Result<String, ValidationError> {
        let code = raw.trim().to_ascii_uppercase();
        if !(3..=32).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
            return Err(ValidationError::new("coupon", "must be 3 to 32 letters, digits, - or _"));
        }
        Ok(code)
    }

    /// Checks a coupon the shop is creating.
    pub fn validate(&self) -> Result<(), ValidationError> {
        let mut v = Collector::default();
        if Coupon::normalize_code(&self.code).is_err() {
            v.push("code", "must be 3 to 32 letters, digits, - or _");
        }
        match self.kind {
            CouponKind::Percent(bp) if !(1..=10_000).contains(&bp) => v.push("percent", "must be more than 0 and at most 100"),
            CouponKind::Fixed(m) if m <= 0 => v.push("amount", "must be more than 0"),
            CouponKind::Fixed(_) if self.currency.is_none() => v.push("currency", "is needed for a fixed amount"),
            _ => {}
        }
        if self.minimum_minor < 0 {
            v.push("minimum", "must not be negative");
        } else if self.minimum_minor > 0 && self.currency.is_none() {
            v.push("currency", "is needed for a minimum order amount");
        }
        if self.usage_limit.is_some_and(|l| l < 1) {
            v.push("usage_limit", "must be at least 1 (leave it empty for no limit)");
        }
        v.finish()
    }

    /// Why this coupon cannot be used on an order of `subtotal` in `currency` now, if it cannot.
    pub fn refusal(&self, currency: Currency, subtotal: i64, now: DateTime<Utc>) -> Option<String> {
        if !self.active {
            return Some("is no longer valid".into());
        }
        if self.expires_at.is_some_and(|e| e <= now) {
            return Some("has expired".into());
        }
        if self.usage_limit.is_some_and(|l| self.used >= l) {
            return Some("has been used up".into());
        }
        if let Some(c) = self.currency {
            if c != currency {
                return Some(format!("is for orders in {c}"));
            }
            if subtotal < self.minimum_minor {
                return Some(format!("needs an order of at least {}", crate::format_money(self.minimum_minor, c)));
            }
        }
        None
    }
}

/// The money of a checkout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Totals {
    pub subtotal: i64,
    pub discount: i64,
    pub shipping: i64,
    /// The tax in the total (included or added, per the rule).
    pub tax: i64,
    pub total: i64,
}

/// Rounds `value * bp / 10000` half away from zero, in integers.
fn bp_of(value: i64, bp: i64) -> i64 {
    let n = value as i128 * bp as i128;
    ((n + 5_000 * n.signum()) / 10_000) as i64
}

/// Computes the totals: discount on the subtotal, then shipping (free over the method's
/// threshold of goods after discount), then VAT on goods and delivery (with tax-inclusive prices
/// the tax part is extracted, not added).
pub fn totals(subtotal: i64, coupon: Option<&Coupon>, shipping: &ShippingQuote, tax: TaxRule) -> Totals {
    let discount = match coupon {
        Some(c) if subtotal >= c.minimum_minor => match c.kind {
            CouponKind::Percent(bp) => bp_of(subtotal, bp.clamp(0, 10_000)),
            CouponKind::Fixed(v) => v.clamp(0, subtotal),
        },
        _ => 0,
    };
    let goods = subtotal - discount;
    let shipping = shipping.charge(goods);
    let taxable = goods + shipping;
    let (tax_amount, total) = if tax.prices_include_tax {
        // tax = taxable - taxable / (1 + rate)
        let net = ((taxable as i128 * 10_000 + (10_000 + tax.rate_bp) as i128 / 2) / (10_000 + tax.rate_bp) as i128) as i64;
        (taxable - net, taxable)
    } else {
        let t = bp_of(taxable, tax.rate_bp);
        (t, taxable + t)
    };
    Totals { subtotal, discount, shipping, tax: tax_amount, total }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shipping::ShippingQuote;
    use OrderEvent as E;
    use OrderStatus as S;

    #[test]
    fn the_happy_path() {
        let mut s = S::PendingPayment;
        for e in [E::Pay, E::Fulfil, E::Ship, E::Deliver] {
            s = s.apply(e).unwrap();
        }
        assert_eq!(s, S::Delivered);
    }

    #[test]
    fn invalid_transitions_are_refused() {
        assert!(S::PendingPayment.apply(E::Ship).is_err());
        assert!(S::Shipped.apply(E::Cancel).is_err(), "too late to cancel");
        assert!(S::Cancelled.apply(E::Pay).is_err());
        assert!(S::Refunded.apply(E::Refund { amount: 1, remaining: 0 }).is_err());
        assert!(S::PendingPayment.apply(E::Refund { amount: 1, remaining: 1 }).is_err(), "nothing paid");
        let e = S::Delivered.apply(E::Cancel).unwrap_err();
        assert_eq!(e.to_string(), "an order that is delivered cannot be cancelled");
        assert_eq!(S::PendingPayment.apply(E::Expire).unwrap(), S::Cancelled);
        assert!(S::Cancelled.releases_stock() && !S::Refunded.releases_stock());
    }

    #[test]
    fn refunds_partial_then_full() {
        let s = S::Delivered.apply(E::Refund { amount: 300, remaining: 1000 }).unwrap();
        assert_eq!(s, S::PartiallyRefunded);
        assert_eq!(s.apply(E::Refund { amount: 700, remaining: 700 }).unwrap(), S::Refunded);
        assert!(s.apply(E::Refund { amount: 800, remaining: 700 }).is_err(), "not more than was paid");
        assert!(s.apply(E::Refund { amount: 0, remaining: 700 }).is_err());
        assert_eq!(S::Cancelled.apply(E::Refund { amount: 1000, remaining: 1000 }).unwrap(), S::Refunded);
    }

    #[test]
    fn totals_with_exclusive_and_inclusive_vat() {
        // Kenya, 16 % VAT added: 10,000.00 − 10 % = 9,000.00; VAT 1,440.00; shipping 300.00
        let ten = coupon(CouponKind::Percent(1000), 500_000);
        let t = totals(1_000_000, Some(&ten), &ship(30_000, None), TaxRule { rate_bp: 1600, prices_include_tax: false });
        // VAT on goods and delivery: 16 % of 9,300.00
        assert_eq!(t, Totals { subtotal: 1_000_000, discount: 100_000, shipping: 30_000, tax: 148_800, total: 1_078_800 });
        // Nigeria, 7.5 % VAT included in ₦10,750.00 → tax ₦750.00
        let t = totals(1_075_000, None, &ShippingQuote::free(), TaxRule { rate_bp: 750, prices_include_tax: true });
        assert_eq!((t.tax, t.total), (75_000, 1_075_000));
        // below the coupon minimum: no discount; a fixed coupon never goes below zero
        assert_eq!(totals(400_000, Some(&ten), &ShippingQuote::free(), TaxRule { rate_bp: 0, prices_include_tax: true }).discount, 0);
        let big = coupon(CouponKind::Fixed(9_999_999), 0);
        assert_eq!(totals(5_000, Some(&big), &ship(1_000, None), TaxRule { rate_bp: 1500, prices_include_tax: false }).total, 1_150);
        // free delivery counts the goods after the discount
        let t = totals(1_000_000, Some(&ten), &ship(30_000, Some(950_000)), TaxRule { rate_bp: 0, prices_include_tax: true });
        assert_eq!((t.shipping, t.total), (30_000, 930_000));
        let t = totals(1_000_000, None, &ship(30_000, Some(950_000)), TaxRule { rate_bp: 0, prices_include_tax: true });
        assert_eq!((t.shipping, t.total), (0, 1_000_000));
    }

    fn ship(price: i64, free_over: Option<i64>) -> ShippingQuote {
        ShippingQuote { method_id: "m".into(), name: "m".into(), pickup: false, price_minor: price, free_over_minor: free_over }
    }

    fn coupon(kind: CouponKind, minimum: i64) -> Coupon {
        Coupon {
            code: "KARIBU10".into(),
            kind,
            currency: Some("KES".parse().unwrap()),
            minimum_minor: minimum,
            expires_at: None,
            usage_limit: None,
            used: 0,
            active: true,
        }
    }

    #[test]
    fn coupons_are_checked_when_made_and_when_used() {
        let kes: Currency = "KES".parse().unwrap();
        let now = Utc::now();
        let mut c = coupon(CouponKind::Percent(1000), 500_000);
        assert_eq!(c.refusal(kes, 500_000, now), None);
        assert_eq!(c.refusal(kes, 499_999, now).unwrap(), "needs an order of at least KSh\u{a0}5,000.00");
        assert_eq!(c.refusal("NGN".parse().unwrap(), 900_000, now).unwrap(), "is for orders in KES");
        c.expires_at = Some(now);
        assert_eq!(c.refusal(kes, 900_000, now).unwrap(), "has expired");
        c.expires_at = None;
        c.usage_limit = Some(2);
        c.used = 2;
        assert_eq!(c.refusal(kes, 900_000, now).unwrap(), "has been used up");
        c.used = 1;
        assert_eq!(c.refusal(kes, 900_000, now), None);
        c.active = false;
        assert_eq!(c.refusal(kes, 900_000, now).unwrap(), "is no longer valid");

        assert_eq!(Coupon::normalize_code(" karibu-10 ").unwrap(), "KARIBU-10");
        assert!(Coupon::normalize_code("a b").is_err() && Coupon::normalize_code("ab").is_err());
        assert!(coupon(CouponKind::Percent(1000), 0).validate().is_ok());
        let fields = |c: Coupon| c.validate().unwrap_err().errors.into_iter().map(|e| e.field).collect::<Vec<_>>();
        assert_eq!(fields(coupon(CouponKind::Percent(0), 0)), ["percent"]);
        assert_eq!(fields(coupon(CouponKind::Fixed(-5), 0)), ["amount"]);
        assert_eq!(fields(Coupon { currency: None, ..coupon(CouponKind::Fixed(100), 0) }), ["currency"]);
        assert_eq!(fields(Coupon { usage_limit: Some(0), code: "x".into(), ..coupon(CouponKind::Percent(5), 0) }), ["code", "usage_limit"]);
    }
}
