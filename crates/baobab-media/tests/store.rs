//! The media store conformance suite: the same cases on the local filesystem, in memory, and on
//! a real S3-compatible server (SeaweedFS, started by `scripts/test`), where server-side
//! encryption is checked on the stored objects themselves.

use std::io::Cursor;
use std::time::Duration;

use baobab_media::store::{original_key, placeholder_key, variant_key};
use baobab_media::{Backend, Limits, MediaConfig, MediaError, MediaStore, OutFormat, Sse, WIDTHS, process};
use image::{DynamicImage, ImageFormat, RgbImage};

/// The S3-compatible server for tests, from the environment `scripts/test` sets.
struct S3Env {
    endpoint: String,
    bucket: String,
    key: String,
    secret: String,
}

fn s3_env() -> Option<S3Env> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let get = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    match (get("BAOBAB_TEST_S3_ENDPOINT"), get("BAOBAB_TEST_S3_BUCKET"), get("BAOBAB_TEST_S3_ACCESS_KEY"), get("BAOBAB_TEST_S3_SECRET_KEY"))
    {
        (Some(endpoint), Some(bucket), Some(key), Some(secret)) => Some(S3Env { endpoint, bucket, key, secret }),
        _ => {
            assert!(
                std::env::var("BAOBAB_TEST_REQUIRE_S3").as_deref() != Ok("1"),
                "BAOBAB_TEST_REQUIRE_S3=1 but no S3 test server is configured"
            );
            eprintln!("note: no S3 test server configured; skipping an S3 case");
            None
        }
    }
}

fn s3_config(env: &S3Env, prefix: &str, sse: Sse) -> MediaConfig {
    MediaConfig {
        backend: Backend::S3 {
            bucket: env.bucket.clone(),
            region: "us-east-1".into(),
            endpoint: Some(env.endpoint.clone()),
            allow_http: true,
            access_key_id: Some(env.key.clone()),
            secret_access_key: Some(env.secret.clone()),
        },
        prefix: prefix.into(),
        sse,
    }
}

fn unique(tag: &str) -> String {
    let n = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    format!("{tag}-{}-{n}/", std::process::id())
}

fn local_config() -> (MediaConfig, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(unique("baobab-media").trim_end_matches('/'));
    (MediaConfig { backend: Backend::Local { dir: dir.clone() }, prefix: String::new(), sse: Sse::None }, dir)
}

