//! Upload validation and the variant pipeline: judge the file by its content, check its pixel
//! count from the header before decoding, decode, apply the EXIF orientation, and re-encode every
//! variant from pixels only — so no EXIF, GPS or other metadata, and nothing smuggled after the
//! image data, survives into a served file.

use std::io::Cursor;

use fast_image_resize::{FilterType, ResizeAlg, ResizeOptions, Resizer};
use image::codecs::jpeg::JpegEncoder;
use image::metadata::Orientation;
use image::{DynamicImage, ExtendedColorType, ImageDecoder, ImageFormat, ImageReader};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::MediaError;

/// Widths of the variants made at upload (never larger than the original).
pub const WIDTHS: &[u32] = &[160, 320, 640, 1280];
/// Width of the tiny placeholder used by the data-saver mode and while images load.
pub const PLACEHOLDER_WIDTH: u32 = 24;
pub const PLACEHOLDER_MAX_BYTES: usize = 1024;
const WEBP_QUALITY: f32 = 72.0;
const JPEG_QUALITY: u8 = 78;

/// Upload limits.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_bytes: usize,
    pub max_pixels: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_bytes: 10 * 1024 * 1024, max_pixels: 40_000_000 }
    }
}

/// The formats accepted for originals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    Jpeg,
    Png,
    Webp,
}

impl SourceFormat {
    fn image_format(self) -> ImageFormat {
        match self {
            SourceFormat::Jpeg => ImageFormat::Jpeg,
            SourceFormat::Png => ImageFormat::Png,
            SourceFormat::Webp => ImageFormat::WebP,
        }
    }

    pub fn ext(self) -> &'static str {
        match self {
            SourceFormat::Jpeg => "jpg",
            SourceFormat::Png => "png",
            SourceFormat::Webp => "webp",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            SourceFormat::Jpeg => "image/jpeg",
            SourceFormat::Png => "image/png",
            SourceFormat::Webp => "image/webp",
        }
    }
}

/// The format of a stored variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OutFormat {
    Webp,
    Jpeg,
}

impl OutFormat {
    pub fn ext(self) -> &'static str {
        match self {
            OutFormat::Webp => "webp",
            OutFormat::Jpeg => "jpg",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            OutFormat::Webp => "image/webp",
            OutFormat::Jpeg => "image/jpeg",
        }
    }

    /// The format a key's extension names.
    pub fn from_ext(ext: &str) -> Option<OutFormat> {
        match ext {
            "webp" => Some(OutFormat::Webp),
            "jpg" => Some(OutFormat::Jpeg),
            _ => None,
        }
    }
}

/// Identifies the image format from the first bytes (magic numbers), ignoring names and
/// declared types.
pub fn sniff(bytes: &[u8]) -> Option<SourceFormat> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(SourceFormat::Jpeg)
    } else if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some(SourceFormat::Png)
    } else if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(SourceFormat::Webp)
    } else {
        None
    }
}

/// SHA-256 of the original, hex: the identity of an image.
pub fn hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// One encoded variant.
#[derive(Debug, Clone)]
pub struct Rendition {
    pub width: u32,
    pub height: u32,
    pub format: OutFormat,
    pub bytes: Vec<u8>,
}

/// The result of processing an upload.
#[derive(Debug, Clone)]
pub struct Processed {
    pub hash: String,
    pub source: SourceFormat,
    /// Dimensions after the EXIF orientation is applied.
    pub width: u32,
    pub height: u32,
    /// Every width in WebP and JPEG, widest first.
    pub renditions: Vec<Rendition>,
    pub placeholder: Rendition,
}

impl Processed {
    /// The variant widths, widest first.
    pub fn widths(&self) -> Vec<u32> {
        let mut w: Vec<u32> = self.renditions.iter().map(|r| r.width).collect();
        w.dedup();
        w
    }
}

