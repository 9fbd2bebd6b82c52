ALTER TABLE "deliveries" ADD COLUMN "error_reason" jsonb;--> statement-breakpoint
ALTER TABLE "delivery_attempts" ADD COLUMN "error_reason" jsonb;