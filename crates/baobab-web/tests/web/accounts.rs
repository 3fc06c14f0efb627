//! Customer accounts through the browser's eyes: forms, cookies, CSRF, throttling, e-mailed
//! links, owner-only addresses, and the audit log.

use std::collections::HashMap;

use axum::body::Body;
use axum::http::{Method, Request};
use chrono::Utc;

use crate::support::{Res, TestApp};

const ORIGIN: &str = "http://127.0.0.1:8080";

/// A browser: keeps cookies, sends forms with the site's Origin.
#[derive(Clone)]
pub struct Browser<'a> {
    app: &'a TestApp,
    cookies: HashMap<String, String>,
}

impl<'a> Browser<'a> {
    pub fn new(app: &'a TestApp) -> Self {
        Browser { app, cookies: HashMap::new() }
    }

    pub fn session_cookie(&self) -> String {
        self.cookies.get("baobab_session").cloned().unwrap_or_default()
    }

    fn cookie_header(&self) -> String {
        self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")
    }

    fn keep(&mut self, r: &Res) {
        for v in r.headers.get_all("set-cookie") {
            let v = v.to_str().unwrap();
            let (kv, _) = v.split_once(';').unwrap_or((v, ""));
            let (k, val) = kv.split_once('=').unwrap();
            if v.contains("Max-Age=0") {
                self.cookies.remove(k)
            } else {
                self.cookies.insert(k.into(), val.into())
            };
        }
    }

    pub async fn get(&mut self, path: &str) -> Res {
        let r = self.app.send(Request::get(path).header("cookie", self.cookie_header()).body(Body::empty()).unwrap()).await;
        self.keep(&r);
        r
    }

    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Res {
        self.post_with(path, fields, Some(ORIGIN)).await
    }

    pub async fn post_with(&mut self, path: &str, fields: &[(&str, &str)], origin: Option<&str>) -> Res {
        self.post_headers(path, fields, origin, &[]).await
    }

    /// A form post with extra request headers.
    pub async fn post_headers(&mut self, path: &str, fields: &[(&str, &str)], origin: Option<&str>, headers: &[(&str, &str)]) -> Res {
        let body = fields.iter().map(|(k, v)| format!("{k}={}", enc(v))).collect::<Vec<_>>().join("&");
        let mut b = Request::builder()
            .method(Method::POST)
            .uri(path)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("cookie", self.cookie_header());
        if let Some(o) = origin {
            b = b.header("origin", o);
        }
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        let r = self.app.send(b.body(Body::from(body)).unwrap()).await;
        self.keep(&r);
        r
    }

    /// The CSRF token of the form on `path`.
    pub async fn csrf(&mut self, path: &str) -> String {
        let html = self.get(path).await.text();
        let i = html.find("name=\"csrf\" value=\"").expect("a form with a CSRF token") + 19;
        html[i..i + html[i..].find('"').unwrap()].to_string()
    }

    /// Sends the registration form: the answer is "check your e-mail", whether or not the
    /// address was taken.
    pub async fn sign_up(&mut self, email: &str, password: &str) -> Res {
        let csrf = self.csrf("/account/register").await;
        self.post("/account/register", &[("csrf", &csrf), ("name", "Amina"), ("email", email), ("password", password)]).await
    }

    /// Registers and logs in: the login's answer (303 to the account page).
    pub async fn register(&mut self, email: &str, password: &str) -> Res {
        let r = self.sign_up(email, password).await;
        assert_eq!(r.status, 200, "{}", r.text());
        self.login(email, password).await
    }

    pub async fn login(&mut self, email: &str, password: &str) -> Res {
        let csrf = self.csrf("/account/login").await;
        self.post("/account/login", &[("csrf", &csrf), ("email", email), ("password", password), ("next", "/account")]).await
    }
}

fn enc(v: &str) -> String {
    v.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') { (b as char).to_string() } else { format!("%{b:02X}") }
        })
        .collect()
}

