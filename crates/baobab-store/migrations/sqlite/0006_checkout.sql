-- Coupons: usage counted in the order's transaction, so a limit is never exceeded.
CREATE TABLE coupons (
    code          TEXT PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('percent', 'fixed')),
    value         INTEGER NOT NULL CHECK (value > 0),
    currency      TEXT,
    minimum_minor INTEGER NOT NULL DEFAULT 0 CHECK (minimum_minor >= 0),
    expires_at    TEXT,
    usage_limit   INTEGER CHECK (usage_limit IS NULL OR usage_limit > 0),
    used          INTEGER NOT NULL DEFAULT 0 CHECK (used >= 0),
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at    TEXT NOT NULL
);
ALTER TABLE orders ADD COLUMN coupon_code TEXT REFERENCES coupons(code);
ALTER TABLE orders ADD COLUMN shipping_method TEXT NOT NULL DEFAULT '';

-- Payment attempts: one order may have several (a failed M-Pesa prompt, then another).
CREATE TABLE payments (
    id           INTEGER PRIMARY KEY,
    order_id     INTEGER NOT NULL REFERENCES orders(id),
    provider     TEXT NOT NULL,
    reference    TEXT NOT NULL UNIQUE,
    provider_ref TEXT,
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    currency     TEXT NOT NULL,
    status       TEXT NOT NULL,
    detail       TEXT NOT NULL DEFAULT '',
    -- Where the customer goes to pay (Paystack's page), so a retried request can be sent there again.
    next_url     TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX payments_order ON payments(order_id);
CREATE UNIQUE INDEX payments_provider_ref ON payments(provider, provider_ref);
CREATE INDEX payments_status ON payments(status, created_at);

-- Every provider notification processed, by the provider's event id: a replay finds its row
-- and changes nothing.
CREATE TABLE payment_events (
    provider    TEXT NOT NULL,
    event_id    TEXT NOT NULL,
    payment_id  INTEGER REFERENCES payments(id),
    outcome     TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (provider, event_id)
);
