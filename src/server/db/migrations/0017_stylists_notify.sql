-- Every instance keeps the matching index (the scoring columns of approved stylists) in memory
-- (stylists/matching-index.ts, on db/notified-cache.ts). Any change to stylist profiles, whoever makes it, tells every
-- instance to reload it: NOTIFY is delivered on commit (never for a rolled-back write), once per statement.
CREATE OR REPLACE FUNCTION stylists_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('stylists_changed', TG_TABLE_NAME);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER stylists_stylists_changed AFTER INSERT OR UPDATE OR DELETE ON stylists FOR EACH STATEMENT EXECUTE FUNCTION stylists_notify_change();
