CREATE TABLE "seed_progress" (
	"name" text PRIMARY KEY NOT NULL,
	"seed" integer NOT NULL,
	"total" integer NOT NULL,
	"chunk_size" integer NOT NULL,
	"chunks_done" integer NOT NULL,
	"rows" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
