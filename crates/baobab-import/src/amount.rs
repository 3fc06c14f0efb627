//! Amounts and counts as written in CSV cells, parsed exactly (never through floating point),
//! with messages that say how to write the cell instead.

use baobab_domain::Currency;
use baobab_domain::catalog::{MAX_AMOUNT_MINOR, MAX_STOCK};

/// Formats minor units as the plain decimal a spreadsheet reads: `1250050` NGN → `12500.50`,
/// `-700` → `-7.00`, `12500` XOF → `12500`.
pub fn format_amount(minor: i64, currency: Currency) -> String {
    let digits = currency.minor_units() as usize;
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    if digits == 0 {
        return format!("{sign}{abs}");
    }
    let per = currency.minor_per_major() as u64;
    format!("{sign}{}.{:0digits$}", abs / per, abs % per)
}

/// Checks the characters of a number cell and explains the usual spreadsheet mistakes.
fn check_number_shape(raw: &str, example: &str) -> Result<(), String> {
    if raw.starts_with('-') && raw[1..].chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') && raw.len() > 1 {
        return Err(format!("\"{raw}\" is negative; it must be 0 or more"));
    }
    if raw.contains([' ', '\u{a0}', '\u{202f}', '\'']) && raw.chars().any(|c| c.is_ascii_digit()) {
        let fixed: String = raw.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'')).collect();
        if fixed.chars().all(|c| c.is_ascii_digit() || c == '.') {
            return Err(format!("\"{raw}\" has a thousands separator; write {fixed}"));
        }
    }
    if !raw.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return Err(format!(
            "\"{raw}\" is not a plain number; write it with digits and a point only, without currency signs or units, e.g. {example}"
        ));
    }
    Ok(())
}

/// The comma mistakes: a decimal comma (`12,50`) or a thousands separator (`1,250.00`).
fn comma_problem(raw: &str, decimals: usize) -> Option<String> {
    if !raw.contains(',') {
        return None;
    }
    if raw.contains('.') {
        return Some(format!("\"{raw}\" has a thousands separator; write {}", raw.replace(',', "")));
    }
    let after = raw.rsplit(',').next().unwrap_or("");
    if raw.matches(',').count() == 1 && !after.is_empty() && after.len() != 3 {
        return Some(format!("\"{raw}\" uses a decimal comma; write {}", raw.replace(',', ".")));
    }
    if after.len() == 3 && decimals != 3 {
        return Some(format!(
            "\"{raw}\" has a comma; write {} (no thousands separator), or use a point for decimals",
            raw.replace(',', "")
        ));
    }
    Some(format!("\"{raw}\" uses a decimal comma; write {}", raw.replace(',', ".")))
}

/// Parses a price in major units (`"12.50"`) into minor units of `currency`.
pub(crate) fn parse_amount(raw: &str, currency: Currency) -> Result<i64, String> {
    let raw = raw.trim();
    let digits = currency.minor_units() as usize;
    let example = format_amount(1250 * currency.minor_per_major() / 100, currency);
    check_number_shape(raw, &example)?;
    if let Some(m) = comma_problem(raw, digits) {
        return Err(m);
    }
    let (int, frac) = raw.split_once('.').unwrap_or((raw, ""));
    if int.is_empty() || frac.contains('.') || (raw.contains('.') && frac.is_empty()) {
        return Err(format!("\"{raw}\" is not a number; write the amount like {example}"));
    }
    if frac.len() > digits {
        return Err(if digits == 0 {
            format!("\"{raw}\" has decimals, but {} has no minor unit; write a whole number", currency.code())
        } else {
            format!("\"{raw}\" has more decimals than {} has ({digits})", currency.code())
        });
    }
    let too_large = || format!("\"{raw}\" is too large (at most {})", format_amount(MAX_AMOUNT_MINOR, currency));
    let major: i64 = int.parse().map_err(|_| too_large())?;
    let mut minor: i64 = if frac.is_empty() { 0 } else { frac.parse().map_err(|_| too_large())? };
    for _ in frac.len()..digits {
        minor *= 10;
    }
    let total = major.checked_mul(currency.minor_per_major()).and_then(|m| m.checked_add(minor)).ok_or_else(too_large)?;
    if total > MAX_AMOUNT_MINOR {
        return Err(too_large());
    }
    Ok(total)
}

