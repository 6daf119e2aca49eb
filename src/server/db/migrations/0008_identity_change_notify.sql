-- Every instance keeps signed-in callers in memory (identity/actor-cache.ts). Any change to an account or its
-- sessions, whoever makes it, tells every instance which user to drop: NOTIFY is sent on commit, never for a
-- rolled-back write.
CREATE OR REPLACE FUNCTION identity_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('identity_changed', to_jsonb(OLD) ->> TG_ARGV[0]);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER users_identity_changed AFTER UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION identity_notify_change('id');
--> statement-breakpoint
CREATE TRIGGER refresh_tokens_identity_changed AFTER UPDATE OR DELETE ON refresh_tokens
  FOR EACH ROW EXECUTE FUNCTION identity_notify_change('user_id');
