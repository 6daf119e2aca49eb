-- product_search mirrors the search side of products: a trigger keeps it in the same transaction as every write,
-- whichever code path writes (services, seeders), and the backfill covers rows written before this migration.
CREATE OR REPLACE FUNCTION catalog_sync_product_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO product_search (product_id, visibility, brand_id, category_ids, price_minor, currency, colors, sizes, created_at, document)
  VALUES (NEW.id, NEW.visibility, NEW.brand_id, NEW.category_ids, NEW.price_minor, NEW.currency, NEW.colors, NEW.sizes, NEW.created_at, NEW.search_document)
  ON CONFLICT (product_id) DO UPDATE SET
    visibility = EXCLUDED.visibility, brand_id = EXCLUDED.brand_id, category_ids = EXCLUDED.category_ids,
    price_minor = EXCLUDED.price_minor, currency = EXCLUDED.currency, colors = EXCLUDED.colors, sizes = EXCLUDED.sizes,
    created_at = EXCLUDED.created_at, document = EXCLUDED.document;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER products_sync_search AFTER INSERT OR UPDATE ON products FOR EACH ROW EXECUTE FUNCTION catalog_sync_product_search();
--> statement-breakpoint
INSERT INTO product_search (product_id, visibility, brand_id, category_ids, price_minor, currency, colors, sizes, created_at, document)
SELECT id, visibility, brand_id, category_ids, price_minor, currency, colors, sizes, created_at, search_document FROM products
ON CONFLICT (product_id) DO NOTHING;
--> statement-breakpoint
ANALYZE product_search;