/// Parses a stock count: a whole number (a spreadsheet's `12.0` is accepted). Negative counts
/// are returned as they are; the caller decides.
pub(crate) fn parse_count(raw: &str) -> Result<i64, String> {
    let raw = raw.trim();
    let body = raw.strip_prefix('-').unwrap_or(raw);
    check_number_shape(body, "12")?;
    if let Some(m) = comma_problem(body, 0) {
        return Err(m);
    }
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    if int.is_empty() || !frac.chars().all(|c| c == '0') {
        return Err(format!("\"{raw}\" is not a whole number"));
    }
    let n: i64 = int.parse().map_err(|_| format!("\"{raw}\" is too large (at most {MAX_STOCK})"))?;
    if n > MAX_STOCK {
        return Err(format!("\"{raw}\" is too large (at most {MAX_STOCK})"));
    }
    Ok(if raw.starts_with('-') { -n } else { n })
}

/// Parses a weight and converts it to whole grams: `factor_num / factor_den` grams per unit
/// (`1/1` for grams, `1000/1` for kg, `45359237/100000` for lb).
pub(crate) fn parse_grams(raw: &str, factor_num: i128, factor_den: i128) -> Result<i64, String> {
    let raw = raw.trim();
    check_number_shape(raw, "250")?;
    if let Some(m) = comma_problem(raw, 3) {
        return Err(m);
    }
    let (int, frac) = raw.split_once('.').unwrap_or((raw, ""));
    if (int.is_empty() && frac.is_empty()) || frac.contains('.') || frac.len() > 9 || int.len() > 12 {
        return Err(format!("\"{raw}\" is not a weight; write a number like 250"));
    }
    let int: i128 = if int.is_empty() { 0 } else { int.parse().map_err(|_| format!("\"{raw}\" is not a weight"))? };
    let scale = 10i128.pow(frac.len() as u32);
    let frac: i128 = if frac.is_empty() { 0 } else { frac.parse().map_err(|_| format!("\"{raw}\" is not a weight"))? };
    let mantissa = int * scale + frac;
    let den = scale * factor_den;
    let grams = (mantissa * factor_num * 2 + den) / (2 * den); // rounded half up
    i64::try_from(grams).map_err(|_| format!("\"{raw}\" is too large"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(code: &str) -> Currency {
        code.parse().unwrap()
    }

    #[test]
    fn amounts() {
        assert_eq!(parse_amount("12.50", c("NGN")), Ok(1250));
        assert_eq!(parse_amount("12.5", c("NGN")), Ok(1250));
        assert_eq!(parse_amount("12", c("NGN")), Ok(1200));
        assert_eq!(parse_amount("12500", c("XOF")), Ok(12500));
        assert_eq!(parse_amount("12,50", c("NGN")).unwrap_err(), "\"12,50\" uses a decimal comma; write 12.50");
        assert_eq!(parse_amount("1,250.00", c("NGN")).unwrap_err(), "\"1,250.00\" has a thousands separator; write 1250.00");
        assert_eq!(parse_amount("-5.00", c("NGN")).unwrap_err(), "\"-5.00\" is negative; it must be 0 or more");
        assert_eq!(
            parse_amount("₦12.50", c("NGN")).unwrap_err(),
            "\"₦12.50\" is not a plain number; write it with digits and a point only, without currency signs or units, e.g. 12.50"
        );
        assert_eq!(parse_amount("1.5", c("XOF")).unwrap_err(), "\"1.5\" has decimals, but XOF has no minor unit; write a whole number");
        assert_eq!(parse_amount("1.005", c("USD")).unwrap_err(), "\"1.005\" has more decimals than USD has (2)");
        assert!(parse_amount("99999999999999999999", c("USD")).unwrap_err().contains("too large"));
        assert!(parse_amount("1.2.3", c("USD")).unwrap_err().contains("not a number"));
        assert!(parse_amount("12.", c("USD")).is_err());
        assert_eq!(parse_amount("1 250.00", c("USD")).unwrap_err(), "\"1 250.00\" has a thousands separator; write 1250.00");
    }

    #[test]
    fn formats() {
        assert_eq!(format_amount(1_250_050, c("NGN")), "12500.50");
        assert_eq!(format_amount(-700, c("KES")), "-7.00");
        assert_eq!(format_amount(5, c("USD")), "0.05");
        assert_eq!(format_amount(12500, c("XOF")), "12500");
    }

    #[test]
    fn counts_and_weights() {
        assert_eq!(parse_count("12"), Ok(12));
        assert_eq!(parse_count("12.0"), Ok(12));
        assert_eq!(parse_count("-3"), Ok(-3));
        assert!(parse_count("1.5").is_err());
        assert_eq!(parse_grams("0.5", 1000, 1), Ok(500));
        assert_eq!(parse_grams("1", 45_359_237, 100_000), Ok(454));
        assert_eq!(parse_grams("250", 1, 1), Ok(250));
        assert!(parse_grams("heavy", 1, 1).is_err());
    }
}
