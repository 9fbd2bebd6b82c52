import type { EscalationInput } from "~/workflows/messages";

/**
 * Opens a new incident from the alert endpoint and sends its first messages there, before its
 * workflow runs (worker/activities/first-message.ts; the web process wires it in). The endpoint
 * then only starts the workflow, which owns retries and escalation from there.
 */
export interface IncidentOpener {
  /**
   * Commits the incident's opening in Postgres: its run, its inbox (the claim: one request wins
   * per workflow id), the workflow's input for the re-start job, and its first messages' rows
   * under a lease. Null when another request opened the incident first.
   */
  claim(workflowId: string, input: EscalationInput): Promise<{ sendAll(): Promise<void> } | null>;
}