/// The link in the newest e-mail to `to` (read from the outbox, as the SMTP worker would).
async fn mailed_link(app: &TestApp, to: &str, path: &str) -> String {
    let mails = app.store().claim_emails(Utc::now(), 60, 100).await.unwrap();
    let mail = mails.iter().rev().find(|m| m.to == to).unwrap_or_else(|| panic!("no e-mail to {to}"));
    let i = mail.body.find(path).expect("a link in the e-mail");
    let link = &mail.body[i..];
    link[..link.find(char::is_whitespace).unwrap_or(link.len())].to_string()
}

#[tokio::test]
async fn register_verify_logout_and_login_again() {
    let app = TestApp::new().await;
    let mut b = Browser::new(&app);
    let r = b.sign_up("Amina@Example.com", "kente-and-jollof").await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.text().contains("Check your e-mail"), "{}", r.text());
    assert!(r.headers.get_all("set-cookie").iter().all(|v| !v.to_str().unwrap().starts_with("baobab_session=")), "not logged in yet");
    let r = b.login("amina@example.com", "kente-and-jollof").await;
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(r.header("location"), "/account");
    let set =
        r.headers.get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_string()).find(|v| v.starts_with("baobab_session=")).unwrap();
    assert!(set.contains("HttpOnly") && set.contains("SameSite=Lax") && set.contains("Path=/"), "{set}");
    let home = b.get("/account").await;
    assert_eq!(home.status, 200);
    assert_eq!(home.header("cache-control"), "no-store");
    assert!(home.text().contains("amina@example.com") && home.text().contains("Please confirm your e-mail"));

    let link = mailed_link(&app, "amina@example.com", "/account/verify?token=").await;
    let v = b.get(&link).await;
    assert_eq!(v.status, 200, "{}", v.text());
    assert!(!b.get("/account").await.text().contains("Please confirm"), "verified");
    assert_eq!(b.get(&link).await.status, 400, "a verification link works once");

    let csrf = b.csrf("/account").await;
    let out = b.post("/account/logout", &[("csrf", &csrf)]).await;
    assert_eq!(out.status, 303);
    let after = b.get("/account").await;
    assert_eq!(after.status, 303, "logged out");
    assert!(after.header("location").starts_with("/account/login"));

    let bad = b.login("amina@example.com", "wrong password!").await;
    assert_eq!(bad.status, 401);
    assert!(bad.text().contains("wrong"));
    let ok = b.login("AMINA@example.com", "kente-and-jollof").await;
    assert_eq!(ok.status, 303);
    assert_eq!(b.get("/account").await.status, 200);

    let events: Vec<String> = app.store().audit_entries(0, 50).await.unwrap().into_iter().map(|e| e.event).collect();
    for e in ["register", "email_verified", "logout", "login_failed", "login"] {
        assert!(events.contains(&e.to_string()), "{e} in {events:?}");
    }
}

#[tokio::test]
async fn sessions_rotate_and_logged_out_cookies_are_dead() {
    let app = TestApp::new().await;
    let mut b = Browser::new(&app);
    assert_eq!(b.sign_up("rotate@example.com", "a-long-password").await.status, 200);
    b.post("/cart/add", &[("variant_id", &app.ids.phone_variant.to_string()), ("quantity", "1")]).await; // a guest session
    let guest = b.cookies["baobab_session"].clone();
    b.login("rotate@example.com", "a-long-password").await;
    let user_cookie = b.cookies["baobab_session"].clone();
    assert_ne!(guest, user_cookie, "a new session id at login");
    let old = app.send(Request::get("/cart").header("cookie", format!("baobab_session={guest}")).body(Body::empty()).unwrap()).await;
    assert!(!old.text().contains("name=\"quantity\""), "the guest session is gone (its cart moved to the account)");
    let csrf = b.csrf("/account").await;
    b.post("/account/logout", &[("csrf", &csrf)]).await;
    // replay the old cookie after logout
    let r = app.send(Request::get("/account").header("cookie", format!("baobab_session={user_cookie}")).body(Body::empty()).unwrap()).await;
    assert_eq!(r.status, 303, "the logged-out session is gone");
    let forged = app
        .send(Request::get("/account").header("cookie", format!("baobab_session={}", "ab".repeat(32))).body(Body::empty()).unwrap())
        .await;
    assert_eq!(forged.status, 303);
}

