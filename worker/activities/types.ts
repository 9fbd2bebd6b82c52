import type { NormalizedAlert } from "~/core/alerts/alert";
import type { RecordedRunEvent } from "~/core/escalation/run-event";
import type { PlanTarget } from "~/core/flow/plan";
import type { MessageType } from "~/core/message-template/message-type";
import type { DeliveryStatus, RunStatus } from "~/db/schema";

export interface OpenRunInput {
  runId: string;
  workspaceId: string;
  flowId: string;
  flowVersionId: string;
  alertKey: string;
  workflowId: string;
  temporalRunId: string;
  firstErrorAt: string;
  alert: NormalizedAlert;
  /** The level reached when the row is first written (the run may be opened by a delivery). */
  currentLevel?: number;
}

export interface UpdateRunInput {
  runId: string;
  /** Opens the run first when it may not exist yet (idempotent: an existing row is left alone). */
  open?: OpenRunInput;
  status?: RunStatus;
  currentLevel?: number;
  resolvedAt?: string;
  events: RecordedRunEvent[];
}

export interface DeliverInput {
  runId: string;
  workspaceId: string;
  flowId: string;
  flowName: string;
  incidentKey: string;
  level: number;
  levelMessage: string;
  messageType: MessageType;
  reminderNumber: number;
  target: Pick<PlanTarget, "nodeId" | "integrationId" | "variables">;
  alert: NormalizedAlert;
  firstErrorAt: string;
  resolvedAt?: string;
  isFallback: boolean;
  /** The activity records the delivery as failed on this attempt instead of asking for another. */
  maxAttempts: number;
  /**
   * Run bookkeeping carried by the incident's first deliveries (the run row, the first timeline
   * events), written before the send: one round trip instead of a local activity ahead of it.
   */
  runRecord?: UpdateRunInput;
}

/** A settled delivery: every stored status but pending. */
export type DeliveryOutcome = Exclude<DeliveryStatus, "pending">;

export interface DeliverResult {
  outcome: DeliveryOutcome;
  deliveryId: string;
  attempts: number;
  statusCode?: number;
}

/**
 * The first attempt at a message, run as a local activity: settled, or to be retried by the
 * regular activity (the receiver asked for another try; the delivery row says when).
 */
export type FirstAttemptResult = { kind: "settled"; result: DeliverResult } | { kind: "retry" };
