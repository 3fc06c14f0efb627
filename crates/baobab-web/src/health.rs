//! Operational endpoints: `/healthz` (the process answers and is not draining), `/readyz`
//! (dependencies reachable and not draining), and Prometheus `/metrics` on a separate, internal
//! listener.
//!
//! Two checks, for two audiences. `/healthz` is the shallow check that the load balancer *and* the
//! Auto Scaling group act on: it touches no dependency, so it fails only on the instance that is
//! broken (a hung process times out, a dead one refuses the connection) or that is leaving (503
//! while draining after SIGTERM, so the balancer stops sending before the listener closes). A
//! database failover therefore never marks every instance unhealthy at once, and never has the
//! group replace the whole fleet. `/readyz` is the deep check for people, alarms and dashboards:
//! it names the failing dependency, but nothing replaces or removes an instance because of it.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use serde_json::{Map, Value, json};

use crate::AppState;
use crate::middleware::within;

/// A dependency /readyz reports on, besides the database (e.g. the media store).
#[async_trait::async_trait]
pub trait HealthCheck: Send + Sync {
    fn name(&self) -> &'static str;
    async fn check(&self) -> Result<(), String>;
}

const CHECK_TIMEOUT: Duration = Duration::from_secs(3);

pub fn routes() -> Router<AppState> {
    Router::new().route("/healthz", get(healthz)).route("/readyz", get(readyz))
}

/// Shallow: answers from memory, never waits on a dependency. 503 only while draining.
async fn healthz(State(state): State<AppState>) -> Response {
    let (code, status) = if state.is_shutting_down() { (StatusCode::SERVICE_UNAVAILABLE, "shutting_down") } else { (StatusCode::OK, "ok") };
    (code, [(header::CACHE_CONTROL, "no-store")], axum::Json(json!({"status": status}))).into_response()
}

async fn readyz(State(state): State<AppState>) -> Response {
    let mut checks = Map::new();
    let mut ok = true;
    let db = match within(CHECK_TIMEOUT, state.store.ping()).await {
        Some(Ok(())) => json!({"status": "ok", "backend": state.store.backend()}),
        Some(Err(e)) => {
            ok = false;
            json!({"status": "error", "backend": state.store.backend(), "error": e.to_string()})
        }
        None => {
            ok = false;
            json!({"status": "error", "backend": state.store.backend(), "error": "timed out"})
        }
    };
    checks.insert("database".into(), db);
    let media = match state.media.check().await {
        Ok(()) => json!({"status": "ok", "backend": state.media.kind()}),
        Err(e) => {
            ok = false;
            json!({"status": "error", "backend": state.media.kind(), "error": e})
        }
    };
    checks.insert("media".into(), media);
    for c in &state.checks {
        let v = match within(CHECK_TIMEOUT, c.check()).await {
            Some(Ok(())) => json!({"status": "ok"}),
            Some(Err(e)) => {
                ok = false;
                json!({"status": "error", "error": e})
            }
            None => {
                ok = false;
                json!({"status": "error", "error": "timed out"})
            }
        };
        checks.insert(c.name().into(), v);
    }
    let failing: Vec<String> = checks.iter().filter(|(_, v)| v["status"] != "ok").map(|(k, _)| k.clone()).collect();
    let (code, status) = if state.is_shutting_down() {
        (StatusCode::SERVICE_UNAVAILABLE, "shutting_down")
    } else if ok {
        (StatusCode::OK, "ready")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "unavailable")
    };
    let body = json!({"status": status, "failing": failing, "checks": Value::Object(checks)});
    (code, [(header::CACHE_CONTROL, "no-store")], axum::Json(body)).into_response()
}

static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

/// Installs the process-wide Prometheus recorder (once; later calls return the same handle).
pub fn install_metrics() -> PrometheusHandle {
    HANDLE
        .get_or_init(|| {
            let buckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0];
            let recorder = PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Full("http_request_duration_seconds".into()), &buckets)
                .expect("non-empty buckets")
                .build_recorder();
            let handle = recorder.handle();
            // A recorder may already be set (another test harness); ours still renders.
            let _ = metrics::set_global_recorder(recorder);
            handle
        })
        .clone()
}

/// The internal metrics listener's router: `GET /metrics` in Prometheus text format.
pub fn metrics_router(state: AppState, handle: PrometheusHandle) -> Router {
    let handle = Arc::new(handle);
    Router::new().route(
        "/metrics",
        get(move || {
            let handle = handle.clone();
            let state = state.clone();
            async move {
                let stats = state.store.pool_stats();
                let backend = state.store.backend();
                metrics::gauge!("db_pool_connections", "backend" => backend, "state" => "open").set(stats.size as f64);
                metrics::gauge!("db_pool_connections", "backend" => backend, "state" => "idle").set(stats.idle as f64);
                metrics::gauge!("db_pool_connections", "backend" => backend, "state" => "in_use")
                    .set(stats.size.saturating_sub(stats.idle) as f64);
                metrics::gauge!("db_pool_max_connections", "backend" => backend).set(stats.max as f64);
                ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], handle.render())
            }
        }),
    )
}
