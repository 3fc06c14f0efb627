//! The media store: one interface over object_store's local filesystem (embedded default), S3
//! (production, with server-side encryption on every PUT) and in-memory (tests) backends.

use std::ops::Range;
use std::path::PathBuf;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use object_store::aws::{AmazonS3Builder, AmazonS3ConfigKey};
use object_store::local::LocalFileSystem;
use object_store::memory::InMemory;
use object_store::path::Path;
use object_store::{
    Attribute, Attributes, BackoffConfig, ClientOptions, ObjectMeta, ObjectStore, ObjectStoreExt, PutOptions, PutPayload, RetryConfig,
};

use crate::MediaError;
use crate::pipeline::{OutFormat, Processed, SourceFormat};

/// Server-side encryption requested on every S3 PUT.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sse {
    None,
    /// SSE-S3 (`AES256`).
    Aes256,
    /// SSE-KMS (`aws:kms`) with this key id or alias, with an S3 bucket key.
    Kms {
        key_id: String,
    },
}

#[derive(Clone, PartialEq, Eq)]
pub enum Backend {
    /// Files under a directory (the embedded default: `<data_dir>/media`).
    Local { dir: PathBuf },
    /// An S3 bucket. Credentials come from the standard AWS chain (environment, instance role)
    /// unless given here (S3-compatible servers in tests).
    S3 {
        bucket: String,
        region: String,
        endpoint: Option<String>,
        allow_http: bool,
        access_key_id: Option<String>,
        secret_access_key: Option<String>,
    },
    /// Process memory (tests).
    Memory,
}