#[tokio::test]
async fn forms_refuse_missing_or_foreign_csrf() {
    let app = TestApp::new().await;
    let mut b = Browser::new(&app);
    let csrf = b.csrf("/account/register").await;
    let fields = [("name", "X"), ("email", "x@example.com"), ("password", "a-long-password")];
    let no_token = b.post("/account/register", &fields).await;
    assert_eq!(no_token.status, 403);
    let mut with = fields.to_vec();
    with.push(("csrf", &csrf));
    let foreign = b.post_with("/account/register", &with, Some("https://evil.example")).await;
    assert_eq!(foreign.status, 403, "a cross-site post");
    let mut other = Browser::new(&app);
    let theirs = other.csrf("/account/register").await;
    let mut swapped = fields.to_vec();
    swapped.push(("csrf", &theirs));
    assert_eq!(b.post("/account/register", &swapped).await.status, 403, "another session's token");
    assert!(app.store().user_by_email("x@example.com").await.unwrap().is_none(), "nothing was created");
}

#[tokio::test]
async fn registration_and_login_inputs_are_checked() {
    let app = TestApp::new().await;
    let mut b = Browser::new(&app);
    for (email, password, status, words) in [
        ("not-an-email", "a-long-password", 422, "email"),
        ("ok@example.com", "short", 422, "at least 10"),
        ("ok@example.com", &"x".repeat(129), 422, "at most 128"),
        ("ok@example.com", "ok@example.com", 422, "e-mail address"),
    ] {
        let r = b.sign_up(email, password).await;
        assert_eq!(r.status.as_u16(), status, "{email}");
        assert!(r.text().contains(words), "{words}: {}", r.text());
    }
    assert_eq!(b.register("taken@example.com", "a-long-password").await.status, 303);
    let mut c = Browser::new(&app);
    let dup = c.sign_up("TAKEN@example.com", "another-password").await;
    assert_eq!(dup.status, 200, "a taken address answers like a new one");
    let csrf = c.csrf("/account/register").await;
    let huge = c.post("/account/register", &[("csrf", &csrf), ("email", &"a".repeat(40_000))]).await;
    assert_eq!(huge.status, 413, "oversized form");
    let unknown = c.login("nobody@example.com", "whatever-password").await;
    assert_eq!(unknown.status, 401, "same answer as a wrong password");
}

#[tokio::test]
async fn login_is_throttled_per_account_with_a_wait() {
    let app = TestApp::new().await;
    let mut b = Browser::new(&app);
    b.register("victim@example.com", "the-right-password").await;
    let mut attacker = Browser::new(&app);
    for _ in 0..5 {
        assert_eq!(attacker.login("victim@example.com", "guess-guess-guess").await.status, 401);
    }
    let blocked = attacker.login("victim@example.com", "the-right-password").await;
    assert_eq!(blocked.status, 429);
    let wait = blocked.header("retry-after").parse::<i64>().unwrap();
    assert!(wait > 90, "the window is 15 minutes: {wait}");
    let said = format!("Please wait {} minutes before trying again.", (wait + 59) / 60);
    assert!(blocked.text().contains("Too many attempts") && blocked.text().contains(&said), "{said}: {}", blocked.text());
    assert!(app.store().audit_entries(0, 50).await.unwrap().iter().any(|e| e.event == "login_throttled"));
}

