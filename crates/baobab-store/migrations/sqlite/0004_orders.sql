-- Orders: placed in one transaction that takes the stock; every status change recorded.
CREATE TABLE orders (
    id               INTEGER PRIMARY KEY,
    user_id          INTEGER REFERENCES users(id),
    email            TEXT NOT NULL,
    currency         TEXT NOT NULL,
    status           TEXT NOT NULL,
    payment_method   TEXT NOT NULL,
    subtotal_minor   INTEGER NOT NULL CHECK (subtotal_minor >= 0),
    discount_minor   INTEGER NOT NULL CHECK (discount_minor >= 0),
    shipping_minor   INTEGER NOT NULL CHECK (shipping_minor >= 0),
    tax_minor        INTEGER NOT NULL CHECK (tax_minor >= 0),
    total_minor      INTEGER NOT NULL CHECK (total_minor >= 0),
    refunded_minor   INTEGER NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0 AND refunded_minor <= total_minor),
    shipping_address TEXT NOT NULL DEFAULT '{}',
    idempotency_key  TEXT UNIQUE,
    request_hash     TEXT,
    expires_at       TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX orders_user ON orders(user_id);
CREATE INDEX orders_status_expires ON orders(status, expires_at);

CREATE TABLE order_lines (
    id               INTEGER PRIMARY KEY,
    order_id         INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    variant_id       INTEGER NOT NULL REFERENCES variants(id),
    sku              TEXT NOT NULL,
    title            TEXT NOT NULL,
    quantity         INTEGER NOT NULL CHECK (quantity > 0),
    unit_price_minor INTEGER NOT NULL CHECK (unit_price_minor >= 0)
);
CREATE INDEX order_lines_order ON order_lines(order_id);

CREATE TABLE order_events (
    id          INTEGER PRIMARY KEY,
    order_id    INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    from_status TEXT,
    to_status   TEXT NOT NULL,
    actor       TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX order_events_order ON order_events(order_id);
