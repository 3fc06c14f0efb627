//! Local fake Paystack and Daraja servers for tests (feature `fake`).
//!
//! Each fake is an axum server on 127.0.0.1 with a free port, spawned on the current tokio
//! runtime by `start` (which therefore must be called inside one), and stopped when dropped.
//! They check what the real services check (keys, tokens, passwords, field formats) and answer
//! in the documented shapes, so the real clients in [`crate::paystack`] and [`crate::mpesa`] are
//! tested as they run in production. Controls on each fake play the customer's part (pay,
//! decline, cancel) and take the provider down.

mod daraja;
mod paystack;

pub use daraja::{FakeDaraja, StkPush};
pub use paystack::{FakePaystack, Initialized};

use tokio::task::JoinHandle;

/// A spawned server, aborted on drop.
struct Server {
    base_url: String,
    task: JoinHandle<()>,
}

impl Server {
    fn spawn(router: axum::Router) -> Server {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        listener.set_nonblocking(true).expect("non-blocking listener");
        let addr = listener.local_addr().expect("listener address");
        let listener = tokio::net::TcpListener::from_std(listener).expect("a fake server starts inside a tokio runtime");
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, router).await;
        });
        Server { base_url: format!("http://{addr}"), task }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Locks a fake's state; a test that panicked while holding it must not hide other failures.
fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