#[tokio::test]
async fn password_reset_links_work_once_and_end_other_sessions() {
    let app = TestApp::new().await;
    let mut owner = Browser::new(&app);
    owner.register("reset@example.com", "old-password-1").await;
    let mut other_device = Browser::new(&app);
    assert_eq!(other_device.login("reset@example.com", "old-password-1").await.status, 303);

    let mut b = Browser::new(&app);
    let csrf = b.csrf("/account/forgot").await;
    let r = b.post("/account/forgot", &[("csrf", &csrf), ("email", "reset@example.com")]).await;
    assert_eq!(r.status, 200);
    let unknown = b.post("/account/forgot", &[("csrf", &csrf), ("email", "nobody@example.com")]).await;
    assert_eq!(unknown.text().contains("If an account exists"), r.text().contains("If an account exists"), "no account enumeration");
    let link = mailed_link(&app, "reset@example.com", "/account/reset?token=").await;
    let token = link.split("token=").nth(1).unwrap().to_string();

    let form_csrf = b.csrf(&link).await;
    let weak = b.post("/account/reset", &[("csrf", &form_csrf), ("token", &token), ("password", "short")]).await;
    assert_eq!(weak.status, 422);
    let done = b.post("/account/reset", &[("csrf", &form_csrf), ("token", &token), ("password", "new-password-22")]).await;
    assert_eq!(done.status, 303, "{}", done.text());
    let csrf = b.csrf("/account").await;
    let reused = b.post("/account/reset", &[("csrf", &csrf), ("token", &token), ("password", "third-password-3")]).await;
    assert_eq!(reused.status, 400, "a reset link works once");
    let forged = b.post("/account/reset", &[("csrf", &csrf), ("token", &"0".repeat(64)), ("password", "third-password-3")]).await;
    assert_eq!(forged.status, 400);
    assert_eq!(b.get("/account/reset?token=nonsense").await.status, 400);

    assert_eq!(other_device.get("/account").await.status, 303, "other sessions ended");
    let mut again = Browser::new(&app);
    assert_eq!(again.login("reset@example.com", "old-password-1").await.status, 401);
    assert_eq!(again.login("reset@example.com", "new-password-22").await.status, 303);
    assert!(app.store().audit_entries(0, 50).await.unwrap().iter().any(|e| e.event == "password_changed"));
}

#[tokio::test]
async fn profile_and_addresses_are_the_owners_alone() {
    let app = TestApp::new().await;
    let mut a = Browser::new(&app);
    a.register("a@example.com", "password-of-a").await;
    let csrf = a.csrf("/account").await;
    let address = [
        ("csrf", csrf.as_str()),
        ("name", "Amina Bello"),
        ("line1", "12 Admiralty Way, by the filling station"),
        ("city", "Lekki"),
        ("region", "Lagos"),
        ("country", "ng"),
        ("phone", "+234 803 123 4567"),
    ];
    assert_eq!(a.post("/account/addresses", &address).await.status, 303);
    let page = a.get("/account").await.text();
    assert!(page.contains("+2348031234567") && page.contains("value=\"NG\""), "normalised");
    let bad = a.post("/account/addresses", &[("csrf", &csrf), ("name", "X"), ("country", "Nigeria"), ("phone", "0803")]).await;
    assert_eq!(bad.status, 422);
    assert!(bad.text().contains("country") && bad.text().contains("phone") && bad.text().contains("line1"));
    let profile = a.post("/account/profile", &[("csrf", &csrf), ("name", "Amina B."), ("phone", "not a phone")]).await;
    assert_eq!(profile.status, 422);
    assert_eq!(a.post("/account/profile", &[("csrf", &csrf), ("name", "Amina B."), ("phone", "+254 712 345 678")]).await.status, 200);

    let user_a = app.store().user_by_email("a@example.com").await.unwrap().unwrap();
    let id = app.store().addresses(user_a.id).await.unwrap()[0].id;
    let mut b = Browser::new(&app);
    b.register("b@example.com", "password-of-b").await;
    let csrf_b = b.csrf("/account").await;
    let steal = b
        .post(
            &format!("/account/addresses/{id}"),
            &[("csrf", &csrf_b), ("name", "Thief"), ("line1", "x"), ("city", "y"), ("country", "KE"), ("phone", "+254712345678")],
        )
        .await;
    assert_eq!(steal.status, 404, "not b's address, and no hint that it exists");
    assert_eq!(b.post(&format!("/account/addresses/{id}/delete"), &[("csrf", &csrf_b)]).await.status, 404);
    assert!(!b.get("/account").await.text().contains("Admiralty"), "b never sees a's address");
    assert_eq!(b.post("/account/addresses/abc/delete", &[("csrf", &csrf_b)]).await.status, 400);
    assert_eq!(app.store().addresses(user_a.id).await.unwrap()[0].fields.name, "Amina Bello", "unchanged");
    assert_eq!(a.post(&format!("/account/addresses/{id}/delete"), &[("csrf", &csrf)]).await.status, 303);
    assert!(app.store().addresses(user_a.id).await.unwrap().is_empty());

    let anon = Browser::new(&app).post("/account/profile", &[("name", "x")]).await;
    assert_eq!(anon.status, 403, "no session, no token");
}

