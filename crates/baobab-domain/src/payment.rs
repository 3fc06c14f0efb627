//! Payments: how a customer pays for an order, and the attempts made with an online provider.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::Currency;

/// How an order is paid. Stored by its [`PaymentMethod::as_str`] name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethod {
    /// Cash to the courier; staff mark the order paid.
    CashOnDelivery,
    /// A transfer to the shop's account within a deadline; staff mark it paid.
    BankTransfer,
    /// Paystack's hosted page (card, bank, mobile money).
    Paystack,
    /// An M-Pesa STK push to the customer's phone.
    Mpesa,
}

impl PaymentMethod {
    pub const ALL: [PaymentMethod; 4] =
        [PaymentMethod::CashOnDelivery, PaymentMethod::BankTransfer, PaymentMethod::Paystack, PaymentMethod::Mpesa];
    /// The methods the shop settles itself, without a provider.
    pub const OFFLINE: [PaymentMethod; 2] = [PaymentMethod::CashOnDelivery, PaymentMethod::BankTransfer];

    pub fn as_str(self) -> &'static str {
        match self {
            PaymentMethod::CashOnDelivery => "cash_on_delivery",
            PaymentMethod::BankTransfer => "bank_transfer",
            PaymentMethod::Paystack => "paystack",
            PaymentMethod::Mpesa => "mpesa",
        }
    }

    /// What a customer or staff member reads.
    pub fn label(self) -> &'static str {
        match self {
            PaymentMethod::CashOnDelivery => "Cash on delivery",
            PaymentMethod::BankTransfer => "Bank transfer",
            PaymentMethod::Paystack => "Card, bank or mobile money (Paystack)",
            PaymentMethod::Mpesa => "M-Pesa",
        }
    }

    /// Paid through a provider (an attempt is started and confirmed by the provider).
    pub fn is_online(self) -> bool {
        matches!(self, PaymentMethod::Paystack | PaymentMethod::Mpesa)
    }
}

impl fmt::Display for PaymentMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The name is not one of [`PaymentMethod::ALL`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownPaymentMethod(pub String);

impl fmt::Display for UnknownPaymentMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = PaymentMethod::ALL.iter().map(|m| m.as_str()).collect();
        write!(f, "unknown payment method `{}` (valid: {})", self.0.chars().take(40).collect::<String>(), names.join(", "))
    }
}

impl std::error::Error for UnknownPaymentMethod {}

impl FromStr for PaymentMethod {
    type Err = UnknownPaymentMethod;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PaymentMethod::ALL.into_iter().find(|m| m.as_str() == s).ok_or_else(|| UnknownPaymentMethod(s.to_string()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentStatus {
    /// Started; the provider has not confirmed it yet ("payment pending").
    Pending,
    Succeeded,
    Failed,
    /// Money arrived that cannot simply be applied (after the order was cancelled, a different
    /// amount, or the order was already paid): staff decide (refund or re-open). `detail` says why.
    NeedsReview,
}

impl PaymentStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            PaymentStatus::Pending => "pending",
            PaymentStatus::Succeeded => "succeeded",
            PaymentStatus::Failed => "failed",
            PaymentStatus::NeedsReview => "needs_review",
        }
    }

    pub fn parse(s: &str) -> Option<PaymentStatus> {
        [PaymentStatus::Pending, PaymentStatus::Succeeded, PaymentStatus::Failed, PaymentStatus::NeedsReview]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

/// One attempt to pay an order through a provider.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Payment {
    pub id: i64,
    pub order_id: i64,
    /// An online method ([`PaymentMethod::is_online`]).
    pub provider: PaymentMethod,
    /// Ours, sent to the provider; unique per attempt.
    pub reference: String,
    /// The provider's id for the attempt (Paystack access code, M-Pesa CheckoutRequestID).
    pub provider_ref: Option<String>,
    pub amount_minor: i64,
    pub currency: Currency,
    pub status: PaymentStatus,
    pub detail: String,
    /// Where the customer pays (the provider's page), when there is one.
    pub next_url: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct NewPayment {
    pub order_id: i64,
    pub provider: PaymentMethod,
    pub reference: String,
    pub amount_minor: i64,
    pub currency: Currency,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn methods_round_trip_through_their_names() {
        for m in PaymentMethod::ALL {
            assert_eq!(m.as_str().parse::<PaymentMethod>(), Ok(m));
            assert_eq!(serde_json::to_value(m).unwrap(), serde_json::json!(m.as_str()));
        }
        let err = "cheque".parse::<PaymentMethod>().unwrap_err().to_string();
        assert!(err.contains("`cheque`") && err.contains("cash_on_delivery"), "{err}");
        assert!(PaymentMethod::Mpesa.is_online() && !PaymentMethod::BankTransfer.is_online());
    }
}
