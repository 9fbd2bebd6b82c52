import { ActivityFailure, patched } from "@temporalio/workflow";
import type { PlanTarget } from "../core/flow/plan";
import type { EscalationState } from "../core/escalation/escalation-state";
import type { DeliverInput, DeliverResult } from "../worker/activities/types";
import { deliver, deliverFirstAttempt } from "./activities";
import type { EscalationInput } from "./messages";
import type { RunEventRecorder } from "./run-event-recorder";
import { deliverInputFor, type SendCommand } from "./deliver-input";

const iso = (ms: number) => new Date(ms).toISOString();

/** Patch id: a message's first attempt runs as a local activity. */
const FIRST_ATTEMPT_LOCAL = "first-attempt-local";

/**
 * Sends one message: the first attempt as a local activity, then, if the receiver asks for
 * another try or the attempt itself failed, the regular activity with its retries (it reads the
 * attempts made so far, and when the next is due, from the delivery row). Histories from before
 * replay as they ran.
 */
async function sendMessage(request: DeliverInput, firstAttemptLocal: () => boolean): Promise<DeliverResult> {
  if (!firstAttemptLocal()) return deliver(request);
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
export function createDeliveries(
  input: EscalationInput,
  events: RunEventRecorder,
  {
    firstAttemptLocalImplied = false,
    hasPatch = patched,
  }: {
    /** A later patch implies FIRST_ATTEMPT_LOCAL: its marker is then not recorded again. */
    firstAttemptLocalImplied?: boolean;
    /** Whether a patch applies (a workflow type with the patches built in asks none). */
    hasPatch?: (patchId: string) => boolean;
  } = {},
) {
  const inFlight = new Set<Promise<void>>();
  /** Messages that failed on their link and on every fallback after it. */
  let undeliverable = 0;
  const firstAttemptLocal = () => firstAttemptLocalImplied || hasPatch(FIRST_ATTEMPT_LOCAL);
  /** Sends held back while an opening is adopted (see hold). */
  let held: { command: SendCommand; state: EscalationState; target: PlanTarget }[] | null = null;

  const requestFor = (
    command: SendCommand,
    state: EscalationState,
    target: PlanTarget,
    isFallback: boolean,
    runRecord: DeliverInput["runRecord"],
  ): DeliverInput => ({ ...deliverInputFor(input, command, state, target, isFallback), runRecord });

  const deliverTo = async (
    command: SendCommand,
    state: EscalationState,
    target: PlanTarget,
    isFallback: boolean,
    /** How the alert endpoint's send of this message ended, read back by the adoption. */
    settled?: DeliverResult,
  ): Promise<void> => {
    const { level } = command;
    const request = requestFor(
      command,
      state,
      target,
      isFallback,
      settled ? undefined : events.handOff(state.currentLevel),
    );
    let failed: boolean;
    try {
      failed = (settled ?? (await sendMessage(request, firstAttemptLocal))).outcome === "failed";
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

  const track = (delivery: Promise<void>) => {
    const p = delivery.finally(() => {
      inFlight.delete(p);
    });
    inFlight.add(p);
  };

  return {
    /** Starts the message on every link of its level; the activities are scheduled at once. */
    send(command: SendCommand, state: EscalationState): void {
      for (const target of command.level[command.messageType]) {
        if (held) held.push({ command, state, target });
        else track(deliverTo(command, state, target, false));
      }
    },
    /**
     * Holds the next sends: they are the messages the alert endpoint already sent for this
     * incident, which the adoption reads back (heldRequests) before any is sent again.
     */
    hold(): void {
      held = [];
    },
    /** The held messages, as the adoption looks them up (the same keys as their deliveries). */
    heldRequests(): DeliverInput[] {
      return (held ?? []).map(({ command, state, target }) => requestFor(command, state, target, false, undefined));
    },
    /**
     * Carries on with the held messages: one the endpoint settled follows its outcome (a failure
     * its fallback); one still pending (null) is sent as any other, under the same key.
     */
    release(results: readonly (DeliverResult | null)[]): void {
      const list = held ?? [];
      held = null;
      list.forEach(({ command, state, target }, i) =>
        track(deliverTo(command, state, target, false, results[i] ?? undefined)),
      );
    },
    idle: () => inFlight.size === 0,
    /** Whether some message could not be delivered by any path. */
    anyUndeliverable: () => undeliverable > 0,
    async settled(): Promise<void> {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}