#[tokio::test]
async fn outbox_delivers_each_email_once() {
    let app = TestApp::new().await;
    let mut b = Browser::new(&app);
    b.register("mail@example.com", "password-mail").await;
    struct Count(std::sync::Mutex<Vec<String>>);
    #[async_trait::async_trait]
    impl baobab_web::account::outbox::Mailer for Count {
        async fn send(&self, to: &str, _: &str, _: &str) -> Result<(), String> {
            self.0.lock().unwrap().push(to.to_string());
            Ok(())
        }
    }
    let m = Count(std::sync::Mutex::new(vec![]));
    assert_eq!(baobab_web::account::outbox::deliver_due(&app.state, &m).await.unwrap(), 1);
    assert_eq!(baobab_web::account::outbox::deliver_due(&app.state, &m).await.unwrap(), 0, "never twice");
    assert_eq!(m.0.lock().unwrap().as_slice(), ["mail@example.com"]);
    assert_eq!(app.store().unsent_emails().await.unwrap(), 0);
}

/// A minimal SMTP server (RFC 5321 happy path): records each message; `refuse` answers RCPT with
/// a temporary failure (451), as a greylisting or overloaded server does.
async fn fake_smtp(refuse: bool) -> (u16, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let got = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let store = got.clone();
    tokio::spawn(async move {
        while let Ok((sock, _)) = listener.accept().await {
            let store = store.clone();
            tokio::spawn(async move {
                let (r, mut w) = sock.into_split();
                let mut lines = BufReader::new(r).lines();
                w.write_all(b"220 mail.test ESMTP\r\n").await.unwrap();
                let mut data = String::new();
                let mut in_data = false;
                while let Ok(Some(line)) = lines.next_line().await {
                    if in_data {
                        if line == "." {
                            in_data = false;
                            store.lock().unwrap().push(std::mem::take(&mut data));
                            w.write_all(b"250 2.0.0 queued\r\n").await.unwrap();
                        } else {
                            data.push_str(&line);
                            data.push('\n');
                        }
                        continue;
                    }
                    let cmd = line.to_ascii_uppercase();
                    let reply: &[u8] = if cmd.starts_with("EHLO") {
                        b"250-mail.test\r\n250 8BITMIME\r\n"
                    } else if cmd.starts_with("RCPT") && refuse {
                        b"451 4.7.1 try again later\r\n"
                    } else if cmd.starts_with("DATA") {
                        in_data = true;
                        b"354 go ahead\r\n"
                    } else if cmd.starts_with("QUIT") {
                        let _ = w.write_all(b"221 bye\r\n").await;
                        break;
                    } else {
                        b"250 OK\r\n"
                    };
                    w.write_all(reply).await.unwrap();
                }
            });
        }
    });
    (port, got)
}

#[tokio::test]
async fn smtp_delivery_sends_once_and_retries_failures() {
    use baobab_web::account::outbox::{SmtpMailer, deliver_due};
    let app = TestApp::new().await;
    app.store()
        .enqueue_email("ada@example.com", "Confirm your e-mail address", "Open this link: https://shop.example.com/x")
        .await
        .unwrap();

    let (down_port, _) = fake_smtp(true).await;
    let refusing = SmtpMailer::new(&format!("smtp://127.0.0.1:{down_port}"), "Baobab Market <orders@shop.example.com>").unwrap();
    assert_eq!(deliver_due(&app.state, &refusing).await.unwrap(), 0);
    assert_eq!(app.store().unsent_emails().await.unwrap(), 1, "kept for a retry");
    assert!(app.store().claim_emails(Utc::now(), 60, 10).await.unwrap().is_empty(), "not due again at once");

    let (port, got) = fake_smtp(false).await;
    let ok = SmtpMailer::new(&format!("smtp://127.0.0.1:{port}"), "Baobab Market <orders@shop.example.com>").unwrap();
    // the retry comes after its delay: move the clock by claiming as if later
    let later = app.store().claim_emails(Utc::now() + chrono::Duration::seconds(120), 60, 10).await.unwrap();
    assert_eq!(later.len(), 1);
    for e in later {
        use baobab_web::account::outbox::Mailer;
        ok.send(&e.to, &e.subject, &e.body).await.unwrap();
        app.store().mark_email_sent(e.id, Utc::now()).await.unwrap();
    }
    let msgs = got.lock().unwrap().clone();
    assert_eq!(msgs.len(), 1);
    assert!(
        msgs[0].contains("Subject: Confirm your e-mail address")
            && msgs[0].contains("To: ada@example.com")
            && msgs[0].contains("From: \"Baobab Market\" <orders@shop.example.com>"),
        "{}",
        msgs[0]
    );
    assert_eq!(deliver_due(&app.state, &ok).await.unwrap(), 0, "never sent twice");
    assert!(SmtpMailer::new("smtp://127.0.0.1:25", "not an address").is_err());
}

