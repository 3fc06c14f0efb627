-- The language of the pages an order was placed from (`fr`, `ar`…), so the e-mails about it that
-- are sent later (a status change by staff, a provider's notification) are written in it. Orders
-- placed before have none: they are written in the shop's default language.
ALTER TABLE orders ADD COLUMN language TEXT;