fn image_bytes(w: u32, h: u32) -> Vec<u8> {
    let img = RgbImage::from_fn(w, h, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, ((x * y) % 256) as u8]));
    let mut out = Cursor::new(Vec::new());
    DynamicImage::ImageRgb8(img).write_to(&mut out, ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

/// Every case, against one store.
async fn conformance(store: &MediaStore) {
    // put / get / head / range / exists / delete
    let key = "media/0123456789abcdef/160.webp";
    assert!(!store.exists(key).await.unwrap());
    assert!(matches!(store.get(key).await, Err(MediaError::NotFound)));
    store.put(key, b"RIFF0000WEBPdata-of-an-image".to_vec(), "image/webp").await.unwrap();
    assert!(store.exists(key).await.unwrap());
    assert_eq!(&store.get(key).await.unwrap()[..], b"RIFF0000WEBPdata-of-an-image");
    assert_eq!(store.head(key).await.unwrap().size, 28);
    assert_eq!(&store.get_range(key, 4..8).await.unwrap()[..], b"0000");
    store.delete(key).await.unwrap();
    assert!(!store.exists(key).await.unwrap());
    store.delete(key).await.unwrap(); // deleting twice is fine
    store.check().await.unwrap();

    // a processed upload: every variant stored once; the same image again stores nothing
    let original = image_bytes(700, 500);
    let p = process(&original, &Limits::default(), WIDTHS).unwrap();
    let written = store.store_processed(&original, &p).await.unwrap();
    assert_eq!(written, p.renditions.len() + 2, "variants, placeholder and original");
    for r in &p.renditions {
        let k = variant_key(&p.hash, r.width, r.format);
        assert!(k.starts_with("media/") && k.ends_with(&format!("/{}.{}", r.width, r.format.ext())), "{k}");
        assert_eq!(store.get(&k).await.unwrap().len(), r.bytes.len());
    }
    assert!(store.exists(&placeholder_key(&p.hash)).await.unwrap());
    assert!(store.exists(&original_key(&p.hash, p.source)).await.unwrap());
    assert_eq!(store.store_processed(&original, &p).await.unwrap(), 0, "re-uploading stores nothing twice");
    // an interrupted earlier upload (variants missing, no original) is completed
    store.delete(&variant_key(&p.hash, 320, OutFormat::Jpeg)).await.unwrap();
    store.delete(&original_key(&p.hash, p.source)).await.unwrap();
    assert_eq!(store.store_processed(&original, &p).await.unwrap(), p.renditions.len() + 2);
}

#[tokio::test]
async fn local_filesystem() {
    let (cfg, dir) = local_config();
    let store = MediaStore::new(&cfg).unwrap();
    assert_eq!(store.kind(), "local");
    conformance(&store).await;
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn in_memory() {
    let store = MediaStore::new(&MediaConfig { backend: Backend::Memory, prefix: "shop/".into(), sse: Sse::None }).unwrap();
    conformance(&store).await;
}

#[tokio::test]
async fn local_store_reports_a_missing_directory() {
    let (cfg, dir) = local_config();
    let store = MediaStore::new(&cfg).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::write(&dir, b"not a directory").unwrap();
    let err = store.put("media/aaaaaaaaaaaaaaaa/160.webp", vec![1], "image/webp").await.unwrap_err();
    assert_eq!(err.status(), 503, "{err}");
    let _ = std::fs::remove_file(dir);
}

fn client() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::new()
}

/// A client of our own for the calls the media store does not make (presigned HEAD, bucket policy).
fn raw_s3(env: &S3Env) -> object_store::aws::AmazonS3 {
    object_store::aws::AmazonS3Builder::new()
        .with_bucket_name(&env.bucket)
        .with_region("us-east-1")
        .with_endpoint(&env.endpoint)
        .with_allow_http(true)
        .with_virtual_hosted_style_request(false)
        .with_access_key_id(&env.key)
        .with_secret_access_key(&env.secret)
        .build()
        .unwrap()
}

/// HEAD through a presigned URL, to read the headers object_store does not expose.
async fn raw_head(env: &S3Env, key: &str) -> reqwest::header::HeaderMap {
    use object_store::signer::Signer;
    let s3 = raw_s3(env);
    let url =
        s3.signed_url(object_store::signer::Method::HEAD, &object_store::path::Path::from(key), Duration::from_secs(60)).await.unwrap();
    let res = client().head(url.as_str()).send().await.unwrap();
    assert!(res.status().is_success(), "HEAD {key}: {}", res.status());
    res.headers().clone()
}

#[tokio::test]
async fn s3_with_sse_kms() {
    let Some(env) = s3_env() else { return };
    let prefix = unique("kms");
    let store = MediaStore::new(&s3_config(&env, &prefix, Sse::Kms { key_id: "alias/seaweedfs-default".into() })).unwrap();
    assert_eq!(store.kind(), "s3");
    conformance(&store).await;
    let original = image_bytes(400, 300);
    let p = process(&original, &Limits::default(), WIDTHS).unwrap();
    store.store_processed(&original, &p).await.unwrap();
    let key = format!("{prefix}{}", variant_key(&p.hash, 320, OutFormat::Webp));
    let h = raw_head(&env, &key).await;
    assert_eq!(h.get("x-amz-server-side-encryption").and_then(|v| v.to_str().ok()), Some("aws:kms"), "{h:?}");
    assert_eq!(h.get("content-type").and_then(|v| v.to_str().ok()), Some("image/webp"));
    assert_eq!(h.get("cache-control").and_then(|v| v.to_str().ok()), Some("public, max-age=31536000, immutable"));
}

#[tokio::test]
async fn s3_with_sse_s3() {
    let Some(env) = s3_env() else { return };
    let prefix = unique("aes");
    let store = MediaStore::new(&s3_config(&env, &prefix, Sse::Aes256)).unwrap();
    conformance(&store).await;
    let key = "media/feedfacefeedface/640.jpg";
    store.put(key, image_bytes(64, 48), "image/jpeg").await.unwrap();
    let h = raw_head(&env, &format!("{prefix}{key}")).await;
    assert_eq!(h.get("x-amz-server-side-encryption").and_then(|v| v.to_str().ok()), Some("AES256"), "{h:?}");
    assert_eq!(h.get("content-type").and_then(|v| v.to_str().ok()), Some("image/jpeg"));
}

#[tokio::test]
async fn s3_outage_fails_fast_with_503() {
    // Nothing listens on this port: the store is "down".
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let env = S3Env { endpoint: format!("http://127.0.0.1:{port}"), bucket: "b".into(), key: "k".into(), secret: "s".into() };
    let store = MediaStore::new(&s3_config(&env, "", Sse::Aes256)).unwrap();
    let t = std::time::Instant::now();
    let err = store.put("media/aaaaaaaaaaaaaaaa/160.webp", vec![1, 2, 3], "image/webp").await.unwrap_err();
    assert_eq!(err.status(), 503, "{err}");
    assert!(store.check().await.is_err());
    assert!(t.elapsed() < Duration::from_secs(15), "{:?}", t.elapsed());
}

/// The production bucket refuses unencrypted PUTs; uploads through the store must still work
/// (every PUT carries the configured encryption, and no multipart upload is used).
#[tokio::test]
async fn s3_bucket_policy_denying_unencrypted_puts_does_not_break_uploads() {
    use object_store::signer::{Method, SignedUrlOptions, Signer};
    let Some(env) = s3_env() else { return };
    let s3 = raw_s3(&env);
    let policy = serde_json::json!({
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "DenyUnencryptedObjectUploads",
            "Effect": "Deny",
            "Principal": "*",
            "Action": "s3:PutObject",
            "Resource": format!("arn:aws:s3:::{}/*", env.bucket),
            "Condition": {"Null": {"s3:x-amz-server-side-encryption": "true"}}
        }]
    });
    let opts = SignedUrlOptions::new().with_query([("policy", "")]);
    let url = s3.signed_url_opts(Method::PUT, &object_store::path::Path::from(""), Duration::from_secs(60), &opts).await.unwrap();
    let res = client().put(url.as_str()).body(policy.to_string()).send().await.unwrap();
    let status = res.status();
    assert!(status.is_success(), "PutBucketPolicy: {status} {}", res.text().await.unwrap_or_default());

    // The policy is in force: a PUT without encryption is refused…
    let plain = MediaStore::new(&s3_config(&env, &unique("plain"), Sse::None)).unwrap();
    let refused = plain.put("media/0000000000000000/160.webp", vec![1, 2, 3], "image/webp").await;
    assert!(refused.is_err(), "an unencrypted PUT must be denied by the bucket policy");
    // …while the store's encrypted uploads go through, single PUTs all.
    for sse in [Sse::Kms { key_id: "alias/seaweedfs-default".into() }, Sse::Aes256] {
        let store = MediaStore::new(&s3_config(&env, &unique("policy"), sse)).unwrap();
        let original = image_bytes(1400, 900);
        let p = process(&original, &Limits::default(), WIDTHS).unwrap();
        assert_eq!(store.store_processed(&original, &p).await.unwrap(), p.renditions.len() + 2);
    }
    // Leave the bucket as it was for other tests.
    let url = s3.signed_url_opts(Method::DELETE, &object_store::path::Path::from(""), Duration::from_secs(60), &opts).await.unwrap();
    let _ = client().delete(url.as_str()).send().await;
}
