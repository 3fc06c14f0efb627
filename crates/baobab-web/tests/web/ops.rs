//! Health, readiness, metrics, request ids, caching, compression and security headers.

use baobab_web::WebSettings;

use crate::support::TestApp;

#[tokio::test]
async fn health_and_readiness() {
    let app = TestApp::new().await;
    let h = app.get("/healthz").await;
    assert_eq!((h.status.as_u16(), h.json()["status"].as_str()), (200, Some("ok")));
    let r = app.get("/readyz").await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["checks"]["database"]["status"], "ok");
    assert_eq!(r.header("cache-control"), "no-store");

    app.state.begin_shutdown();
    let r = app.get("/readyz").await;
    assert_eq!(r.status, 503);
    assert_eq!(r.json()["status"], "shutting_down");
    // The load balancer's (and the group's) check turns 503 too, so the balancer stops sending
    // before the listener closes.
    let h = app.get("/healthz").await;
    assert_eq!((h.status.as_u16(), h.json()["status"].as_str()), (503, Some("shutting_down")));
    assert_eq!(h.header("cache-control"), "no-store");
    assert_eq!(app.get("/").await.status, 200, "in-flight and late requests are still served");
}

/// A dependency that never answers (a stalled database, a store that hangs).
struct Hangs;

#[async_trait::async_trait]
impl baobab_web::HealthCheck for Hangs {
    fn name(&self) -> &'static str {
        "search"
    }
    async fn check(&self) -> Result<(), String> {
        std::future::pending().await
    }
}

#[tokio::test]
async fn healthz_is_shallow_and_never_waits_on_a_dependency() {
    // /healthz is what the load balancer and the Auto Scaling group act on: a dependency that is
    // down or hangs on every instance at once (a database failover) must not fail it, or the group
    // would replace the whole fleet. /readyz names the dependency, for people and alarms.
    let t = baobab_store::testing::TestStore::new(baobab_store::testing::Backend::Sqlite).await.unwrap();
    let app = TestApp::over(t.store.clone(), WebSettings::default(), vec![std::sync::Arc::new(Hangs)]).await;
    let started = std::time::Instant::now();
    let h = app.get("/healthz").await;
    assert_eq!((h.status.as_u16(), h.json()["status"].as_str()), (200, Some("ok")));
    assert!(started.elapsed() < std::time::Duration::from_millis(500), "answered from memory: {:?}", started.elapsed());
    let r = app.get("/readyz").await;
    assert_eq!(r.status, 503, "{}", r.text());
    assert_eq!(r.json()["failing"], serde_json::json!(["search"]));
    assert_eq!(r.json()["checks"]["search"]["error"], "timed out");
}

#[tokio::test]
async fn readiness_names_the_failing_dependency() {
    let app = TestApp::with_failing_media().await;
    let r = app.get("/readyz").await;
    assert_eq!(r.status, 503);
    let j = r.json();
    assert_eq!(j["failing"], serde_json::json!(["media"]));
    assert_eq!(j["checks"]["media"]["status"], "error");
    assert_eq!(j["checks"]["media"]["backend"], "s3");
    assert_eq!(j["checks"]["database"]["status"], "ok");
    assert_eq!(app.get("/").await.status, 200, "pages still render");
    assert_eq!(app.get("/healthz").await.status, 200, "a failing dependency never fails the shallow check");
}

#[tokio::test]
async fn request_ids_are_returned_and_kept() {
    let app = TestApp::new().await;
    let r = app.get("/healthz").await;
    assert_eq!(r.header("x-request-id").len(), 24);
    let r = app.get_with("/api/v1/products", &[("x-request-id", "lb-1234")]).await;
    assert_eq!(r.header("x-request-id"), "lb-1234");
    let r = app.get_with("/", &[("x-request-id", "<script>")]).await;
    assert_ne!(r.header("x-request-id"), "<script>");
}

#[tokio::test]
async fn metrics_are_labelled_by_route() {
    let handle = baobab_web::install_metrics();
    let app = TestApp::new().await;
    app.get("/p/kora-phone-model-01").await;
    app.get("/p/no-such-product").await;
    let metrics = baobab_web::metrics_router(app.state.clone(), handle);
    use tower::ServiceExt;
    let res = metrics.oneshot(axum::http::Request::get("/metrics").body(axum::body::Body::empty()).unwrap()).await.unwrap();
    assert_eq!(res.status(), 200);
    let body = http_body_util::BodyExt::collect(res.into_body()).await.unwrap().to_bytes();
    let text = String::from_utf8_lossy(&body);
    assert!(text.contains("http_requests_total{method=\"GET\",route=\"/p/{slug}\",status=\"200\"}"), "{text}");
    assert!(text.contains("route=\"/p/{slug}\",status=\"404\""), "{text}");
    assert!(!text.contains("kora-phone-model-01"), "raw paths never become labels");
    assert!(text.contains("http_request_duration_seconds_bucket"), "{text}");
    assert!(text.contains("db_pool_connections{backend=\"sqlite\",state=\"idle\"}"), "{text}");
}

