//! Configuration: defaults < TOML file (`--config`) < `BAOBAB_*` environment variables
//! (`__` separates sections: `BAOBAB_SHUTDOWN__TIMEOUT_SECONDS`) < command-line flags.
//! Every value is checked before anything is opened or bound; an error names the key, the
//! value and where it came from.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use baobab_domain::Currency;
use baobab_store::{PoolConfig, redact_url};
use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

use crate::config_base::bad;
pub use crate::config_base::{ConfigError, Secret};
use crate::config_checkout::{CheckoutSection, PaymentsSection};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    /// Holds the SQLite file and the media folder of the embedded default.
    pub data_dir: PathBuf,
    /// `postgres://…` for production; empty = `sqlite:<data_dir>/baobab.db`.
    pub database_url: Option<Secret>,
    pub listen: String,
    pub metrics_listen: String,
    /// Seed the demo catalog on first start. Unset: yes on SQLite, no on PostgreSQL.
    pub demo: Option<bool>,
    /// Apply migrations at start. Unset: yes on SQLite, no on PostgreSQL (run `baobab migrate`).
    pub migrate_on_start: Option<bool>,
    pub shop_name: String,
    /// Public base URL for canonical links; unset = `http://<listen>`.
    pub public_url: Option<String>,
    pub default_currency: String,
    /// Send HSTS (set when served over HTTPS).
    pub hsts: bool,
    /// Origin of the CDN serving media, allowed in the Content-Security-Policy.
    pub media_origin: Option<String>,
    /// `json` (default) or `pretty`.
    pub log_format: String,
    /// A tracing filter: `info`, `warn,baobab::access=off`, …
    pub log: String,
    pub database: DatabaseSection,
    pub http: HttpSection,
    pub shutdown: ShutdownSection,
    pub media: MediaSection,
    pub email: EmailSection,
    pub checkout: CheckoutSection,
    pub payments: PaymentsSection,
    pub i18n: I18nSection,
}

/// The shop's own message catalogs.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct I18nSection {
    /// A folder of `<lang>.ftl` files: a shipped language's file overrides its messages, any
    /// other adds a language.
    pub dir: Option<PathBuf>,
    /// The languages the shop offers, its default first, comma-separated (`fr,en,ar`). Unset:
    /// every shipped language (and any added in `dir`), English first.
    pub languages: Option<String>,
}

/// Outgoing e-mail. Without `smtp_url`, messages are written to the log.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmailSection {
    /// `smtp://user:pass@host:587?tls=required`, `smtps://user:pass@host:465` or `smtp://host:25`.
    pub smtp_url: Option<Secret>,
    /// Sender, e.g. `Baobab Market <orders@shop.example.com>`.
    pub from: String,
}

