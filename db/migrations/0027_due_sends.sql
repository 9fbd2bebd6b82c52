CREATE TYPE "public"."due_send_state" AS ENUM('waiting', 'claimed');--> statement-breakpoint
CREATE TABLE "due_sends" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"basis_seq" bigint NOT NULL,
	"message" jsonb NOT NULL,
	"state" "due_send_state" DEFAULT 'waiting' NOT NULL,
	"claimed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incident_inboxes" ADD COLUMN "sends_stopped_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "due_sends" ADD CONSTRAINT "due_sends_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "due_sends_idempotency_uq" ON "due_sends" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "due_sends_run_idx" ON "due_sends" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "due_sends_waiting_idx" ON "due_sends" USING btree ("due_at") WHERE "due_sends"."state" = 'waiting';