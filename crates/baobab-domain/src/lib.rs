//! Baobab's domain model: money, catalog, queries and validation.
//!
//! Pure data and rules: no I/O, no async. Every type that crosses the store or HTTP boundary is
//! defined here so both backends and the web layer share one meaning.

pub mod account;
pub mod auth;
pub mod catalog;
pub mod error;
pub mod import;
pub mod media;
pub mod money;
pub mod order;
mod patch;
pub mod payment;
pub mod query;
pub mod redirect;
pub mod search;
pub mod shipping;
pub mod slug;
pub mod totp;
pub mod translation;
pub mod user;

pub use error::{FieldError, ValidationError};
pub use money::{Currency, format_money};
