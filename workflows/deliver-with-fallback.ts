import { ActivityFailure, patched } from "@temporalio/workflow";
import type { PlanTarget } from "../core/flow/plan";
import type { EscalationCommand } from "../core/escalation/escalation-reducer";
import type { EscalationState } from "../core/escalation/escalation-state";
import type { DeliverInput, DeliverResult } from "../worker/activities/types";
import { deliveryRetryPolicy } from "../core/delivery/retry-policy";
import { deliver, deliverFirstAttempt } from "./activities";
import type { EscalationInput } from "./messages";
import type { RunEventRecorder } from "./run-event-recorder";

type SendCommand = Extract<EscalationCommand, { kind: "send" }>;

const iso = (ms: number) => new Date(ms).toISOString();

/** Patch id: a message's first attempt runs as a local activity. */
const FIRST_ATTEMPT_LOCAL = "first-attempt-local";

/**
 * Sends one message: the first attempt as a local activity, then, if the receiver asks for
 * another try or the attempt itself failed, the regular activity with its retries (it reads the
 * attempts made so far, and when the next is due, from the delivery row). Histories from before
 * replay as they ran.
 */
async function sendMessage(request: DeliverInput): Promise<DeliverResult> {
  if (!patched(FIRST_ATTEMPT_LOCAL)) return deliver(request);
  try {
    const first = await deliverFirstAttempt(request);
    if (first.kind === "settled") return first.result;
  } catch (err) {
    // Not a receiver's answer (say, the database was out before the send): retried below.
    if (!(err instanceof ActivityFailure)) throw err;
  }
  return deliver(request);
}

/**
 * One activity per message and link. A message that finally fails follows its link's "on
 * failure" edge, and so on down the chain. Tracks what is in flight, since the workflow must not
 * continue as new or complete while a message is still out.
 */
export function createDeliveries(input: EscalationInput, events: RunEventRecorder) {
  const inFlight = new Set<Promise<void>>();
  /** Messages that failed on their link and on every fallback after it. */
  let undeliverable = 0;

  const deliverTo = async (
    command: SendCommand,
    state: EscalationState,
    target: PlanTarget,
    isFallback: boolean,
  ): Promise<void> => {
    const { level } = command;
    const request: DeliverInput = {
      runId: input.runId,
      workspaceId: input.workspaceId,
      flowId: input.flowId,
      flowName: input.flowName,
      incidentKey: input.alertKey,
      level: level.level,
      levelMessage: level.message,
      messageType: command.messageType,
      reminderNumber: command.reminderNumber,
      target: { nodeId: target.nodeId, integrationId: target.integrationId, variables: target.variables },
      alert: state.lastAlert,
      firstErrorAt: iso(state.firstErrorAtMs),
      resolvedAt: command.resolvedAtMs === undefined ? undefined : iso(command.resolvedAtMs),
      isFallback,
      maxAttempts: deliveryRetryPolicy.maxAttempts,
      runRecord: events.handOff(state.currentLevel),
    };
    let failed: boolean;
    try {
      failed = (await sendMessage(request)).outcome === "failed";
      events.carried(request.runRecord);
    } catch (err) {
      // Retries exhausted on an unexpected error (not a receiver answer): still a failed message.
      if (!(err instanceof ActivityFailure)) throw err;
      events.returned(request.runRecord);
      failed = true;
      events.record({
        type: "delivery.error",
        at: iso(Date.now()),
        level: level.level,
        nodeId: target.nodeId,
        detail: { message: err.message },
      });
    }
    if (failed && target.fallback) {
      events.record({
        type: "fallback.used",
        at: iso(Date.now()),
        level: level.level,
        nodeId: target.fallback.nodeId,
        detail: { from: target.nodeId },
      });
      await deliverTo(command, state, target.fallback, true);
    } else if (failed) {
      undeliverable++;
    }
  };

  return {
    /** Starts the message on every link of its level; the activities are scheduled at once. */
    send(command: SendCommand, state: EscalationState): void {
      for (const target of command.level[command.messageType]) {
        const p = deliverTo(command, state, target, false).finally(() => {
          inFlight.delete(p);
        });
        inFlight.add(p);
      }
    },
    idle: () => inFlight.size === 0,
    /** Whether some message could not be delivered by any path. */
    anyUndeliverable: () => undeliverable > 0,
    async settled(): Promise<void> {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}
