//! Money: integer minor units with an ISO 4217 currency. Never floating point.

use std::fmt;
use std::str::FromStr;

/// How one currency is written and how many minor units it has (ISO 4217).
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct CurrencyInfo {
    pub code: &'static str,
    pub name: &'static str,
    /// Digits after the decimal separator (ISO 4217 minor units).
    pub minor_units: u8,
    pub symbol: &'static str,
    /// Symbol written after the amount (`12 500 F CFA`) instead of before (`₦12,500.00`).
    pub symbol_after: bool,
    /// A space between symbol and amount.
    pub spaced: bool,
    pub group: &'static str,
    pub decimal: &'static str,
}

const NBSP: &str = "\u{a0}";

/// The currencies Baobab prices in: the shops' African markets plus USD.
pub static CURRENCIES: &[CurrencyInfo] = &[
    CurrencyInfo {
        code: "NGN",
        name: "Nigerian naira",
        minor_units: 2,
        symbol: "₦",
        symbol_after: false,
        spaced: false,
        group: ",",
        decimal: ".",
    },
    CurrencyInfo {
        code: "KES",
        name: "Kenyan shilling",
        minor_units: 2,
        symbol: "KSh",
        symbol_after: false,
        spaced: true,
        group: ",",
        decimal: ".",
    },
    CurrencyInfo {
        code: "ZAR",
        name: "South African rand",
        minor_units: 2,
        symbol: "R",
        symbol_after: false,
        spaced: false,
        group: NBSP,
        decimal: ",",
    },
    CurrencyInfo {
        code: "GHS",
        name: "Ghanaian cedi",
        minor_units: 2,
        symbol: "GH₵",
        symbol_after: false,
        spaced: false,
        group: ",",
        decimal: ".",
    },
    CurrencyInfo {
        code: "EGP",
        name: "Egyptian pound",
        minor_units: 2,
        symbol: "E£",
        symbol_after: false,
        spaced: false,
        group: ",",
        decimal: ".",
    },
    CurrencyInfo {
        code: "USD",
        name: "US dollar",
        minor_units: 2,
        symbol: "US$",
        symbol_after: false,
        spaced: false,
        group: ",",
        decimal: ".",
    },
    CurrencyInfo {
        code: "XOF",
        name: "West African CFA franc",
        minor_units: 0,
        symbol: "F CFA",
        symbol_after: true,
        spaced: true,
        group: NBSP,
        decimal: ",",
    },
    CurrencyInfo {
        code: "XAF",
        name: "Central African CFA franc",
        minor_units: 0,
        symbol: "FCFA",
        symbol_after: true,
        spaced: true,
        group: NBSP,
        decimal: ",",
    },
    CurrencyInfo {
        code: "UGX",
        name: "Ugandan shilling",
        minor_units: 0,
        symbol: "USh",
        symbol_after: false,
        spaced: true,
        group: ",",
        decimal: ".",
    },
    CurrencyInfo {
        code: "TZS",
        name: "Tanzanian shilling",
        minor_units: 2,
        symbol: "TSh",
        symbol_after: false,
        spaced: true,
        group: ",",
        decimal: ".",
    },
    CurrencyInfo {
        code: "RWF",
        name: "Rwandan franc",
        minor_units: 0,
        symbol: "RF",
        symbol_after: false,
        spaced: true,
        group: ",",
        decimal: ".",
    },
    CurrencyInfo {
        code: "ETB",
        name: "Ethiopian birr",
        minor_units: 2,
        symbol: "Br",
        symbol_after: false,
        spaced: false,
        group: ",",
        decimal: ".",
    },
];

/// A supported ISO 4217 currency. Only values from [`CURRENCIES`] can exist.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Currency(&'static CurrencyInfo);

impl Currency {
    pub const NGN: Currency = Currency(&CURRENCIES[0]);
    pub const KES: Currency = Currency(&CURRENCIES[1]);
    pub const ZAR: Currency = Currency(&CURRENCIES[2]);
    pub const GHS: Currency = Currency(&CURRENCIES[3]);
    pub const EGP: Currency = Currency(&CURRENCIES[4]);
    pub const USD: Currency = Currency(&CURRENCIES[5]);

    pub fn code(self) -> &'static str {
        self.0.code
    }

    pub fn info(self) -> &'static CurrencyInfo {
        self.0
    }

    pub fn minor_units(self) -> u8 {
        self.0.minor_units
    }

    /// 10^minor_units: how many minor units make one major unit.
    pub fn minor_per_major(self) -> i64 {
        10i64.pow(self.0.minor_units as u32)
    }

    pub fn all() -> impl Iterator<Item = Currency> {
        CURRENCIES.iter().map(Currency)
    }
}

