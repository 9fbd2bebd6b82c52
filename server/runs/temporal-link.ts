import { env } from "../env";

/** The run's workflow in Temporal's Web UI: its first execution, from which the UI follows any continue-as-new. */
export function temporalWorkflowUrl(workflowId: string, temporalRunId: string | null): string {
  const base = env.TEMPORAL_UI_URL.replace(/\/+$/, "");
  const workflow = `${base}/namespaces/${encodeURIComponent(env.TEMPORAL_NAMESPACE)}/workflows/${encodeURIComponent(workflowId)}`;
  return temporalRunId ? `${workflow}/${encodeURIComponent(temporalRunId)}/history` : workflow;
}
