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

/// Sends through an SMTP server: `smtp://user:pass@host:587?tls=required` (STARTTLS),
/// `smtps://user:pass@host:465` (TLS), or `smtp://host:25` (plain, for a local relay).
pub struct SmtpMailer {
    transport: lettre::AsyncSmtpTransport<lettre::Tokio1Executor>,
    from: lettre::message::Mailbox,
}

impl SmtpMailer {
    pub fn new(url: &str, from: &str) -> Result<SmtpMailer, String> {
        let from: lettre::message::Mailbox = from.parse().map_err(|e| format!("from address `{from}`: {e}"))?;
        let transport = lettre::AsyncSmtpTransport::<lettre::Tokio1Executor>::from_url(url)
            .map_err(|e| format!("SMTP URL: {e}"))?
            .timeout(Some(Duration::from_secs(15)))
            .build();
        Ok(SmtpMailer { transport, from })
    }
}

#[async_trait::async_trait]
impl Mailer for SmtpMailer {
    async fn send(&self, to: &str, subject: &str, body: &str) -> Result<(), String> {
        use lettre::AsyncTransport;
        let message = lettre::Message::builder()
            .from(self.from.clone())
            .to(to.parse().map_err(|e| format!("recipient `{to}`: {e}"))?)
            .subject(subject)
            .header(lettre::message::header::ContentType::TEXT_PLAIN)
            .body(body.to_string())
            .map_err(|e| e.to_string())?;
        self.transport.send(message).await.map(|_| ()).map_err(|e| e.to_string())
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
