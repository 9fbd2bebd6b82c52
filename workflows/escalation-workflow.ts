import {
  ActivityFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  uuid4,
  workflowInfo,
} from "@temporalio/workflow";
import type { PlanLevel, PlanTarget } from "../core/flow/plan";
import type { createActivities } from "../worker/activities/create-activities";
import type { DeliverInput, MessageType, RunEventInput } from "../worker/activities/types";
import type { EscalationState } from "../core/escalation/escalation-state";
import { nextDueAt, dueLevelFirings, dueReminders } from "../core/escalation/escalation-clock";
import {
  acknowledgeUpdate,
  alertEventSignal,
  cancelUpdate,
  resolveUpdate,
  snapshotQuery,
  type AlertEvent,
  type EscalationInput,
  type EscalationPhase,
  type EscalationSnapshot,
} from "./messages";

type Activities = ReturnType<typeof createActivities>;

export const DELIVERY_MAX_ATTEMPTS = 6;
/** Leave plenty of room below Temporal's 50k-event history limit. */
const CONTINUE_AS_NEW_AT_EVENTS = 8_000;

const { deliver } = proxyActivities<Pick<Activities, "deliver">>({
  startToCloseTimeout: "30 seconds",
  // Backoff with jitter and Retry-After is computed by the activity (nextRetryDelay).
  retry: { maximumAttempts: DELIVERY_MAX_ATTEMPTS, initialInterval: "1 second", maximumInterval: "5 minutes" },
});

const { openRun, updateRun } = proxyLocalActivities<Pick<Activities, "openRun" | "updateRun">>({
  startToCloseTimeout: "10 seconds",
  retry: { maximumAttempts: 20, maximumInterval: "10 seconds" },
});

