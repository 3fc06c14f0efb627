//! Property test of the upload path (cargo-fuzz needs a nightly toolchain, which the build
//! machines do not have): thousands of mutated JPEG, PNG and WebP files — bit flips, byte
//! overwrites, truncations, duplicated and spliced chunks, forged dimensions — must each be
//! either processed into decodable variants or refused with a 4xx error. Never a panic, a
//! 500, or an upscaled variant.
//!
//! `BAOBAB_FUZZ_ITERS` sets the number of cases (default 300); `BAOBAB_FUZZ_SEED` the seed.

use std::io::Cursor;

use baobab_media::{Limits, MediaError, process};
use image::{DynamicImage, ImageFormat, RgbImage, RgbaImage};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn seeds() -> Vec<Vec<u8>> {
    let rgb = RgbImage::from_fn(96, 64, |x, y| image::Rgb([(x * 3) as u8, (y * 4) as u8, (x ^ y) as u8]));
    let rgba = RgbaImage::from_fn(40, 70, |x, y| image::Rgba([(x * 6) as u8, 30, (y * 3) as u8, (x * y % 256) as u8]));
    let mut out = Vec::new();
    for (img, fmt) in [
        (DynamicImage::ImageRgb8(rgb.clone()), ImageFormat::Jpeg),
        (DynamicImage::ImageRgb8(rgb), ImageFormat::Png),
        (DynamicImage::ImageRgba8(rgba.clone()), ImageFormat::Png),
        (DynamicImage::ImageRgba8(rgba), ImageFormat::WebP),
    ] {
        let mut c = Cursor::new(Vec::new());
        img.write_to(&mut c, fmt).unwrap();
        out.push(c.into_inner());
    }
    out
}

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut b = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        if b.is_empty() {
            break;
        }
        match rng.below(7) {
            0 => {
                let i = rng.below(b.len());
                b[i] ^= 1 << rng.below(8);
            }
            1 => {
                let i = rng.below(b.len());
                b[i] = rng.next() as u8;
            }
            2 => {
                let n = rng.below(b.len());
                b.truncate(n.max(1));
            }
            3 => {
                let i = rng.below(b.len());
                let n = rng.below(64).min(b.len() - i);
                let chunk = b[i..i + n].to_vec();
                let at = rng.below(b.len());
                b.splice(at..at, chunk);
            }
            4 => {
                // forge big dimensions where headers keep them
                let i = 16 + rng.below(16);
                if i + 4 <= b.len() {
                    b[i..i + 4].copy_from_slice(&(rng.next() as u32).to_be_bytes());
                }
            }
            5 => {
                let i = rng.below(b.len());
                let n = rng.below(32).min(b.len() - i);
                b.drain(i..i + n);
            }
            _ => {
                let extra: Vec<u8> = (0..rng.below(200)).map(|_| rng.next() as u8).collect();
                b.extend_from_slice(&extra);
            }
        }
    }
    b
}

#[test]
fn mutated_uploads_are_processed_or_refused_never_crash() {
    let iters: usize = std::env::var("BAOBAB_FUZZ_ITERS").ok().and_then(|v| v.parse().ok()).unwrap_or(300);
    let seed: u64 = std::env::var("BAOBAB_FUZZ_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(0x9E37_79B9_7F4A_7C15);
    let mut rng = Rng(seed | 1);
    let seeds = seeds();
    let limits = Limits { max_bytes: 1 << 20, max_pixels: 2_000_000 };
    let (mut ok, mut refused) = (0usize, [0usize; 3]);
    let started = std::time::Instant::now();
    for n in 0..iters {
        let base = &seeds[n % seeds.len()];
        let input = mutate(&mut rng, base);
        match process(&input, &limits, &[160, 320]) {
            Ok(p) => {
                ok += 1;
                for r in &p.renditions {
                    assert!(r.width <= p.width.max(1), "case {n}: no upscaling");
                    image::load_from_memory(&r.bytes).unwrap_or_else(|e| panic!("case {n}: variant does not decode: {e}"));
                }
            }
            Err(
                e @ (MediaError::TooLarge { .. } | MediaError::Unsupported | MediaError::TooManyPixels { .. } | MediaError::Corrupt(_)),
            ) => {
                refused[match e.status() {
                    415 => 0,
                    413 => 1,
                    _ => 2,
                }] += 1;
            }
            Err(other) => panic!("case {n}: a bad upload must be a 4xx, got {other:?} (status {})", other.status()),
        }
    }
    println!(
        "mutation test: {iters} cases in {:.1} s: {ok} processed, {} refused 415, {} refused 413, {} refused 422",
        started.elapsed().as_secs_f64(),
        refused[0],
        refused[1],
        refused[2]
    );
    assert!(ok > 0 && refused[2] > 0, "the mutations reach both outcomes");
}
