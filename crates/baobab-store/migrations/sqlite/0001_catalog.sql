-- Catalog, staff API tokens and instance-independent metadata (SQLite).
CREATE TABLE categories (
    id          INTEGER PRIMARY KEY,
    parent_id   INTEGER REFERENCES categories(id),
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0,
    archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX categories_parent ON categories(parent_id);

CREATE TABLE products (
    id           INTEGER PRIMARY KEY,
    category_id  INTEGER REFERENCES categories(id),
    slug         TEXT NOT NULL UNIQUE,
    title        TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    attributes   TEXT NOT NULL DEFAULT '[]',
    status       TEXT NOT NULL CHECK (status IN ('draft', 'active', 'archived')),
    search_title TEXT NOT NULL DEFAULT '',
    search_text  TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX products_category ON products(category_id);
CREATE INDEX products_status_created ON products(status, created_at);

CREATE VIRTUAL TABLE products_fts USING fts5(
    search_title, search_text,
    content = 'products', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER products_fts_insert AFTER INSERT ON products BEGIN
    INSERT INTO products_fts(rowid, search_title, search_text) VALUES (new.id, new.search_title, new.search_text);
END;
CREATE TRIGGER products_fts_delete AFTER DELETE ON products BEGIN
    INSERT INTO products_fts(products_fts, rowid, search_title, search_text) VALUES ('delete', old.id, old.search_title, old.search_text);
END;
CREATE TRIGGER products_fts_update AFTER UPDATE OF search_title, search_text ON products BEGIN
    INSERT INTO products_fts(products_fts, rowid, search_title, search_text) VALUES ('delete', old.id, old.search_title, old.search_text);
    INSERT INTO products_fts(rowid, search_title, search_text) VALUES (new.id, new.search_title, new.search_text);
END;

CREATE TABLE variants (
    id            INTEGER PRIMARY KEY,
    product_id    INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    sku           TEXT NOT NULL UNIQUE,
    options       TEXT NOT NULL DEFAULT '[]',
    stock_on_hand INTEGER NOT NULL DEFAULT 0 CHECK (stock_on_hand >= 0),
    position      INTEGER NOT NULL DEFAULT 0,
    archived      INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX variants_product ON variants(product_id);

-- One price list per currency: a variant's entry in each.
CREATE TABLE variant_prices (
    variant_id       INTEGER NOT NULL REFERENCES variants(id) ON DELETE CASCADE,
    currency         TEXT NOT NULL CHECK (length(currency) = 3),
    amount_minor     INTEGER NOT NULL CHECK (amount_minor >= 0),
    compare_at_minor INTEGER CHECK (compare_at_minor IS NULL OR compare_at_minor > amount_minor),
    PRIMARY KEY (variant_id, currency)
);
CREATE INDEX variant_prices_currency ON variant_prices(currency, amount_minor);

CREATE TABLE product_images (
    id         INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    variant_id INTEGER REFERENCES variants(id) ON DELETE SET NULL,
    url        TEXT NOT NULL,
    alt        TEXT NOT NULL DEFAULT '',
    position   INTEGER NOT NULL DEFAULT 0,
    width      INTEGER,
    height     INTEGER
);
CREATE INDEX product_images_product ON product_images(product_id, position);

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    role         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at   TEXT
);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
