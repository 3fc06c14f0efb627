//! `baobab media reprocess`: make every image's variants again from its stored original (after
//! a change of sizes or encoders). Progress is saved after each image, so an interrupted run
//! resumes where it stopped; `--restart` starts from the first image.

use std::io::Write;
use std::time::Instant;

use baobab_domain::media::MediaAsset;
use baobab_media::store::original_key;
use baobab_media::{MediaStore, SourceFormat, WIDTHS};
use baobab_store::Store;

/// Meta key holding the hash of the last image finished by an interrupted run.
pub const CURSOR_KEY: &str = "media_reprocess_cursor";

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub processed: u64,
    pub failed: u64,
    pub objects_written: u64,
    pub resumed: bool,
}

fn source_of(a: &MediaAsset) -> Option<SourceFormat> {
    match a.source.as_str() {
        "jpeg" => Some(SourceFormat::Jpeg),
        "png" => Some(SourceFormat::Png),
        "webp" => Some(SourceFormat::Webp),
        _ => None,
    }
}

/// Runs the reprocessing; `limit` stops after that many images (as an interruption would).
pub async fn run(
    store: &dyn Store,
    media: &MediaStore,
    limits: baobab_media::Limits,
    restart: bool,
    limit: Option<u64>,
    out: &mut dyn Write,
) -> anyhow::Result<Summary> {
    if restart {
        store.delete_meta(CURSOR_KEY).await?;
    }
    let mut cursor = store.meta(CURSOR_KEY).await?;
    let mut summary = Summary { resumed: cursor.is_some(), ..Default::default() };
    let total = store.count_media_assets().await?;
    let started = Instant::now();
    if summary.resumed {
        writeln!(out, "resuming after {}…", &cursor.as_deref().unwrap_or("")[..12.min(cursor.as_deref().unwrap_or("").len())])?;
    }
    let mut seen = 0u64;
    'pages: loop {
        let batch = store.media_assets_after(cursor.as_deref(), 100).await?;
        if batch.is_empty() {
            break;
        }
        for asset in batch {
            if limit.is_some_and(|l| seen >= l) {
                break 'pages;
            }
            seen += 1;
            let result = async {
                let source = source_of(&asset).ok_or_else(|| anyhow::anyhow!("unknown source format {}", asset.source))?;
                let original = media.get(&original_key(&asset.hash, source)).await?;
                let processed =
                    tokio::task::spawn_blocking(move || baobab_media::process(&original, &limits, WIDTHS).map(|p| (p, original))).await??;
                let (p, original) = processed;
                let written = media.store_processed_all(&original, &p).await?;
                let updated = MediaAsset {
                    widths: p.widths().into_iter().map(|w| w as i32).collect(),
                    placeholder: baobab_web::api::data_uri(&p.placeholder.bytes),
                    width: p.width as i32,
                    height: p.height as i32,
                    ..asset.clone()
                };
                store.upsert_media_asset(&updated).await?;
                anyhow::Ok(written)
            }
            .await;
            match result {
                Ok(written) => {
                    summary.processed += 1;
                    summary.objects_written += written as u64;
                }
                Err(e) => {
                    summary.failed += 1;
                    writeln!(out, "\nfailed {}: {e:#}", &asset.hash[..12])?;
                }
            }
            store.set_meta(CURSOR_KEY, &asset.hash).await?;
            cursor = Some(asset.hash.clone());
            let done = summary.processed + summary.failed;
            let width = 30usize;
            let filled = if total == 0 { width } else { (done.min(total) as usize * width) / total as usize };
            write!(out, "\r[{}{}] {done}/{total} images", "#".repeat(filled), "-".repeat(width - filled))?;
            out.flush()?;
        }
    }
    let finished = limit.is_none_or(|l| seen < l) || store.media_assets_after(cursor.as_deref(), 1).await?.is_empty();
    if finished {
        store.delete_meta(CURSOR_KEY).await?;
    }
    writeln!(
        out,
        "\n{} {} images, {} failed, {} objects written, in {:.1} s{}",
        if finished { "reprocessed" } else { "stopped after" },
        summary.processed,
        summary.failed,
        summary.objects_written,
        started.elapsed().as_secs_f64(),
        if finished { "" } else { "; run again to resume" }
    )?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use baobab_media::{Backend, Limits, MediaConfig, Sse};
    use baobab_store::testing::{Backend as Db, TestStore};

    use super::*;

    fn jpeg(w: u32, h: u32) -> Vec<u8> {
        let img = image::RgbImage::from_fn(w, h, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 90]));
        let mut out = Cursor::new(Vec::new());
        image::DynamicImage::ImageRgb8(img).write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
        out.into_inner()
    }

    #[tokio::test]
    async fn reprocesses_resumably_and_reports() {
        let t = TestStore::new(Db::Sqlite).await.unwrap();
        let dir = std::env::temp_dir().join(format!("baobab-reprocess-{}", std::process::id()));
        let media =
            MediaStore::new(&MediaConfig { backend: Backend::Local { dir: dir.clone() }, prefix: String::new(), sse: Sse::None }).unwrap();
        let mut hashes = Vec::new();
        for w in [700, 500, 300] {
            let original = jpeg(w, 200);
            let p = baobab_media::process(&original, &Limits::default(), WIDTHS).unwrap();
            media.store_processed(&original, &p).await.unwrap();
            // recorded as if made with older sizes
            let asset = MediaAsset {
                hash: p.hash.clone(),
                source: "jpeg".into(),
                width: w as i32,
                height: 200,
                bytes: original.len() as i64,
                widths: vec![999],
                placeholder: "data:,".into(),
            };
            t.store.upsert_media_asset(&asset).await.unwrap();
            hashes.push(p.hash);
        }
        let mut out = Vec::new();
        let first = run(t.store.as_ref(), &media, Limits::default(), false, Some(2), &mut out).await.unwrap();
        assert_eq!((first.processed, first.failed, first.resumed), (2, 0, false));
        assert!(t.store.meta(CURSOR_KEY).await.unwrap().is_some(), "progress saved");
        let text = String::from_utf8_lossy(&out).to_string();
        assert!(text.contains("2/3 images") && text.contains("stopped after 2 images") && text.contains("run again to resume"), "{text}");

        let mut out = Vec::new();
        let second = run(t.store.as_ref(), &media, Limits::default(), false, None, &mut out).await.unwrap();
        assert_eq!((second.processed, second.resumed), (1, true), "resumes with the remaining image");
        assert!(String::from_utf8_lossy(&out).contains("reprocessed 1 images"));
        assert!(t.store.meta(CURSOR_KEY).await.unwrap().is_none(), "finished: cursor cleared");
        for h in &hashes {
            let a = t.store.media_asset(h).await.unwrap().unwrap();
            assert!(!a.widths.contains(&999) && a.placeholder.starts_with("data:image/webp;base64,"), "{a:?}");
        }

        // a lost original is reported and the run goes on
        media.delete(&original_key(&hashes[0], SourceFormat::Jpeg)).await.unwrap();
        let mut out = Vec::new();
        let third = run(t.store.as_ref(), &media, Limits::default(), true, None, &mut out).await.unwrap();
        assert_eq!((third.processed, third.failed), (2, 1));
        assert!(String::from_utf8_lossy(&out).contains("failed"));
        let _ = std::fs::remove_dir_all(dir);
    }
}
