ALTER TABLE "co_sell_submissions" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "co_sell_submissions" ADD COLUMN "item_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "co_sell_submissions" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "co_sell_submissions" ADD COLUMN "withdrawn_by_id" text;--> statement-breakpoint
ALTER TABLE "co_sell_submissions" ADD COLUMN "withdrawn_by_name" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "content" jsonb;--> statement-breakpoint
ALTER TABLE "offer_history" ADD COLUMN "summary_message" jsonb;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locale" text;