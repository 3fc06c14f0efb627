//! Accounts: e-mail addresses, passwords, phone numbers (E.164), postal addresses in African
//! formats (no mandatory postcode), and staff roles with what each may do.

use serde::{Deserialize, Serialize};

use crate::error::{Collector, ValidationError};

pub const MIN_PASSWORD: usize = 10;
pub const MAX_PASSWORD: usize = 128;

/// Normalises and checks an e-mail address, so that two addresses a person reads as the same
/// are one account and an address cannot pass for another:
/// - Unicode NFKC, then lower case: fullwidth `ａｌｉｃｅ` is `alice`;
/// - invisible characters (format characters such as a zero-width space or a direction mark),
///   controls and white space are refused;
/// - the local part and each domain label must each be written in one script (Latin, Arabic,
///   Cyrillic…; digits and punctuation go with any): `аlice` with a Cyrillic `а` is refused;
/// - one `@`, a dotted domain, at most 64 characters before the `@` and 254 in all.
pub fn normalize_email(field: &str, email: &str) -> Result<String, ValidationError> {
    use unicode_normalization::UnicodeNormalization;
    use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
    let e: String = email.trim().nfkc().collect::<String>().to_lowercase();
    let bad = || ValidationError::new(field, "is not an e-mail address");
    if e.len() > 254
        || e.chars().any(|c| {
            c.is_whitespace() || c.is_control() || c.general_category() == GeneralCategory::Format || matches!(c, '<' | '>' | '"' | '\\')
        })
    {
        return Err(bad());
    }
    let (local, domain) = e.split_once('@').ok_or_else(bad)?;
    if local.is_empty()
        || local.len() > 64
        || domain.contains('@')
        || !domain.contains('.')
        || domain.starts_with('.')
        || domain.ends_with('.')
        || domain.contains("..")
    {
        return Err(bad());
    }
    if !one_script(local) || !domain.split('.').all(one_script) {
        return Err(ValidationError::new(field, "mixes letters of different alphabets; write it in one"));
    }
    Ok(e)
}

/// True when every letter of `s` belongs to one script (characters common to all scripts, such
/// as digits, `.`, `-` and `_`, go with any).
fn one_script(s: &str) -> bool {
    use unicode_script::{Script, UnicodeScript};
    let mut seen: Option<Script> = None;
    for c in s.chars() {
        let sc = c.script();
        if matches!(sc, Script::Common | Script::Inherited | Script::Unknown) {
            continue;
        }
        match seen {
            None => seen = Some(sc),
            Some(first) if first != sc => return false,
            Some(_) => {}
        }
    }
    true
}

/// Password rules (NIST SP 800-63B style): long enough, not absurdly long, not the e-mail.
pub fn check_password(field: &str, password: &str, email: &str) -> Result<(), ValidationError> {
    let n = password.chars().count();
    if n < MIN_PASSWORD {
        return Err(ValidationError::new(field, format!("must be at least {MIN_PASSWORD} characters")));
    }
    if n > MAX_PASSWORD {
        return Err(ValidationError::new(field, format!("must be at most {MAX_PASSWORD} characters")));
    }
    let first = password.chars().next().unwrap_or(' ');
    if password.chars().all(|c| c == first) {
        return Err(ValidationError::new(field, "must not be one character repeated"));
    }
    if !email.is_empty() && password.trim().eq_ignore_ascii_case(email.trim()) {
        return Err(ValidationError::new(field, "must not be your e-mail address"));
    }
    Ok(())
}

/// Normalises a phone number to E.164 (`+254712345678`); spaces, dashes, dots and brackets are
/// dropped. A leading `00` becomes `+`.
pub fn normalize_phone(field: &str, phone: &str) -> Result<String, ValidationError> {
    let compact: String = phone.chars().filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')')).collect();
    let compact = compact.strip_prefix("00").map(|r| format!("+{r}")).unwrap_or(compact);
    let digits = compact
        .strip_prefix('+')
        .ok_or_else(|| ValidationError::new(field, "must start with + and the country code, e.g. +234 803 123 4567"))?;
    if !(8..=15).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) || digits.starts_with('0') {
        return Err(ValidationError::new(field, "is not a phone number in international format (E.164)"));
    }
    Ok(compact)
}