#[tokio::test]
async fn security_headers_on_html() {
    let app = TestApp::new().await;
    let r = app.get("/").await;
    let csp = r.header("content-security-policy");
    assert!(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"), "{csp}");
    assert_eq!(r.header("x-content-type-options"), "nosniff");
    assert_eq!(r.header("x-frame-options"), "DENY");
    assert_eq!(r.header("referrer-policy"), "strict-origin-when-cross-origin");
    assert!(r.headers.get("strict-transport-security").is_none(), "no HSTS over plain HTTP");
    assert!(!r.text().contains("<script"), "pages carry no scripts");
    // error pages are HTML too
    let r = app.get("/no/such/page").await;
    assert_eq!(r.status, 404);
    assert!(r.header("content-security-policy").contains("default-src 'none'"));

    let tls =
        TestApp::with_settings(WebSettings { hsts: true, media_origin: Some("https://cdn.example.com".into()), ..Default::default() })
            .await;
    let r = tls.get("/").await;
    assert!(r.header("strict-transport-security").starts_with("max-age="));
    assert!(r.header("content-security-policy").contains("img-src 'self' data: https://cdn.example.com"));
}

#[tokio::test]
async fn cacheable_responses_carry_etags_and_revalidate() {
    let app = TestApp::new().await;
    for path in ["/", "/c/phones", "/p/kora-phone-model-03", "/api/v1/products", "/search?q=rice"] {
        let r = app.get(path).await;
        assert_eq!(r.status, 200, "{path}");
        assert!(r.header("cache-control").starts_with("public, max-age="), "{path}: {}", r.header("cache-control"));
        let etag = r.header("etag").to_string();
        assert!(etag.starts_with("W/\""), "{path}");
        let again = app.get_with(path, &[("if-none-match", &etag)]).await;
        assert_eq!(again.status, 304, "{path}");
        assert!(again.body.is_empty());
        assert_eq!(again.header("etag"), etag);
        let changed = app.get_with(path, &[("if-none-match", "W/\"other\"")]).await;
        assert_eq!(changed.status, 200);
    }
    assert!(app.get("/c/phones").await.header("vary").contains("Cookie"));
    // errors and staff reads are never cached
    assert_eq!(app.get("/p/none").await.header("cache-control"), "no-store");
    assert!(app.get("/p/none").await.headers.get("etag").is_none());
}

#[tokio::test]
async fn static_assets_are_hashed_and_immutable() {
    let app = TestApp::new().await;
    let css = app.state.assets.css.path.clone();
    assert!(css.starts_with("/static/app.") && css.ends_with(".css"));
    let r = app.get(&css).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("cache-control"), "public, max-age=31536000, immutable");
    assert!(r.header("content-type").starts_with("text/css"));
    let etag = r.header("etag").to_string();
    assert_eq!(app.get_with(&css, &[("if-none-match", &etag)]).await.status, 304);
    assert_eq!(app.get("/static/app.0000.css").await.status, 404);
    assert!(app.get("/").await.text().contains(&css), "pages link the hashed name");
}

#[tokio::test]
async fn responses_are_compressed() {
    let app = TestApp::new().await;
    let plain = app.get("/c/phones").await;
    for enc in ["gzip", "br"] {
        let r = app.get_with("/c/phones", &[("accept-encoding", enc)]).await;
        assert_eq!(r.header("content-encoding"), enc);
        assert!(r.body.len() * 3 < plain.body.len(), "{enc}: {} vs {}", r.body.len(), plain.body.len());
        let vary: Vec<String> = r.headers.get_all("vary").iter().map(|v| v.to_str().unwrap().to_ascii_lowercase()).collect();
        assert!(vary.iter().any(|v| v.contains("accept-encoding")) && vary.iter().any(|v| v.contains("cookie")), "{vary:?}");
    }
    let r = app.get_with("/api/v1/products", &[("accept-encoding", "br")]).await;
    assert_eq!(r.header("content-encoding"), "br");
    let mut decoded = Vec::new();
    brotli::BrotliDecompress(&mut r.body.as_slice(), &mut decoded).unwrap();
    assert!(serde_json::from_slice::<serde_json::Value>(&decoded).unwrap()["total"].as_u64().unwrap() > 0);
}

#[tokio::test]
async fn openapi_document_matches_the_snapshot() {
    let app = TestApp::new().await;
    let r = app.get("/api/openapi.json").await;
    assert_eq!(r.status, 200);
    let served = r.json();
    assert_eq!(served["openapi"].as_str().map(|v| v.starts_with("3.")), Some(true));
    for path in [
        "/api/v1/products",
        "/api/v1/products/{key}",
        "/api/v1/search",
        "/api/v1/categories",
        "/api/v1/variants/{id}",
        "/api/v1/products/{key}/variants",
    ] {
        assert!(served["paths"][path].is_object(), "{path} documented");
    }
    assert!(served["components"]["securitySchemes"]["staff_token"].is_object());
    let doc = baobab_web::api::openapi::document();
    let snapshot_path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/openapi.json");
    if std::env::var("UPDATE_SNAPSHOTS").as_deref() == Ok("1") {
        std::fs::write(snapshot_path, format!("{doc}\n")).unwrap();
    }
    let snapshot = std::fs::read_to_string(snapshot_path).unwrap_or_default();
    assert_eq!(
        snapshot.trim_end(),
        doc,
        "docs/openapi.json is stale: run `UPDATE_SNAPSHOTS=1 cargo test -p baobab-web openapi` and review the diff"
    );
}
