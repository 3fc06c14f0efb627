//! Start-up and shutdown of the server.

use std::future::IntoFuture;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use baobab_store::Store;
use baobab_web::{AppState, HealthCheck};
use tokio::net::TcpListener;

use crate::config::{Config, LogFormat};

pub fn init_logging(config: &Config, serving: bool) {
    let filter =
        tracing_subscriber::EnvFilter::try_new(if serving { config.log.as_str() } else { "warn" }).unwrap_or_else(|_| "info".into());
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    // Server logs go to stdout (the CloudWatch agent ships them); commands keep stdout for output.
    match (config.log_format, serving) {
        (LogFormat::Json, true) => builder.json().with_current_span(true).with_span_list(false).with_writer(std::io::stdout).init(),
        (LogFormat::Pretty, true) => builder.with_writer(std::io::stdout).init(),
        (_, false) => builder.with_writer(std::io::stderr).init(),
    }
}

pub async fn open_store(config: &Config) -> anyhow::Result<Arc<dyn Store>> {
    if config.sqlite {
        std::fs::create_dir_all(&config.data_dir).with_context(|| format!("creating data directory {}", config.data_dir.display()))?;
    }
    Ok(baobab_store::connect(&config.database_url.0, &config.pool).await?)
}

pub fn open_media(config: &Config) -> anyhow::Result<baobab_media::MediaStore> {
    baobab_media::MediaStore::new(&config.media).with_context(|| format!("opening the media store ({:?})", config.media.backend))
}

pub async fn serve(config: Config) -> anyhow::Result<()> {
    let store = open_store(&config).await?;
    if config.migrate_on_start {
        store.migrate().await.context("applying migrations")?;
    }
    let media = Arc::new(open_media(&config)?);
    let checks: Vec<Arc<dyn HealthCheck>> = Vec::new();
    let state = AppState::new(store.clone(), media, config.web.clone(), checks);
    if config.demo {
        let scratch = if config.sqlite {
            config.data_dir.join(".demo-images")
        } else {
            std::env::temp_dir().join(format!("baobab-demo-{}", std::process::id()))
        };
        let started = std::time::Instant::now();
        match crate::demo::seed(&state, scratch).await {
            Ok(Some(r)) => tracing::info!(
                products = r.products,
                images = r.images_added,
                seconds = started.elapsed().as_secs_f64(),
                "seeded the demo catalog"
            ),
            Ok(None) => {}
            Err(e) => tracing::warn!(error = %e, "could not seed the demo catalog"),
        }
    }
    let metrics = baobab_web::install_metrics();
    let mailer: Arc<dyn baobab_web::account::outbox::Mailer> = match &config.smtp {
        Some((url, from)) => Arc::new(baobab_web::account::outbox::SmtpMailer::new(&url.0, from).map_err(|e| anyhow::anyhow!(e))?),
        None => Arc::new(baobab_web::account::outbox::LogMailer),
    };
    baobab_web::account::outbox::spawn_worker(state.clone(), mailer, Duration::from_secs(2));
    // Every 10 minutes: delete expired sessions (a guest's cart session lives 14 days).
    baobab_web::account::session::spawn_session_expiry(state.clone(), Duration::from_secs(600));
    // Every minute: ask the payment providers about attempts nobody confirmed (a lost webhook),
    // then cancel unpaid orders past their time and release their stock. Any instance may do
    // it: settling is once per event and each expiry is a guarded status change.
    let reconcile_state = state.clone();
    tokio::spawn(async move {
        loop {
            match baobab_web::checkout::payments::reconcile(&reconcile_state, chrono::Duration::minutes(2)).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(checked = n, "asked payment providers about pending payments"),
                Err(e) => tracing::warn!(error = %e, "payment reconciliation paused"),
            }
            match baobab_web::checkout::payments::expire_unpaid(&reconcile_state).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(expired = n, "expired unpaid orders"),
                Err(e) => tracing::warn!(error = %e, "order expiry paused"),
            }
            tokio::time::sleep(Duration::from_secs(60)).await;
        }
    });

    let listener = TcpListener::bind(config.listen).await.with_context(|| format!("binding {}", config.listen))?;
    let metrics_listener = TcpListener::bind(config.metrics_listen).await.with_context(|| format!("binding {}", config.metrics_listen))?;
    tracing::info!(
        listen = %listener.local_addr()?,
        metrics_listen = %metrics_listener.local_addr()?,
        backend = store.backend(),
        "baobab is serving"
    );
    let metrics_app = baobab_web::metrics_router(state.clone(), metrics);
    tokio::spawn(async move {
        if let Err(e) = axum::serve(metrics_listener, metrics_app).await {
            tracing::error!(error = %e, "metrics listener failed");
        }
    });

    let stopping = Arc::new(tokio::sync::Notify::new());
    let drain = config.drain;
    let signal_state = state.clone();
    let signal_stopping = stopping.clone();
    let app = baobab_web::router(state);
    let server = axum::serve(listener, app.into_make_service_with_connect_info::<std::net::SocketAddr>())
        .with_graceful_shutdown(async move {
            wait_for_signal().await;
            signal_state.begin_shutdown();
            tracing::info!(drain_seconds = drain.as_secs(), "shutdown requested: /healthz and /readyz are now 503, draining");
            tokio::time::sleep(drain).await;
            signal_stopping.notify_one();
            tracing::info!("no longer accepting connections; finishing in-flight requests");
        })
        .into_future();
    tokio::pin!(server);
    tokio::select! {
        r = &mut server => r.context("server")?,
        _ = async {
            stopping.notified().await;
            tokio::time::sleep(config.shutdown_timeout).await;
        } => {
            tracing::warn!(timeout_seconds = config.shutdown_timeout.as_secs(), "in-flight requests did not finish in time; exiting anyway");
        }
    }
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}

async fn wait_for_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).expect("SIGTERM handler");
        tokio::select! {
            _ = ctrl_c => {},
            _ = term.recv() => {},
        }
    }
    #[cfg(not(unix))]
    {
        let _ = ctrl_c.await;
    }
    let _ = Duration::ZERO;
}
