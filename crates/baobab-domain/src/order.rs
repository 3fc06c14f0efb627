//! Orders: the lifecycle as an explicit state machine, and the money of a checkout (subtotal,
//! coupon, shipping, tax, total) computed in integer minor units.

use std::fmt;

use serde::{Deserialize, Serialize};

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
    /// Smallest subtotal (minor units) it applies to.
    pub minimum_minor: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "value")]
pub enum CouponKind {
    /// Basis points: 1500 = 15 %.
    Percent(i64),
    /// Minor units off, never below zero.
    Fixed(i64),
}

/// How a zone taxes: VAT rate in basis points, and whether shelf prices already include it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaxRule {
    pub rate_bp: i64,
    pub prices_include_tax: bool,
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

/// Computes the totals: discount on the subtotal, then shipping, then tax on the goods after
/// discount (VAT-inclusive prices: the tax part is extracted, not added).
pub fn totals(subtotal: i64, coupon: Option<&Coupon>, shipping: i64, tax: TaxRule) -> Totals {
    let discount = match coupon {
        Some(c) if subtotal >= c.minimum_minor => match c.kind {
            CouponKind::Percent(bp) => bp_of(subtotal, bp.clamp(0, 10_000)),
            CouponKind::Fixed(v) => v.clamp(0, subtotal),
        },
        _ => 0,
    };
    let goods = subtotal - discount;
    let (tax_amount, total) = if tax.prices_include_tax {
        // tax = goods - goods / (1 + rate)
        let net = ((goods as i128 * 10_000 + (10_000 + tax.rate_bp) as i128 / 2) / (10_000 + tax.rate_bp) as i128) as i64;
        (goods - net, goods + shipping)
    } else {
        let t = bp_of(goods, tax.rate_bp);
        (t, goods + t + shipping)
    };
    Totals { subtotal, discount, shipping, tax: tax_amount, total }
}

#[cfg(test)]
mod tests {
    use super::*;
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
        let ten = Coupon { code: "KARIBU10".into(), kind: CouponKind::Percent(1000), minimum_minor: 500_000 };
        let t = totals(1_000_000, Some(&ten), 30_000, TaxRule { rate_bp: 1600, prices_include_tax: false });
        assert_eq!(t, Totals { subtotal: 1_000_000, discount: 100_000, shipping: 30_000, tax: 144_000, total: 1_074_000 });
        // Nigeria, 7.5 % VAT included in ₦10,750.00 → tax ₦750.00
        let t = totals(1_075_000, None, 0, TaxRule { rate_bp: 750, prices_include_tax: true });
        assert_eq!((t.tax, t.total), (75_000, 1_075_000));
        // below the coupon minimum: no discount; a fixed coupon never goes below zero
        assert_eq!(totals(400_000, Some(&ten), 0, TaxRule { rate_bp: 0, prices_include_tax: true }).discount, 0);
        let big = Coupon { code: "X".into(), kind: CouponKind::Fixed(9_999_999), minimum_minor: 0 };
        assert_eq!(totals(5_000, Some(&big), 1_000, TaxRule { rate_bp: 1500, prices_include_tax: false }).total, 1_000);
    }
}
