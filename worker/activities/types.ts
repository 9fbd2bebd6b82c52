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
  /** Open the incident's Postgres inbox with the row (workflows from before it leave this out). */
  openInbox?: boolean;
}

export interface TakeInboxInput {
  /** The run id: one inbox per incident. */
  inboxId: string;
  /** The workflow has applied every event through this seq. */
  afterSeq: number;
  /** The incident is ending: stop appends, read what is left. */
  close?: boolean;
  /** Events through this seq were applied by a completed run of this workflow: delete them. */
  pruneThrough?: number;
  /**
   * The incident is busy and drains again shortly on its own: if events are waiting, leave the
   * inbox marked poked (refreshed) so that appends meanwhile send no poke.
   */
  keepPoked?: boolean;
}

export interface TakeInboxResult {
  events: { seq: number; event: { alert: NormalizedAlert; receivedAt: string } }[];
  /** The inbox's newest seq: above the last event returned when the batch was cut short. */
  lastSeq: number;
  /** It was closed before this call: every event that reached the workflow by signal since came later. */
  closedBefore: boolean;
  /** `keepPoked` was asked and events were waiting: the inbox stays marked, the workflow owes itself a drain. */
  keptPoked?: boolean;
  /**
   * The latest due time of this incident's planned sends the due-send job already sent (see
   * DuePlan): they went out before these events were appended, so the workflow fires what was due
   * then before applying them (an Ok must reach the level the job paged).
   */
  dueSentAtMs?: number;
}

/**
 * What the incident will send at `dueAtMs` if nothing happens before then, as the workflow
 * planned it after applying the inbox through `basisSeq`: the worker's due-send job sends these
 * on time should the workflow's own task be late. Null: nothing is due without an event.
 */
export interface DuePlan {
  dueAtMs: number;
  basisSeq: number;
  messages: DeliverInput[];
}

export interface UpdateRunInput {
  runId: string;
  /** Opens the run first when it may not exist yet (idempotent: an existing row is left alone). */
  open?: OpenRunInput;
  status?: RunStatus;
  currentLevel?: number;
  resolvedAt?: string;
  events: RecordedRunEvent[];
  /** The incident's next planned sends, replacing those not yet sent; absent: unchanged. */
  due?: DuePlan | null;
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

/**
 * A new incident the alert endpoint opened, taken over by its workflow in one local activity:
 * its run row gets the Temporal run id and the first timeline events, the inbox is drained once
 * (errors appended before the workflow ran), and the first messages the endpoint sent are read
 * back instead of each being looked up by a local activity of its own.
 */
export interface AdoptOpeningInput {
  /** The run row (with its Temporal run id) and the timeline so far. */
  runRecord?: UpdateRunInput;
  take: TakeInboxInput;
  /** The messages the incident's opening decided, in the order the workflow sends them. */
  messages: DeliverInput[];
}

export interface AdoptOpeningResult {
  taken: TakeInboxResult;
  /**
   * Per message: how it ended at the endpoint, or null when it is still the workflow's to send
   * (pending: its lease held past the wait, the endpoint's attempt asked for another, or no row).
   */
  messages: (DeliverResult | null)[];
}
