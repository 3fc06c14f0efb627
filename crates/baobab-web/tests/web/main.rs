//! The web crate's integration tests: the whole router, called in-process.

mod support;

mod accounts;
mod admin;
mod admin_translations;
mod api_read;
mod api_write;
mod cart;
mod catalog_files;
mod content_languages;
mod failover;
mod i18n;
mod i18n_admin;
mod media;
mod ops;
mod payments;
mod security;
mod shop_language;
mod storefront;
