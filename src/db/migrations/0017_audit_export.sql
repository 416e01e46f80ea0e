CREATE TABLE "organization_audit" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "organization_audit_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"organization_id" text,
	"at" timestamp with time zone NOT NULL,
	"actor_id" text,
	"actor_name" text NOT NULL,
	"subject" text NOT NULL,
	"subject_id" text NOT NULL,
	"action" text NOT NULL,
	"message" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "offer_history" DROP CONSTRAINT "offer_history_offer_id_offers_id_fk";
--> statement-breakpoint
ALTER TABLE "offer_history" ADD COLUMN "organization_id" text;--> statement-breakpoint
ALTER TABLE "offer_history" ADD COLUMN "offer_name" text;--> statement-breakpoint
-- Written by hand: existing entries take their offer's organisation and current name (every entry had its
-- offer until now: the foreign key cascaded), then the columns are required like drizzle-kit made them.
UPDATE "offer_history" h SET "organization_id" = o."organization_id", "offer_name" = o."name"
  FROM "offers" o WHERE o."id" = h."offer_id";--> statement-breakpoint
ALTER TABLE "offer_history" ALTER COLUMN "organization_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "offer_history" ALTER COLUMN "offer_name" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "organization_audit" ADD CONSTRAINT "organization_audit_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organization_audit_organization_idx" ON "organization_audit" USING btree ("organization_id","at");--> statement-breakpoint
CREATE INDEX "organization_audit_at_idx" ON "organization_audit" USING btree ("at");--> statement-breakpoint
ALTER TABLE "offer_history" ADD CONSTRAINT "offer_history_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "offer_history_organization_idx" ON "offer_history" USING btree ("organization_id","at");