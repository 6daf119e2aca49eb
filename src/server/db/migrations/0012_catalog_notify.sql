-- Every instance keeps catalog answers in memory (catalog/catalog-cache.ts). Any change to products, their variants,
-- brands, categories or collections, whoever makes it, tells every instance to drop them: NOTIFY is delivered on commit (never for a
-- rolled-back write), once per transaction. This replaces the version counter of 0011.
DROP TRIGGER IF EXISTS products_bump_version ON products;
--> statement-breakpoint
DROP TRIGGER IF EXISTS brands_bump_version ON brands;
--> statement-breakpoint
DROP TRIGGER IF EXISTS categories_bump_version ON categories;
--> statement-breakpoint
DROP FUNCTION IF EXISTS catalog_bump_version();
--> statement-breakpoint
DROP SEQUENCE IF EXISTS catalog_version;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION catalog_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('catalog_changed', TG_TABLE_NAME);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER products_catalog_changed AFTER INSERT OR UPDATE OR DELETE ON products FOR EACH STATEMENT EXECUTE FUNCTION catalog_notify_change();
--> statement-breakpoint
CREATE TRIGGER product_variants_catalog_changed AFTER INSERT OR UPDATE OR DELETE ON product_variants FOR EACH STATEMENT EXECUTE FUNCTION catalog_notify_change();
--> statement-breakpoint
CREATE TRIGGER brands_catalog_changed AFTER INSERT OR UPDATE OR DELETE ON brands FOR EACH STATEMENT EXECUTE FUNCTION catalog_notify_change();
--> statement-breakpoint
CREATE TRIGGER categories_catalog_changed AFTER INSERT OR UPDATE OR DELETE ON categories FOR EACH STATEMENT EXECUTE FUNCTION catalog_notify_change();
--> statement-breakpoint
CREATE TRIGGER collections_catalog_changed AFTER INSERT OR UPDATE OR DELETE ON collections FOR EACH STATEMENT EXECUTE FUNCTION catalog_notify_change();
--> statement-breakpoint
CREATE TRIGGER collection_products_catalog_changed AFTER INSERT OR UPDATE OR DELETE ON collection_products FOR EACH STATEMENT EXECUTE FUNCTION catalog_notify_change();
