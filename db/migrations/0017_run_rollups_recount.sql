-- The whole rollup recounted from runs and deliveries in two set-based statements: the backfill
-- of 0016 passed every row through the change functions as one array, which grows worse than
-- linearly (100,000 messages: over 8 minutes on the 2-core machine; 30,000: 5 s). SHARE locks keep
-- writers out while it counts (their triggers would add to rows being rebuilt); readers go on.
CREATE FUNCTION alertflow_rollup_recount() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE runs, deliveries IN SHARE MODE;
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
END $$;--> statement-breakpoint
SELECT alertflow_rollup_recount();
