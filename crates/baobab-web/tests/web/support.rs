//! `TestApp`: a router over a fresh store with a small catalog and staff tokens.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use baobab_domain::Currency;
use baobab_domain::auth::Role;
use baobab_domain::catalog::*;
use baobab_media::{Backend as Backend3, MediaConfig, MediaStore, Sse};
use baobab_store::Store;
use baobab_store::testing::{Backend, TestStore};
use baobab_web::{AppState, HealthCheck, WebSettings};
use http_body_util::BodyExt;
use tower::ServiceExt;

pub struct TestApp {
    pub state: AppState,
    pub router: axum::Router,
    pub catalog_token: String,
    pub orders_token: String,
    pub ids: Ids,
    _store: Option<TestStore>,
}

#[derive(Debug, Default, Clone)]
pub struct Ids {
    pub phones: i64,
    pub smartphones: i64,
    pub groceries: i64,
    pub phone: i64,
    pub phone_variant: i64,
    pub draft: i64,
}

pub struct Res {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Res {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }
    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }
    /// Asserts a JSON error with this status naming this field.
    #[track_caller]
    pub fn assert_error(&self, status: u16, field: &str) {
        assert_eq!(self.status.as_u16(), status, "{}", self.text());
        let j = self.json();
        if !field.is_empty() {
            assert_eq!(j["error"]["field"], field, "{}", self.text());
        }
        assert!(!j["error"]["message"].as_str().unwrap_or("").is_empty());
    }
}

pub fn price(code: &str, amount: i64) -> Price {
    Price { currency: code.parse::<Currency>().unwrap(), amount_minor: amount, compare_at_minor: None }
}

pub fn variant(sku: &str, prices: Vec<Price>, stock: i64) -> NewVariant {
    NewVariant { sku: sku.into(), options: vec![], prices, stock_on_hand: stock, position: 0 }
}

pub fn product(title: &str, category: i64, variants: Vec<NewVariant>) -> NewProduct {
    NewProduct {
        title: title.into(),
        slug: None,
        description: format!("{title}: a fine product.\n\nSecond paragraph."),
        category_id: Some(category),
        attributes: vec![NameValue { name: "Origin".into(), value: "Ghana".into() }],
        status: Some(ProductStatus::Active),
        variants,
    }
}

impl TestApp {
    pub async fn new() -> TestApp {
        Self::build(Backend::Sqlite, WebSettings::default(), vec![]).await.unwrap()
    }

    pub async fn postgres() -> Option<TestApp> {
        Self::build(Backend::Postgres, WebSettings::default(), vec![]).await
    }

    /// On PostgreSQL with these settings; None when PostgreSQL is not available to the tests.
    pub async fn postgres_with(settings: WebSettings) -> Option<TestApp> {
        Self::build(Backend::Postgres, settings, vec![]).await
    }

    pub async fn with_settings(settings: WebSettings) -> TestApp {
        Self::build(Backend::Sqlite, settings, vec![]).await.unwrap()
    }

    /// Media on an S3 endpoint where nothing listens: the media store is down.
    pub async fn with_failing_media() -> TestApp {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let media = MediaStore::new(&MediaConfig {
            backend: Backend3::S3 {
                bucket: "shop".into(),
                region: "us-east-1".into(),
                endpoint: Some(format!("http://127.0.0.1:{port}")),
                allow_http: true,
                access_key_id: Some("k".into()),
                secret_access_key: Some("s".into()),
            },
            prefix: String::new(),
            sse: Sse::Aes256,
        })
        .unwrap();
        let t = TestStore::new(Backend::Sqlite).await.unwrap();
        let mut app = Self::with_media(t.store.clone(), Arc::new(media), WebSettings::default(), vec![]).await;
        app._store = Some(t);
        app
    }

    async fn build(backend: Backend, settings: WebSettings, checks: Vec<Arc<dyn HealthCheck>>) -> Option<TestApp> {
        let t = TestStore::new(backend).await?;
        let mut app = Self::over(t.store.clone(), settings, checks).await;
        app._store = Some(t);
        Some(app)
    }

    /// An app over an existing store (seeded here), with in-memory media.
    pub async fn over(store: Arc<dyn Store>, settings: WebSettings, checks: Vec<Arc<dyn HealthCheck>>) -> TestApp {
        let media = MediaStore::new(&MediaConfig { backend: Backend3::Memory, prefix: String::new(), sse: Sse::None }).unwrap();
        Self::with_media(store, Arc::new(media), settings, checks).await
    }

    pub async fn with_media(
        store: Arc<dyn Store>,
        media: Arc<MediaStore>,
        settings: WebSettings,
        checks: Vec<Arc<dyn HealthCheck>>,
    ) -> TestApp {
        let ids = seed(store.as_ref()).await;
        let (catalog_token, hash) = baobab_web::auth::generate_token();
        store.create_token("test catalog", Role::Catalog, &hash).await.unwrap();
        let (orders_token, hash) = baobab_web::auth::generate_token();
        store.create_token("test orders", Role::Orders, &hash).await.unwrap();
        let state = AppState::new(store, media, settings, checks);
        let router = baobab_web::router(state.clone());
        TestApp { state, router, catalog_token, orders_token, ids, _store: None }
    }

