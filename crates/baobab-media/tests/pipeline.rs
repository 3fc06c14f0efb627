//! The variant pipeline on real images made here: sizes, orientations, alpha, and hostile files.

use std::io::Cursor;

use baobab_media::pipeline::{PLACEHOLDER_MAX_BYTES, decode, inspect, sniff};
use baobab_media::{Limits, MediaError, OutFormat, SourceFormat, WIDTHS, process};
use image::{DynamicImage, ImageFormat, Rgb, RgbImage, Rgba, RgbaImage};

/// A photo-like test image: smooth gradients plus some texture, so encoders work as on photos.
fn photo(w: u32, h: u32) -> RgbImage {
    RgbImage::from_fn(w, h, |x, y| {
        let n = ((x.wrapping_mul(7919) ^ y.wrapping_mul(104729)) % 23) as u8;
        Rgb([(x * 255 / w) as u8 ^ n, (y * 255 / h) as u8, ((x + y) % 256) as u8])
    })
}

fn encode(img: &DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, format).unwrap();
    out.into_inner()
}

fn jpeg(w: u32, h: u32) -> Vec<u8> {
    encode(&DynamicImage::ImageRgb8(photo(w, h)), ImageFormat::Jpeg)
}

/// Inserts an EXIF APP1 segment (orientation + a GPS latitude) right after the JPEG SOI marker.
fn with_exif(jpeg: &[u8], orientation: u16) -> Vec<u8> {
    let mut tiff = vec![b'M', b'M', 0, 42, 0, 0, 0, 8];
    tiff.extend_from_slice(&2u16.to_be_bytes()); // IFD0: two entries
    tiff.extend_from_slice(&[0x01, 0x12, 0, 3, 0, 0, 0, 1]);
    tiff.extend_from_slice(&orientation.to_be_bytes());
    tiff.extend_from_slice(&[0, 0]);
    tiff.extend_from_slice(&[0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 38]); // GPS IFD at 38
    tiff.extend_from_slice(&[0, 0, 0, 0]);
    tiff.extend_from_slice(&1u16.to_be_bytes()); // GPS IFD: GPSLatitudeRef = "N"
    tiff.extend_from_slice(&[0, 1, 0, 2, 0, 0, 0, 2, b'N', 0, 0, 0]);
    tiff.extend_from_slice(&[0, 0, 0, 0]);
    tiff.extend_from_slice(b"GPSSECRETLOCATION");
    let mut seg = vec![0xFF, 0xE1];
    seg.extend_from_slice(&((2 + 6 + tiff.len()) as u16).to_be_bytes());
    seg.extend_from_slice(b"Exif\0\0");
    seg.extend_from_slice(&tiff);
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&seg);
    out.extend_from_slice(&jpeg[2..]);
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// A PNG whose header claims width × height, followed by almost no data.
fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    png.extend_from_slice(&13u32.to_be_bytes());
    png.extend_from_slice(&ihdr);
    png.extend_from_slice(&crc32(&ihdr).to_be_bytes());
    png
}