/// A delivery address. Many African addresses have no postcode and use landmarks: the second
/// line and the postcode are optional, the region is free text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Address {
    pub name: String,
    pub line1: String,
    #[serde(default)]
    pub line2: String,
    pub city: String,
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub postcode: String,
    /// ISO 3166-1 alpha-2, e.g. NG, KE, ZA.
    pub country: String,
    pub phone: String,
}

impl Address {
    /// The filled-in fields in reading order (name, lines, city, region, postcode, country,
    /// phone), for a one-line summary.
    pub fn parts(&self) -> impl Iterator<Item = &str> {
        [&self.name, &self.line1, &self.line2, &self.city, &self.region, &self.postcode, &self.country, &self.phone]
            .into_iter()
            .map(|s| s.as_str())
            .filter(|s| !s.is_empty())
    }

    /// Validates and normalises (country upper-cased, phone to E.164).
    pub fn validate(&self) -> Result<Address, ValidationError> {
        let mut c = Collector::default();
        for (field, value, required, max) in [
            ("name", &self.name, true, 120),
            ("line1", &self.line1, true, 200),
            ("line2", &self.line2, false, 200),
            ("city", &self.city, true, 100),
            ("region", &self.region, false, 100),
            ("postcode", &self.postcode, false, 20),
        ] {
            if required && value.trim().is_empty() {
                c.push(field, "is required");
            } else if value.chars().count() > max {
                c.push(field, format!("must be at most {max} characters"));
            } else if value.chars().any(char::is_control) {
                c.push(field, "must not contain control characters");
            }
        }
        let country = self.country.trim().to_ascii_uppercase();
        if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
            c.push("country", "must be a two-letter country code (ISO 3166-1), e.g. NG");
        }
        let phone = c.check(normalize_phone("phone", &self.phone));
        c.finish()?;
        Ok(Address {
            name: self.name.trim().into(),
            line1: self.line1.trim().into(),
            line2: self.line2.trim().into(),
            city: self.city.trim().into(),
            region: self.region.trim().into(),
            postcode: self.postcode.trim().into(),
            country,
            phone: phone.unwrap_or_default(),
        })
    }
}

/// What a staff member may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StaffRole {
    /// Everything, including staff and API tokens.
    Owner,
    CatalogManager,
    OrderManager,
    /// Reads customers and orders; changes nothing.
    Support,
}

/// An admin capability, checked on every admin route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    ViewDashboard,
    EditCatalog,
    ManageOrders,
    ViewCustomers,
    EditCustomers,
    ManageStaff,
    ManageTokens,
    ViewAudit,
}

impl StaffRole {
    pub const ALL: &'static [StaffRole] = &[StaffRole::Owner, StaffRole::CatalogManager, StaffRole::OrderManager, StaffRole::Support];

