CREATE TYPE "public"."stylist_window_kind" AS ENUM('AVAILABLE', 'BLOCKED');--> statement-breakpoint
CREATE TYPE "public"."booking_request_status" AS ENUM('PENDING', 'ACCEPTED', 'DECLINED', 'CANCELLED', 'EXPIRED');--> statement-breakpoint
CREATE TYPE "public"."booking_status" AS ENUM('CONFIRMED', 'CANCELLED', 'COMPLETED', 'NO_SHOW');--> statement-breakpoint
CREATE TYPE "public"."stylist_service_kind" AS ENUM('VIRTUAL_CONSULTATION', 'IN_PERSON_SESSION', 'WARDROBE_EDIT', 'PERSONAL_SHOPPING_TRIP', 'RED_CARPET_PREPARATION', 'BRIDAL', 'EVENT_STYLING');--> statement-breakpoint
CREATE TYPE "public"."stylist_status" AS ENUM('PENDING_REVIEW', 'APPROVED', 'REJECTED', 'SUSPENDED');--> statement-breakpoint
CREATE TABLE "booking_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"actor_id" uuid,
	"type" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "booking_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"stylist_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"service_id" uuid,
	"start_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"message" text,
	"status" "booking_request_status" DEFAULT 'PENDING' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"decline_reason" text,
	"alternative_dates" timestamp with time zone[] DEFAULT '{}'::timestamptz[] NOT NULL,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "booking_requests_duration_check" CHECK ("booking_requests"."duration_minutes" between 15 and 720)
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"token_enc" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stylist_availability_windows" (
	"id" uuid PRIMARY KEY NOT NULL,
	"stylist_id" uuid NOT NULL,
	"kind" "stylist_window_kind" NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stylist_windows_order_check" CHECK ("stylist_availability_windows"."end_at" > "stylist_availability_windows"."start_at")
);
--> statement-breakpoint
CREATE TABLE "stylist_bookings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"stylist_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"service_id" uuid,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"block_start" timestamp with time zone NOT NULL,
	"block_end" timestamp with time zone NOT NULL,
	"status" "booking_status" DEFAULT 'CONFIRMED' NOT NULL,
	"location" text,
	"notes" text,
	"reminder_sent_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" uuid,
	"cancel_reason" text,
	"late_cancellation" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stylist_bookings_order_check" CHECK ("stylist_bookings"."end_at" > "stylist_bookings"."start_at" and "stylist_bookings"."block_start" <= "stylist_bookings"."start_at" and "stylist_bookings"."block_end" >= "stylist_bookings"."end_at")
);
--> statement-breakpoint
CREATE TABLE "stylist_portfolio_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"stylist_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"image_url" text NOT NULL,
	"media_id" uuid,
	"description" text,
	"client_name" text,
	"date" timestamp with time zone,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stylist_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"booking_id" uuid NOT NULL,
	"stylist_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"rating" integer NOT NULL,
	"text" text NOT NULL,
	"reply" text,
	"replied_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stylist_reviews_rating_check" CHECK ("stylist_reviews"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "stylist_services" (
	"id" uuid PRIMARY KEY NOT NULL,
	"stylist_id" uuid NOT NULL,
	"kind" "stylist_service_kind" NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"duration_minutes" integer NOT NULL,
	"price_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stylist_services_duration_check" CHECK ("stylist_services"."duration_minutes" between 15 and 720)
);
--> statement-breakpoint
CREATE TABLE "stylists" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"status" "stylist_status" DEFAULT 'PENDING_REVIEW' NOT NULL,
	"headline" text DEFAULT '' NOT NULL,
	"bio" text NOT NULL,
	"specialties" text[] DEFAULT '{}'::text[] NOT NULL,
	"style_tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"experience_years" integer DEFAULT 0 NOT NULL,
	"rate_minor" bigint NOT NULL,
	"rate_currency" text NOT NULL,
	"rate_eur_minor" bigint NOT NULL,
	"city" text DEFAULT '' NOT NULL,
	"country" text DEFAULT '' NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"travel_radius_km" integer DEFAULT 0 NOT NULL,
	"offers_virtual" boolean DEFAULT true NOT NULL,
	"portrait_name" text,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"weekly" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"buffer_minutes" integer DEFAULT 30 NOT NULL,
	"min_notice_hours" integer DEFAULT 24 NOT NULL,
	"horizon_days" integer DEFAULT 90 NOT NULL,
	"free_cancellation_hours" integer DEFAULT 48 NOT NULL,
	"rating_sum" integer DEFAULT 0 NOT NULL,
	"review_count" integer DEFAULT 0 NOT NULL,
	"requests_received" integer DEFAULT 0 NOT NULL,
	"requests_answered" integer DEFAULT 0 NOT NULL,
	"vetting_notes" text,
	"vetted_at" timestamp with time zone,
	"vetted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "stylists_experience_check" CHECK ("stylists"."experience_years" between 0 and 80),
	CONSTRAINT "stylists_rating_check" CHECK ("stylists"."review_count" >= 0 and "stylists"."rating_sum" between "stylists"."review_count" and 5 * "stylists"."review_count")
);
--> statement-breakpoint
ALTER TABLE "booking_events" ADD CONSTRAINT "booking_events_request_id_booking_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."booking_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_requests" ADD CONSTRAINT "booking_requests_stylist_id_stylists_id_fk" FOREIGN KEY ("stylist_id") REFERENCES "public"."stylists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_requests" ADD CONSTRAINT "booking_requests_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_requests" ADD CONSTRAINT "booking_requests_service_id_stylist_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."stylist_services"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stylist_availability_windows" ADD CONSTRAINT "stylist_availability_windows_stylist_id_stylists_id_fk" FOREIGN KEY ("stylist_id") REFERENCES "public"."stylists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stylist_bookings" ADD CONSTRAINT "stylist_bookings_request_id_booking_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."booking_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stylist_bookings" ADD CONSTRAINT "stylist_bookings_stylist_id_stylists_id_fk" FOREIGN KEY ("stylist_id") REFERENCES "public"."stylists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stylist_bookings" ADD CONSTRAINT "stylist_bookings_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stylist_bookings" ADD CONSTRAINT "stylist_bookings_service_id_stylist_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."stylist_services"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stylist_portfolio_items" ADD CONSTRAINT "stylist_portfolio_items_stylist_id_stylists_id_fk" FOREIGN KEY ("stylist_id") REFERENCES "public"."stylists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stylist_reviews" ADD CONSTRAINT "stylist_reviews_booking_id_stylist_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."stylist_bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stylist_reviews" ADD CONSTRAINT "stylist_reviews_stylist_id_stylists_id_fk" FOREIGN KEY ("stylist_id") REFERENCES "public"."stylists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stylist_reviews" ADD CONSTRAINT "stylist_reviews_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stylist_services" ADD CONSTRAINT "stylist_services_stylist_id_stylists_id_fk" FOREIGN KEY ("stylist_id") REFERENCES "public"."stylists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stylists" ADD CONSTRAINT "stylists_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "booking_events_request_idx" ON "booking_events" USING btree ("request_id","at");--> statement-breakpoint
CREATE INDEX "booking_requests_stylist_idx" ON "booking_requests" USING btree ("stylist_id","status","start_at");--> statement-breakpoint
CREATE INDEX "booking_requests_client_idx" ON "booking_requests" USING btree ("client_id","start_at");--> statement-breakpoint
CREATE INDEX "booking_requests_pending_expiry_idx" ON "booking_requests" USING btree ("expires_at") WHERE "booking_requests"."status" = 'PENDING';--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_key" ON "calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "stylist_windows_range_idx" ON "stylist_availability_windows" USING btree ("stylist_id","start_at");--> statement-breakpoint
CREATE UNIQUE INDEX "stylist_bookings_request_key" ON "stylist_bookings" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "stylist_bookings_stylist_start_idx" ON "stylist_bookings" USING btree ("stylist_id","start_at");--> statement-breakpoint
CREATE INDEX "stylist_bookings_client_start_idx" ON "stylist_bookings" USING btree ("client_id","start_at");--> statement-breakpoint
CREATE INDEX "stylist_bookings_reminder_idx" ON "stylist_bookings" USING btree ("start_at") WHERE "stylist_bookings"."status" = 'CONFIRMED' and "stylist_bookings"."reminder_sent_at" is null;--> statement-breakpoint
CREATE INDEX "stylist_portfolio_stylist_idx" ON "stylist_portfolio_items" USING btree ("stylist_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "stylist_reviews_booking_key" ON "stylist_reviews" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "stylist_reviews_stylist_idx" ON "stylist_reviews" USING btree ("stylist_id","created_at");--> statement-breakpoint
CREATE INDEX "stylist_services_stylist_idx" ON "stylist_services" USING btree ("stylist_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stylists_user_key" ON "stylists" USING btree ("user_id") WHERE "stylists"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "stylists_status_id_idx" ON "stylists" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "stylists_specialties_idx" ON "stylists" USING gin ("specialties");