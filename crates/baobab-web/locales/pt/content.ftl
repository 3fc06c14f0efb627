# Translating the catalog's own content (product and category titles, descriptions, attributes).
