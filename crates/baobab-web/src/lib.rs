//! Baobab's HTTP layer: the storefront (server-rendered HTML), the JSON API with its OpenAPI
//! document, operational endpoints, and the middleware around them. Stateless: everything a
//! request needs comes from the store, so any number of instances can serve the same shop.

pub mod account;
pub mod admin;
pub mod api;
pub mod assets;
pub mod auth;
pub mod caching;
pub mod cart;
pub mod catalog_export;
pub mod catalog_io;
pub mod checkout;
mod emails;
pub mod error;
pub mod health;
pub mod i18n;
pub mod media;
pub mod middleware;
pub mod page;
pub mod params;
pub mod storefront;
pub mod templates;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use axum::Router;
use baobab_domain::Currency;
use baobab_domain::catalog::Category;
use baobab_store::{Store, StoreError};

pub use health::{HealthCheck, install_metrics, metrics_router};

/// Settings of the HTTP layer (the binary fills them from its configuration).
#[derive(Debug, Clone)]
pub struct WebSettings {
    pub shop_name: String,
    /// Scheme, host and optional port of the public site, for canonical links
    /// (`https://shop.example.com`); no trailing slash.
    pub public_url: String,
    pub default_currency: Currency,
    /// Send `Strict-Transport-Security` (set when served over TLS, e.g. behind the ALB/CloudFront).
    pub hsts: bool,
    /// Extra origin allowed for images in the Content-Security-Policy (the CDN serving media).
    pub media_origin: Option<String>,
    /// Largest accepted JSON body, in bytes.
    pub api_max_body_bytes: usize,
    /// A request running longer than this is answered with 503.
    pub request_timeout: Duration,
    /// `max-age` of cacheable HTML and API responses.
    pub page_max_age: u32,
    /// Where browsers fetch media variants: `/media` (served by the app) or the CDN's URL
    /// (`https://d111111abcdef8.cloudfront.net/media`); no trailing slash.
    pub media_base_url: String,
    /// Upload limits for product images.
    pub media_limits: baobab_media::Limits,
    /// Proxies in front of the app that append to X-Forwarded-For (CloudFront and the ALB: 2);
    /// 0 = use the connection's address.
    pub trusted_proxies: usize,
    /// Delivery zones, VAT, offline payment methods and unpaid-order timeouts.
    pub checkout: checkout::CheckoutSettings,
    /// Online payment providers (Paystack, M-Pesa); unset ones are not offered.
    pub payments: checkout::payments::PaymentSettings,
    /// The shop's folder of `<lang>.ftl` catalogs (`i18n.dir`): overrides messages of a
    /// shipped language or adds a language. None = the shipped catalogs only.
    pub i18n_dir: Option<std::path::PathBuf>,
    /// The languages the shop offers, its default first (`i18n.languages`). Empty = every
    /// loaded language, English first.
    pub i18n_languages: Vec<String>,
}

impl WebSettings {
    /// Cookies are marked `Secure` when the shop is served over HTTPS: its public URL is https,
    /// or HSTS is on.
    pub fn secure_cookies(&self) -> bool {
        self.hsts || self.public_url.to_ascii_lowercase().starts_with("https://")
    }
}

impl Default for WebSettings {
    fn default() -> Self {
        WebSettings {
            shop_name: "Baobab".into(),
            public_url: "http://127.0.0.1:8080".into(),
            default_currency: Currency::NGN,
            hsts: false,
            media_origin: None,
            api_max_body_bytes: 256 * 1024,
            request_timeout: Duration::from_secs(30),
            page_max_age: 60,
            media_base_url: "/media".into(),
            media_limits: baobab_media::Limits::default(),
            trusted_proxies: 0,
            checkout: checkout::CheckoutSettings::default(),
            payments: checkout::payments::PaymentSettings::default(),
            i18n_dir: None,
            i18n_languages: Vec::new(),
        }
    }
}

pub struct Inner {
    pub store: Arc<dyn Store>,
    pub media: Arc<baobab_media::MediaStore>,
    pub settings: WebSettings,
    pub templates: templates::Templates,
    /// The shop's languages and their message catalogs.
    pub i18n: Arc<i18n::I18n>,
    pub assets: assets::Assets,
    /// Clients of the online payment providers configured in `settings.payments`.
    pub providers: checkout::payments::Providers,
    /// The Content-Security-Policy of HTML pages, made once from the settings.
    pub csp: Option<axum::http::HeaderValue>,
    /// Dependencies /readyz checks besides the database (the media store).
    pub checks: Vec<Arc<dyn HealthCheck>>,
    ready: AtomicBool,
    /// The key that signs anonymous form tokens, loaded from the store on first use.
    form_key: tokio::sync::OnceCell<Vec<u8>>,
    categories: std::sync::Mutex<Option<(Instant, Arc<Vec<Category>>)>>,
}

