-- Catalog content in the shop's other languages (SQLite). The products' and categories' own
-- columns hold the default language's content; a translation row holds one language's title
-- (name), description, slug and attribute names and values. NULL falls back to the default.
CREATE TABLE product_translations (
    id           INTEGER PRIMARY KEY,
    product_id   INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    lang         TEXT NOT NULL CHECK (length(lang) BETWEEN 2 AND 35 AND lang = lower(lang)),
    title        TEXT,
    description  TEXT,
    slug         TEXT,
    -- {"<attribute name in the default language>": {"name": …, "value": …}}
    attributes   TEXT NOT NULL DEFAULT '{}',
    -- what a shopper reading this language sees, normalised: the translation where there is
    -- one, the default content where not
    search_title TEXT NOT NULL DEFAULT '',
    search_text  TEXT NOT NULL DEFAULT '',
    updated_at   TEXT NOT NULL,
    UNIQUE (product_id, lang),
    UNIQUE (lang, slug)
);

CREATE VIRTUAL TABLE product_translations_fts USING fts5(
    search_title, search_text,
    content = 'product_translations', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER product_translations_fts_insert AFTER INSERT ON product_translations BEGIN
    INSERT INTO product_translations_fts(rowid, search_title, search_text) VALUES (new.id, new.search_title, new.search_text);
END;
CREATE TRIGGER product_translations_fts_delete AFTER DELETE ON product_translations BEGIN
    INSERT INTO product_translations_fts(product_translations_fts, rowid, search_title, search_text)
    VALUES ('delete', old.id, old.search_title, old.search_text);
END;
CREATE TRIGGER product_translations_fts_update AFTER UPDATE OF search_title, search_text ON product_translations BEGIN
    INSERT INTO product_translations_fts(product_translations_fts, rowid, search_title, search_text)
    VALUES ('delete', old.id, old.search_title, old.search_text);
    INSERT INTO product_translations_fts(rowid, search_title, search_text) VALUES (new.id, new.search_title, new.search_text);
END;

CREATE TABLE category_translations (
    id          INTEGER PRIMARY KEY,
    category_id INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
    lang        TEXT NOT NULL CHECK (length(lang) BETWEEN 2 AND 35 AND lang = lower(lang)),
    name        TEXT,
    description TEXT,
    slug        TEXT,
    updated_at  TEXT NOT NULL,
    UNIQUE (category_id, lang),
    UNIQUE (lang, slug)
);

-- The products' index folds diacritics too (unicode61 remove_diacritics 2, which also folds
-- letters whose marks Unicode composes in more than one way); the application already folds
-- accents before indexing, so this is a second line, for text written by other tools.
DROP TRIGGER products_fts_insert;
DROP TRIGGER products_fts_delete;
DROP TRIGGER products_fts_update;
DROP TABLE products_fts;
CREATE VIRTUAL TABLE products_fts USING fts5(
    search_title, search_text,
    content = 'products', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
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
INSERT INTO products_fts(products_fts) VALUES ('rebuild');
