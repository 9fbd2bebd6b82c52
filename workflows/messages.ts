import { defineQuery, defineSignal, defineUpdate } from "@temporalio/workflow";
import type { NormalizedAlert } from "../core/alerts/alert";
import type { EscalationState } from "../core/escalation/escalation-state";
import type { EscalationPhase } from "../core/escalation/incident";
import type { ActionSource } from "../core/escalation/action-source";
import type { FlowPlan } from "../core/flow/plan";
import type { DeliveryOutcome } from "../worker/activities/types";

/**
 * Defined once; the server and the workflow import these same handles. No new incident starts
 * this type any more: it stays for the incidents that started with it (and their histories).
 */
export const ESCALATION_WORKFLOW = "escalationWorkflow";
/**
 * The escalation workflow with every patch up to incidentWorkflow built in (no patch markers):
 * every new incident (opened at the endpoint, by signalWithStart, by a rerun).
 */
export const INCIDENT_WORKFLOW = "incidentWorkflow";
export const RESEND_WORKFLOW = "resendWorkflow";

export interface AlertEvent {
  alert: NormalizedAlert;
  /** ISO time the endpoint accepted the event. */
  receivedAt: string;
  /**
   * Set when the endpoint opened a new incident for this error (its run, inbox and first messages
   * are in Postgres under this id) but found the workflow id still running: the previous
   * incident, ending. The next incident then takes this run id, so its first messages are the
   * ones already sent. A run whose own id this is ignores it (a repeated start).
   */
  opensRunId?: string;
}

export interface OperatorAction {
  by: string;
  note?: string;
  /** Absent in histories recorded before sources existed. */
  source?: ActionSource;
  /**
   * The latest due time of the incident's planned sends the due-send job had already sent when
   * the action took the rest back (server/runs/due-send-fence.ts): the workflow fires what was due
   * then before applying the action. Absent when the job had sent nothing.
   */
  dueSentAtMs?: number;
}

export interface EscalationInput {
  runId: string;
  workspaceId: string;
  flowId: string;
  flowName: string;
  flowVersionId: string;
  alertKey: string;
  plan: FlowPlan;
  firstEvent: AlertEvent;
  /** Present only when continuing as new. */
  state?: EscalationState;
  /** History size that triggers continueAsNew; tests lower it. */
  continueAsNewAfterEvents?: number;
  /** Set when an editor started this incident again from an earlier run. */
  rerunOf?: { runId: string; by: string };
  /** Events not yet processed. A fresh start leaves this empty: its first event arrives as the signal. */
  pendingEvents?: AlertEvent[];
  /** When continuing as new: the incident's inbox events applied so far (through this seq). */
  inboxSeq?: number;
  /**
   * The alert endpoint opened this incident: its run row, its inbox and its first messages are
   * in Postgres (sent, or being sent, under a lease), and its clock started at the first event's
   * `receivedAt`. The workflow drains the inbox once at its start, for errors appended before it ran.
   */
  openedAtIngress?: boolean;
}

export interface EscalationSnapshot {
  runId: string;
  phase: EscalationPhase;
  errorCount: number;
  firedLevels: number[];
  currentLevel: number;
}

export const alertEventSignal = defineSignal<[AlertEvent]>("alertEvent");
/**
 * What a poke says beyond "drain". Absent in histories recorded before it existed, and on the
 * re-poke job's pokes.
 */
export interface InboxPoke {
  /**
   * Owed by an append (the inbox was unmarked, or an Ok came): drain now, even when a paced drain
   * is due later (see ADAPTIVE_PACE in escalation-workflow.ts).
   */
  urgent?: boolean;
}

/** The incident's Postgres inbox has events: drain it. One poke stands for every event appended until the drain. */
export const inboxPokeSignal = defineSignal<[poke?: InboxPoke]>("inboxPoke");
export const acknowledgeUpdate = defineUpdate<EscalationSnapshot, [OperatorAction]>("acknowledge");
export const resolveUpdate = defineUpdate<EscalationSnapshot, [OperatorAction]>("resolve");
export const cancelUpdate = defineUpdate<EscalationSnapshot, [OperatorAction]>("cancel");
export const snapshotQuery = defineQuery<EscalationSnapshot>("snapshot");

export interface ResendInput {
  deliveryId: string;
  /** Who asked, as recorded on the attempt and in the run's timeline. */
  by: string;
}

export interface ResendResult {
  deliveryId: string;
  /** `not_failed`: it was delivered (or is being retried) meanwhile; `missing`: nothing to send. */
  outcome: DeliveryOutcome | "not_failed" | "missing";
  attempt: number;
  statusCode: number | null;
  error: string | null;
}
