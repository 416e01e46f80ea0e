CREATE TABLE "catalog_offers" (
	"offer_id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"organization_name" text NOT NULL,
	"name" text NOT NULL,
	"summary" text NOT NULL,
	"offer_type" text NOT NULL,
	"markets" text[] NOT NULL,
	"sold_through_csp" boolean NOT NULL,
	"co_sell_status" text NOT NULL,
	"status_rank" smallint NOT NULL,
	"platforms" text[] NOT NULL,
	"segments" text[] NOT NULL,
	"solution_type" text,
	"areas" text[] NOT NULL,
	"sub_areas" text[] NOT NULL,
	"name_text" text NOT NULL,
	"search_text" text NOT NULL,
	"tsv" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, name_text), 'A') || to_tsvector('simple'::regconfig, search_text)) STORED NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalog_offers" ADD CONSTRAINT "catalog_offers_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalog_offers_tsv_idx" ON "catalog_offers" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "catalog_offers_search_trgm_idx" ON "catalog_offers" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "catalog_offers_platforms_idx" ON "catalog_offers" USING gin ("platforms");--> statement-breakpoint
CREATE INDEX "catalog_offers_segments_idx" ON "catalog_offers" USING gin ("segments");--> statement-breakpoint
CREATE INDEX "catalog_offers_areas_idx" ON "catalog_offers" USING gin ("areas");--> statement-breakpoint
CREATE INDEX "catalog_offers_sub_areas_idx" ON "catalog_offers" USING gin ("sub_areas");--> statement-breakpoint
CREATE INDEX "catalog_offers_markets_idx" ON "catalog_offers" USING gin ("markets");--> statement-breakpoint
CREATE INDEX "catalog_offers_rank_idx" ON "catalog_offers" USING btree ("status_rank" DESC NULLS LAST,"offer_id");