-- product_search mirrors only what search reads. Orders change a product's inventory on every checkout; rewriting its
-- search row (and stamping it for every instance's in-memory index) each time made a checkout pay for a search
-- re-index that changes nothing. The row is now rewritten when a column it mirrors changes.
DROP TRIGGER IF EXISTS products_sync_search ON products;
--> statement-breakpoint
CREATE TRIGGER products_sync_search AFTER INSERT ON products FOR EACH ROW EXECUTE FUNCTION catalog_sync_product_search();
--> statement-breakpoint
CREATE TRIGGER products_sync_search_update AFTER UPDATE ON products FOR EACH ROW
  WHEN (OLD.visibility IS DISTINCT FROM NEW.visibility OR OLD.brand_id IS DISTINCT FROM NEW.brand_id
    OR OLD.category_ids IS DISTINCT FROM NEW.category_ids OR OLD.price_minor IS DISTINCT FROM NEW.price_minor
    OR OLD.currency IS DISTINCT FROM NEW.currency OR OLD.colors IS DISTINCT FROM NEW.colors OR OLD.sizes IS DISTINCT FROM NEW.sizes
    OR OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.search_document IS DISTINCT FROM NEW.search_document)
  EXECUTE FUNCTION catalog_sync_product_search();
