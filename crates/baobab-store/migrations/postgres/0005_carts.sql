-- Carts live in the database (any instance serves them): keyed by their owner, `s:<session
-- hash>` for a guest or `u:<user id>` for a customer, so a guest cart can be merged at login.
CREATE TABLE cart_lines (
    owner      TEXT NOT NULL,
    variant_id BIGINT NOT NULL REFERENCES variants(id) ON DELETE CASCADE,
    quantity   INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (owner, variant_id)
);
-- Who placed an order (its cart owner), so a guest's confirmation page opens only for them.
ALTER TABLE orders ADD COLUMN placed_by TEXT NOT NULL DEFAULT '';
