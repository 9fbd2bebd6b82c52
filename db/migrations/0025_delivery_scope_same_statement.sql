-- A message's workspace and flow are its run's. A run inserted by the same statement (the alert
-- endpoint's claim writes the run, its inbox and its first messages in one statement) is not
-- visible yet to this BEFORE trigger: the statement then gives them itself, from the same input
-- as the run's row, and the foreign key to the run is checked at the statement's end. A visible
-- run still decides, whatever the statement gave.
CREATE OR REPLACE FUNCTION alertflow_delivery_scope() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  run_workspace uuid;
  run_flow uuid;
BEGIN
  SELECT r.workspace_id, r.flow_id INTO run_workspace, run_flow FROM runs r WHERE r.id = NEW.run_id;
  IF FOUND THEN
    NEW.workspace_id := run_workspace;
    NEW.flow_id := run_flow;
  END IF;
  RETURN NEW;
END $$;
