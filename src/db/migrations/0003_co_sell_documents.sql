CREATE TABLE "co_sell_documents" (
	"id" text PRIMARY KEY NOT NULL,
	"offer_id" text NOT NULL,
	"slot" text NOT NULL,
	"version" integer NOT NULL,
	"state" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"restored_from_version" integer,
	"uploaded_at" timestamp with time zone NOT NULL,
	"uploaded_by_id" text,
	"uploaded_by_name" text NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "co_sell_documents_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1)
);
--> statement-breakpoint
ALTER TABLE "offers" ADD COLUMN "external_reference_url" text;--> statement-breakpoint
ALTER TABLE "co_sell_documents" ADD CONSTRAINT "co_sell_documents_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "co_sell_documents_offer_idx" ON "co_sell_documents" USING btree ("offer_id","slot","seq");--> statement-breakpoint
CREATE INDEX "co_sell_documents_sha256_idx" ON "co_sell_documents" USING btree ("sha256");