CREATE TABLE "referral_events" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "referral_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"referral_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" text,
	"actor_name" text NOT NULL,
	"side" text NOT NULL,
	"kind" text NOT NULL,
	"message" jsonb NOT NULL,
	"summary" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "referrals_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"organization_id" text NOT NULL,
	"direction" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"qualification" text NOT NULL,
	"status" text NOT NULL,
	"substatus" text NOT NULL,
	"status_reason" text,
	"customer_name" text NOT NULL,
	"customer_country" text NOT NULL,
	"customer_address" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"customer_size" text,
	"customer_contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"consent_to_share" boolean NOT NULL,
	"consent_to_contact" boolean NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"deal_value" numeric(18, 2),
	"currency" text,
	"closing_at" timestamp with time zone,
	"solutions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"offer_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"partner_external_id" text,
	"vendor_external_id" text,
	"team" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"vendor_user_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"created_by_id" text,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referral_events_referral_idx" ON "referral_events" USING btree ("referral_id","seq");--> statement-breakpoint
CREATE INDEX "referrals_organization_idx" ON "referrals" USING btree ("organization_id","seq");--> statement-breakpoint
CREATE INDEX "referrals_vendor_users_idx" ON "referrals" USING gin ("vendor_user_ids");--> statement-breakpoint
CREATE INDEX "referrals_offer_ids_idx" ON "referrals" USING gin ("offer_ids");--> statement-breakpoint
CREATE INDEX "referrals_new_idx" ON "referrals" USING btree ("expires_at") WHERE status = 'New';--> statement-breakpoint
CREATE INDEX "referrals_seq_idx" ON "referrals" USING btree ("seq");