-- The rollup's change functions, set-based: 0015's compared each changed row with every other
-- (NOT IN / NOT EXISTS over the statement's rows), which took hours for one bulk statement of
-- 100,000 messages (a seed, the backfill). Old and new versions of a run now meet in one hash
-- join on id; whether a run has a message to an integration before and after a statement is a
-- count per (run, integration) pair, less what the statement added, plus what it removed.
CREATE OR REPLACE FUNCTION alertflow_rollup_run_changes(added runs[], removed runs[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  shares alertflow_run_share[];
BEGIN
  WITH paired AS (
    SELECT a AS new_row, o AS old_row
    FROM unnest(added) a FULL JOIN unnest(removed) o ON o.id = a.id
    -- An update that changes none of the rolled-up columns (a level fired) touches no rollup row.
    WHERE a.id IS NULL OR o.id IS NULL
       OR (o.workspace_id, o.flow_id, o.created_at, o.status, o.first_error_at, o.acknowledged_at, o.resolved_at)
          IS DISTINCT FROM (a.workspace_id, a.flow_id, a.created_at, a.status, a.first_error_at, a.acknowledged_at, a.resolved_at)
  ), changes AS (
    SELECT 1 AS sign, new_row AS r FROM paired WHERE (new_row).id IS NOT NULL
    UNION ALL
    SELECT -1, old_row FROM paired WHERE (old_row).id IS NOT NULL
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
-- The backfill is migration 0017's recount: through these functions, one array of 100,000 rows
-- took minutes.
SELECT 1;