//! Product media. Every variant an image will ever be served as is made once, at upload:
//! widths 160, 320, 640 and 1280 (never upscaled) as lossy WebP with a JPEG fallback, plus a
//! tiny placeholder. Files are stored under content-addressed keys
//! (`media/<sha256-prefix>/<width>.<ext>`), so a URL never changes meaning and can be cached
//! forever by browsers and the CDN.

pub mod error;
pub mod pipeline;
pub mod store;

pub use error::MediaError;
pub use pipeline::{Limits, OutFormat, Processed, Rendition, SourceFormat, WIDTHS, process};
pub use store::{Backend, MediaConfig, MediaStore, Sse};
