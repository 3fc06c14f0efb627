//! Staff API roles.

use std::fmt;
use std::str::FromStr;

/// What a staff API token may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Create, update and archive categories, products and variants.
    Catalog,
    /// Manage orders (the order API arrives with checkout); no catalog writes.
    Orders,
}

impl Role {
    pub const ALL: &'static [Role] = &[Role::Catalog, Role::Orders];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Catalog => "catalog",
            Role::Orders => "orders",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL.iter().copied().find(|r| r.as_str() == s).ok_or_else(|| {
            let valid: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
            format!("unknown role `{s}` (valid: {})", valid.join(", "))
        })
    }
}
