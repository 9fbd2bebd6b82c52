ALTER TABLE "deliveries" ADD COLUMN "workspace_id" uuid;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "flow_id" uuid;--> statement-breakpoint
CREATE FUNCTION alertflow_delivery_scope() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT r.workspace_id, r.flow_id INTO NEW.workspace_id, NEW.flow_id FROM runs r WHERE r.id = NEW.run_id;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER deliveries_scope BEFORE INSERT ON deliveries FOR EACH ROW EXECUTE FUNCTION alertflow_delivery_scope();--> statement-breakpoint
UPDATE "deliveries" d SET "workspace_id" = r."workspace_id", "flow_id" = r."flow_id" FROM "runs" r WHERE r."id" = d."run_id";--> statement-breakpoint
-- Covering indexes (drizzle-kit cannot express INCLUDE): the insights read a window of a
-- workspace's runs and messages from the index alone, without the wide rows (alert jsonb,
-- recorded requests).
CREATE INDEX "runs_insights_idx" ON "runs" USING btree ("workspace_id", "created_at") INCLUDE ("flow_id", "status", "first_error_at", "acknowledged_at", "resolved_at");--> statement-breakpoint
CREATE INDEX "deliveries_insights_idx" ON "deliveries" USING btree ("workspace_id", "created_at") INCLUDE ("flow_id", "integration_id", "run_id", "status", "latency_ms");