    pub fn as_str(self) -> &'static str {
        match self {
            StaffRole::Owner => "owner",
            StaffRole::CatalogManager => "catalog_manager",
            StaffRole::OrderManager => "order_manager",
            StaffRole::Support => "support",
        }
    }

    pub fn parse(s: &str) -> Result<StaffRole, String> {
        StaffRole::ALL.iter().copied().find(|r| r.as_str() == s).ok_or_else(|| {
            let valid: Vec<&str> = StaffRole::ALL.iter().map(|r| r.as_str()).collect();
            format!("unknown staff role `{}` (valid: {})", s.chars().take(40).collect::<String>(), valid.join(", "))
        })
    }

    pub fn can(self, p: Permission) -> bool {
        use Permission::*;
        match self {
            StaffRole::Owner => true,
            StaffRole::CatalogManager => matches!(p, ViewDashboard | EditCatalog),
            StaffRole::OrderManager => matches!(p, ViewDashboard | ManageOrders | ViewCustomers),
            StaffRole::Support => matches!(p, ViewDashboard | ViewCustomers),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert_eq!(normalize_email("email", "  Ada@Example.COM ").unwrap(), "ada@example.com");
        for bad in ["", "ada", "ada@", "@x.com", "a@b", "a b@c.com", "a@@b.com", "a@b..com", "<a@b.com>"] {
            assert_eq!(normalize_email("email", bad).unwrap_err().field(), "email", "{bad}");
        }
    }

    #[test]
    fn look_alike_emails_are_one_account_or_refused() {
        // Fullwidth letters are the same address once normalised (NFKC).
        assert_eq!(normalize_email("email", "ａｌｉｃｅ@ｅｘａｍｐｌｅ.ｃｏｍ").unwrap(), "alice@example.com");
        assert_eq!(normalize_email("email", "ALICE@EXAMPLE.COM").unwrap(), "alice@example.com");
        // Invisible and control characters are refused, wherever they are.
        for bad in [
            "al\u{200b}ice@example.com",
            "alice\u{200d}@example.com",
            "\u{feff}alice@example.com",
            "alice@exa\u{200c}mple.com",
            "ali\u{ad}ce@example.com",
            "alice\u{202e}@example.com",
            "alice\u{2060}@example.com",
            "ali\u{7}ce@example.com",
        ] {
            assert_eq!(normalize_email("email", bad).unwrap_err().field(), "email", "{bad:?}");
        }
        // A Cyrillic `а` (U+0430) or Greek `ο` among Latin letters: refused, with a reason.
        for mixed in ["\u{430}lice@example.com", "b\u{3bf}b@example.com", "alice@ex\u{430}mple.com"] {
            let e = normalize_email("email", mixed).unwrap_err();
            assert!(e.to_string().contains("alphabets"), "{mixed:?}: {e}");
        }
        // One script throughout is fine, in any script; digits and punctuation go with any.
        assert_eq!(normalize_email("email", "амина.2024@пример.рф").unwrap(), "амина.2024@пример.рф");
        assert_eq!(normalize_email("email", "أمينة@example.com").unwrap(), "أمينة@example.com");
        assert_eq!(normalize_email("email", "o'brien-2_x@mail.example.co.ke").unwrap(), "o'brien-2_x@mail.example.co.ke");
    }

    #[test]
    fn passwords() {
        assert!(check_password("password", "correct horse battery", "a@b.com").is_ok());
        assert!(check_password("password", "short", "").is_err());
        assert!(check_password("password", &"a".repeat(20), "").is_err());
        assert!(check_password("password", &"ab".repeat(100), "").is_err());
        assert!(check_password("password", "ada@example.com", "ada@example.com").is_err());
    }

    #[test]
    fn phones() {
        assert_eq!(normalize_phone("phone", "+254 712-345-678").unwrap(), "+254712345678");
        assert_eq!(normalize_phone("phone", "00234 (803) 123 4567").unwrap(), "+2348031234567");
        for bad in ["0712345678", "+12", "+2547123456789012", "+254abc", "+0254712345678"] {
            assert!(normalize_phone("phone", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn addresses_without_postcode() {
        let a = Address {
            name: "Amina Bello".into(),
            line1: "12 Admiralty Way, opposite the filling station".into(),
            city: "Lekki".into(),
            region: "Lagos".into(),
            country: "ng".into(),
            phone: "+234 803 123 4567".into(),
            ..Default::default()
        };
        let v = a.validate().unwrap();
        assert_eq!((v.country.as_str(), v.phone.as_str(), v.postcode.as_str()), ("NG", "+2348031234567", ""));
        let bad = Address { country: "Nigeria".into(), phone: "0803".into(), ..Default::default() };
        let fields: Vec<String> = bad.validate().unwrap_err().errors.into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["name", "line1", "city", "country", "phone"]);
    }

    #[test]
    fn roles() {
        assert!(StaffRole::Owner.can(Permission::ManageStaff));
        assert!(!StaffRole::Support.can(Permission::EditCustomers));
        assert!(StaffRole::Support.can(Permission::ViewCustomers));
        assert!(!StaffRole::CatalogManager.can(Permission::ManageOrders));
        assert_eq!(StaffRole::parse("order_manager").unwrap(), StaffRole::OrderManager);
        assert!(StaffRole::parse("boss").unwrap_err().contains("owner"));
    }
}
