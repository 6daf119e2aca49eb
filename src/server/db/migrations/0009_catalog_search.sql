CREATE TABLE "product_search" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"visibility" "product_visibility" NOT NULL,
	"brand_id" uuid NOT NULL,
	"category_ids" uuid[] NOT NULL,
	"price_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"colors" text[] NOT NULL,
	"sizes" text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"document" "tsvector" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "product_search" ADD CONSTRAINT "product_search_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_search_document_idx" ON "product_search" USING gin ("document");