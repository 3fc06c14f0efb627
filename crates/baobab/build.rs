//! Embeds the demo shop's pictures (`demo/images/*.jpg`) in the binary, so a first start seeds
//! a shop with pictures wherever the binary runs.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("demo/images");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).filter(|n| n.ends_with(".jpg")).collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut out = String::from("/// The demo pictures: (file name, bytes).\npub static IMAGES: &[(&str, &[u8])] = &[\n");
    for n in &names {
        let path = dir.join(n);
        writeln!(out, "    ({n:?}, include_bytes!({:?})),", path.display().to_string()).unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("demo_images.rs");
    std::fs::write(dest, out).unwrap();
}