    pub fn store(&self) -> &Arc<dyn Store> {
        &self.state.store
    }

    pub async fn send(&self, req: Request<Body>) -> Res {
        let res = self.router.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
        Res { status, headers, body }
    }

    pub async fn get(&self, path: &str) -> Res {
        self.send(Request::get(path).body(Body::empty()).unwrap()).await
    }

    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Res {
        let mut b = Request::get(path);
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        self.send(b.body(Body::empty()).unwrap()).await
    }

    /// A JSON request with the catalog token.
    pub async fn staff(&self, method: Method, path: &str, body: serde_json::Value) -> Res {
        self.json_as(method, path, Some(&self.catalog_token), body).await
    }

    pub async fn json_as(&self, method: Method, path: &str, token: Option<&str>, body: serde_json::Value) -> Res {
        let mut b = Request::builder().method(method).uri(path).header(header::CONTENT_TYPE, "application/json");
        if let Some(t) = token {
            b = b.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        self.send(b.body(Body::from(body.to_string())).unwrap()).await
    }

    pub async fn raw(&self, method: Method, path: &str, headers: &[(&str, &str)], body: impl Into<Body>) -> Res {
        let mut b = Request::builder().method(method).uri(path);
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        self.send(b.body(body.into()).unwrap()).await
    }

    /// Every product, as the staff API lists it (to prove rejected writes changed nothing).
    pub async fn snapshot(&self) -> serde_json::Value {
        let mut all = Vec::new();
        for page in 1..=5 {
            let r = self
                .get_with(
                    &format!("/api/v1/products?status=any&per_page=100&page={page}"),
                    &[("authorization", &format!("Bearer {}", self.catalog_token))],
                )
                .await;
            let j = r.json();
            let items = j["items"].as_array().unwrap().clone();
            if items.is_empty() {
                break;
            }
            for it in items {
                let full = self
                    .get_with(&format!("/api/v1/products/{}", it["id"]), &[("authorization", &format!("Bearer {}", self.catalog_token))])
                    .await;
                all.push(full.json());
            }
        }
        let cats = self.get_with("/api/v1/categories", &[("authorization", &format!("Bearer {}", self.catalog_token))]).await.json();
        serde_json::json!({"products": all, "categories": cats})
    }
}

/// Phones › Smartphones (30 phones, to paginate) and Groceries (3), plus one draft.
async fn seed(s: &dyn Store) -> Ids {
    let mk = |name: &str, parent: Option<i64>| NewCategory {
        name: name.into(),
        slug: None,
        description: format!("All the {name}"),
        parent_id: parent,
        position: 0,
    };
    let phones = s.create_category(&mk("Phones", None)).await.unwrap();
    let smart = s.create_category(&mk("Smartphones", Some(phones.id))).await.unwrap();
    let groceries = s.create_category(&mk("Groceries", None)).await.unwrap();
    let mut first = None;
    for i in 0..30 {
        let mut v = variant(
            &format!("ph-{i:02}"),
            vec![price("NGN", 5_000_000 + i * 100_000), price("KES", 400_000 + i * 10_000)],
            if i % 3 == 0 { 0 } else { 5 },
        );
        v.options = vec![NameValue { name: "Storage".into(), value: "64 GB".into() }];
        let mut v2 = variant(
            &format!("ph-{i:02}-128"),
            vec![price("NGN", 6_000_000 + i * 100_000), Price { compare_at_minor: Some(8_000_000), ..price("ZAR", 700_000) }],
            if i % 3 == 0 { 0 } else { 2 },
        );
        v2.options = vec![NameValue { name: "Storage".into(), value: "128 GB".into() }];
        let p = s.create_product(&product(&format!("Kora phone model {i:02}"), smart.id, vec![v, v2])).await.unwrap();
        first.get_or_insert(p);
    }
    for (title, ngn) in [("Long grain rice 5 kg", 900_000), ("Shea butter 250 g", 450_000), ("Jollof spice mix", 150_000)] {
        s.create_product(&product(
            title,
            groceries.id,
            vec![variant(&title.replace(' ', "-"), vec![price("NGN", ngn), price("GHS", ngn / 100)], 10)],
        ))
        .await
        .unwrap();
    }
    let mut draft = product("Secret prototype", smart.id, vec![variant("proto-1", vec![price("NGN", 1)], 1)]);
    draft.status = Some(ProductStatus::Draft);
    let draft = s.create_product(&draft).await.unwrap();
    let first = first.unwrap();
    Ids {
        phones: phones.id,
        smartphones: smart.id,
        groceries: groceries.id,
        phone: first.id,
        phone_variant: first.variants[0].id,
        draft: draft.id,
    }
}

/// The text between the first `start` in `html` and the next `end`.
pub fn between(html: &str, start: &str, end: &str) -> String {
    let i = html.find(start).unwrap_or_else(|| panic!("{start} not in page")) + start.len();
    html[i..i + html[i..].find(end).unwrap()].to_string()
}
