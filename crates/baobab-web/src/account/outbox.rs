//! E-mail delivery from the outbox table. Each instance claims due messages for a lease, so a
//! message is handed to one instance at a time and never sent twice; failures are retried with
//! a growing delay. Without SMTP configured (the embedded default) the message goes to the log.

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;

use crate::AppState;

#[async_trait::async_trait]
pub trait Mailer: Send + Sync {
    async fn send(&self, to: &str, subject: &str, body: &str) -> Result<(), String>;
}

/// Writes messages to the log instead of sending them (the embedded default).
pub struct LogMailer;

#[async_trait::async_trait]
impl Mailer for LogMailer {
    async fn send(&self, to: &str, subject: &str, body: &str) -> Result<(), String> {
        tracing::info!(target: "baobab::email", to, subject, body, "e-mail (not sent: no SMTP server configured)");
        Ok(())
    }
}

const LEASE_SECONDS: i64 = 120;

/// Delivers what is due now; returns how many were sent.
pub async fn deliver_due(state: &AppState, mailer: &dyn Mailer) -> Result<usize, baobab_store::StoreError> {
    let due = state.store.claim_emails(Utc::now(), LEASE_SECONDS, 20).await?;
    let mut sent = 0;
    for e in due {
        match mailer.send(&e.to, &e.subject, &e.body).await {
            Ok(()) => {
                state.store.mark_email_sent(e.id, Utc::now()).await?;
                sent += 1;
            }
            Err(err) => {
                let delay = 30i64 * 2i64.pow(e.attempts.clamp(1, 8) as u32 - 1);
                tracing::warn!(id = e.id, attempts = e.attempts, error = %err, retry_in_seconds = delay, "e-mail delivery failed");
                state.store.mark_email_failed(e.id, &err, Utc::now() + chrono::Duration::seconds(delay)).await?;
            }
        }
    }
    Ok(sent)
}

/// Runs delivery every `every` until the process ends.
pub fn spawn_worker(state: AppState, mailer: Arc<dyn Mailer>, every: Duration) {
    tokio::spawn(async move {
        loop {
            if let Err(e) = deliver_due(&state, mailer.as_ref()).await {
                tracing::warn!(error = %e, "outbox delivery paused");
            }
            tokio::time::sleep(every).await;
        }
    });
}
