CREATE TYPE "public"."content_audience" AS ENUM('EVERYONE', 'VIP');--> statement-breakpoint
CREATE TYPE "public"."content_status" AS ENUM('DRAFT', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED');--> statement-breakpoint
CREATE TYPE "public"."content_type" AS ENUM('ARTICLE', 'LOOKBOOK', 'BRAND_STORY', 'EVENT', 'PAGE');--> statement-breakpoint
CREATE TYPE "public"."event_attendance" AS ENUM('EVERYONE', 'CLIENTS', 'VIP');--> statement-breakpoint
CREATE TYPE "public"."rsvp_status" AS ENUM('CONFIRMED', 'WAITLISTED', 'CANCELLED');--> statement-breakpoint
CREATE TABLE "contact_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email_enc" text NOT NULL,
	"topic" text NOT NULL,
	"message" text NOT NULL,
	"user_id" uuid,
	"handled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "content" (
	"id" uuid PRIMARY KEY NOT NULL,
	"type" "content_type" NOT NULL,
	"status" "content_status" DEFAULT 'DRAFT' NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"dek" text DEFAULT '' NOT NULL,
	"body" jsonb NOT NULL,
	"body_text" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"featured_image" text,
	"featured_image_alt" text DEFAULT '' NOT NULL,
	"author_kind" text DEFAULT 'HOUSE' NOT NULL,
	"author_name" text NOT NULL,
	"author_stylist_id" uuid,
	"owner_id" uuid,
	"seo_title" text DEFAULT '' NOT NULL,
	"seo_description" text DEFAULT '' NOT NULL,
	"audience" "content_audience" DEFAULT 'EVERYONE' NOT NULL,
	"featured" boolean DEFAULT false NOT NULL,
	"review_requested_at" timestamp with time zone,
	"publish_at" timestamp with time zone,
	"publish_zone" text,
	"published_at" timestamp with time zone,
	"event" jsonb,
	"capacity" integer,
	"seats_taken" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_seats_within_capacity" CHECK ("content"."capacity" is null or ("content"."seats_taken" >= 0 and "content"."seats_taken" <= "content"."capacity")),
	CONSTRAINT "content_event_has_capacity" CHECK ("content"."type" <> 'EVENT' or ("content"."capacity" is not null and "content"."capacity" > 0))
);
--> statement-breakpoint
CREATE TABLE "content_autosaves" (
	"content_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"base_version" integer NOT NULL,
	"draft" jsonb NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_autosaves_content_id_user_id_pk" PRIMARY KEY("content_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "content_editors" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "content_rsvps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"content_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" "rsvp_status" NOT NULL,
	"guests" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "content_slots" (
	"slot" text PRIMARY KEY NOT NULL,
	"content_id" uuid NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "content_versions" (
	"content_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"saved_by" uuid,
	"saved_by_name" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_versions_content_id_version_pk" PRIMARY KEY("content_id","version")
);
--> statement-breakpoint
ALTER TABLE "content_autosaves" ADD CONSTRAINT "content_autosaves_content_id_content_id_fk" FOREIGN KEY ("content_id") REFERENCES "public"."content"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_rsvps" ADD CONSTRAINT "content_rsvps_content_id_content_id_fk" FOREIGN KEY ("content_id") REFERENCES "public"."content"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_slots" ADD CONSTRAINT "content_slots_content_id_content_id_fk" FOREIGN KEY ("content_id") REFERENCES "public"."content"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_versions" ADD CONSTRAINT "content_versions_content_id_content_id_fk" FOREIGN KEY ("content_id") REFERENCES "public"."content"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_messages_created_idx" ON "contact_messages" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "content_slug_key" ON "content" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "content_listing_idx" ON "content" USING btree ("type","status","published_at");--> statement-breakpoint
CREATE INDEX "content_published_idx" ON "content" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "content_tags_idx" ON "content" USING gin ("tags");--> statement-breakpoint
CREATE UNIQUE INDEX "content_rsvps_once_key" ON "content_rsvps" USING btree ("content_id","user_id");--> statement-breakpoint
CREATE INDEX "content_rsvps_user_idx" ON "content_rsvps" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "content_rsvps_queue_idx" ON "content_rsvps" USING btree ("content_id","status","created_at");
--> statement-breakpoint
-- Every instance keeps public editorial answers in memory (editorial/content-cache.ts): any change to content or the
-- home page's slots, whoever makes it, tells every instance to drop them (NOTIFY is delivered on commit).
CREATE OR REPLACE FUNCTION content_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('content_changed', TG_TABLE_NAME);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER content_content_changed AFTER INSERT OR UPDATE OR DELETE ON content FOR EACH STATEMENT EXECUTE FUNCTION content_notify_change();
--> statement-breakpoint
CREATE TRIGGER content_slots_content_changed AFTER INSERT OR UPDATE OR DELETE ON content_slots FOR EACH STATEMENT EXECUTE FUNCTION content_notify_change();