#[tokio::test]
async fn a_resent_registration_creates_one_account() {
    let app = TestApp::new().await;
    let mut b = Browser::new(&app);
    let html = b.get("/account/register").await.text();
    let field = |name: &str| {
        let at = html.find(&format!("name=\"{name}\" value=\"")).unwrap_or_else(|| panic!("{name} in the form")) + name.len() + 15;
        html[at..at + html[at..].find('"').unwrap()].to_string()
    };
    let (csrf, key) = (field("csrf"), field("idempotency_key"));
    assert_eq!(key.len(), 32);
    let form = |email: &'static str| {
        vec![
            ("csrf", csrf.clone()),
            ("name", "Kofi".into()),
            ("email", email.into()),
            ("password", "groundnut-soup-42".into()),
            ("idempotency_key", key.clone()),
        ]
    };
    let send = |f: Vec<(&'static str, String)>| f;
    let first = send(form("kofi@example.com"));
    let pairs: Vec<(&str, &str)> = first.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mut lost = b.clone(); // the same browser, had the first answer been lost
    let r = b.post("/account/register", &pairs).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.text().contains("Check your e-mail"));
    // the browser resends the same form (its key): the same answer, nothing new
    let again = lost.post("/account/register", &pairs).await;
    assert_eq!(again.status, 200, "{}", again.text());
    assert!(again.text().contains("Check your e-mail"));
    let customers = app.store().users(baobab_domain::user::UserKind::Customer, 0, 10).await.unwrap();
    assert_eq!(customers.iter().filter(|u| u.email == "kofi@example.com").count(), 1);
    let mails = app.store().claim_emails(chrono::Utc::now(), 60, 20).await.unwrap();
    assert_eq!(mails.iter().filter(|m| m.to == "kofi@example.com").count(), 1, "one confirmation e-mail");
    // the same key for another request is refused
    let other = send(form("ama@example.com"));
    let pairs: Vec<(&str, &str)> = other.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mut stranger = Browser::new(&app);
    let html = stranger.get("/account/register").await.text();
    let at = html.find("name=\"csrf\" value=\"").unwrap() + 19;
    let csrf2 = html[at..at + html[at..].find('"').unwrap()].to_string();
    let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| if *k == "csrf" { (*k, csrf2.as_str()) } else { (*k, *v) }).collect();
    let r = stranger.post("/account/register", &pairs).await;
    assert_eq!(r.status, 422, "{}", r.text());
    assert!(r.text().contains("idempotency_key"));
    assert!(app.store().user_by_email("ama@example.com").await.unwrap().is_none());
    // the header works too, and a fresh browser resending a made account is sent to log in
    let mut c = Browser::new(&app);
    let html = c.get("/account/register").await.text();
    let at = html.find("name=\"csrf\" value=\"").unwrap() + 19;
    let csrf3 = html[at..at + html[at..].find('"').unwrap()].to_string();
    let fields = [("csrf", csrf3.as_str()), ("name", "Kofi"), ("email", "kofi@example.com"), ("password", "groundnut-soup-42")];
    let r = c.post_headers("/account/register", &fields, Some(ORIGIN), &[("idempotency-key", &key)]).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.text().contains("Check your e-mail"));
    let mails = app.store().claim_emails(chrono::Utc::now(), 60, 20).await.unwrap();
    assert!(mails.iter().all(|m| m.to != "kofi@example.com"), "no second e-mail for a resent form");
}
