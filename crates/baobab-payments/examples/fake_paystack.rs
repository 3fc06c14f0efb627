//! Runs the fake Paystack on 127.0.0.1 until killed, for the browser journeys: prints its base
//! URL on the first line of stdout. The secret key it accepts is the first argument.
//!
//!     cargo run -p baobab-payments --features fake --example fake_paystack -- sk_test_e2e

use std::io::Write;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let key = std::env::args().nth(1).unwrap_or_else(|| {
        eprintln!("usage: fake_paystack SECRET_KEY");
        std::process::exit(2);
    });
    let fake = baobab_payments::fake::FakePaystack::start(&key);
    println!("{}", fake.base_url());
    std::io::stdout().flush().ok();
    // Serve until the journey runner stops us (SIGTERM or SIGINT end the process).
    std::future::pending::<()>().await;
}
