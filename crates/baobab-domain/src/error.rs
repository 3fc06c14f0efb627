//! Validation errors that name the offending field.

use std::fmt;

/// One invalid field: a JSON-path-like name (`variants[0].sku`) and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

/// A validation failure; carries at least one [`FieldError`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    pub errors: Vec<FieldError>,
}

impl ValidationError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        ValidationError { errors: vec![FieldError { field: field.into(), message: message.into() }] }
    }

    /// The first failing field, used as the headline of error responses.
    pub fn field(&self) -> &str {
        self.errors.first().map(|e| e.field.as_str()).unwrap_or("")
    }

    /// One `field: message` line per problem, as forms list them.
    pub fn messages(&self) -> Vec<String> {
        self.errors.iter().map(|e| format!("{}: {}", e.field, e.message)).collect()
    }

    /// Prefixes every field with `prefix` (`sku` → `variants[2].sku`).
    pub fn within(mut self, prefix: &str) -> Self {
        for e in &mut self.errors {
            e.field = if e.field.is_empty() { prefix.to_string() } else { format!("{prefix}.{}", e.field) };
        }
        self
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.messages().join("; "))
    }
}

impl std::error::Error for ValidationError {}

/// Collects field errors while validating a structure, so a client learns every problem at once.
#[derive(Default)]
pub struct Collector {
    errors: Vec<FieldError>,
}

impl Collector {
    pub fn push(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.errors.push(FieldError { field: field.into(), message: message.into() });
    }

    pub fn absorb(&mut self, err: ValidationError) {
        self.errors.extend(err.errors);
    }

    /// Runs `result`, keeping its value or recording its error.
    pub fn check<T>(&mut self, result: Result<T, ValidationError>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.absorb(e);
                None
            }
        }
    }

    pub fn finish(self) -> Result<(), ValidationError> {
        if self.errors.is_empty() { Ok(()) } else { Err(ValidationError { errors: self.errors }) }
    }
}
