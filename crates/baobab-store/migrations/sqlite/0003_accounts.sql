-- Customer and staff accounts, server-side sessions, one-time tokens, audit log, e-mail outbox
-- and throttling counters: everything an instance needs is here, so any instance can serve
-- any request.
CREATE TABLE users (
    id                INTEGER PRIMARY KEY,
    email             TEXT NOT NULL UNIQUE,
    password_hash     TEXT NOT NULL,
    kind              TEXT NOT NULL CHECK (kind IN ('customer', 'staff')),
    staff_role        TEXT CHECK (staff_role IS NULL OR staff_role IN ('owner', 'catalog_manager', 'order_manager', 'support')),
    name              TEXT NOT NULL DEFAULT '',
    phone             TEXT NOT NULL DEFAULT '',
    email_verified_at TEXT,
    totp_secret       TEXT,
    totp_enabled_at   TEXT,
    totp_last_step    INTEGER,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    disabled_at       TEXT
);

CREATE TABLE addresses (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    line1      TEXT NOT NULL,
    line2      TEXT NOT NULL DEFAULT '',
    city       TEXT NOT NULL,
    region     TEXT NOT NULL DEFAULT '',
    postcode   TEXT NOT NULL DEFAULT '',
    country    TEXT NOT NULL,
    phone      TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX addresses_user ON addresses(user_id);

CREATE TABLE sessions (
    id_hash       TEXT PRIMARY KEY,
    user_id       INTEGER REFERENCES users(id) ON DELETE CASCADE,
    csrf_token    TEXT NOT NULL,
    two_factor_ok INTEGER NOT NULL DEFAULT 0 CHECK (two_factor_ok IN (0, 1)),
    created_at    TEXT NOT NULL,
    expires_at    TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE account_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    purpose    TEXT NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at    TEXT
);

CREATE TABLE audit_log (
    id            INTEGER PRIMARY KEY,
    at            TEXT NOT NULL,
    event         TEXT NOT NULL,
    actor_user_id INTEGER,
    subject       TEXT NOT NULL DEFAULT '',
    ip            TEXT NOT NULL DEFAULT '',
    detail        TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at ON audit_log(at);

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    to_addr         TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    claimed_until   TEXT,
    sent_at         TEXT,
    last_error      TEXT
);
CREATE INDEX outbox_due ON outbox(sent_at, next_attempt_at);

CREATE TABLE throttles (
    key          TEXT PRIMARY KEY,
    window_start TEXT NOT NULL,
    count        INTEGER NOT NULL
);
