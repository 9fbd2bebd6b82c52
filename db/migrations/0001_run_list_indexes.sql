DROP INDEX "runs_workspace_created_idx";--> statement-breakpoint
DROP INDEX "runs_flow_created_idx";--> statement-breakpoint
DROP INDEX "runs_status_created_idx";--> statement-breakpoint
CREATE INDEX "runs_workspace_alert_key_idx" ON "runs" USING btree ("workspace_id","alert_key" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "runs_workspace_created_idx" ON "runs" USING btree ("workspace_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "runs_flow_created_idx" ON "runs" USING btree ("flow_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "runs_status_created_idx" ON "runs" USING btree ("workspace_id","status","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);