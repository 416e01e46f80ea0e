CREATE TABLE "catalog_removals" (
	"offer_id" text NOT NULL,
	"removed_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"removed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "catalog_offers_tsv_idx";--> statement-breakpoint
DROP INDEX "catalog_offers_search_trgm_idx";--> statement-breakpoint
DROP INDEX "catalog_offers_platforms_idx";--> statement-breakpoint
DROP INDEX "catalog_offers_segments_idx";--> statement-breakpoint
DROP INDEX "catalog_offers_areas_idx";--> statement-breakpoint
DROP INDEX "catalog_offers_sub_areas_idx";--> statement-breakpoint
DROP INDEX "catalog_offers_markets_idx";--> statement-breakpoint
DROP INDEX "catalog_offers_rank_idx";--> statement-breakpoint
CREATE INDEX "catalog_removals_removed_xid_idx" ON "catalog_removals" USING btree ("removed_xid");--> statement-breakpoint
ALTER TABLE "catalog_offers" DROP COLUMN "tsv";