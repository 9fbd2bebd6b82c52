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
}

export interface UpdateRunInput {
  runId: string;
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
}

/** A settled delivery: every stored status but pending. */
export type DeliveryOutcome = Exclude<DeliveryStatus, "pending">;

export interface DeliverResult {
  outcome: DeliveryOutcome;
  deliveryId: string;
  attempts: number;
  statusCode?: number;
}