/// Checks size, content type and pixel count without decoding the pixels.
pub fn inspect(bytes: &[u8], limits: &Limits) -> Result<(SourceFormat, u32, u32), MediaError> {
    if bytes.len() > limits.max_bytes {
        return Err(MediaError::TooLarge { size: bytes.len(), max: limits.max_bytes });
    }
    let format = sniff(bytes).ok_or(MediaError::Unsupported)?;
    // A PNG's size is at a fixed place in its first chunk: check it before anything else reads on.
    if format == SourceFormat::Png && bytes.len() >= 24 && &bytes[12..16] == b"IHDR" {
        let w = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
        let h = u32::from_be_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]);
        check_pixels(w, h, limits)?;
    }
    if format == SourceFormat::Jpeg && !jpeg_is_complete(bytes) {
        return Err(MediaError::Corrupt("the JPEG is truncated (no end-of-image marker after its last scan)".into()));
    }
    let reader = ImageReader::with_format(Cursor::new(bytes), format.image_format());
    let (width, height) = reader.into_dimensions().map_err(|e| MediaError::Corrupt(e.to_string()))?;
    check_pixels(width, height, limits)?;
    Ok((format, width, height))
}

/// Whether a JPEG has an end-of-image marker after its last start-of-scan. Inside scan data a
/// 0xFF byte is always followed by 0x00 or a restart marker, so 0xFF 0xD9 there is the real end;
/// decoders would otherwise paint a truncated upload grey and accept it.
fn jpeg_is_complete(bytes: &[u8]) -> bool {
    let last_sos = bytes.windows(2).rposition(|w| w == [0xFF, 0xDA]);
    match last_sos {
        Some(i) => bytes[i..].windows(2).any(|w| w == [0xFF, 0xD9]),
        None => false,
    }
}

fn check_pixels(width: u32, height: u32, limits: &Limits) -> Result<(), MediaError> {
    if width == 0 || height == 0 {
        return Err(MediaError::Corrupt("the image has no pixels".into()));
    }
    if width as u64 * height as u64 > limits.max_pixels {
        return Err(MediaError::TooManyPixels { width, height, max: limits.max_pixels });
    }
    Ok(())
}

/// Decodes an original (with its EXIF orientation applied) after the checks of [`inspect`].
pub fn decode(bytes: &[u8], limits: &Limits) -> Result<(SourceFormat, DynamicImage), MediaError> {
    let (format, _, _) = inspect(bytes, limits)?;
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format.image_format());
    let mut lim = image::Limits::default();
    lim.max_alloc = Some(limits.max_pixels.saturating_mul(8).saturating_add(64 * 1024 * 1024));
    reader.limits(lim);
    let mut decoder = reader.into_decoder().map_err(|e| MediaError::Corrupt(e.to_string()))?;
    let (w, h) = decoder.dimensions();
    check_pixels(w, h, limits)?;
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(decoder).map_err(|e| MediaError::Corrupt(e.to_string()))?;
    img.apply_orientation(orientation);
    // 8-bit RGB(A) from here on, whatever the source depth or palette.
    let img = if img.color().has_alpha() { DynamicImage::ImageRgba8(img.into_rgba8()) } else { DynamicImage::ImageRgb8(img.into_rgb8()) };
    Ok((format, img))
}

/// Validates, decodes and renders every variant of an original.
pub fn process(bytes: &[u8], limits: &Limits, widths: &[u32]) -> Result<Processed, MediaError> {
    let (source, img) = decode(bytes, limits)?;
    let (width, height) = (img.width(), img.height());
    let mut targets: Vec<u32> = widths.iter().copied().filter(|w| *w <= width).collect();
    targets.sort_unstable_by(|a, b| b.cmp(a));
    targets.dedup();
    if targets.is_empty() {
        targets.push(width);
    }
    // Widest first, each step resized from the previous one (much cheaper than from the
    // original every time, and just as sharp for halving steps).
    let mut resizer = Resizer::new();
    let mut sized: Vec<DynamicImage> = Vec::with_capacity(targets.len());
    for &t in &targets {
        let src = sized.last().unwrap_or(&img);
        sized.push(resize(&mut resizer, src, t)?);
    }
    let mut renditions = Vec::with_capacity(targets.len() * 2);
    let encoded: Vec<Result<(Rendition, Rendition), MediaError>> = std::thread::scope(|scope| {
        let handles: Vec<_> =
            sized.iter().map(|im| scope.spawn(move || Ok((encode_webp(im, WEBP_QUALITY)?, encode_jpeg(im, JPEG_QUALITY)?)))).collect();
        handles.into_iter().map(|h| h.join().unwrap_or_else(|_| Err(MediaError::Internal("encoder panicked".into())))).collect()
    });
    for pair in encoded {
        let (webp, jpeg) = pair?;
        renditions.push(webp);
        renditions.push(jpeg);
    }
    let smallest = sized.last().unwrap_or(&img);
    let placeholder = placeholder(&mut resizer, smallest)?;
    Ok(Processed { hash: hash(bytes), source, width, height, renditions, placeholder })
}

