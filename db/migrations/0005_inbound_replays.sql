CREATE TABLE "inbound_replays" (
	"workspace_id" uuid NOT NULL,
	"source" text NOT NULL,
	"id" text NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbound_replays_source_id_pk" PRIMARY KEY("source","id")
);
--> statement-breakpoint
ALTER TABLE "inbound_replays" ADD CONSTRAINT "inbound_replays_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbound_replays_seen_idx" ON "inbound_replays" USING btree ("seen_at");