-- Every order moves stock (a variant's stock and its product's inventory). Until now each of those updates NOTIFYed
-- `catalog_changed` like any other catalogue edit, and every instance emptied its whole catalogue cache on every
-- checkout. An update that changes nothing but stock now says which products it touched ('stock:<id>,<id>'), so a cache
-- drops only the answers that show those products; any other change still sends the table's name (drop everything).
-- Listeners that do not look at the payload (editorial, the search feed) behave as before.
CREATE OR REPLACE FUNCTION catalog_notify_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  stock_only boolean;
  ids text;
BEGIN
  IF TG_TABLE_NAME = 'product_variants' THEN
    SELECT NOT EXISTS (
             SELECT 1 FROM old_rows o FULL JOIN new_rows n ON n.id = o.id
              WHERE o.id IS NULL OR n.id IS NULL OR (to_jsonb(o) - 'stock') IS DISTINCT FROM (to_jsonb(n) - 'stock')),
           (SELECT string_agg(DISTINCT product_id::text, ',') FROM new_rows)
      INTO stock_only, ids;
  ELSE
    SELECT NOT EXISTS (
             SELECT 1 FROM old_rows o FULL JOIN new_rows n ON n.id = o.id
              WHERE o.id IS NULL OR n.id IS NULL
                 OR (to_jsonb(o) - 'inventory' - 'updated_at') IS DISTINCT FROM (to_jsonb(n) - 'inventory' - 'updated_at')),
           (SELECT string_agg(id::text, ',') FROM new_rows)
      INTO stock_only, ids;
  END IF;
  IF ids IS NULL THEN
    RETURN NULL; -- nothing was updated
  END IF;
  -- A payload holds at most 8000 bytes: a bulk stock change names too many products, and drops everything instead.
  IF stock_only AND length(ids) < 7900 THEN
    PERFORM pg_notify('catalog_changed', 'stock:' || ids);
  ELSE
    PERFORM pg_notify('catalog_changed', TG_TABLE_NAME);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS products_catalog_changed ON products;
--> statement-breakpoint
DROP TRIGGER IF EXISTS product_variants_catalog_changed ON product_variants;
--> statement-breakpoint
CREATE TRIGGER products_catalog_changed AFTER INSERT OR DELETE ON products FOR EACH STATEMENT EXECUTE FUNCTION catalog_notify_change();
--> statement-breakpoint
CREATE TRIGGER product_variants_catalog_changed AFTER INSERT OR DELETE ON product_variants FOR EACH STATEMENT EXECUTE FUNCTION catalog_notify_change();
--> statement-breakpoint
CREATE TRIGGER products_catalog_updated AFTER UPDATE ON products REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_notify_update();
--> statement-breakpoint
CREATE TRIGGER product_variants_catalog_updated AFTER UPDATE ON product_variants REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_notify_update();
