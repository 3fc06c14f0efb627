//! Orders out, for accountants: one row per order line.

use std::io::Write;

use baobab_domain::Currency;
use chrono::{DateTime, Utc};

use crate::amount::format_amount;
use crate::export::ExportError;
use crate::text::escape_formula;

/// One line of an order as the export needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderLineRecord {
    pub sku: String,
    pub title: String,
    pub quantity: i64,
    /// In minor units of the order's currency.
    pub unit_price_minor: i64,
}

/// An order as the export needs it: amounts in minor units of `currency`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderRecord {
    /// The order number shoppers and staff see.
    pub number: String,
    pub placed_at: DateTime<Utc>,
    /// The order's status as the shop names it (`paid`, `refunded`…).
    pub status: String,
    pub email: String,
    pub currency: Currency,
    /// How it was paid (`Paystack card`, `Cash on delivery`…).
    pub payment_method: String,
    pub subtotal_minor: i64,
    /// The discount taken off, as a positive amount.
    pub discount_minor: i64,
    pub shipping_minor: i64,
    pub tax_minor: i64,
    pub total_minor: i64,
    pub lines: Vec<OrderLineRecord>,
}

/// The columns written.
pub const ORDER_COLUMNS: &[&str] = &[
    "Order",
    "Date (UTC)",
    "Status",
    "Email",
    "Currency",
    "Payment method",
    "SKU",
    "Item",
    "Quantity",
    "Unit price",
    "Line total",
    "Subtotal",
    "Discount",
    "Shipping",
    "Tax",
    "Total",
];

/// Writes orders one at a time: a row per line; the order's columns on every row, its totals
/// (subtotal, discount, shipping, tax, total) on its first row only, so a column's sum is the
/// sum over orders. Amounts are plain decimals (`12500.50`) in the order's currency.
pub struct OrderWriter<W: Write> {
    csv: csv::Writer<W>,
    rows: u64,
}

impl<W: Write> OrderWriter<W> {
    /// Writes the header row.
    pub fn new(out: W) -> Result<OrderWriter<W>, ExportError> {
        let mut csv = csv::Writer::from_writer(out);
        csv.write_record(ORDER_COLUMNS)?;
        Ok(OrderWriter { csv, rows: 1 })
    }

    /// Rows written so far, the header included.
    pub fn rows(&self) -> u64 {
        self.rows
    }

    pub fn write(&mut self, order: &OrderRecord) -> Result<(), ExportError> {
        let cur = order.currency;
        let money = |m: i64| format_amount(m, cur);
        let date = order.placed_at.format("%Y-%m-%d %H:%M:%S").to_string();
        let empty = OrderLineRecord { sku: String::new(), title: String::new(), quantity: 0, unit_price_minor: 0 };
        let lines: Vec<&OrderLineRecord> = if order.lines.is_empty() { vec![&empty] } else { order.lines.iter().collect() };
        for (i, line) in lines.into_iter().enumerate() {
            let blank_line = order.lines.is_empty();
            let line_total = line.unit_price_minor.checked_mul(line.quantity).ok_or_else(|| ExportError::Unsupported {
                product: line.sku.clone(),
                message: format!("order {}: the line total is too large", order.number),
            })?;
            let text = |s: &str| escape_formula(s).into_owned();
            let totals = |m: i64| if i == 0 { money(m) } else { String::new() };
            let record = [
                text(&order.number),
                date.clone(),
                text(&order.status),
                text(&order.email),
                cur.code().to_string(),
                text(&order.payment_method),
                text(&line.sku),
                text(&line.title),
                if blank_line { String::new() } else { line.quantity.to_string() },
                if blank_line { String::new() } else { money(line.unit_price_minor) },
                if blank_line { String::new() } else { money(line_total) },
                totals(order.subtotal_minor),
                totals(order.discount_minor),
                totals(order.shipping_minor),
                totals(order.tax_minor),
                totals(order.total_minor),
            ];
            self.csv.write_record(&record)?;
            self.rows += 1;
        }
        Ok(())
    }

    /// Flushes and hands the output back.
    pub fn finish(self) -> Result<W, ExportError> {
        self.csv.into_inner().map_err(|e| ExportError::Io(std::io::Error::other(e.to_string())))
    }
}

/// Writes `orders` to `out`.
pub fn write_order_lines<'a, W: Write>(out: W, orders: impl IntoIterator<Item = &'a OrderRecord>) -> Result<W, ExportError> {
    let mut w = OrderWriter::new(out)?;
    for o in orders {
        w.write(o)?;
    }
    w.finish()
}
