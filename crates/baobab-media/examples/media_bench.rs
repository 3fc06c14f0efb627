//! Media pipeline benchmark: writes a 4000×3000 photo-like JPEG, then times processing it into
//! all variants (single image, and a batch), and prints the bytes of each variant.
//!
//! `cargo run --release -p baobab-media --example media_bench -- <out-dir> <batch>`

use std::io::Cursor;
use std::time::Instant;

use baobab_media::{Limits, OutFormat, WIDTHS, process};
use image::{DynamicImage, ImageFormat, RgbImage};

/// A product-photo stand-in: a lit object on a soft background, with sensor-like grain.
fn photo(w: u32, h: u32, seed: u32) -> RgbImage {
    let (cx, cy) = (w as f32 * 0.5, h as f32 * 0.55);
    let r = h as f32 * 0.33;
    let mut state = 0x1234_5678u32 ^ seed;
    RgbImage::from_fn(w, h, |x, y| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let grain = (state % 7) as f32 - 3.0;
        let (dx, dy) = (x as f32 - cx, y as f32 - cy);
        let d = (dx * dx + dy * dy).sqrt();
        let bg = 225.0 - 40.0 * (y as f32 / h as f32);
        let (rr, gg, bb) = if d < r {
            let shade = 1.0 - 0.5 * (dx + dy) / (2.0 * r);
            let stripe = if ((x / 40 + y / 40) % 2) == 0 { 1.0 } else { 0.85 };
            (200.0 * shade * stripe, 90.0 * shade * stripe, 30.0 * shade)
        } else {
            let shadow = if d < r * 1.15 && dy > 0.0 { 0.8 } else { 1.0 };
            (bg * shadow, bg * shadow * 0.97, bg * shadow * 0.92)
        };
        let c = |v: f32| (v + grain).clamp(0.0, 255.0) as u8;
        image::Rgb([c(rr), c(gg), c(bb)])
    })
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().unwrap_or_else(|| "/tmp/baobab-media-bench".into()));
    let batch: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(10);
    std::fs::create_dir_all(&dir).unwrap();
    let mut originals = Vec::new();
    for i in 0..batch.max(1) {
        let mut c = Cursor::new(Vec::new());
        DynamicImage::ImageRgb8(photo(4000, 3000, i as u32)).write_to(&mut c, ImageFormat::Jpeg).unwrap();
        let bytes = c.into_inner();
        std::fs::write(dir.join(format!("photo{i}.jpg")), &bytes).unwrap();
        originals.push(bytes);
    }
    let limits = Limits::default();
    // warm-up
    let p = process(&originals[0], &limits, WIDTHS).unwrap();
    let t = Instant::now();
    let runs = 3;
    for _ in 0..runs {
        process(&originals[0], &limits, WIDTHS).unwrap();
    }
    let single = t.elapsed().as_secs_f64() / runs as f64;
    let t = Instant::now();
    for o in &originals {
        process(o, &limits, WIDTHS).unwrap();
    }
    let batch_secs = t.elapsed().as_secs_f64();
    println!("original: 4000x3000 JPEG, {} bytes", originals[0].len());
    println!("baobab single image, all variants: {:.3} s", single);
    println!("baobab batch of {}: {:.2} s = {:.2} images/s", originals.len(), batch_secs, originals.len() as f64 / batch_secs);
    for r in &p.renditions {
        println!("variant {:>4}w {:<4} {:>7} bytes", r.width, r.format.ext(), r.bytes.len());
    }
    println!("variant placeholder webp {:>7} bytes", p.placeholder.bytes.len());
    let webp320 = p.renditions.iter().find(|r| r.width == 320 && r.format == OutFormat::Webp).map(|r| r.bytes.len()).unwrap_or(0);
    println!("RESULT single_s={single:.4} batch_ips={:.3} webp320_bytes={webp320}", originals.len() as f64 / batch_secs);
}
