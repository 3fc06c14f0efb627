//! What every configuration section shares: secrets that stay out of logs, the error type, and
//! the message naming a bad value and where it came from. The sections (`config`,
//! `config_checkout`) build on this module; it imports none of them.

use std::fmt;

use baobab_store::redact_url;
use figment::Figment;
use serde::{Deserialize, Serialize};

/// A value whose Debug output hides credentials.
#[derive(Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(transparent)]
pub struct Secret(pub String);

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.contains("://") { f.write_str(&redact_url(&self.0)) } else { f.write_str("<redacted>") }
    }
}

#[derive(Debug)]
pub struct ConfigError(pub String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

fn origin(fig: &Figment, key: &str) -> String {
    match fig.find_metadata(key) {
        Some(m) => match &m.source {
            Some(src) => format!(" (from {} {src})", m.name),
            None => format!(" (from {})", m.name),
        },
        None => String::new(),
    }
}

/// The error for `key` holding `value`, with the file, variable or flag it came from.
pub(crate) fn bad(fig: &Figment, key: &str, value: &dyn fmt::Display, why: &str) -> ConfigError {
    ConfigError(format!("invalid value for `{key}`{}: `{value}` {why}", origin(fig, key)))
}