/// Where product media is stored and how it is served.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MediaSection {
    /// `local` (files under `<data_dir>/media`) or `s3`.
    pub backend: String,
    pub bucket: Option<String>,
    pub region: Option<String>,
    /// S3-compatible endpoint (tests, other providers); unset = AWS.
    pub endpoint: Option<String>,
    pub allow_http: bool,
    /// Prepended to every object key (e.g. `shop-a/`).
    pub prefix: String,
    /// S3 server-side encryption on every PUT: `AES256`, `aws:kms` (with `kms_key_id`) or `none`.
    pub sse: String,
    pub kms_key_id: Option<String>,
    /// Base URL of media in pages: `/media` (served by the app) or the CDN, e.g.
    /// `https://d111111abcdef8.cloudfront.net/media`.
    pub public_base_url: String,
    pub max_upload_bytes: usize,
    pub max_pixels: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatabaseSection {
    pub max_connections: u32,
    pub acquire_timeout_ms: u64,
    pub max_lifetime_seconds: u64,
    pub idle_timeout_seconds: u64,
    /// PostgreSQL `statement_timeout` of every connection (0 = the server's).
    pub statement_timeout_ms: u64,
    /// PostgreSQL `lock_timeout` of every connection (0 = the server's).
    pub lock_timeout_ms: u64,
    /// PostgreSQL `idle_in_transaction_session_timeout` of every connection (0 = the server's).
    pub idle_in_transaction_timeout_ms: u64,
    /// A commit waiting this long for a synchronous standby is ended (0 = never).
    pub commit_timeout_ms: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HttpSection {
    pub request_timeout_seconds: u64,
    pub max_body_bytes: usize,
    pub page_max_age_seconds: u32,
    /// Proxies in front that append to X-Forwarded-For (CloudFront + ALB = 2; 0 = none).
    pub trusted_proxies: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShutdownSection {
    /// After SIGTERM, keep serving (with /healthz and /readyz at 503) this long so the load balancer
    /// notices before the listener closes.
    pub drain_seconds: u64,
    /// Then wait at most this long for in-flight requests to finish.
    pub timeout_seconds: u64,
}

impl Default for RawConfig {
    fn default() -> Self {
        RawConfig {
            data_dir: PathBuf::from("./data"),
            database_url: None,
            listen: "127.0.0.1:8080".into(),
            metrics_listen: "127.0.0.1:9090".into(),
            demo: None,
            migrate_on_start: None,
            shop_name: "Baobab Market".into(),
            public_url: None,
            default_currency: "NGN".into(),
            hsts: false,
            media_origin: None,
            log_format: "json".into(),
            log: "info".into(),
            database: DatabaseSection {
                max_connections: 10,
                acquire_timeout_ms: 2_000,
                max_lifetime_seconds: 300,
                idle_timeout_seconds: 60,
                statement_timeout_ms: 5_000,
                lock_timeout_ms: 3_000,
                idle_in_transaction_timeout_ms: 10_000,
                commit_timeout_ms: 2_000,
            },
            http: HttpSection { request_timeout_seconds: 30, max_body_bytes: 256 * 1024, page_max_age_seconds: 60, trusted_proxies: 0 },
            shutdown: ShutdownSection { drain_seconds: 0, timeout_seconds: 20 },
            email: EmailSection { smtp_url: None, from: "Baobab Market <no-reply@localhost>".into() },
            checkout: Default::default(),
            payments: Default::default(),
            i18n: I18nSection::default(),
            media: MediaSection {
                backend: "local".into(),
                bucket: None,
                region: None,
                endpoint: None,
                allow_http: false,
                prefix: String::new(),
                sse: "AES256".into(),
                kms_key_id: None,
                public_base_url: "/media".into(),
                max_upload_bytes: 10 * 1024 * 1024,
                max_pixels: 40_000_000,
            },
        }
    }
}

/// Settings given as command-line flags; they win over file and environment.
#[derive(Debug, Default, Serialize)]
pub struct Overrides {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_dir: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listen: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metrics_listen: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub demo: Option<bool>,
}

/// The checked configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub data_dir: PathBuf,
    pub database_url: Secret,
    pub sqlite: bool,
    pub listen: SocketAddr,
    pub metrics_listen: SocketAddr,
    pub demo: bool,
    pub migrate_on_start: bool,
    pub web: baobab_web::WebSettings,
    pub pool: PoolConfig,
    pub log_format: LogFormat,
    pub log: String,
    pub drain: Duration,
    pub shutdown_timeout: Duration,
    pub media: baobab_media::MediaConfig,
    /// SMTP URL and sender; None = log the messages.
    pub smtp: Option<(Secret, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Json,
    Pretty,
}

pub fn figment(file: Option<&Path>, overrides: &Overrides) -> Figment {
    let mut fig = Figment::from(Serialized::defaults(RawConfig::default()));
    if let Some(f) = file {
        fig = fig.merge(Toml::file_exact(f));
    }
    // BAOBAB_TEST_* variables belong to the test harness, not to the server.
    fig.merge(Env::prefixed("BAOBAB_").split("__").filter(|k| !k.as_str().to_ascii_lowercase().starts_with("test_"))).merge(overrides)
}

impl figment::Provider for &Overrides {
    fn metadata(&self) -> figment::Metadata {
        figment::Metadata::named("command line")
    }

    fn data(&self) -> Result<figment::value::Map<figment::Profile, figment::value::Dict>, figment::Error> {
        Serialized::defaults(*self).data()
    }
}

/// Loads and checks the configuration.
pub fn load(file: Option<&Path>, overrides: &Overrides) -> Result<Config, ConfigError> {
    if let Some(f) = file
        && !f.is_file()
    {
        return Err(ConfigError(format!("config file `{}` does not exist or is not a file", f.display())));
    }
    let fig = figment(file, overrides);
    let raw: RawConfig = fig.extract().map_err(|e| {
        let msgs: Vec<String> = e
            .into_iter()
            .map(|e| {
                let key = e.path.join(".").to_ascii_lowercase();
                let from = match &e.metadata {
                    Some(m) => match &m.source {
                        Some(src) => format!(" (from {} {src})", m.name),
                        None => format!(" (from {})", m.name),
                    },
                    None => String::new(),
                };
                if key.is_empty() { format!("{}{from}", e.kind) } else { format!("invalid value for `{key}`{from}: {}", e.kind) }
            })
            .collect();
        ConfigError(format!("invalid configuration: {}", msgs.join("; ")))
    })?;
    check(&fig, raw)
}

fn check(fig: &Figment, raw: RawConfig) -> Result<Config, ConfigError> {
    let listen: SocketAddr = raw.listen.parse().map_err(|_| bad(fig, "listen", &raw.listen, "is not an address like 127.0.0.1:8080"))?;
    let metrics_listen: SocketAddr =
        raw.metrics_listen.parse().map_err(|_| bad(fig, "metrics_listen", &raw.metrics_listen, "is not an address like 127.0.0.1:9090"))?;
    if listen == metrics_listen && listen.port() != 0 {
        return Err(bad(fig, "metrics_listen", &raw.metrics_listen, "must differ from `listen`"));
    }
    if raw.data_dir.as_os_str().is_empty() {
        return Err(bad(fig, "data_dir", &"", "must not be empty"));
    }
    let url = match raw.database_url.as_ref().map(|s| s.0.trim()).filter(|s| !s.is_empty()) {
        Some(u) => u.to_string(),
        None => format!("sqlite:{}", raw.data_dir.join("baobab.db").display()),
    };
    let sqlite = url.starts_with("sqlite:");
    if !sqlite && !url.starts_with("postgres://") && !url.starts_with("postgresql://") {
        return Err(bad(fig, "database_url", &redact_url(&url), "must start with postgres://, postgresql:// or sqlite:"));
    }
    let default_currency: Currency = raw
        .default_currency
        .parse()
        .map_err(|e: baobab_domain::money::CurrencyError| bad(fig, "default_currency", &raw.default_currency, &e.to_string()))?;
    let public_url = raw.public_url.clone().map(|u| u.trim_end_matches('/').to_string()).unwrap_or_else(|| format!("http://{listen}"));
    if !(public_url.starts_with("http://") || public_url.starts_with("https://")) || public_url.contains(char::is_whitespace) {
        return Err(bad(fig, "public_url", &public_url, "must be an http:// or https:// URL"));
    }
    if let Some(m) = &raw.media_origin
        && (!(m.starts_with("https://") || m.starts_with("http://")) || m.contains(char::is_whitespace) || m.contains(';'))
    {
        return Err(bad(fig, "media_origin", m, "must be an origin like https://d111111abcdef8.cloudfront.net"));
    }
    let log_format = match raw.log_format.as_str() {
        "json" => LogFormat::Json,
        "pretty" => LogFormat::Pretty,
        other => return Err(bad(fig, "log_format", &other, "must be `json` or `pretty`")),
    };
    if tracing_subscriber::EnvFilter::try_new(&raw.log).is_err() {
        return Err(bad(fig, "log", &raw.log, "is not a log filter such as `info` or `warn,baobab=debug`"));
    }
    if raw.shop_name.trim().is_empty() || raw.shop_name.len() > 100 {
        return Err(bad(fig, "shop_name", &raw.shop_name, "must be 1 to 100 characters"));
    }
    let d = &raw.database;
    if !(1..=1000).contains(&d.max_connections) {
        return Err(bad(fig, "database.max_connections", &d.max_connections, "must be between 1 and 1000"));
    }
    if !(100..=60_000).contains(&d.acquire_timeout_ms) {
        return Err(bad(fig, "database.acquire_timeout_ms", &d.acquire_timeout_ms, "must be between 100 and 60000"));
    }
    if !(10..=86_400).contains(&d.max_lifetime_seconds) {
        return Err(bad(fig, "database.max_lifetime_seconds", &d.max_lifetime_seconds, "must be between 10 and 86400"));
    }
    if !(1..=86_400).contains(&d.idle_timeout_seconds) {
        return Err(bad(fig, "database.idle_timeout_seconds", &d.idle_timeout_seconds, "must be between 1 and 86400"));
    }
    for (key, value, min) in [
        ("database.statement_timeout_ms", d.statement_timeout_ms, 100),
        ("database.lock_timeout_ms", d.lock_timeout_ms, 100),
        ("database.idle_in_transaction_timeout_ms", d.idle_in_transaction_timeout_ms, 1_000),
        ("database.commit_timeout_ms", d.commit_timeout_ms, 100),
    ] {
        if value != 0 && !(min..=3_600_000).contains(&value) {
            return Err(bad(fig, key, &value, &format!("must be 0 (off) or between {min} and 3600000")));
        }
    }
    let h = &raw.http;
    if !(1..=600).contains(&h.request_timeout_seconds) {
        return Err(bad(fig, "http.request_timeout_seconds", &h.request_timeout_seconds, "must be between 1 and 600"));
    }
    if !(1024..=64 * 1024 * 1024).contains(&h.max_body_bytes) {
        return Err(bad(fig, "http.max_body_bytes", &h.max_body_bytes, "must be between 1024 and 67108864"));
    }
    if h.trusted_proxies > 5 {
        return Err(bad(fig, "http.trusted_proxies", &h.trusted_proxies, "must be at most 5"));
    }
    if h.page_max_age_seconds > 86_400 {
        return Err(bad(fig, "http.page_max_age_seconds", &h.page_max_age_seconds, "must be at most 86400"));
    }
    let s = &raw.shutdown;
    if s.drain_seconds > 300 {
        return Err(bad(fig, "shutdown.drain_seconds", &s.drain_seconds, "must be at most 300"));
    }
    if !(1..=3_600).contains(&s.timeout_seconds) {
        return Err(bad(fig, "shutdown.timeout_seconds", &s.timeout_seconds, "must be between 1 and 3600"));
    }
    let media = check_media(fig, &raw)?;
    let (checkout, payments) = crate::config_checkout::check(fig, &raw.checkout, &raw.payments)?;
    let smtp = match raw.email.smtp_url.as_ref().map(|u| u.0.trim()).filter(|u| !u.is_empty()) {
        None => None,
        Some(url) => {
            if !(url.starts_with("smtp://") || url.starts_with("smtps://")) {
                return Err(bad(fig, "email.smtp_url", &redact_url(url), "must start with smtp:// or smtps://"));
            }
            if let Err(e) = baobab_web::account::outbox::SmtpMailer::new(url, &raw.email.from) {
                let key = if e.starts_with("from") { "email.from" } else { "email.smtp_url" };
                let value = if key == "email.from" { raw.email.from.clone() } else { redact_url(url) };
                return Err(bad(fig, key, &value, &format!("is not usable: {e}")));
            }
            Some((Secret(url.to_string()), raw.email.from.clone()))
        }
    };
    let languages = shop_languages(fig, raw.i18n.languages.as_deref())?;
    if let Some(dir) = &raw.i18n.dir {
        let shown = dir.display();
        if !dir.is_dir() {
            return Err(bad(fig, "i18n.dir", &shown, "is not a folder"));
        }
        if let Err(e) = baobab_web::i18n::I18n::load(Some(dir), &[]) {
            return Err(bad(fig, "i18n.dir", &shown, &format!("has a catalog that does not load: {e}")));
        }
    }
    if let Err(e) = baobab_web::i18n::I18n::load(raw.i18n.dir.as_deref(), &languages) {
        return Err(bad(fig, "i18n.languages", &raw.i18n.languages.as_deref().unwrap_or_default(), &e));
    }
    let m = &raw.media;
    let media_base = m.public_base_url.trim_end_matches('/').to_string();
    if !(media_base.starts_with('/') || media_base.starts_with("https://") || media_base.starts_with("http://"))
        || media_base.contains(char::is_whitespace)
        || media_base.contains('"')
    {
        return Err(bad(
            fig,
            "media.public_base_url",
            &m.public_base_url,
            "must be a path like /media or a URL like https://cdn.example.com/media",
        ));
    }
    if !(1024..=100 * 1024 * 1024).contains(&m.max_upload_bytes) {
        return Err(bad(fig, "media.max_upload_bytes", &m.max_upload_bytes, "must be between 1024 and 104857600"));
    }
    if !(1..=250_000_000).contains(&m.max_pixels) {
        return Err(bad(fig, "media.max_pixels", &m.max_pixels, "must be between 1 and 250000000"));
    }
    // A CDN serving media must be allowed by the pages' Content-Security-Policy.
    let media_origin = raw.media_origin.clone().or_else(|| {
        media_base.strip_prefix("https://").or_else(|| media_base.strip_prefix("http://")).map(|rest| {
            let scheme = if media_base.starts_with("https://") { "https" } else { "http" };
            format!("{scheme}://{}", rest.split('/').next().unwrap_or(rest))
        })
    });
    Ok(Config {
        smtp,
        media,
        demo: raw.demo.unwrap_or(sqlite),
        migrate_on_start: raw.migrate_on_start.unwrap_or(sqlite),
        data_dir: raw.data_dir.clone(),
        database_url: Secret(url),
        sqlite,
        listen,
        metrics_listen,
        web: baobab_web::WebSettings {
            shop_name: raw.shop_name.trim().to_string(),
            public_url,
            default_currency,
            hsts: raw.hsts,
            media_origin,
            media_base_url: media_base,
            media_limits: baobab_media::Limits { max_bytes: m.max_upload_bytes, max_pixels: m.max_pixels },
            trusted_proxies: h.trusted_proxies,
            api_max_body_bytes: h.max_body_bytes,
            request_timeout: Duration::from_secs(h.request_timeout_seconds),
            page_max_age: h.page_max_age_seconds,
            checkout,
            payments,
            i18n_dir: raw.i18n.dir.clone(),
            i18n_languages: languages,
        },
        pool: PoolConfig {
            max_connections: d.max_connections,
            acquire_timeout: Duration::from_millis(d.acquire_timeout_ms),
            max_lifetime: Duration::from_secs(d.max_lifetime_seconds),
            idle_timeout: Duration::from_secs(d.idle_timeout_seconds),
            statement_timeout: Duration::from_millis(d.statement_timeout_ms),
            lock_timeout: Duration::from_millis(d.lock_timeout_ms),
            idle_in_transaction_timeout: Duration::from_millis(d.idle_in_transaction_timeout_ms),
            commit_timeout: Duration::from_millis(d.commit_timeout_ms),
        },
        log_format,
        log: raw.log.clone(),
        drain: Duration::from_secs(s.drain_seconds),
        shutdown_timeout: Duration::from_secs(s.timeout_seconds),
    })
}

/// `i18n.languages`: comma-separated lower-case language tags, the default first.
fn shop_languages(fig: &Figment, value: Option<&str>) -> Result<Vec<String>, ConfigError> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else { return Ok(Vec::new()) };
    let codes: Vec<String> = value.split(',').map(|c| c.trim().to_string()).collect();
    if let Some(c) = codes.iter().find(|c| !baobab_web::i18n::valid_code(c)) {
        let why = format!(
            "names `{c}`, which is not a lower-case language tag such as fr or pt-br (write the codes comma-separated, the default first: en,fr,ar)"
        );
        return Err(bad(fig, "i18n.languages", &value, &why));
    }
    Ok(codes)
}

fn check_media(fig: &Figment, raw: &RawConfig) -> Result<baobab_media::MediaConfig, ConfigError> {
    let m = &raw.media;
    let sse = match m.sse.as_str() {
        "none" => baobab_media::Sse::None,
        "AES256" => baobab_media::Sse::Aes256,
        "aws:kms" => match m.kms_key_id.as_deref().filter(|k| !k.trim().is_empty()) {
            Some(k) => baobab_media::Sse::Kms { key_id: k.trim().to_string() },
            None => return Err(bad(fig, "media.kms_key_id", &"", "is required when media.sse is aws:kms")),
        },
        other => return Err(bad(fig, "media.sse", &other, "must be AES256, aws:kms or none")),
    };
    let prefix_ok = m.prefix.is_empty() || (m.prefix.ends_with('/') && !m.prefix.starts_with('/') && !m.prefix.contains(".."));
    if !prefix_ok {
        return Err(bad(fig, "media.prefix", &m.prefix, "must be empty or a relative path ending in / (e.g. shop-a/)"));
    }
    let backend = match m.backend.as_str() {
        "local" => baobab_media::Backend::Local { dir: raw.data_dir.join("media") },
        "s3" => {
            let bucket = m
                .bucket
                .clone()
                .filter(|b| !b.trim().is_empty())
                .ok_or_else(|| bad(fig, "media.bucket", &"", "is required when media.backend is s3"))?;
            let region = m
                .region
                .clone()
                .filter(|r| !r.trim().is_empty())
                .ok_or_else(|| bad(fig, "media.region", &"", "is required when media.backend is s3"))?;
            if let Some(e) = &m.endpoint
                && !(e.starts_with("https://") || (e.starts_with("http://") && m.allow_http))
            {
                return Err(bad(fig, "media.endpoint", e, "must be an https:// URL (or http:// with media.allow_http = true)"));
            }
            baobab_media::Backend::S3 {
                bucket,
                region,
                endpoint: m.endpoint.clone(),
                allow_http: m.allow_http,
                access_key_id: None,
                secret_access_key: None,
            }
        }
        other => return Err(bad(fig, "media.backend", &other, "must be local or s3")),
    };
    Ok(baobab_media::MediaConfig { backend, prefix: m.prefix.clone(), sse })
}

#[cfg(test)]
#[allow(clippy::result_large_err)] // figment::Jail's closure signature
mod tests {
    use super::*;

    fn with_env<T>(vars: &[(&str, &str)], f: impl FnOnce() -> T) -> T {
        let mut out = None;
        figment::Jail::expect_with(|jail| {
            for (k, v) in vars {
                jail.set_env(k, v);
            }
            out = Some(f());
            Ok(())
        });
        out.unwrap()
    }

    #[test]
    fn defaults_are_the_embedded_shop() {
        // Inside a jail: other tests set BAOBAB_* variables meanwhile.
        let c = with_env(&[], || load(None, &Overrides::default()).unwrap());
        assert!(c.sqlite);
        assert!(c.demo);
        assert_eq!(c.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(c.database_url.0, "sqlite:./data/baobab.db");
        assert_eq!(c.pool.statement_timeout, Duration::from_secs(5));
        assert_eq!(c.pool.lock_timeout, Duration::from_secs(3));
        assert_eq!(c.pool.idle_in_transaction_timeout, Duration::from_secs(10));
        assert_eq!(c.pool.commit_timeout, Duration::from_secs(2));
    }

    #[test]
    fn database_limits_can_be_set_or_turned_off() {
        let c = with_env(
            &[
                ("BAOBAB_DATABASE__STATEMENT_TIMEOUT_MS", "0"),
                ("BAOBAB_DATABASE__LOCK_TIMEOUT_MS", "1500"),
                ("BAOBAB_DATABASE__COMMIT_TIMEOUT_MS", "0"),
            ],
            || load(None, &Overrides::default()).unwrap(),
        );
        assert!(c.pool.statement_timeout.is_zero() && c.pool.commit_timeout.is_zero());
        assert_eq!(c.pool.lock_timeout, Duration::from_millis(1500));
    }

    #[test]
    fn env_and_flags_layer_in_order() {
        figment::Jail::expect_with(|jail| {
            jail.create_file("baobab.toml", "listen = \"127.0.0.1:7000\"\nshop_name = \"Duka\"\n[shutdown]\ntimeout_seconds = 5\n")?;
            jail.set_env("BAOBAB_LISTEN", "127.0.0.1:7001");
            jail.set_env("BAOBAB_SHUTDOWN__DRAIN_SECONDS", "3");
            jail.set_env("BAOBAB_DATABASE_URL", "postgres://app:pw@db:5432/shop");
            let c = load(Some(Path::new("baobab.toml")), &Overrides::default()).unwrap();
            assert_eq!(c.listen.port(), 7001);
            assert_eq!(c.web.shop_name, "Duka");
            assert_eq!(c.shutdown_timeout, Duration::from_secs(5));
            assert_eq!(c.drain, Duration::from_secs(3));
            assert!(!c.sqlite && !c.demo && !c.migrate_on_start);
            assert!(!format!("{c:?}").contains("pw@"), "the password is redacted");
            let c =
                load(Some(Path::new("baobab.toml")), &Overrides { listen: Some("127.0.0.1:7002".into()), ..Default::default() }).unwrap();
            assert_eq!(c.listen.port(), 7002);
            Ok(())
        });
    }

    #[test]
    fn errors_name_key_value_and_source() {
        let err = with_env(&[("BAOBAB_LISTEN", "nowhere")], || load(None, &Overrides::default()).unwrap_err().0);
        assert!(err.contains("`listen`") && err.contains("`nowhere`") && err.contains("BAOBAB_"), "{err}");
        let err = with_env(&[("BAOBAB_DEFAULT_CURRENCY", "NAIRA")], || load(None, &Overrides::default()).unwrap_err().0);
        assert!(err.contains("default_currency") && err.contains("NAIRA"), "{err}");
        let err = with_env(&[("BAOBAB_DATABASE__MAX_CONNECTIONS", "lots")], || load(None, &Overrides::default()).unwrap_err().0);
        assert!(err.contains("max_connections") && err.contains("lots"), "{err}");
        let err = with_env(&[("BAOBAB_LISTN", "127.0.0.1:1")], || load(None, &Overrides::default()).unwrap_err().0);
        assert!(err.contains("listn"), "{err}");
        let err = with_env(&[("BAOBAB_DATABASE_URL", "mysql://u:secret@h/db")], || load(None, &Overrides::default()).unwrap_err().0);
        assert!(err.contains("database_url") && !err.contains("secret"), "{err}");
        let err = with_env(&[("BAOBAB_DATABASE__LOCK_TIMEOUT_MS", "5")], || load(None, &Overrides::default()).unwrap_err().0);
        assert!(err.contains("database.lock_timeout_ms") && err.contains("`5`"), "{err}");
        let err =
            with_env(&[("BAOBAB_DATABASE__IDLE_IN_TRANSACTION_TIMEOUT_MS", "999")], || load(None, &Overrides::default()).unwrap_err().0);
        assert!(err.contains("database.idle_in_transaction_timeout_ms"), "{err}");
        let err = with_env(&[("BAOBAB_SHUTDOWN__TIMEOUT_SECONDS", "0")], || load(None, &Overrides::default()).unwrap_err().0);
        assert!(err.contains("shutdown.timeout_seconds"), "{err}");
        let err = with_env(&[("BAOBAB_MEDIA__BACKEND", "ftp")], || load(None, &Overrides::default()).unwrap_err().0);
        assert!(err.contains("media.backend") && err.contains("ftp"), "{err}");
        let err = with_env(&[("BAOBAB_MEDIA__BACKEND", "s3"), ("BAOBAB_MEDIA__REGION", "af-south-1")], || {
            load(None, &Overrides::default()).unwrap_err().0
        });
        assert!(err.contains("media.bucket"), "{err}");
        let err = with_env(&[("BAOBAB_MEDIA__SSE", "aws:kms")], || load(None, &Overrides::default()).unwrap_err().0);
        assert!(err.contains("media.kms_key_id"), "{err}");
        let err = with_env(&[("BAOBAB_MEDIA__SSE", "sse:kms")], || load(None, &Overrides::default()).unwrap_err().0);
        assert!(err.contains("media.sse") && err.contains("sse:kms"), "{err}");
        let err = with_env(&[("BAOBAB_MEDIA__MAX_UPLOAD_BYTES", "10")], || load(None, &Overrides::default()).unwrap_err().0);
        assert!(err.contains("media.max_upload_bytes"), "{err}");
        let err = with_env(&[("BAOBAB_MEDIA__PUBLIC_BASE_URL", "cdn.example.com")], || load(None, &Overrides::default()).unwrap_err().0);
        assert!(err.contains("media.public_base_url"), "{err}");
        let ok = with_env(
            &[
                ("BAOBAB_MEDIA__BACKEND", "s3"),
                ("BAOBAB_MEDIA__BUCKET", "shop-media"),
                ("BAOBAB_MEDIA__REGION", "af-south-1"),
                ("BAOBAB_MEDIA__SSE", "aws:kms"),
                ("BAOBAB_MEDIA__KMS_KEY_ID", "alias/shop"),
                ("BAOBAB_MEDIA__PUBLIC_BASE_URL", "https://d1.cloudfront.net/media/"),
            ],
            || load(None, &Overrides::default()).unwrap(),
        );
        assert_eq!(ok.media.sse, baobab_media::Sse::Kms { key_id: "alias/shop".into() });
        assert_eq!(ok.web.media_base_url, "https://d1.cloudfront.net/media");
        assert_eq!(ok.web.media_origin.as_deref(), Some("https://d1.cloudfront.net"));
        let err = with_env(&[("BAOBAB_HTTP__TRUSTED_PROXIES", "9")], || load(None, &Overrides::default()).unwrap_err().0);
        assert!(err.contains("http.trusted_proxies") && err.contains("`9`"), "{err}");
        let err = with_env(&[("BAOBAB_HTTP__TRUSTED_PROXIES", "-1")], || load(None, &Overrides::default()).unwrap_err().0);
        assert!(err.contains("http.trusted_proxies") && err.contains("-1"), "{err}");
        let err = with_env(&[("BAOBAB_EMAIL__SMTP_URL", "mailto:ops@example.com")], || load(None, &Overrides::default()).unwrap_err().0);
        assert!(err.contains("email.smtp_url"), "{err}");
        let err = with_env(&[("BAOBAB_EMAIL__SMTP_URL", "smtp://u:pw@127.0.0.1:2525"), ("BAOBAB_EMAIL__FROM", "not an address")], || {
            load(None, &Overrides::default()).unwrap_err().0
        });
        assert!(err.contains("email.from") && !err.contains(":pw@"), "{err}");
        let err = load(Some(Path::new("/nonexistent/baobab.toml")), &Overrides::default()).unwrap_err().0;
        assert!(err.contains("/nonexistent/baobab.toml"), "{err}");
    }
}

#[cfg(test)]
#[allow(clippy::result_large_err)] // figment::Jail's closure signature
/// The checkout and payment sections (config_checkout.rs), read through the whole loader.
mod checkout_tests {
    use std::path::Path;

    use super::{Config, Overrides, load};

    fn load_toml(toml: &str, env: &[(&str, &str)]) -> Result<Config, String> {
        let mut out = None;
        figment::Jail::expect_with(|jail| {
            jail.create_file("baobab.toml", toml)?;
            for (k, v) in env {
                jail.set_env(k, v);
            }
            out = Some(load(Some(Path::new("baobab.toml")), &Overrides::default()).map_err(|e| e.0));
            Ok(())
        });
        out.unwrap()
    }

    #[test]
    fn zones_vat_and_providers_from_the_file() {
        let c = load_toml(
            r#"
[checkout]
prices_include_tax = false
vat = { ke = 16, NG = 7.5 }
[[checkout.zones]]
name = "Nairobi"
countries = ["KE"]
regions = ["Nairobi"]
[[checkout.zones.methods]]
id = "rider"
name = "Rider"
prices = { KES = "250", USD = 2 }
free_over = { KES = "5000.50" }
[[checkout.zones]]
name = "Anywhere"
countries = ["*"]
[[checkout.zones.methods]]
id = "post"
name = "Post"
prices = { KES = 1500 }
[payments]
offline_methods = ["bank_transfer"]
paystack_secret_key = "sk_test_abc"
mpesa_consumer_key = "ck"
mpesa_consumer_secret = "cs"
mpesa_shortcode = "174379"
mpesa_passkey = "pk"
mpesa_callback_token = "0123456789abcdef0123"
"#,
            &[],
        )
        .unwrap();
        let t = &c.web.checkout.tax;
        assert!(!t.prices_include_tax);
        assert_eq!((t.rate_for("KE"), t.rate_for("NG"), t.rate_for("ZA")), (1600, 750, 0));
        let z = &c.web.checkout.zones;
        assert_eq!(z.len(), 2);
        let kes: baobab_domain::Currency = "KES".parse().unwrap();
        assert_eq!(z[0].methods[0].prices[&kes], 25_000);
        assert_eq!(z[0].methods[0].free_over[&kes], 500_050);
        assert_eq!(c.web.checkout.offline_methods, [baobab_domain::payment::PaymentMethod::BankTransfer]);
        assert!(c.web.payments.paystack.is_some() && c.web.payments.mpesa.is_some());
        let debug = format!("{c:?}");
        assert!(!debug.contains("sk_test_abc") && !debug.contains("0123456789abcdef0123"), "secrets are redacted: {debug}");
        // unset: the demo shop's zones and VAT
        let d = load_toml("", &[]).unwrap();
        assert!(d.web.checkout.zones.len() > 3);
        assert_eq!(d.web.checkout.tax.rate_for("NG"), 750);
        assert!(d.web.payments.paystack.is_none() && d.web.payments.mpesa.is_none());
    }

    #[test]
    fn bad_checkout_and_payment_settings_name_the_key() {
        let zone = |method: &str| {
            format!(
                "[[checkout.zones]]\nname = \"Z\"\ncountries = [\"NG\"]\n[[checkout.zones.methods]]\nid = \"m\"\nname = \"M\"\n{method}\n"
            )
        };
        for (toml, env, expected) in [
            ("[checkout]\nvat = { NG = 107 }", vec![], "checkout.vat.NG"),
            ("[checkout]\nvat = { NG = 7.555 }", vec![], "at most two decimals"),
            ("[checkout]\nvat = { Nigeria = 7.5 }", vec![], "checkout.vat.Nigeria"),
            ("[checkout]\ndefault_vat = -1", vec![], "checkout.default_vat"),
            (&zone("prices = { NGN = \"12.345\" }"), vec![], "checkout.zones[0].methods[0].prices.NGN"),
            (&zone("prices = { NAIRA = 5 }"), vec![], "checkout.zones[0].methods[0].prices.NAIRA"),
            (&zone("prices = { NGN = \"free\" }"), vec![], "`free`"),
            (&zone("prices = {}"), vec![], "method `m` has no price"),
            ("[checkout]\nzones = []", vec![], "checkout.zones"),
            ("", vec![("BAOBAB_PAYMENTS__OFFLINE_METHODS", "[\"cheque\"]")], "cheque"),
            ("", vec![("BAOBAB_PAYMENTS__BANK_TRANSFER_HOURS", "0")], "payments.bank_transfer_hours"),
            ("", vec![("BAOBAB_PAYMENTS__PAYSTACK_SECRET_KEY", "pk_live_oops")], "sk_live_"),
            ("", vec![("BAOBAB_PAYMENTS__MPESA_CONSUMER_KEY", "ck")], "payments.mpesa_passkey"),
            (
                "",
                vec![("BAOBAB_PAYMENTS__PAYSTACK_SECRET_KEY", "sk_test_x"), ("BAOBAB_PAYMENTS__PAYSTACK_BASE_URL", "api.paystack.co")],
                "payments.paystack_base_url",
            ),
        ] {
            let err = load_toml(toml, &env).unwrap_err();
            assert!(err.contains(expected), "{toml} {env:?}: {err}");
            assert!(!err.contains("pk_live_oops") || err.contains("paystack_secret_key"), "{err}");
        }
    }

    #[test]
    fn shop_languages_are_checked_and_kept_in_order() {
        let c = load_toml("[i18n]\nlanguages = \"fr, en,ar\"", &[]).unwrap();
        assert_eq!(c.web.i18n_languages, ["fr", "en", "ar"]);
        let c = load_toml("", &[("BAOBAB_I18N__LANGUAGES", "sw,en")]).unwrap();
        assert_eq!(c.web.i18n_languages, ["sw", "en"]);
        assert!(load_toml("", &[]).unwrap().web.i18n_languages.is_empty(), "unset: every language");
        for (value, expected) in [
            ("fr,de", "`de` has no catalog"),
            ("fr,FR", "`FR`, which is not a lower-case language tag"),
            ("fr;en", "`fr;en`, which is not"),
            ("fr,,en", "``, which is not"),
            ("en,fr,en", "`en` is named twice"),
        ] {
            let err = load_toml(&format!("[i18n]\nlanguages = \"{value}\""), &[]).unwrap_err();
            assert!(err.contains("i18n.languages") && err.contains(expected), "{value}: {err}");
        }
    }
}