fn resize(resizer: &mut Resizer, src: &DynamicImage, width: u32) -> Result<DynamicImage, MediaError> {
    if width == src.width() {
        return Ok(src.clone());
    }
    let height = ((src.height() as u64 * width as u64 + src.width() as u64 / 2) / src.width() as u64).max(1) as u32;
    let mut dst = DynamicImage::new(width, height, src.color());
    let opts = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::CatmullRom));
    resizer.resize(src, &mut dst, &opts).map_err(|e| MediaError::Internal(format!("resize: {e}")))?;
    Ok(dst)
}

fn encode_webp(img: &DynamicImage, quality: f32) -> Result<Rendition, MediaError> {
    let (w, h) = (img.width(), img.height());
    let mem = match img {
        DynamicImage::ImageRgba8(buf) => webp::Encoder::from_rgba(buf.as_raw(), w, h).encode(quality),
        DynamicImage::ImageRgb8(buf) => webp::Encoder::from_rgb(buf.as_raw(), w, h).encode(quality),
        other => return Err(MediaError::Internal(format!("unexpected pixel layout {:?}", other.color()))),
    };
    Ok(Rendition { width: w, height: h, format: OutFormat::Webp, bytes: mem.to_vec() })
}

fn encode_jpeg(img: &DynamicImage, quality: u8) -> Result<Rendition, MediaError> {
    let (w, h) = (img.width(), img.height());
    // JPEG has no alpha: transparent areas become white, as on the page.
    let rgb = match img {
        DynamicImage::ImageRgba8(buf) => {
            let mut out = Vec::with_capacity((w * h * 3) as usize);
            for p in buf.pixels() {
                let [r, g, b, a] = p.0;
                let blend = |c: u8| ((c as u32 * a as u32 + 255 * (255 - a as u32) + 127) / 255) as u8;
                out.extend_from_slice(&[blend(r), blend(g), blend(b)]);
            }
            out
        }
        DynamicImage::ImageRgb8(buf) => buf.as_raw().clone(),
        other => return Err(MediaError::Internal(format!("unexpected pixel layout {:?}", other.color()))),
    };
    let mut bytes = Vec::new();
    JpegEncoder::new_with_quality(&mut bytes, quality)
        .encode(&rgb, w, h, ExtendedColorType::Rgb8)
        .map_err(|e| MediaError::Internal(format!("jpeg: {e}")))?;
    Ok(Rendition { width: w, height: h, format: OutFormat::Jpeg, bytes })
}

fn placeholder(resizer: &mut Resizer, img: &DynamicImage) -> Result<Rendition, MediaError> {
    let small = resize(resizer, img, PLACEHOLDER_WIDTH.min(img.width()))?;
    for q in [40.0, 20.0, 5.0] {
        let r = encode_webp(&small, q)?;
        if r.bytes.len() <= PLACEHOLDER_MAX_BYTES {
            return Ok(r);
        }
    }
    let tiny = resize(resizer, &small, 8.min(small.width()))?;
    encode_webp(&tiny, 5.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_content() {
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(SourceFormat::Jpeg));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some(SourceFormat::Png));
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Some(SourceFormat::Webp));
        assert_eq!(sniff(b"GIF89a"), None);
        assert_eq!(sniff(b"<svg onload=alert(1)>"), None);
        assert_eq!(sniff(b""), None);
    }
}