impl PartialOrd for Currency {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Currency {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.code().cmp(other.code())
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CurrencyError {
    #[error("`{0}` is not an ISO 4217 currency code (three capital letters, e.g. NGN)")]
    Malformed(String),
    #[error("currency `{0}` is not supported (supported: {list})", list = supported_list())]
    Unsupported(String),
}

fn supported_list() -> String {
    CURRENCIES.iter().map(|c| c.code).collect::<Vec<_>>().join(", ")
}

impl FromStr for Currency {
    type Err = CurrencyError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.len() != 3 || !s.bytes().all(|b| b.is_ascii_uppercase()) {
            let shown: String = s.chars().take(16).collect();
            return Err(CurrencyError::Malformed(shown));
        }
        CURRENCIES.iter().find(|c| c.code == s).map(Currency).ok_or_else(|| CurrencyError::Unsupported(s.to_string()))
    }
}

impl serde::Serialize for Currency {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> serde::Deserialize<'de> for Currency {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Currency {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .enum_values(Some(CURRENCIES.iter().map(|c| c.code)))
            .description(Some("ISO 4217 currency code"))
            .into()
    }
}
#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Currency {}

/// Formats an amount in minor units the way shoppers of that currency read prices:
/// `₦12,500.00`, `KSh 1,250.00`, `R1 250,00`, `12 500 F CFA`.
pub fn format_money(amount_minor: i64, currency: Currency) -> String {
    let info = currency.info();
    let per = currency.minor_per_major();
    let neg = amount_minor < 0;
    let abs = amount_minor.unsigned_abs();
    let major = abs / per as u64;
    let minor = abs % per as u64;
    let digits = major.to_string();
    let mut grouped = String::with_capacity(digits.len() + 8);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push_str(info.group);
        }
        grouped.push(ch);
    }
    if info.minor_units > 0 {
        grouped.push_str(info.decimal);
        grouped.push_str(&format!("{:0width$}", minor, width = info.minor_units as usize));
    }
    let sep = if info.spaced { NBSP } else { "" };
    let sign = if neg { "-" } else { "" };
    if info.symbol_after { format!("{sign}{grouped}{sep}{}", info.symbol) } else { format!("{sign}{}{sep}{grouped}", info.symbol) }
}

/// Parses a decimal amount in major units (`"1250.50"`) into minor units, exactly.
pub fn parse_major(s: &str, currency: Currency) -> Option<i64> {
    let s = s.trim();
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, f),
        None => (s, ""),
    };
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if frac.len() > currency.minor_units() as usize {
        return None;
    }
    let major: i64 = int.parse().ok()?;
    let mut minor: i64 = if frac.is_empty() { 0 } else { frac.parse().ok()? };
    for _ in frac.len()..currency.minor_units() as usize {
        minor *= 10;
    }
    major.checked_mul(currency.minor_per_major())?.checked_add(minor)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(code: &str) -> Currency {
        code.parse().unwrap()
    }

    #[test]
    fn formats_each_currency_its_own_way() {
        assert_eq!(format_money(1_250_000, c("NGN")), "₦12,500.00");
        assert_eq!(format_money(125_050, c("KES")), "KSh\u{a0}1,250.50");
        assert_eq!(format_money(125_000, c("ZAR")), "R1\u{a0}250,00");
        assert_eq!(format_money(15_000, c("GHS")), "GH₵150.00");
        assert_eq!(format_money(99, c("EGP")), "E£0.99");
        assert_eq!(format_money(123_456_789, c("USD")), "US$1,234,567.89");
        assert_eq!(format_money(12_500, c("XOF")), "12\u{a0}500\u{a0}F CFA");
        assert_eq!(format_money(12_500, c("UGX")), "USh\u{a0}12,500");
        assert_eq!(format_money(-500, c("NGN")), "-₦5.00");
        assert_eq!(format_money(0, c("RWF")), "RF\u{a0}0");
    }

    #[test]
    fn parses_currency_codes_strictly() {
        assert_eq!(c("KES").code(), "KES");
        assert!(matches!("kes".parse::<Currency>(), Err(CurrencyError::Malformed(_))));
        assert!(matches!("NAIRA".parse::<Currency>(), Err(CurrencyError::Malformed(_))));
        assert!(matches!("JPY".parse::<Currency>(), Err(CurrencyError::Unsupported(_))));
        assert_eq!(Currency::all().count(), CURRENCIES.len());
        for info in CURRENCIES {
            assert_eq!(info.code.parse::<Currency>().unwrap().info(), info);
        }
    }

    #[test]
    fn parses_major_amounts_exactly() {
        assert_eq!(parse_major("1250.5", c("KES")), Some(125_050));
        assert_eq!(parse_major("0.07", c("USD")), Some(7));
        assert_eq!(parse_major("12500", c("XOF")), Some(12_500));
        assert_eq!(parse_major("1.5", c("XOF")), None);
        assert_eq!(parse_major("1.005", c("USD")), None);
        assert_eq!(parse_major("-1", c("USD")), None);
        assert_eq!(parse_major("abc", c("USD")), None);
        assert_eq!(parse_major("99999999999999999999", c("USD")), None);
    }

    #[test]
    fn serde_round_trip_and_rejection() {
        let cur: Currency = serde_json::from_str("\"GHS\"").unwrap();
        assert_eq!(serde_json::to_string(&cur).unwrap(), "\"GHS\"");
        let err = serde_json::from_str::<Currency>("\"GHZ\"").unwrap_err().to_string();
        assert!(err.contains("GHZ"), "{err}");
    }
}
