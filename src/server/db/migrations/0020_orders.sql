CREATE TYPE "public"."delivery_option" AS ENUM('INSURED_COURIER', 'WHITE_GLOVE', 'STORE_COLLECTION', 'HOTEL_DELIVERY');--> statement-breakpoint
CREATE TYPE "public"."order_actor_kind" AS ENUM('CLIENT', 'ADMIN', 'SYSTEM', 'PROVIDER');--> statement-breakpoint
CREATE TYPE "public"."order_status" AS ENUM('PENDING_PAYMENT', 'AWAITING_APPROVAL', 'PAID', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'REFUNDED', 'PARTIALLY_REFUNDED');--> statement-breakpoint
CREATE SEQUENCE "public"."order_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "bags" (
	"client_id" uuid PRIMARY KEY NOT NULL,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deposit_rules" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"percent" smallint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "deposit_rules_percent_check" CHECK ("deposit_rules"."percent" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "order_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"from_status" "order_status",
	"to_status" "order_status" NOT NULL,
	"note" text,
	"actor_kind" "order_actor_kind" NOT NULL,
	"actor_id" uuid,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "order_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"product_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"brand_id" uuid NOT NULL,
	"brand_is_partner" boolean NOT NULL,
	"name" text NOT NULL,
	"brand_name" text NOT NULL,
	"sku" text NOT NULL,
	"color" text,
	"size" text,
	"image_url" text,
	"quantity" integer NOT NULL,
	"unit_price_minor" bigint NOT NULL,
	"total_minor" bigint NOT NULL,
	"source_price_minor" bigint NOT NULL,
	"source_currency" text NOT NULL,
	"deposit_percent" smallint,
	"deposit_minor" bigint,
	"customizations" text,
	CONSTRAINT "order_items_quantity_check" CHECK ("order_items"."quantity" between 1 and 99),
	CONSTRAINT "order_items_total_check" CHECK ("order_items"."total_minor" = "order_items"."unit_price_minor" * "order_items"."quantity")
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"client_id" uuid NOT NULL,
	"stylist_id" uuid,
	"status" "order_status" DEFAULT 'PENDING_PAYMENT' NOT NULL,
	"currency" text NOT NULL,
	"items_minor" bigint NOT NULL,
	"delivery_minor" bigint NOT NULL,
	"duties_minor" bigint NOT NULL,
	"vat_minor" bigint NOT NULL,
	"total_minor" bigint NOT NULL,
	"due_now_minor" bigint NOT NULL,
	"paid_minor" bigint DEFAULT 0 NOT NULL,
	"fx" jsonb NOT NULL,
	"delivery_option" "delivery_option" NOT NULL,
	"ship_country" text NOT NULL,
	"shipping_address_enc" text,
	"billing_address_enc" text,
	"delivery_note_enc" text,
	"high_value" boolean DEFAULT false NOT NULL,
	"requires_approval" boolean DEFAULT false NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"payment_due_at" timestamp with time zone,
	"payment_id" text,
	"carrier" text,
	"tracking_number" text,
	"tracking_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_amounts_check" CHECK ("orders"."items_minor" >= 0 and "orders"."delivery_minor" >= 0 and "orders"."duties_minor" >= 0 and "orders"."vat_minor" >= 0 and "orders"."paid_minor" >= 0
        and "orders"."total_minor" = "orders"."items_minor" + "orders"."delivery_minor" + "orders"."duties_minor" + "orders"."vat_minor"
        and "orders"."due_now_minor" between 0 and "orders"."total_minor")
);
--> statement-breakpoint
CREATE TABLE "saved_addresses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"label" text NOT NULL,
	"country" text NOT NULL,
	"address_enc" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tax_rates" (
	"country" text PRIMARY KEY NOT NULL,
	"vat_bps" integer NOT NULL,
	"duty_bps" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "tax_rates_bounds_check" CHECK ("tax_rates"."vat_bps" between 0 and 10000 and "tax_rates"."duty_bps" between 0 and 10000 and "tax_rates"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
ALTER TABLE "bags" ADD CONSTRAINT "bags_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_addresses" ADD CONSTRAINT "saved_addresses_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_events_order_idx" ON "order_events" USING btree ("order_id","at");--> statement-breakpoint
CREATE INDEX "order_items_order_idx" ON "order_items" USING btree ("order_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_number_key" ON "orders" USING btree ("number");--> statement-breakpoint
CREATE INDEX "orders_client_idx" ON "orders" USING btree ("client_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "orders_status_idx" ON "orders" USING btree ("status","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "orders_stylist_idx" ON "orders" USING btree ("stylist_id","id" DESC NULLS LAST) WHERE stylist_id is not null;--> statement-breakpoint
CREATE INDEX "orders_payment_due_idx" ON "orders" USING btree ("payment_due_at") WHERE status = 'PENDING_PAYMENT';--> statement-breakpoint
CREATE INDEX "saved_addresses_client_idx" ON "saved_addresses" USING btree ("client_id","created_at");--> statement-breakpoint
ALTER TABLE "product_variants" ADD CONSTRAINT "product_variants_stock_check" CHECK ("product_variants"."stock" >= 0);--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_inventory_check" CHECK ("products"."inventory" >= 0);
--> statement-breakpoint
-- Starting duties and VAT by destination (basis points), for the house office to correct in /admin/tax-rates.
-- Destinations missing here are not delivered to until a rate is set.
INSERT INTO "tax_rates" ("country", "vat_bps", "duty_bps") VALUES
  ('FR', 2000, 0), ('DE', 1900, 0), ('IT', 2200, 0), ('ES', 2100, 0), ('NL', 2100, 0), ('BE', 2100, 0), ('AT', 2000, 0),
  ('PT', 2300, 0), ('IE', 2300, 0), ('LU', 1700, 0), ('MC', 2000, 0), ('DK', 2500, 0), ('SE', 2500, 0),
  ('GB', 2000, 400), ('CH', 810, 300), ('NO', 2500, 400), ('US', 0, 650), ('CA', 500, 600), ('AE', 500, 500),
  ('SA', 1500, 500), ('QA', 0, 500), ('KW', 0, 500), ('BH', 1000, 500), ('JP', 1000, 500), ('KR', 1000, 800),
  ('CN', 1300, 1000), ('HK', 0, 0), ('SG', 900, 0), ('AU', 1000, 500), ('IN', 1800, 2000), ('BR', 1700, 3500),
  ('MX', 1600, 1500), ('ZA', 1500, 2000), ('MA', 2000, 2500)
ON CONFLICT ("country") DO NOTHING;
