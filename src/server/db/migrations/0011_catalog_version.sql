-- A counter that moves on every statement that changes what search shows (products, brands, categories). Search and
-- suggestion results are cached per process under the value read before computing them, so a cached answer is used only
-- while nothing in the catalog has changed since (see catalog/search-cache.ts).
CREATE SEQUENCE IF NOT EXISTS catalog_version;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION catalog_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('catalog_version');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER products_bump_version AFTER INSERT OR UPDATE OR DELETE ON products FOR EACH STATEMENT EXECUTE FUNCTION catalog_bump_version();
--> statement-breakpoint
CREATE TRIGGER brands_bump_version AFTER INSERT OR UPDATE OR DELETE ON brands FOR EACH STATEMENT EXECUTE FUNCTION catalog_bump_version();
--> statement-breakpoint
CREATE TRIGGER categories_bump_version AFTER INSERT OR UPDATE OR DELETE ON categories FOR EACH STATEMENT EXECUTE FUNCTION catalog_bump_version();
