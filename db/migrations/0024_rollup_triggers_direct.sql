-- The rollup triggers an incident's own writes fire (its run's insert, its messages' insert and
-- their answers' update, the updates of its run that change no rolled-up column) read their
-- statement's rows directly instead of handing them to a function as arrays. A statement with an
-- array parameter got a custom plan, planned again on every call (Postgres knows the array's size
-- only then), and alertflow_rollup_runs, a SQL function, was planned on every call in any case:
-- about 2 ms of Postgres CPU for each such statement, 3 to 5 times the write itself. A statement
-- on a transition table has no parameter: it is planned once per connection. The totals are the
-- same as alertflow_rollup_recount's; other changes (a status, a message moved, a delete) still go
-- through the change functions, now planned once per connection too.
CREATE OR REPLACE FUNCTION alertflow_rollup_runs_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO run_rollup_deltas (workspace_id, flow_id, integration_id, hour, escalating, acknowledged, resolved, failed,
                                 cancelled, acked_runs, mtta_ms_sum, mttr_runs, mttr_ms_sum)
  SELECT n.workspace_id, n.flow_id, k.integration_id, date_bin('1 hour', n.created_at, 'epoch'::timestamptz),
         count(*) FILTER (WHERE n.status = 'escalating'), count(*) FILTER (WHERE n.status = 'acknowledged'),
         count(*) FILTER (WHERE n.status = 'resolved'), count(*) FILTER (WHERE n.status = 'failed'),
         count(*) FILTER (WHERE n.status = 'cancelled'), count(n.acknowledged_at),
         coalesce(sum(date_part('epoch', n.acknowledged_at - n.first_error_at) * 1000), 0),
         count(*) FILTER (WHERE n.status = 'resolved' AND n.resolved_at IS NOT NULL),
         coalesce(sum(date_part('epoch', n.resolved_at - n.first_error_at) * 1000) FILTER (WHERE n.status = 'resolved'), 0)
  -- For the flow only. A new run's messages can only come in its own statement (they reference
  -- it), and their insert's trigger, which sees the run, adds its share for their integrations.
  FROM new_rows n CROSS JOIN LATERAL (SELECT NULL::uuid) k(integration_id)
  GROUP BY 1, 2, 3, 4;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION alertflow_rollup_runs_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Most updates (a level fired, the Temporal run id adopted) change no rolled-up column.
  IF (SELECT count(*) FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (o.workspace_id, o.flow_id, o.created_at, o.status, o.first_error_at, o.acknowledged_at, o.resolved_at)
            IS NOT DISTINCT FROM (n.workspace_id, n.flow_id, n.created_at, n.status, n.first_error_at, n.acknowledged_at, n.resolved_at))
     = (SELECT count(*) FROM new_rows) THEN
    RETURN NULL;
  END IF;
  PERFORM alertflow_rollup_run_changes(ARRAY(SELECT ROW(n.*)::runs FROM new_rows n), ARRAY(SELECT ROW(o.*)::runs FROM old_rows o));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION alertflow_rollup_deliveries_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Messages written already finished (a seed, a backfill): counted by the change function.
  IF EXISTS (SELECT 1 FROM new_rows WHERE status IN ('delivered', 'failed')) THEN
    PERFORM alertflow_rollup_delivery_changes(ARRAY(SELECT ROW(n.*)::deliveries FROM new_rows n), '{}');
    RETURN NULL;
  END IF;
  -- A run's first messages to an integration add the run's share for that integration.
  INSERT INTO run_rollup_deltas (workspace_id, flow_id, integration_id, hour, escalating, acknowledged, resolved, failed,
                                 cancelled, acked_runs, mtta_ms_sum, mttr_runs, mttr_ms_sum)
  SELECT r.workspace_id, r.flow_id, p.integration_id, date_bin('1 hour', r.created_at, 'epoch'::timestamptz),
         count(*) FILTER (WHERE r.status = 'escalating'), count(*) FILTER (WHERE r.status = 'acknowledged'),
         count(*) FILTER (WHERE r.status = 'resolved'), count(*) FILTER (WHERE r.status = 'failed'),
         count(*) FILTER (WHERE r.status = 'cancelled'), count(r.acknowledged_at),
         coalesce(sum(date_part('epoch', r.acknowledged_at - r.first_error_at) * 1000), 0),
         count(*) FILTER (WHERE r.status = 'resolved' AND r.resolved_at IS NOT NULL),
         coalesce(sum(date_part('epoch', r.resolved_at - r.first_error_at) * 1000) FILTER (WHERE r.status = 'resolved'), 0)
  FROM (SELECT run_id, integration_id, count(*) AS written FROM new_rows WHERE integration_id IS NOT NULL GROUP BY 1, 2) p
  JOIN runs r ON r.id = p.run_id
  -- By the run's messages only (a handful): an index on the integration would read all of its messages.
  WHERE (SELECT count(*) FILTER (WHERE d.integration_id = p.integration_id) FROM deliveries d WHERE d.run_id = p.run_id) = p.written
  GROUP BY 1, 2, 3, 4;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION alertflow_rollup_deliveries_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A message moved to another run or integration (the app never does so): the change function.
  IF EXISTS (SELECT 1 FROM new_rows n LEFT JOIN old_rows o ON o.id = n.id
             WHERE o.id IS NULL OR (n.run_id, n.integration_id) IS DISTINCT FROM (o.run_id, o.integration_id)) THEN
    PERFORM alertflow_rollup_delivery_changes(ARRAY(SELECT ROW(n.*)::deliveries FROM new_rows n),
                                              ARRAY(SELECT ROW(o.*)::deliveries FROM old_rows o));
    RETURN NULL;
  END IF;
  -- Otherwise no run gains or loses a message to an integration: only the counts and latencies move.
  WITH changes AS (
    SELECT c.sign, c.workspace_id, c.flow_id, k.integration_id, date_bin('1 hour', c.created_at, 'epoch'::timestamptz) AS hour,
           c.status, c.latency_ms
    FROM (SELECT 1 AS sign, n.workspace_id, n.flow_id, n.integration_id, n.created_at, n.status, n.latency_ms FROM new_rows n
          UNION ALL
          SELECT -1, o.workspace_id, o.flow_id, o.integration_id, o.created_at, o.status, o.latency_ms FROM old_rows o) c
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
  RETURN NULL;
END $$;--> statement-breakpoint
-- The general path: its statements planned once per connection, not on every call.
CREATE OR REPLACE FUNCTION alertflow_rollup_runs(shares alertflow_run_share[]) RETURNS void LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan AS $$
BEGIN
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
  GROUP BY 1, 2, 3, 4;
END $$;--> statement-breakpoint
ALTER FUNCTION alertflow_rollup_run_changes(runs[], runs[]) SET plan_cache_mode = force_generic_plan;--> statement-breakpoint
ALTER FUNCTION alertflow_rollup_delivery_changes(deliveries[], deliveries[]) SET plan_cache_mode = force_generic_plan;
