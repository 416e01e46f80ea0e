CREATE TABLE "catalog_identity" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL
);--> statement-breakpoint
-- The one row: this database's name, drawn now, which search index snapshots taken from it carry.
INSERT INTO "catalog_identity" DEFAULT VALUES;
