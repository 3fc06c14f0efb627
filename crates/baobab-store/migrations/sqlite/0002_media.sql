-- Product media processed at upload: one row per distinct original (by SHA-256).
CREATE TABLE media_assets (
    hash        TEXT PRIMARY KEY,
    source      TEXT NOT NULL CHECK (source IN ('jpeg', 'png', 'webp')),
    width       INTEGER NOT NULL CHECK (width > 0),
    height      INTEGER NOT NULL CHECK (height > 0),
    bytes       INTEGER NOT NULL CHECK (bytes >= 0),
    widths      TEXT NOT NULL,
    placeholder TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
ALTER TABLE product_images ADD COLUMN media_hash TEXT REFERENCES media_assets(hash);