impl std::fmt::Debug for Backend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Backend::Local { dir } => write!(f, "Local({})", dir.display()),
            Backend::S3 { bucket, region, endpoint, .. } => write!(f, "S3({bucket}, {region}, {endpoint:?})"),
            Backend::Memory => f.write_str("Memory"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct MediaConfig {
    pub backend: Backend,
    /// Prepended to every key (`shop-a/` puts objects under `shop-a/media/…`).
    pub prefix: String,
    pub sse: Sse,
}

pub struct MediaStore {
    store: Arc<dyn ObjectStore>,
    prefix: String,
    /// Whether the backend stores Content-Type and Cache-Control with objects (S3, memory);
    /// the local filesystem does not, and the app derives them from the key instead.
    attributes: bool,
    kind: &'static str,
}

/// `Cache-Control` of every variant: content-addressed, so cacheable forever.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

const HASH_PREFIX: usize = 16;

/// Key of a variant: `media/<sha256-prefix>/<width>.<ext>`.
pub fn variant_key(hash: &str, width: u32, format: OutFormat) -> String {
    format!("media/{}/{width}.{}", &hash[..HASH_PREFIX.min(hash.len())], format.ext())
}

/// Key of the tiny placeholder.
pub fn placeholder_key(hash: &str) -> String {
    format!("media/{}/placeholder.webp", &hash[..HASH_PREFIX.min(hash.len())])
}

/// Key of the original: kept (private, never served: it may carry EXIF and GPS data) so
/// variants can be made again when sizes change.
pub fn original_key(hash: &str, source: SourceFormat) -> String {
    format!("originals/{hash}.{}", source.ext())
}

/// The content type a served key has, from its extension.
pub fn content_type_of(key: &str) -> &'static str {
    match key.rsplit('.').next() {
        Some("webp") => "image/webp",
        Some("jpg") | Some("jpeg") => "image/jpeg",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}

fn map_err(e: object_store::Error) -> MediaError {
    match e {
        object_store::Error::NotFound { .. } => MediaError::NotFound,
        other => MediaError::Unavailable(other.to_string()),
    }
}

impl MediaStore {
    pub fn new(config: &MediaConfig) -> Result<MediaStore, MediaError> {
        let (store, attributes, kind): (Arc<dyn ObjectStore>, bool, &'static str) = match &config.backend {
            Backend::Local { dir } => {
                std::fs::create_dir_all(dir).map_err(|e| MediaError::Unavailable(format!("{}: {e}", dir.display())))?;
                let fs = LocalFileSystem::new_with_prefix(dir).map_err(|e| MediaError::Unavailable(e.to_string()))?;
                (Arc::new(fs), false, "local")
            }
            Backend::Memory => (Arc::new(InMemory::new()), true, "memory"),
            Backend::S3 { bucket, region, endpoint, allow_http, access_key_id, secret_access_key } => {
                // reqwest is built without a default TLS provider: use ring, as sqlx does.
                let _ = rustls::crypto::ring::default_provider().install_default();
                let mut b = AmazonS3Builder::from_env().with_bucket_name(bucket).with_region(region);
                if let Some(ep) = endpoint {
                    b = b.with_endpoint(ep).with_virtual_hosted_style_request(false);
                }
                if let (Some(k), Some(s)) = (access_key_id, secret_access_key) {
                    b = b.with_access_key_id(k).with_secret_access_key(s);
                }
                // Short timeouts and few retries: a dead store must fail an upload in seconds
                // (503), not after the default three minutes.
                let client = ClientOptions::new()
                    .with_allow_http(*allow_http)
                    .with_connect_timeout(Duration::from_secs(2))
                    .with_timeout(Duration::from_secs(30));
                let retry = RetryConfig {
                    backoff: BackoffConfig { init_backoff: Duration::from_millis(100), max_backoff: Duration::from_secs(1), base: 2.0 },
                    max_retries: 2,
                    retry_timeout: Duration::from_secs(10),
                };
                b = b.with_client_options(client).with_retry(retry);
                b = match &config.sse {
                    Sse::None => b,
                    Sse::Aes256 => {
                        let key =
                            AmazonS3ConfigKey::from_str("aws_server_side_encryption").map_err(|e| MediaError::Internal(e.to_string()))?;
                        b.with_config(key, "AES256")
                    }
                    Sse::Kms { key_id } => b.with_sse_kms_encryption(key_id).with_bucket_key(true),
                };
                let s3 = b.build().map_err(|e| MediaError::Internal(format!("S3 configuration: {e}")))?;
                (Arc::new(s3), true, "s3")
            }
        };
        Ok(MediaStore { store, prefix: config.prefix.clone(), attributes, kind })
    }

    /// `local`, `s3` or `memory`.
    pub fn kind(&self) -> &'static str {
        self.kind
    }

    fn path(&self, key: &str) -> Result<Path, MediaError> {
        Path::parse(format!("{}{key}", self.prefix)).map_err(|_| MediaError::NotFound)
    }

    /// Stores an object with its Content-Type (and Cache-Control) where the backend keeps them.
    pub async fn put(&self, key: &str, bytes: Vec<u8>, content_type: &str) -> Result<(), MediaError> {
        let path = self.path(key)?;
        let mut opts = PutOptions::default();
        if self.attributes {
            let mut attrs = Attributes::new();
            attrs.insert(Attribute::ContentType, content_type.to_string().into());
            if key.starts_with("media/") {
                attrs.insert(Attribute::CacheControl, IMMUTABLE.into());
            }
            opts.attributes = attrs;
        }
        self.store.put_opts(&path, PutPayload::from(bytes), opts).await.map_err(map_err)?;
        Ok(())
    }

    pub async fn exists(&self, key: &str) -> Result<bool, MediaError> {
        match self.store.head(&self.path(key)?).await {
            Ok(_) => Ok(true),
            Err(object_store::Error::NotFound { .. }) => Ok(false),
            Err(e) => Err(map_err(e)),
        }
    }

    pub async fn head(&self, key: &str) -> Result<ObjectMeta, MediaError> {
        self.store.head(&self.path(key)?).await.map_err(map_err)
    }

    pub async fn get(&self, key: &str) -> Result<Bytes, MediaError> {
        let r = self.store.get(&self.path(key)?).await.map_err(map_err)?;
        r.bytes().await.map_err(map_err)
    }

    pub async fn get_range(&self, key: &str, range: Range<u64>) -> Result<Bytes, MediaError> {
        self.store.get_range(&self.path(key)?, range).await.map_err(map_err)
    }

    pub async fn delete(&self, key: &str) -> Result<(), MediaError> {
        match self.store.delete(&self.path(key)?).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(map_err(e)),
        }
    }

    /// Reachability for /readyz: one bounded listing call.
    pub async fn check(&self) -> Result<(), String> {
        let prefix = Path::parse(format!("{}media", self.prefix)).map_err(|e| e.to_string())?;
        match tokio::time::timeout(Duration::from_secs(3), self.store.list_with_delimiter(Some(&prefix))).await {
            Ok(Ok(_)) => Ok(()),
            Ok(Err(e)) => Err(e.to_string()),
            Err(_) => Err("timed out".into()),
        }
    }

    /// Writes every rendition and the placeholder again (the original is kept as it is):
    /// what reprocessing needs when sizes or encoders change. Returns the objects written.
    pub async fn store_processed_all(&self, original: &[u8], p: &Processed) -> Result<usize, MediaError> {
        let mut written = 0;
        for r in &p.renditions {
            self.put(&variant_key(&p.hash, r.width, r.format), r.bytes.clone(), r.format.content_type()).await?;
            written += 1;
        }
        self.put(&placeholder_key(&p.hash), p.placeholder.bytes.clone(), "image/webp").await?;
        written += 1;
        let orig_key = original_key(&p.hash, p.source);
        if !self.exists(&orig_key).await? {
            self.put(&orig_key, original.to_vec(), p.source.content_type()).await?;
            written += 1;
        }
        Ok(written)
    }

    /// Stores the original and every rendition that is not stored yet (content-addressed keys:
    /// the same image uploaded twice stores nothing the second time). Returns how many objects
    /// were written. Variants go first and the original last, so an original present means a
    /// complete set.
    pub async fn store_processed(&self, original: &[u8], p: &Processed) -> Result<usize, MediaError> {
        let orig_key = original_key(&p.hash, p.source);
        let mut written = 0;
        let mut objects: Vec<(String, &[u8], &str)> =
            p.renditions.iter().map(|r| (variant_key(&p.hash, r.width, r.format), r.bytes.as_slice(), r.format.content_type())).collect();
        objects.push((placeholder_key(&p.hash), p.placeholder.bytes.as_slice(), "image/webp"));
        let complete = self.exists(&orig_key).await?;
        for (key, bytes, ct) in objects {
            if complete && self.exists(&key).await? {
                continue;
            }
            self.put(&key, bytes.to_vec(), ct).await?;
            written += 1;
        }
        if !complete {
            self.put(&orig_key, original.to_vec(), p.source.content_type()).await?;
            written += 1;
        }
        Ok(written)
    }
}
