//! Product media as the catalog records it: processed originals (by SHA-256) and the image
//! references that attach them to products, with their validation.

use serde::{Deserialize, Serialize};

use crate::error::{Collector, ValidationError};

pub const MAX_ALT_LEN: usize = 500;

/// A processed original: its identity, size and the variant widths made from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MediaAsset {
    /// SHA-256 of the original, hex.
    pub hash: String,
    /// `jpeg`, `png` or `webp`.
    pub source: String,
    /// Upright dimensions (EXIF orientation applied).
    pub width: i32,
    pub height: i32,
    /// Size of the original in bytes.
    pub bytes: i64,
    /// Widths of the stored variants (each as WebP and JPEG), widest first.
    pub widths: Vec<i32>,
    /// A tiny WebP placeholder as a `data:` URI (the data-saver image).
    pub placeholder: String,
}

impl MediaAsset {
    /// Height of a variant of `width`, keeping the aspect ratio.
    pub fn height_at(&self, width: i32) -> i32 {
        ((self.height as i64 * width as i64 + self.width as i64 / 2) / self.width.max(1) as i64).max(1) as i32
    }
}

pub fn validate_hash(field: &str, hash: &str) -> Result<(), ValidationError> {
    if hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
        Ok(())
    } else {
        Err(ValidationError::new(field, "must be a SHA-256 in lowercase hex"))
    }
}

fn check_alt(c: &mut Collector, alt: &str) {
    if alt.chars().count() > MAX_ALT_LEN {
        c.push("alt", format!("must be at most {MAX_ALT_LEN} characters"));
    } else if alt.chars().any(char::is_control) {
        c.push("alt", "must not contain control characters");
    }
}

/// Attaches an image to a product: a processed upload (`media_hash`) or an external URL.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewImage {
    pub media_hash: Option<String>,
    pub url: Option<String>,
    #[serde(default)]
    pub alt: String,
    /// Where it goes among the product's images; default: last.
    pub position: Option<i32>,
    /// Show it for this variant (must belong to the product).
    pub variant_id: Option<i64>,
}

impl NewImage {
    pub fn validate(&self) -> Result<(), ValidationError> {
        let mut c = Collector::default();
        match (&self.media_hash, &self.url) {
            (Some(h), None) => {
                c.check(validate_hash("media_hash", h));
            }
            (None, Some(u)) => {
                let ok = (u.starts_with("https://") || u.starts_with('/'))
                    && u.len() <= 2000
                    && !u.chars().any(|ch| ch.is_whitespace() || ch == '"');
                if !ok {
                    c.push("url", "must be an https:// URL or a site path, without spaces or quotes");
                }
            }
            _ => c.push("media_hash", "give exactly one of media_hash and url"),
        }
        check_alt(&mut c, &self.alt);
        if let Some(p) = self.position
            && !(0..=10_000).contains(&p)
        {
            c.push("position", "must be between 0 and 10000");
        }
        c.finish()
    }
}

/// Changes an image's alt text, position or variant.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ImagePatch {
    pub alt: Option<String>,
    pub position: Option<i32>,
    /// `null` detaches it from its variant.
    #[serde(default, deserialize_with = "crate::patch::double_option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub variant_id: Option<Option<i64>>,
}

impl ImagePatch {
    pub fn validate(&self) -> Result<(), ValidationError> {
        let mut c = Collector::default();
        if let Some(a) = &self.alt {
            check_alt(&mut c, a);
        }
        if let Some(p) = self.position
            && !(0..=10_000).contains(&p)
        {
            c.push("position", "must be between 0 and 10000");
        }
        c.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_image_needs_one_source() {
        let h = "a".repeat(64);
        assert!(NewImage { media_hash: Some(h.clone()), ..Default::default() }.validate().is_ok());
        assert!(NewImage { url: Some("https://cdn.example.com/x.jpg".into()), ..Default::default() }.validate().is_ok());
        assert_eq!(NewImage::default().validate().unwrap_err().field(), "media_hash");
        assert_eq!(NewImage { media_hash: Some("xyz".into()), ..Default::default() }.validate().unwrap_err().field(), "media_hash");
        assert_eq!(NewImage { url: Some("javascript:alert(1)".into()), ..Default::default() }.validate().unwrap_err().field(), "url");
        let long = NewImage { media_hash: Some(h), alt: "a".repeat(501), position: Some(-1), ..Default::default() };
        let fields: Vec<String> = long.validate().unwrap_err().errors.into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["alt", "position"]);
    }

    #[test]
    fn heights_keep_the_aspect() {
        let a = MediaAsset {
            hash: String::new(),
            source: "jpeg".into(),
            width: 4000,
            height: 3000,
            bytes: 0,
            widths: vec![],
            placeholder: String::new(),
        };
        assert_eq!(a.height_at(320), 240);
        assert_eq!(a.height_at(1), 1);
    }
}