/// The error of a refused file (without printing a whole accepted image if it was not refused).
fn refused(r: Result<baobab_media::Processed, MediaError>) -> MediaError {
    match r {
        Ok(p) => panic!("accepted: {}×{} {:?}", p.width, p.height, p.source),
        Err(e) => e,
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn makes_every_width_in_webp_and_jpeg_without_upscaling() {
    let original = jpeg(2000, 1500);
    let p = process(&original, &Limits::default(), WIDTHS).unwrap();
    assert_eq!(p.source, SourceFormat::Jpeg);
    assert_eq!((p.width, p.height), (2000, 1500));
    assert_eq!(p.widths(), vec![1280, 640, 320, 160]);
    assert_eq!(p.hash.len(), 64);
    for r in &p.renditions {
        let fmt = if r.format == OutFormat::Webp { ImageFormat::WebP } else { ImageFormat::Jpeg };
        assert_eq!(sniff(&r.bytes).map(|s| s.ext()), Some(r.format.ext()));
        let decoded = image::load_from_memory_with_format(&r.bytes, fmt).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (r.width, r.height));
        assert_eq!(r.height, r.width * 3 / 4, "aspect ratio kept");
    }
    for format in [OutFormat::Webp, OutFormat::Jpeg] {
        let sizes: Vec<usize> = p.renditions.iter().filter(|r| r.format == format).map(|r| r.bytes.len()).collect();
        assert!(sizes.windows(2).all(|w| w[0] > w[1]), "{format:?} sizes fall with width: {sizes:?}");
    }
    assert!(p.placeholder.bytes.len() <= PLACEHOLDER_MAX_BYTES, "placeholder {} B", p.placeholder.bytes.len());
    assert!(p.placeholder.width <= 24);

    let small = encode(&DynamicImage::ImageRgb8(photo(100, 80)), ImageFormat::Png);
    let p = process(&small, &Limits::default(), WIDTHS).unwrap();
    assert_eq!(p.widths(), vec![100], "an image narrower than every width keeps its own");
    let mid = jpeg(700, 700);
    assert_eq!(process(&mid, &Limits::default(), WIDTHS).unwrap().widths(), vec![640, 320, 160]);
}

#[test]
fn applies_exif_orientation_and_strips_all_metadata() {
    // Landscape pixels, left half red and right half blue, stored with "rotate 90° clockwise".
    let img = RgbImage::from_fn(300, 200, |x, _| if x < 150 { Rgb([230, 20, 20]) } else { Rgb([20, 20, 230]) });
    let tagged = with_exif(&encode(&DynamicImage::ImageRgb8(img), ImageFormat::Jpeg), 6);
    assert!(contains(&tagged, b"GPSSECRETLOCATION"));
    let p = process(&tagged, &Limits::default(), WIDTHS).unwrap();
    assert_eq!((p.width, p.height), (200, 300), "shown upright: portrait");
    for r in p.renditions.iter().chain([&p.placeholder]) {
        assert!(!contains(&r.bytes, b"Exif"), "no EXIF in {:?} {}", r.format, r.width);
        assert!(!contains(&r.bytes, b"GPSSECRET"), "no GPS data");
    }
    let top = image::load_from_memory(&p.renditions.iter().find(|r| r.format == OutFormat::Jpeg).unwrap().bytes).unwrap().to_rgb8();
    let px = top.get_pixel(top.width() / 2, 5);
    assert!(px[0] > 150 && px[2] < 100, "the red (left) half is on top after rotation: {px:?}");
}

#[test]
fn png_with_alpha_keeps_it_in_webp_and_flattens_jpeg_on_white() {
    let img = RgbaImage::from_fn(400, 400, |x, _| if x < 200 { Rgba([10, 120, 10, 255]) } else { Rgba([0, 0, 0, 0]) });
    let p = process(&encode(&DynamicImage::ImageRgba8(img), ImageFormat::Png), &Limits::default(), WIDTHS).unwrap();
    assert_eq!(p.source, SourceFormat::Png);
    let webp = p.renditions.iter().find(|r| r.format == OutFormat::Webp && r.width == 320).unwrap();
    let decoded = image::load_from_memory_with_format(&webp.bytes, ImageFormat::WebP).unwrap();
    assert!(decoded.color().has_alpha());
    assert!(decoded.to_rgba8().get_pixel(300, 10)[3] < 10, "transparent stays transparent");
    let jpeg = p.renditions.iter().find(|r| r.format == OutFormat::Jpeg && r.width == 320).unwrap();
    let px = *image::load_from_memory(&jpeg.bytes).unwrap().to_rgb8().get_pixel(300, 10);
    assert!(px.0.iter().all(|c| *c > 235), "transparent becomes white in JPEG: {px:?}");
}

#[test]
fn hostile_and_broken_files_are_refused_with_the_right_error() {
    let limits = Limits::default();
    let gif = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec();
    assert!(matches!(process(&gif, &limits, WIDTHS), Err(MediaError::Unsupported)));
    let svg = b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>".to_vec();
    assert!(matches!(process(&svg, &limits, WIDTHS), Err(MediaError::Unsupported)));
    assert!(matches!(process(&[], &limits, WIDTHS), Err(MediaError::Unsupported)));
    assert_eq!(MediaError::Unsupported.status(), 415);

    let big = jpeg(64, 64);
    let tight = Limits { max_bytes: big.len() - 1, ..limits };
    let e = refused(process(&big, &tight, WIDTHS));
    assert!(matches!(e, MediaError::TooLarge { .. }) && e.status() == 413, "{e:?}");

    // A decompression bomb: the header claims 100,000 × 100,000 pixels. Refused from the header
    // alone, fast, without allocating.
    let bomb = png_claiming(100_000, 100_000);
    let t = std::time::Instant::now();
    let e = refused(process(&bomb, &limits, WIDTHS));
    assert!(matches!(e, MediaError::TooManyPixels { width: 100_000, height: 100_000, .. }) && e.status() == 422, "{e:?}");
    assert!(t.elapsed() < std::time::Duration::from_millis(200));
    assert!(matches!(inspect(&png_claiming(8000, 5001), &limits), Err(MediaError::TooManyPixels { .. })));

    let full = jpeg(800, 600);
    for cut in [full.len() / 2, 200, 20] {
        let e = refused(process(&full[..cut], &limits, WIDTHS));
        assert!(matches!(e, MediaError::Corrupt(_)) && e.status() == 422, "truncated at {cut}: {e:?}");
    }
    let mut garbage = b"\x89PNG\r\n\x1a\n".to_vec();
    garbage.extend_from_slice(&[0x55; 300]);
    assert!(matches!(process(&garbage, &limits, WIDTHS), Err(MediaError::Corrupt(_))));
}

#[test]
fn polyglot_payloads_do_not_survive_re_encoding() {
    // A valid JPEG with an HTML/script payload and a ZIP signature appended.
    let mut poly = jpeg(320, 240);
    poly.extend_from_slice(b"<html><script>alert(document.cookie)</script></html>PK\x03\x04payload");
    let p = process(&poly, &Limits::default(), WIDTHS).unwrap();
    for r in &p.renditions {
        assert!(!contains(&r.bytes, b"<script>"));
        assert!(!contains(&r.bytes, b"PK\x03\x04"));
    }
    // Content decides, not names: a PNG is a PNG whatever it is called.
    let png = encode(&DynamicImage::ImageRgb8(photo(50, 50)), ImageFormat::Png);
    assert_eq!(decode(&png, &Limits::default()).unwrap().0, SourceFormat::Png);
    let webp = encode(&DynamicImage::ImageRgb8(photo(50, 50)), ImageFormat::WebP);
    assert_eq!(process(&webp, &Limits::default(), WIDTHS).unwrap().source, SourceFormat::Webp);
}

#[test]
fn same_bytes_same_hash() {
    let a = jpeg(300, 300);
    let p1 = process(&a, &Limits::default(), WIDTHS).unwrap();
    let p2 = process(&a, &Limits::default(), WIDTHS).unwrap();
    assert_eq!(p1.hash, p2.hash);
    let b = jpeg(301, 300);
    assert_ne!(process(&b, &Limits::default(), WIDTHS).unwrap().hash, p1.hash);
}
