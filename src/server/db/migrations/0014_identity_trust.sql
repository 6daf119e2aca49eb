ALTER TABLE "email_tokens" ADD COLUMN "new_email_enc" text;--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD COLUMN "successor_enc" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "terms_accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "terms_version" text;