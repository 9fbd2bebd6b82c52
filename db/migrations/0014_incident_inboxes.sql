CREATE TABLE "inbox_events" (
	"inbox_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"event" jsonb NOT NULL,
	CONSTRAINT "inbox_events_inbox_id_seq_pk" PRIMARY KEY("inbox_id","seq")
);
--> statement-breakpoint
CREATE TABLE "incident_inboxes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workflow_id" text NOT NULL,
	"last_seq" bigint DEFAULT 0 NOT NULL,
	"poked_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inbox_events" ADD CONSTRAINT "inbox_events_inbox_id_incident_inboxes_id_fk" FOREIGN KEY ("inbox_id") REFERENCES "public"."incident_inboxes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_inboxes" ADD CONSTRAINT "incident_inboxes_id_runs_id_fk" FOREIGN KEY ("id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "incident_inboxes_open_uq" ON "incident_inboxes" USING btree ("workflow_id") WHERE "incident_inboxes"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "incident_inboxes_poked_idx" ON "incident_inboxes" USING btree ("poked_at") WHERE "incident_inboxes"."poked_at" is not null and "incident_inboxes"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "incident_inboxes_closed_idx" ON "incident_inboxes" USING btree ("closed_at");