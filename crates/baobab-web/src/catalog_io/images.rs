//! Pass 3 of an import: each product's images, read from the image folder or fetched from
//! public hosts, processed and attached a few products at a time.

use std::net::IpAddr;
use std::time::Duration;

use baobab_domain::media::NewImage;
use baobab_import::{ImageSource, ImportedProduct, ProductReader};
use baobab_store::{Key, StoreError};

use super::{ImportError, Opener, Report, Request, Stage, progress};
use crate::AppState;

/// Pass 3: process and attach each product's images, skipping those it already has (the same
/// picture, by content hash, or the same URL). Products are done a few at a time (one per core,
/// at most four), each product's images in their order.
pub(super) async fn attach_images(state: &AppState, open: Opener, req: &Request, report: &mut Report) -> Result<(), ImportError> {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<ImportedProduct>(4);
    let options = req.options.clone();
    let reader = tokio::task::spawn_blocking(move || -> Result<(), ImportError> {
        let input = open().map_err(|e| ImportError::Io(e.to_string()))?;
        for p in ProductReader::with_options(input, options).flatten() {
            if !p.images.is_empty() && tx.blocking_send(p).is_err() {
                break;
            }
        }
        Ok(())
    });
    let client = http_client();
    let parallel = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).clamp(1, 4);
    let mut running = tokio::task::JoinSet::new();
    let mut done = 0u64;
    let mut first_error = None;
    let mut finish = |r: Result<Result<ImagesDone, StoreError>, tokio::task::JoinError>, report: &mut Report, done: &mut u64| match r {
        Ok(Ok(d)) => {
            *done += d.seen;
            report.images_added += d.added;
            report.images_already_there += d.already;
            d.warnings.into_iter().for_each(|w| report.warning(w));
            progress(req, Stage::Images, *done, Some(report.images));
        }
        Ok(Err(e)) => {
            first_error.get_or_insert(ImportError::Store(e));
        }
        Err(e) => {
            first_error.get_or_insert(ImportError::Io(format!("an image task stopped: {e}")));
        }
    };
    while let Some(p) = rx.recv().await {
        while running.len() >= parallel {
            if let Some(r) = running.join_next().await {
                finish(r, report, &mut done);
            }
        }
        let (state, client, allow) = (state.clone(), client.clone(), req.allow_private_image_hosts);
        running.spawn(async move { product_images(&state, &client, allow, p).await });
    }
    while let Some(r) = running.join_next().await {
        finish(r, report, &mut done);
    }
    reader.await.map_err(|e| ImportError::Io(format!("the reader stopped: {e}")))??;
    match first_error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// What one product's images came to.
#[derive(Default)]
struct ImagesDone {
    seen: u64,
    added: u64,
    already: u64,
    warnings: Vec<String>,
}

async fn product_images(
    state: &AppState,
    client: &reqwest::Client,
    allow_private: bool,
    p: ImportedProduct,
) -> Result<ImagesDone, StoreError> {
    let mut out = ImagesDone::default();
    let Some(product) = state.store.product(Key::Slug(&p.handle)).await? else { return Ok(out) };
    let hashes: Vec<String> = product.images.iter().filter_map(|i| i.media.as_ref().map(|m| m.hash.clone())).collect();
    for img in &p.images {
        out.seen += 1;
        let variant_id = img.variant_sku.as_ref().and_then(|sku| product.variants.iter().find(|v| &v.sku == sku)).map(|v| v.id);
        let where_ = format!("row {}, image {}", img.row, img.position);
        let bytes = match &img.source {
            ImageSource::LocalFile(path) => match tokio::fs::read(path).await {
                Ok(b) => b,
                Err(e) => {
                    out.warnings.push(format!("{where_}: cannot read {}: {e}", path.display()));
                    continue;
                }
            },
            ImageSource::Url(url) => {
                if product.images.iter().any(|i| i.url == *url) {
                    out.already += 1;
                    continue;
                }
                match fetch(client, url, allow_private, state.settings.media_limits.max_bytes).await {
                    Ok(b) => b,
                    Err(why) => {
                        out.warnings.push(format!("{where_}: {url}: {why}"));
                        continue;
                    }
                }
            }
        };
        if hashes.contains(&baobab_media::pipeline::hash(&bytes)) {
            out.already += 1;
            continue;
        }
        let new = NewImage { media_hash: None, url: None, alt: img.alt.clone(), position: None, variant_id };
        match crate::api::images::attach_upload(state, product.id, bytes, new).await {
            Ok(_) => out.added += 1,
            Err(e) => out.warnings.push(format!("{where_}: {}", e.message)),
        }
    }
    Ok(out)
}

fn http_client() -> reqwest::Client {
    // reqwest is built without a default TLS provider: use ring, as the rest of Baobab does.
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(5))
        .timeout(Duration::from_secs(30))
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .user_agent("baobab-import")
        .build()
        .unwrap_or_default()
}

/// Downloads an image (at most `max_bytes`), refusing addresses inside the network unless
/// allowed; redirects are not followed (they could lead there).
async fn fetch(client: &reqwest::Client, url: &str, allow_private: bool, max_bytes: usize) -> Result<Vec<u8>, String> {
    let parsed = reqwest::Url::parse(url).map_err(|e| format!("not a URL ({e})"))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err("only http and https images can be fetched".into());
    }
    let host = parsed.host_str().ok_or("the URL has no host")?.to_string();
    let port = parsed.port_or_known_default().unwrap_or(443);
    let addrs: Vec<std::net::SocketAddr> =
        tokio::net::lookup_host((host.trim_matches(['[', ']']), port)).await.map_err(|e| format!("cannot resolve {host}: {e}"))?.collect();
    if !allow_private && addrs.iter().any(|a| is_internal(a.ip())) {
        return Err(format!("{host} is an address inside the network; images are fetched only from public hosts"));
    }
    let mut resp = client.get(parsed).send().await.map_err(|e| format!("cannot fetch it ({e})"))?;
    if !resp.status().is_success() {
        return Err(format!("the server answered {}", resp.status()));
    }
    let mut body = Vec::new();
    while let Some(chunk) = resp.chunk().await.map_err(|e| format!("the download broke off ({e})"))? {
        if body.len() + chunk.len() > max_bytes {
            return Err(format!("larger than {} MB", max_bytes / 1_000_000));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// Loopback, private, link-local (cloud metadata), unspecified or other non-public addresses.
fn is_internal(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.octets()[0] == 100 && (v4.octets()[1] & 0xC0) == 64
        }
        IpAddr::V6(v6) => {
            v6.is_loopback()
                || v6.is_unspecified()
                || (v6.segments()[0] & 0xfe00) == 0xfc00
                || (v6.segments()[0] & 0xffc0) == 0xfe80
                || v6.to_ipv4_mapped().is_some_and(|v4| is_internal(IpAddr::V4(v4)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_inside_the_network_are_recognised() {
        for inside in [
            "127.0.0.1",
            "10.1.2.3",
            "192.168.0.10",
            "172.16.5.4",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:10.0.0.1",
        ] {
            assert!(is_internal(inside.parse().unwrap()), "{inside}");
        }
        for outside in ["102.89.1.1", "41.58.0.1", "2c0f:f248::1", "8.8.8.8"] {
            assert!(!is_internal(outside.parse().unwrap()), "{outside}");
        }
    }
}
