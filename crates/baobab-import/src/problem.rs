//! A problem found in an import file, located the way a spreadsheet shows it.

use std::fmt;

/// One problem with an import file: the row as a spreadsheet numbers it (the header is row 1),
/// the column by its header name when the problem belongs to one cell, and a message a shop
/// owner can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based row number as a spreadsheet shows it (row 1 is the header row).
    pub row: u64,
    /// The header of the column at fault, as written in the file.
    pub column: Option<String>,
    pub message: String,
}

impl Problem {
    pub fn new(row: u64, column: Option<&str>, message: impl Into<String>) -> Problem {
        Problem { row, column: column.map(str::to_string), message: message.into() }
    }

    pub fn at_row(row: u64, message: impl Into<String>) -> Problem {
        Problem { row, column: None, message: message.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.column {
            Some(c) => write!(f, "row {}, column \"{}\": {}", self.row, c, self.message),
            None => write!(f, "row {}: {}", self.row, self.message),
        }
    }
}

impl std::error::Error for Problem {}
