CREATE TABLE "seed_runs" (
	"name" text PRIMARY KEY NOT NULL,
	"seed" integer NOT NULL,
	"rows" integer DEFAULT 0 NOT NULL,
	"completed_at" timestamp with time zone DEFAULT now() NOT NULL
);
