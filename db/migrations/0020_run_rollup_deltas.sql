CREATE TABLE "run_latency_rollup_deltas" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "run_latency_rollup_deltas_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" uuid NOT NULL,
	"flow_id" uuid NOT NULL,
	"integration_id" uuid,
	"hour" timestamp with time zone NOT NULL,
	"bucket" smallint NOT NULL,
	"messages" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "run_rollup_deltas" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "run_rollup_deltas_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
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
	"messages_failed" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "run_latency_rollup_deltas_workspace_hour_idx" ON "run_latency_rollup_deltas" USING btree ("workspace_id","hour");--> statement-breakpoint
CREATE INDEX "run_rollup_deltas_workspace_hour_idx" ON "run_rollup_deltas" USING btree ("workspace_id","hour");--> statement-breakpoint
-- The rollup triggers append deltas instead of upserting run_rollups: the upsert made every writer
-- of one flow and hour take the same row lock, so at 10 concurrent senders the alert endpoint's and
-- the worker's transactions deadlocked (40P01) and queued on it until the web's pool ran dry. An
-- INSERT of new rows waits on nobody. The fold (alertflow_rollup_fold, below) adds them up later.
CREATE OR REPLACE FUNCTION alertflow_rollup_runs(shares alertflow_run_share[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO run_rollup_deltas (workspace_id, flow_id, integration_id, hour, escalating, acknowledged, resolved, failed,
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
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION alertflow_rollup_delivery_changes(added deliveries[], removed deliveries[]) RETURNS void LANGUAGE plpgsql AS $$
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
    INSERT INTO run_rollup_deltas (workspace_id, flow_id, integration_id, hour, messages_sent, messages_failed)
    SELECT workspace_id, flow_id, integration_id, hour,
           coalesce(sum(sign) FILTER (WHERE status = 'delivered'), 0), coalesce(sum(sign) FILTER (WHERE status = 'failed'), 0)
    FROM changes
    GROUP BY 1, 2, 3, 4
    HAVING coalesce(sum(sign) FILTER (WHERE status = 'delivered'), 0) <> 0
        OR coalesce(sum(sign) FILTER (WHERE status = 'failed'), 0) <> 0
  )
  INSERT INTO run_latency_rollup_deltas (workspace_id, flow_id, integration_id, hour, bucket, messages)
  SELECT workspace_id, flow_id, integration_id, hour, alertflow_latency_bucket(latency_ms), sum(sign)
  FROM changes
  WHERE latency_ms IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(sign) <> 0;

  -- A run counts for an integration while it has a message to it: after the statement when the
  -- table holds one, before it when that count, less the rows written plus the rows replaced, did.
  WITH delta AS (
    SELECT c.run_id, c.integration_id, sum(c.sign) AS written
    FROM (SELECT 1 AS sign, a.run_id, a.integration_id FROM unnest(added) a
          UNION ALL SELECT -1, o.run_id, o.integration_id FROM unnest(removed) o) c
    WHERE c.integration_id IS NOT NULL
    GROUP BY 1, 2
  ), membership AS (
    SELECT d.run_id, d.integration_id, n.now_count > 0 AS now_in, n.now_count - d.written > 0 AS before_in
    FROM delta d
    CROSS JOIN LATERAL (SELECT count(*) AS now_count FROM deliveries x
                        WHERE x.run_id = d.run_id AND x.integration_id = d.integration_id) n
  )
  -- A run being deleted is no longer visible here: its share went in its BEFORE DELETE trigger.
  SELECT array_agg((m.now_in::int - m.before_in::int, r, m.integration_id)::alertflow_run_share) INTO shares
  FROM membership m JOIN runs r ON r.id = m.run_id
  WHERE m.now_in <> m.before_in;
  IF shares IS NOT NULL THEN
    PERFORM alertflow_rollup_runs(shares);
  END IF;
END $$;--> statement-breakpoint
-- Folds up to `batch` of the oldest deltas of each kind into the rollup and deletes them, in one
-- statement (one transaction: a reader sees a delta either still pending or folded, never both or
-- neither). Two folders at once take disjoint deltas (SKIP LOCKED) and meet only on the rollup
-- rows, which both upsert in key order. Returns how many deltas it folded.
CREATE FUNCTION alertflow_rollup_fold(batch integer) RETURNS bigint LANGUAGE sql AS $$
  WITH taken AS (
    DELETE FROM run_rollup_deltas
    WHERE id IN (SELECT id FROM run_rollup_deltas ORDER BY id LIMIT batch FOR UPDATE SKIP LOCKED)
    RETURNING *
  ), folded AS (
    INSERT INTO run_rollups AS t (workspace_id, flow_id, integration_id, hour, escalating, acknowledged, resolved, failed,
                                  cancelled, acked_runs, mtta_ms_sum, mttr_runs, mttr_ms_sum, messages_sent, messages_failed)
    SELECT workspace_id, flow_id, integration_id, hour, sum(escalating), sum(acknowledged), sum(resolved), sum(failed),
           sum(cancelled), sum(acked_runs), sum(mtta_ms_sum), sum(mttr_runs), sum(mttr_ms_sum), sum(messages_sent),
           sum(messages_failed)
    FROM taken
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT run_rollups_key DO UPDATE SET
      escalating = t.escalating + excluded.escalating, acknowledged = t.acknowledged + excluded.acknowledged,
      resolved = t.resolved + excluded.resolved, failed = t.failed + excluded.failed,
      cancelled = t.cancelled + excluded.cancelled, acked_runs = t.acked_runs + excluded.acked_runs,
      mtta_ms_sum = t.mtta_ms_sum + excluded.mtta_ms_sum, mttr_runs = t.mttr_runs + excluded.mttr_runs,
      mttr_ms_sum = t.mttr_ms_sum + excluded.mttr_ms_sum, messages_sent = t.messages_sent + excluded.messages_sent,
      messages_failed = t.messages_failed + excluded.messages_failed
  ), latency_taken AS (
    DELETE FROM run_latency_rollup_deltas
    WHERE id IN (SELECT id FROM run_latency_rollup_deltas ORDER BY id LIMIT batch FOR UPDATE SKIP LOCKED)
    RETURNING *
  ), latency_folded AS (
    INSERT INTO run_latency_rollups AS t (workspace_id, flow_id, integration_id, hour, bucket, messages)
    SELECT workspace_id, flow_id, integration_id, hour, bucket, sum(messages)
    FROM latency_taken
    GROUP BY 1, 2, 3, 4, 5
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ON CONSTRAINT run_latency_rollups_key DO UPDATE SET messages = t.messages + excluded.messages
  )
  SELECT (SELECT count(*) FROM taken) + (SELECT count(*) FROM latency_taken)
$$;--> statement-breakpoint
-- The recount rebuilds the rollup from runs and deliveries: deltas still pending are part of what
-- it counts, so they go too (writers, whose triggers add deltas, wait on its SHARE locks).
CREATE OR REPLACE FUNCTION alertflow_rollup_recount() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE runs, deliveries IN SHARE MODE;
  DELETE FROM run_rollup_deltas;
  DELETE FROM run_latency_rollup_deltas;
  DELETE FROM run_rollups;
  DELETE FROM run_latency_rollups;
  INSERT INTO run_rollups (workspace_id, flow_id, integration_id, hour, escalating, acknowledged, resolved, failed,
                           cancelled, acked_runs, mtta_ms_sum, mttr_runs, mttr_ms_sum, messages_sent, messages_failed)
  SELECT workspace_id, flow_id, integration_id, hour, sum(escalating), sum(acknowledged), sum(resolved), sum(failed),
         sum(cancelled), sum(acked_runs), sum(mtta_ms_sum), sum(mttr_runs), sum(mttr_ms_sum), sum(messages_sent),
         sum(messages_failed)
  FROM (
    -- Runs, for their flow (integration null) and for every integration they have messages to.
    SELECT r.workspace_id, r.flow_id, k.integration_id, date_bin('1 hour', r.created_at, 'epoch'::timestamptz) AS hour,
           count(*) FILTER (WHERE r.status = 'escalating') AS escalating,
           count(*) FILTER (WHERE r.status = 'acknowledged') AS acknowledged,
           count(*) FILTER (WHERE r.status = 'resolved') AS resolved,
           count(*) FILTER (WHERE r.status = 'failed') AS failed,
           count(*) FILTER (WHERE r.status = 'cancelled') AS cancelled,
           count(r.acknowledged_at) AS acked_runs,
           coalesce(sum(date_part('epoch', r.acknowledged_at - r.first_error_at) * 1000), 0) AS mtta_ms_sum,
           count(*) FILTER (WHERE r.status = 'resolved' AND r.resolved_at IS NOT NULL) AS mttr_runs,
           coalesce(sum(date_part('epoch', r.resolved_at - r.first_error_at) * 1000) FILTER (WHERE r.status = 'resolved'), 0) AS mttr_ms_sum,
           0 AS messages_sent, 0 AS messages_failed
    FROM runs r
    CROSS JOIN LATERAL (SELECT NULL::uuid) k(integration_id)
    GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT r.workspace_id, r.flow_id, m.integration_id, date_bin('1 hour', r.created_at, 'epoch'::timestamptz),
           count(*) FILTER (WHERE r.status = 'escalating'), count(*) FILTER (WHERE r.status = 'acknowledged'),
           count(*) FILTER (WHERE r.status = 'resolved'), count(*) FILTER (WHERE r.status = 'failed'),
           count(*) FILTER (WHERE r.status = 'cancelled'), count(r.acknowledged_at),
           coalesce(sum(date_part('epoch', r.acknowledged_at - r.first_error_at) * 1000), 0),
           count(*) FILTER (WHERE r.status = 'resolved' AND r.resolved_at IS NOT NULL),
           coalesce(sum(date_part('epoch', r.resolved_at - r.first_error_at) * 1000) FILTER (WHERE r.status = 'resolved'), 0),
           0, 0
    FROM runs r
    JOIN (SELECT DISTINCT run_id, integration_id FROM deliveries WHERE integration_id IS NOT NULL) m ON m.run_id = r.id
    GROUP BY 1, 2, 3, 4
    UNION ALL
    -- Finished messages, for their flow and for their integration.
    SELECT d.workspace_id, d.flow_id, k.integration_id, date_bin('1 hour', d.created_at, 'epoch'::timestamptz),
           0, 0, 0, 0, 0, 0, 0, 0, 0,
           count(*) FILTER (WHERE d.status = 'delivered'), count(*) FILTER (WHERE d.status = 'failed')
    FROM deliveries d
    CROSS JOIN LATERAL (SELECT NULL::uuid UNION ALL SELECT d.integration_id WHERE d.integration_id IS NOT NULL) k(integration_id)
    WHERE d.workspace_id IS NOT NULL AND d.flow_id IS NOT NULL AND d.status IN ('delivered', 'failed')
    GROUP BY 1, 2, 3, 4
  ) facts
  GROUP BY 1, 2, 3, 4;
  INSERT INTO run_latency_rollups (workspace_id, flow_id, integration_id, hour, bucket, messages)
  SELECT d.workspace_id, d.flow_id, k.integration_id, date_bin('1 hour', d.created_at, 'epoch'::timestamptz),
         alertflow_latency_bucket(d.latency_ms), count(*)
  FROM deliveries d
  CROSS JOIN LATERAL (SELECT NULL::uuid UNION ALL SELECT d.integration_id WHERE d.integration_id IS NOT NULL) k(integration_id)
  WHERE d.workspace_id IS NOT NULL AND d.flow_id IS NOT NULL AND d.status IN ('delivered', 'failed')
    AND d.latency_ms IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5;
END $$;