export async function escalationWorkflow(input: EscalationInput): Promise<EscalationSnapshot> {
  const { plan } = input;
  const startInfo = workflowInfo();
  const now = () => Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();

  const state: EscalationState = input.state ?? {
    firstErrorAtMs: now(),
    errorCount: 0,
    fired: {},
    acknowledged: false,
    currentLevel: 0,
    lastAlert: input.firstEvent.alert,
  };
  // signalWithStart delivers the first event as a signal; continueAsNew passes it here.
  const inbox: AlertEvent[] = [...(input.pendingEvents ?? [])];
  let phase: EscalationPhase = state.acknowledged ? "acknowledged" : "escalating";
  let stopRequested: "resolve" | "cancel" | null = null;
  const inFlight = new Set<Promise<void>>();
  const events: RunEventInput[] = [];

  const snapshot = (): EscalationSnapshot => ({
    runId: input.runId,
    phase,
    errorCount: state.errorCount,
    firedLevels: plan.levels.filter((l) => state.fired[l.nodeId]).map((l) => l.level),
    currentLevel: state.currentLevel,
  });

  setHandler(alertEventSignal, (event) => {
    inbox.push(event);
  });
  setHandler(snapshotQuery, snapshot);
  setHandler(acknowledgeUpdate, async (action) => {
    if (phase === "escalating") {
      state.acknowledged = true;
      phase = "acknowledged";
      events.push({
        id: uuid4(),
        type: "acknowledged",
        at: iso(now()),
        detail: { by: action.by, note: action.note ?? "" },
      });
    }
    return snapshot();
  });
  setHandler(resolveUpdate, async (action) => {
    stopRequested ??= "resolve";
    events.push({
      id: uuid4(),
      type: "resolve.requested",
      at: iso(now()),
      detail: { by: action.by, note: action.note ?? "" },
    });
    return snapshot();
  });
  setHandler(cancelUpdate, async (action) => {
    stopRequested ??= "cancel";
    events.push({
      id: uuid4(),
      type: "cancel.requested",
      at: iso(now()),
      detail: { by: action.by, note: action.note ?? "" },
    });
    return snapshot();
  });

  if (!input.state) {
    await openRun({
      runId: input.runId,
      workspaceId: input.workspaceId,
      flowId: input.flowId,
      flowVersionId: input.flowVersionId,
      alertKey: input.alertKey,
      workflowId: startInfo.workflowId,
      temporalRunId: startInfo.firstExecutionRunId,
      firstErrorAt: iso(state.firstErrorAtMs),
      alert: input.firstEvent.alert,
    });
  }

  const send = (level: PlanLevel, type: MessageType, reminderNumber: number, resolvedAtMs?: number) => {
    for (const target of level[type]) {
      const p = sendWithFallback(level, target, type, reminderNumber, resolvedAtMs, false).finally(() => {
        inFlight.delete(p);
      });
      inFlight.add(p);
    }
  };

  const sendWithFallback = async (
    level: PlanLevel,
    target: PlanTarget,
    type: MessageType,
    reminderNumber: number,
    resolvedAtMs: number | undefined,
    isFallback: boolean,
  ): Promise<void> => {
    const request: DeliverInput = {
      runId: input.runId,
      workspaceId: input.workspaceId,
      flowId: input.flowId,
      flowName: input.flowName,
      incidentKey: input.alertKey,
      level: level.level,
      levelMessage: level.message,
      messageType: type,
      reminderNumber,
      target: { nodeId: target.nodeId, integrationId: target.integrationId, variables: target.variables },
      alert: state.lastAlert,
      firstErrorAt: iso(state.firstErrorAtMs),
      resolvedAt: resolvedAtMs === undefined ? undefined : iso(resolvedAtMs),
      isFallback,
      maxAttempts: DELIVERY_MAX_ATTEMPTS,
    };
    let failed = false;
    try {
      failed = (await deliver(request)).outcome === "failed";
    } catch (err) {
      // Retries exhausted on an unexpected error (not a receiver answer): still a failed message.
      if (!(err instanceof ActivityFailure)) throw err;
      failed = true;
      events.push({
        id: uuid4(),
        type: "delivery.error",
        at: iso(now()),
        level: level.level,
        nodeId: target.nodeId,
        detail: { message: err.message },
      });
    }
    if (failed && target.fallback) {
      events.push({
        id: uuid4(),
        type: "fallback.used",
        at: iso(now()),
        level: level.level,
        nodeId: target.fallback.nodeId,
        detail: { from: target.nodeId },
      });
      await sendWithFallback(level, target.fallback, type, reminderNumber, resolvedAtMs, true);
    }
  };

  const fire = (level: PlanLevel, atMs: number) => {
    state.fired[level.nodeId] = { firedAtMs: atMs, remindersSent: 0 };
    state.currentLevel = Math.max(state.currentLevel, level.level);
    events.push({
      id: uuid4(),
      type: "level.fired",
      at: iso(atMs),
      level: level.level,
      nodeId: level.nodeId,
      detail: { mode: level.mode },
    });
    send(level, "error", 0);
  };

  const flushEvents = async (extra: Partial<Parameters<typeof updateRun>[0]> = {}) => {
    if (events.length === 0 && Object.keys(extra).length === 0) return;
    const batch = events.splice(0, events.length);
    await updateRun({ runId: input.runId, currentLevel: state.currentLevel, ...extra, events: batch });
  };

  // Only between deliveries: a continued run must not lose track of a message in flight.
  const shouldContinueAsNew = () => {
    const current = workflowInfo();
    const limit = input.continueAsNewAfterEvents ?? CONTINUE_AS_NEW_AT_EVENTS;
    return inFlight.size === 0 && (current.continueAsNewSuggested || current.historyLength > limit);
  };

  let recovered: number | null = null;

  for (;;) {
    // Alert events first: an Ok ends the incident; errors feed count-mode levels.
    while (inbox.length > 0 && recovered === null) {
      const event = inbox.shift();
      if (!event) break;
      if (event.alert.status === "ok") {
        recovered = now();
        events.push({ id: uuid4(), type: "alert.ok", at: iso(recovered), detail: { summary: event.alert.summary } });
      } else {
        state.errorCount += 1;
        state.lastAlert = event.alert;
        events.push({
          id: uuid4(),
          type: "alert.error",
          at: event.receivedAt,
          detail: { count: state.errorCount, summary: event.alert.summary },
        });
      }
    }

    if (recovered === null && stopRequested === null && !state.acknowledged) {
      const t = now();
      for (const level of dueLevelFirings(plan, state, t)) fire(level, t);
      for (const due of dueReminders(plan, state, t)) {
        const fired = state.fired[due.level.nodeId];
        if (!fired) continue;
        fired.remindersSent = due.reminderNumber;
        events.push({
          id: uuid4(),
          type: "reminder.due",
          at: iso(t),
          level: due.level.level,
          nodeId: due.level.nodeId,
          detail: { reminderNumber: due.reminderNumber },
        });
        send(due.level, "reminder", due.reminderNumber);
      }
    }

    if (recovered !== null || stopRequested !== null) break;

    await flushEvents();
    if (shouldContinueAsNew()) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof escalationWorkflow>({ ...input, state, pendingEvents: inbox.splice(0) });
    }
    const due = state.acknowledged ? null : nextDueAt(plan, state);
    // Events recorded by deliveries in flight (fallbacks, errors) also wake the loop to be flushed.
    const wake = () => inbox.length > 0 || stopRequested !== null || events.length > 0 || shouldContinueAsNew();
    if (due === null) await condition(wake);
    else await condition(wake, Math.max(1, due - now()));
  }

  let status: "resolved" | "cancelled" = "resolved";
  if (stopRequested === "cancel" && recovered === null) {
    status = "cancelled";
    phase = "cancelled";
    events.push({ id: uuid4(), type: "cancelled", at: iso(now()) });
  } else {
    const resolvedAtMs = recovered ?? now();
    phase = "resolved";
    // Ok goes out only on levels that fired; levels that never fired stay silent.
    for (const level of plan.levels) if (state.fired[level.nodeId]) send(level, "ok", 0, resolvedAtMs);
    events.push({
      id: uuid4(),
      type: "resolved",
      at: iso(resolvedAtMs),
      detail: { by: recovered !== null ? "alert" : "operator" },
    });
    recovered = resolvedAtMs;
  }
  await flushEvents();
  while (inFlight.size > 0) await Promise.all([...inFlight]);
  await flushEvents({ status, resolvedAt: recovered === null ? undefined : iso(recovered) });
  await condition(allHandlersFinished);

  // Errors that arrived after the Ok (or the cancel) belong to the next incident.
  const nextIncident = inbox.filter((e) => e.alert.status === "error");
  if (nextIncident.length > 0) {
    // An error after the Ok opens a new incident under the same workflow id.
    const [first, ...rest] = nextIncident;
    if (first) {
      await continueAsNew<typeof escalationWorkflow>({
        ...input,
        runId: uuid4(),
        firstEvent: first,
        state: undefined,
        pendingEvents: [first, ...rest],
      });
    }
  }
  return snapshot();
}
