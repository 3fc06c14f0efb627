//! Import benchmark: writes a Shopify product CSV of ROWS rows (default 100,000; two variants
//! per product, multi-row products as Shopify exports them), then reads it back through
//! `ProductReader` from the file and prints rows per second and the process's peak RSS (VmHWM).
//!
//!   cargo run --release -p baobab-import --example import_bench -- [ROWS] [DIR]

use std::fs::File;
use std::io::{BufWriter, Write};
use std::time::Instant;

use baobab_domain::Currency;
use baobab_import::{Format, ProductReader};

fn vm_hwm_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok()))
        .unwrap_or(0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let rows: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(100_000);
    let dir = args.next().map(std::path::PathBuf::from).unwrap_or_else(std::env::temp_dir);
    let path = dir.join(format!("baobab-import-bench-{}.csv", std::process::id()));

    let mut out = BufWriter::new(File::create(&path)?);
    out.write_all(b"Title,URL handle,Description,Vendor,Product category,Type,Tags,Published on online store,Status,SKU,Option1 name,Option1 value,Price,Compare-at price,Inventory quantity,Weight value (grams),Product image URL,Image position,Image alt text\n")?;
    for r in 0..rows {
        let p = r / 2;
        if r % 2 == 0 {
            writeln!(
                out,
                "Product {p},product-{p},\"<p>Bright, colour-fast cotton wax print number {p}.</p><p>Six yards.</p>\",Adire House,,Fashion > Fabrics,\"Material:Cotton, wax\",TRUE,active,P{p}-S,Size,S,{}.50,{}.00,{},250,https://cdn.example.com/p/{p}.jpg,1,Front of {p}",
                p % 997 + 1,
                p % 997 + 9,
                p % 50
            )?;
        } else {
            writeln!(out, ",product-{p},,,,,,,,P{p}-L,,L,{}.00,,3,300,,,", p % 991 + 1)?;
        }
    }
    out.flush()?;
    drop(out);
    let bytes = std::fs::metadata(&path)?.len();
    let before = vm_hwm_kb();

    let start = Instant::now();
    let reader = ProductReader::new(File::open(&path)?, Format::Auto, Currency::NGN);
    let (mut products, mut variants, mut failed) = (0usize, 0usize, 0usize);
    for item in reader {
        match item {
            Ok(p) => {
                products += 1;
                variants += p.variants.len();
            }
            Err(_) => failed += 1,
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let after = vm_hwm_kb();
    std::fs::remove_file(&path)?;

    println!("file: {rows} rows, {:.1} MB", bytes as f64 / 1e6);
    println!("read: {products} products, {variants} variants, {failed} with problems in {secs:.2} s");
    println!("rows/s: {:.0}", rows as f64 / secs);
    println!("peak RSS (VmHWM): {:.1} MB (before reading: {:.1} MB)", after as f64 / 1024.0, before as f64 / 1024.0);
    println!("RESULT rows={rows} secs={secs:.3} rows_per_s={:.0} vmhwm_kb={after}", rows as f64 / secs);
    if failed > 0 || variants != rows {
        return Err("the generated file did not read back whole".into());
    }
    Ok(())
}
