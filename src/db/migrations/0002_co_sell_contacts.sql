CREATE TABLE "co_sell_contacts" (
	"id" text PRIMARY KEY NOT NULL,
	"offer_id" text NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"job_title" text NOT NULL,
	"role" text NOT NULL,
	"countries" text[] NOT NULL,
	"states" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "offers" ADD COLUMN "contacts_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "co_sell_contacts" ADD CONSTRAINT "co_sell_contacts_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "co_sell_contacts_offer_idx" ON "co_sell_contacts" USING btree ("offer_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "co_sell_contacts_offer_email_role_key" ON "co_sell_contacts" USING btree ("offer_id","email","role");