-- Trusted extension (Postgres 13+): the database owner may create it; both the embedded server and Debian's carry it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "acknowledged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(alert_key || ' ' || coalesce(alert->'monitor'->>'name', '') || ' ' || coalesce(alert->>'summary', '') || ' ' || left(coalesce(alert->>'description', ''), 2000))) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "deliveries_integration_created_idx" ON "deliveries" USING btree ("integration_id","created_at");--> statement-breakpoint
CREATE INDEX "runs_search_trgm_idx" ON "runs" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "runs_labels_idx" ON "runs" USING gin (("alert" -> 'labels') jsonb_path_ops);--> statement-breakpoint
UPDATE "runs" SET "acknowledged_at" = (SELECT min(e."at") FROM "run_events" e WHERE e."run_id" = "runs"."id" AND e."type" = 'acknowledged');--> statement-breakpoint
-- Live updates: every change to a run, its timeline or its deliveries is announced on channel
-- alertflow_runs with ids, status and level only (never the alert or a payload). Statement-level
-- triggers with transition tables: a bulk statement touching many runs (retention, a seed) sends
-- one workspace-wide notice instead of one per run. Postgres delivers notices at commit and folds
-- identical ones within a transaction.
CREATE FUNCTION alertflow_announce_runs(changed_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(changed_ids) > 100 THEN
    PERFORM pg_notify('alertflow_runs', json_build_object('w', w.workspace_id)::text)
      FROM (SELECT DISTINCT r.workspace_id FROM runs r WHERE r.id = ANY (changed_ids)) w;
  ELSE
    PERFORM pg_notify('alertflow_runs', json_build_object('w', r.workspace_id, 'r', r.id, 's', r.status, 'l', r.current_level)::text)
      FROM runs r WHERE r.id = ANY (changed_ids);
  END IF;
END $$;--> statement-breakpoint
CREATE FUNCTION alertflow_runs_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM alertflow_announce_runs(ARRAY(SELECT DISTINCT id FROM changed));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION alertflow_run_children_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM alertflow_announce_runs(ARRAY(SELECT DISTINCT run_id FROM changed WHERE run_id IS NOT NULL));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER runs_inserted_announce AFTER INSERT ON runs REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION alertflow_runs_changed();--> statement-breakpoint
CREATE TRIGGER runs_updated_announce AFTER UPDATE ON runs REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION alertflow_runs_changed();--> statement-breakpoint
CREATE TRIGGER run_events_inserted_announce AFTER INSERT ON run_events REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION alertflow_run_children_changed();--> statement-breakpoint
CREATE TRIGGER deliveries_inserted_announce AFTER INSERT ON deliveries REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION alertflow_run_children_changed();--> statement-breakpoint
CREATE TRIGGER deliveries_updated_announce AFTER UPDATE ON deliveries REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION alertflow_run_children_changed();--> statement-breakpoint
CREATE TRIGGER delivery_attempts_inserted_announce AFTER INSERT ON delivery_attempts REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION alertflow_run_children_changed();