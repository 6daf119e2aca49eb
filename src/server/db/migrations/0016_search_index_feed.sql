-- The change feed of the in-memory search index (catalog/search-index/): every row of product_search and search_terms
-- carries the id of the transaction that last wrote it, and a removed product leaves a tombstone. An instance that
-- read the catalog under snapshot S asks for the rows of transactions S did not see (xid >= S.xmax or in S.xip): exact
-- whatever the commit order, and cheap through the btree on the column. The NOTIFY of 0012 says when to ask.
ALTER TABLE "product_search" ADD COLUMN "changed_xid" xid8 NOT NULL DEFAULT pg_current_xact_id();
--> statement-breakpoint
CREATE INDEX "product_search_changed_xid_idx" ON "product_search" ("changed_xid");
--> statement-breakpoint
ALTER TABLE "search_terms" ADD COLUMN "changed_xid" xid8 NOT NULL DEFAULT pg_current_xact_id();
--> statement-breakpoint
CREATE INDEX "search_terms_changed_xid_idx" ON "search_terms" ("changed_xid");
--> statement-breakpoint
CREATE OR REPLACE FUNCTION catalog_stamp_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.changed_xid := pg_current_xact_id();
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER product_search_stamp BEFORE INSERT OR UPDATE ON product_search FOR EACH ROW EXECUTE FUNCTION catalog_stamp_change();
--> statement-breakpoint
CREATE TRIGGER search_terms_stamp BEFORE INSERT OR UPDATE ON search_terms FOR EACH ROW EXECUTE FUNCTION catalog_stamp_change();
--> statement-breakpoint
CREATE TABLE "product_search_removed" (
  "product_id" uuid PRIMARY KEY NOT NULL,
  "changed_xid" xid8 NOT NULL DEFAULT pg_current_xact_id()
);
--> statement-breakpoint
CREATE INDEX "product_search_removed_changed_xid_idx" ON "product_search_removed" ("changed_xid");
--> statement-breakpoint
CREATE OR REPLACE FUNCTION catalog_record_removal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO product_search_removed (product_id, changed_xid) VALUES (OLD.product_id, pg_current_xact_id())
  ON CONFLICT (product_id) DO UPDATE SET changed_xid = EXCLUDED.changed_xid;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER product_search_removal AFTER DELETE ON product_search FOR EACH ROW EXECUTE FUNCTION catalog_record_removal();
