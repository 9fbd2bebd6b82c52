-- The live-update triggers (0011) read their statement's rows directly instead of handing run ids
-- to alertflow_announce_runs as an array: a statement with an array parameter is planned again on
-- every call (as 0024 found for the rollup triggers), and every new incident fires five of these
-- (its run, its first messages, their announced attempts, the answer, its workflow's takeover).
-- A run's own triggers take its workspace, status and level from the statement's new rows. A
-- child's (a message, an attempt, a timeline event) skips a run whose current row this very
-- transaction wrote: that write's own trigger announced this same notice (Postgres would fold
-- the twin at commit, after building it).
CREATE OR REPLACE FUNCTION alertflow_runs_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT count(*) FROM changed) > 100 THEN
    PERFORM pg_notify('alertflow_runs', json_build_object('w', w.workspace_id)::text)
      FROM (SELECT DISTINCT c.workspace_id FROM changed c) w;
  ELSE
    PERFORM pg_notify('alertflow_runs', json_build_object('w', c.workspace_id, 'r', c.id, 's', c.status, 'l', c.current_level)::text)
      FROM changed c;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION alertflow_run_children_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT count(DISTINCT c.run_id) FROM changed c) > 100 THEN
    PERFORM pg_notify('alertflow_runs', json_build_object('w', w.workspace_id)::text)
      FROM (SELECT DISTINCT r.workspace_id FROM runs r WHERE r.id IN (SELECT c.run_id FROM changed c)) w;
  ELSE
    PERFORM pg_notify('alertflow_runs', json_build_object('w', r.workspace_id, 'r', r.id, 's', r.status, 'l', r.current_level)::text)
      FROM runs r
      WHERE r.id IN (SELECT c.run_id FROM changed c) AND r.xmin <> pg_current_xact_id()::xid;
  END IF;
  RETURN NULL;
END $$;
