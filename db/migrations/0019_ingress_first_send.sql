ALTER TABLE "deliveries" ADD COLUMN "leased_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "incident_inboxes" ADD COLUMN "start_input" jsonb;