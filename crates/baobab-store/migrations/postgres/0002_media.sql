-- Product media processed at upload: one row per distinct original (by SHA-256).
CREATE TABLE media_assets (
    hash        TEXT PRIMARY KEY CHECK (hash ~ '^[0-9a-f]{64}$'),
    source      TEXT NOT NULL CHECK (source IN ('jpeg', 'png', 'webp')),
    width       INTEGER NOT NULL CHECK (width > 0),
    height      INTEGER NOT NULL CHECK (height > 0),
    bytes       BIGINT NOT NULL CHECK (bytes >= 0),
    widths      JSONB NOT NULL,
    placeholder TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
ALTER TABLE product_images ADD COLUMN media_hash TEXT REFERENCES media_assets(hash);
CREATE INDEX product_images_media ON product_images(media_hash);