/// How long an instance reuses the category tree for page navigation. Writes through this
/// instance clear it at once; other instances see a change within this time.
pub const CATEGORY_CACHE_TTL: Duration = Duration::from_secs(2);

/// Shared by every request; cheap to clone.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    pub fn new(
        store: Arc<dyn Store>,
        media: Arc<baobab_media::MediaStore>,
        settings: WebSettings,
        checks: Vec<Arc<dyn HealthCheck>>,
    ) -> AppState {
        let providers = checkout::payments::Providers::from_settings(&settings.payments);
        let csp = axum::http::HeaderValue::from_str(&middleware::content_security_policy(
            settings.media_origin.as_deref(),
            &providers.form_origins,
        ))
        .ok();
        // The binary checks the folder while validating its configuration; a folder broken since
        // then leaves the shop in its shipped languages rather than down.
        let i18n = Arc::new(i18n::I18n::load(settings.i18n_dir.as_deref(), &settings.i18n_languages).unwrap_or_else(|e| {
            tracing::error!(error = %e, "could not load the shop's message catalogs; using the shipped ones");
            i18n::I18n::load(None, &settings.i18n_languages).unwrap_or_else(|_| i18n::I18n::shipped())
        }));
        AppState(Arc::new(Inner {
            store,
            media,
            templates: templates::Templates::with_i18n(i18n.clone()),
            i18n,
            assets: assets::Assets::new(),
            providers,
            csp,
            settings,
            checks,
            ready: AtomicBool::new(true),
            form_key: tokio::sync::OnceCell::new(),
            categories: std::sync::Mutex::new(None),
        }))
    }

    /// The category tree, shared by the storefront's navigation, breadcrumbs and facets.
    pub async fn categories(&self) -> Result<Arc<Vec<Category>>, StoreError> {
        if let Some((at, cats)) = self.categories.lock().expect("category cache").as_ref()
            && at.elapsed() < CATEGORY_CACHE_TTL
        {
            return Ok(cats.clone());
        }
        let cats = Arc::new(self.store.categories().await?);
        *self.categories.lock().expect("category cache") = Some((Instant::now(), cats.clone()));
        Ok(cats)
    }

    /// The key that signs anonymous form tokens (the same on every instance).
    pub(crate) async fn form_key(&self) -> Result<&[u8], StoreError> {
        self.form_key.get_or_try_init(|| account::session::load_form_key(self)).await.map(Vec::as_slice)
    }

    /// Forgets cached catalog data after a write through this instance.
    pub fn catalog_changed(&self) {
        *self.categories.lock().expect("category cache") = None;
        storefront::forget_category_translations(self);
    }

    /// Marks the instance as draining: /healthz and /readyz answer 503 from now on, so the load balancer
    /// stops sending new requests while in-flight ones finish.
    pub fn begin_shutdown(&self) {
        self.ready.store(false, Ordering::SeqCst);
    }

    pub fn is_shutting_down(&self) -> bool {
        !self.ready.load(Ordering::SeqCst)
    }
}

/// The public application: storefront, API, assets and health endpoints, with all middleware.
pub fn router(state: AppState) -> Router {
    let app = Router::new()
        .merge(storefront::routes())
        .merge(assets::routes())
        .merge(health::routes())
        .merge(media::routes())
        .merge(account::routes())
        .merge(admin::routes())
        .merge(cart::routes())
        .merge(checkout::routes())
        .merge(checkout::payments::routes())
        .nest("/api", api::routes(&state.settings))
        .fallback(storefront::not_found)
        .layer(axum::middleware::from_fn_with_state(state.clone(), page::render_error_pages));
    let app = middleware::wrap(app, state.clone()).with_state(state.clone());
    // The language prefix is taken off before routing, so it wraps the routed application.
    Router::new().fallback_service(app).layer(axum::middleware::from_fn_with_state(state, middleware::language))
}

impl AppState {
    /// The message `key` in the current request's language (see [`i18n::current`]).
    pub fn t(&self, key: &str, args: &[(&str, fluent_bundle::FluentValue)]) -> String {
        let lang = i18n::current();
        self.i18n.msg(lang.as_ref().map_or(self.i18n.default_code(), |l| &l.code), key, args)
    }
}
