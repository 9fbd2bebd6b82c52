CREATE TABLE "run_latency_rollups" (
	"workspace_id" uuid NOT NULL,
	"flow_id" uuid NOT NULL,
	"integration_id" uuid,
	"hour" timestamp with time zone NOT NULL,
	"bucket" smallint NOT NULL,
	"messages" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "run_latency_rollups_key" UNIQUE NULLS NOT DISTINCT("workspace_id","flow_id","integration_id","hour","bucket")
);
--> statement-breakpoint
CREATE TABLE "run_rollups" (
	"workspace_id" uuid NOT NULL,
	"flow_id" uuid NOT NULL,
	"integration_id" uuid,
	"hour" timestamp with time zone NOT NULL,
	"escalating" integer DEFAULT 0 NOT NULL,
	"acknowledged" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"cancelled" integer DEFAULT 0 NOT NULL,
	"acked_runs" integer DEFAULT 0 NOT NULL,
	"mtta_ms_sum" double precision DEFAULT 0 NOT NULL,
	"mttr_runs" integer DEFAULT 0 NOT NULL,
	"mttr_ms_sum" double precision DEFAULT 0 NOT NULL,
	"messages_sent" integer DEFAULT 0 NOT NULL,
	"messages_failed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "run_rollups_key" UNIQUE NULLS NOT DISTINCT("workspace_id","flow_id","integration_id","hour")
);
--> statement-breakpoint
CREATE INDEX "run_latency_rollups_workspace_hour_idx" ON "run_latency_rollups" USING btree ("workspace_id","hour");--> statement-breakpoint
CREATE INDEX "run_rollups_workspace_hour_idx" ON "run_rollups" USING btree ("workspace_id","hour");--> statement-breakpoint
-- Fixed log-spaced latency buckets (server/runs/latency-buckets.ts holds the same bounds): every
-- millisecond up to 8 ms, then a quarter octave (x 1.19) each, rounded to whole ms, up to 131 s;
-- bucket i holds latencies in [bound i, bound i+1). width_bucket compares integers: no rounding
-- of a logarithm can put a latency in the neighbouring bucket.
CREATE FUNCTION alertflow_latency_bucket(latency_ms integer) RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT greatest(0, width_bucket(latency_ms, '{0,1,2,3,4,5,6,7,8,10,11,13,16,19,23,27,32,38,45,54,64,76,91,108,128,152,181,215,256,304,362,431,512,609,724,861,1024,1218,1448,1722,2048,2435,2896,3444,4096,4871,5793,6889,8192,9742,11585,13777,16384,19484,23170,27554,32768,38968,46341,55109,65536,77936,92682,110218,131072}'::int[]) - 1)::smallint
$$;--> statement-breakpoint
-- Adds (sign 1) or takes away (sign -1) runs' share of the rollup: for the flow (integration null)
-- and for every integration the run has messages to. Rows are taken in key order, so two
-- transactions meet the same rollup rows in the same order (no deadlock between them).
CREATE TYPE alertflow_run_share AS (sign integer, r runs, integration_id uuid);--> statement-breakpoint
CREATE FUNCTION alertflow_rollup_runs(shares alertflow_run_share[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO run_rollups AS t (workspace_id, flow_id, integration_id, hour, escalating, acknowledged, resolved, failed,
                                cancelled, acked_runs, mtta_ms_sum, mttr_runs, mttr_ms_sum)
  SELECT (c.r).workspace_id, (c.r).flow_id, c.integration_id, date_bin('1 hour', (c.r).created_at, 'epoch'::timestamptz),
         coalesce(sum(c.sign) FILTER (WHERE (c.r).status = 'escalating'), 0),
         coalesce(sum(c.sign) FILTER (WHERE (c.r).status = 'acknowledged'), 0),
         coalesce(sum(c.sign) FILTER (WHERE (c.r).status = 'resolved'), 0),
         coalesce(sum(c.sign) FILTER (WHERE (c.r).status = 'failed'), 0),
         coalesce(sum(c.sign) FILTER (WHERE (c.r).status = 'cancelled'), 0),
         coalesce(sum(c.sign) FILTER (WHERE (c.r).acknowledged_at IS NOT NULL), 0),
         coalesce(sum(c.sign * date_part('epoch', (c.r).acknowledged_at - (c.r).first_error_at) * 1000), 0),
         coalesce(sum(c.sign) FILTER (WHERE (c.r).status = 'resolved' AND (c.r).resolved_at IS NOT NULL), 0),
         coalesce(sum(c.sign * date_part('epoch', (c.r).resolved_at - (c.r).first_error_at) * 1000) FILTER (WHERE (c.r).status = 'resolved'), 0)
  FROM unnest(shares) AS c
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT run_rollups_key DO UPDATE SET
    escalating = t.escalating + excluded.escalating, acknowledged = t.acknowledged + excluded.acknowledged,
    resolved = t.resolved + excluded.resolved, failed = t.failed + excluded.failed,
    cancelled = t.cancelled + excluded.cancelled, acked_runs = t.acked_runs + excluded.acked_runs,
    mtta_ms_sum = t.mtta_ms_sum + excluded.mtta_ms_sum, mttr_runs = t.mttr_runs + excluded.mttr_runs,
    mttr_ms_sum = t.mttr_ms_sum + excluded.mttr_ms_sum
$$;--> statement-breakpoint
-- The changed runs' shares, each for the flow and for every integration it has messages to; an
-- update that changes none of the rolled-up columns (a level fired) touches no rollup row.
CREATE FUNCTION alertflow_rollup_run_changes(added runs[], removed runs[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  shares alertflow_run_share[];
BEGIN
  WITH changes AS (
    SELECT 1 AS sign, a AS r FROM unnest(added) a
     WHERE NOT EXISTS (SELECT 1 FROM unnest(removed) o WHERE o.id = a.id
       AND (o.workspace_id, o.flow_id, o.created_at, o.status, o.first_error_at, o.acknowledged_at, o.resolved_at)
           IS NOT DISTINCT FROM (a.workspace_id, a.flow_id, a.created_at, a.status, a.first_error_at, a.acknowledged_at, a.resolved_at))
    UNION ALL
    SELECT -1, o FROM unnest(removed) o
     WHERE NOT EXISTS (SELECT 1 FROM unnest(added) a WHERE a.id = o.id
       AND (o.workspace_id, o.flow_id, o.created_at, o.status, o.first_error_at, o.acknowledged_at, o.resolved_at)
           IS NOT DISTINCT FROM (a.workspace_id, a.flow_id, a.created_at, a.status, a.first_error_at, a.acknowledged_at, a.resolved_at))
  ), keyed AS (
    SELECT c.sign, c.r, NULL::uuid AS integration_id FROM changes c
    UNION ALL
    SELECT c.sign, c.r, i.integration_id FROM changes c
      CROSS JOIN LATERAL (SELECT DISTINCT d.integration_id FROM deliveries d
                          WHERE d.run_id = (c.r).id AND d.integration_id IS NOT NULL) i
  )
  SELECT array_agg((k.sign, k.r, k.integration_id)::alertflow_run_share) INTO shares FROM keyed k;
  IF shares IS NOT NULL THEN
    PERFORM alertflow_rollup_runs(shares);
  END IF;
END $$;--> statement-breakpoint
CREATE FUNCTION alertflow_rollup_runs_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM alertflow_rollup_run_changes(ARRAY(SELECT ROW(n.*)::runs FROM new_rows n), '{}');
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION alertflow_rollup_runs_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM alertflow_rollup_run_changes(ARRAY(SELECT ROW(n.*)::runs FROM new_rows n), ARRAY(SELECT ROW(o.*)::runs FROM old_rows o));
  RETURN NULL;
END $$;--> statement-breakpoint
-- Before each deleted run, while its messages (which the delete cascades to) still say which
-- integrations it counted for. The cascaded delete of its messages then finds no run to subtract.
CREATE FUNCTION alertflow_rollup_run_deleting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM alertflow_rollup_run_changes('{}', ARRAY[OLD]);
  RETURN OLD;
END $$;--> statement-breakpoint
-- Messages: their counts and latency buckets for the flow and for their integration, and, when a
-- run gains its first message to an integration or loses its last, the run's share for it.
CREATE FUNCTION alertflow_rollup_delivery_changes(added deliveries[], removed deliveries[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  shares alertflow_run_share[];
BEGIN
  WITH changes AS (
    SELECT c.sign, c.workspace_id, c.flow_id, k.integration_id, date_bin('1 hour', c.created_at, 'epoch'::timestamptz) AS hour,
           c.status, c.latency_ms
    FROM (SELECT 1 AS sign, a.* FROM unnest(added) a UNION ALL SELECT -1, o.* FROM unnest(removed) o) c
    CROSS JOIN LATERAL (SELECT NULL::uuid UNION ALL SELECT c.integration_id WHERE c.integration_id IS NOT NULL) k(integration_id)
    WHERE c.workspace_id IS NOT NULL AND c.flow_id IS NOT NULL AND c.status IN ('delivered', 'failed')
  ), counted AS (
    INSERT INTO run_rollups AS t (workspace_id, flow_id, integration_id, hour, messages_sent, messages_failed)
    SELECT workspace_id, flow_id, integration_id, hour,
           coalesce(sum(sign) FILTER (WHERE status = 'delivered'), 0), coalesce(sum(sign) FILTER (WHERE status = 'failed'), 0)
    FROM changes
    GROUP BY 1, 2, 3, 4
    HAVING coalesce(sum(sign) FILTER (WHERE status = 'delivered'), 0) <> 0
        OR coalesce(sum(sign) FILTER (WHERE status = 'failed'), 0) <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT run_rollups_key DO UPDATE SET
      messages_sent = t.messages_sent + excluded.messages_sent, messages_failed = t.messages_failed + excluded.messages_failed
  )
  INSERT INTO run_latency_rollups AS t (workspace_id, flow_id, integration_id, hour, bucket, messages)
  SELECT workspace_id, flow_id, integration_id, hour, alertflow_latency_bucket(latency_ms), sum(sign)
  FROM changes
  WHERE latency_ms IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(sign) <> 0
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ON CONSTRAINT run_latency_rollups_key DO UPDATE SET messages = t.messages + excluded.messages;

  -- Whether each touched (run, integration) pair had a message before the statement and has one
  -- after: before = the table now, less the rows the statement wrote, plus the rows it replaced.
  WITH pairs AS (
    SELECT DISTINCT c.run_id, c.integration_id
    FROM (SELECT a.run_id, a.integration_id FROM unnest(added) a UNION ALL SELECT o.run_id, o.integration_id FROM unnest(removed) o) c
    WHERE c.integration_id IS NOT NULL
  ), membership AS (
    SELECT p.run_id, p.integration_id,
           (EXISTS (SELECT 1 FROM deliveries d WHERE d.run_id = p.run_id AND d.integration_id = p.integration_id))::int
           - (EXISTS (SELECT 1 FROM deliveries d WHERE d.run_id = p.run_id AND d.integration_id = p.integration_id
                        AND d.id NOT IN (SELECT a.id FROM unnest(added) a))
              OR EXISTS (SELECT 1 FROM unnest(removed) o WHERE o.run_id = p.run_id AND o.integration_id = p.integration_id))::int AS sign
    FROM pairs p
  )
  -- A run being deleted is no longer visible here: its share went in its BEFORE DELETE trigger.
  SELECT array_agg((m.sign, r, m.integration_id)::alertflow_run_share) INTO shares
  FROM membership m JOIN runs r ON r.id = m.run_id
  WHERE m.sign <> 0;
  IF shares IS NOT NULL THEN
    PERFORM alertflow_rollup_runs(shares);
  END IF;
END $$;--> statement-breakpoint
CREATE FUNCTION alertflow_rollup_deliveries_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM alertflow_rollup_delivery_changes(ARRAY(SELECT ROW(n.*)::deliveries FROM new_rows n), '{}');
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION alertflow_rollup_deliveries_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM alertflow_rollup_delivery_changes(ARRAY(SELECT ROW(n.*)::deliveries FROM new_rows n), ARRAY(SELECT ROW(o.*)::deliveries FROM old_rows o));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION alertflow_rollup_deliveries_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM alertflow_rollup_delivery_changes('{}', ARRAY(SELECT ROW(o.*)::deliveries FROM old_rows o));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER runs_inserted_rollup AFTER INSERT ON runs REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION alertflow_rollup_runs_inserted();--> statement-breakpoint
CREATE TRIGGER runs_updated_rollup AFTER UPDATE ON runs REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION alertflow_rollup_runs_updated();--> statement-breakpoint
CREATE TRIGGER runs_deleting_rollup BEFORE DELETE ON runs FOR EACH ROW EXECUTE FUNCTION alertflow_rollup_run_deleting();--> statement-breakpoint
CREATE TRIGGER deliveries_inserted_rollup AFTER INSERT ON deliveries REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION alertflow_rollup_deliveries_inserted();--> statement-breakpoint
CREATE TRIGGER deliveries_updated_rollup AFTER UPDATE ON deliveries REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION alertflow_rollup_deliveries_updated();--> statement-breakpoint
CREATE TRIGGER deliveries_deleted_rollup AFTER DELETE ON deliveries REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION alertflow_rollup_deliveries_deleted();--> statement-breakpoint
-- The backfill is in migration 0016, after set-based versions of the two change functions: the
-- ones above compared rows pairwise, hours for a bulk statement of 100,000 messages.
SELECT 1;