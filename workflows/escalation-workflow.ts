import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  setHandler,
  uuid4,
  workflowInfo,
} from "@temporalio/workflow";
import { reduceIncident, type IncidentEvent } from "../core/escalation/escalation-reducer";
import { firedLevel, newEscalationState } from "../core/escalation/escalation-state";
import { nextDueAt } from "../core/escalation/escalation-clock";
import {
  firedLevelNumbers,
  incidentFrom,
  isEnding,
  wakeDelayMs,
  type EscalationPhase,
} from "../core/escalation/incident";
import type { RunStatus } from "../core/escalation/run-status";
import { adoptOpening, openRun, takeInboxEvents } from "./activities";
import type { TakeInboxResult } from "../worker/activities/types";
import { createDeliveries } from "./deliver-with-fallback";
import {
  acknowledgeUpdate,
  alertEventSignal,
  cancelUpdate,
  inboxPokeSignal,
  resolveUpdate,
  snapshotQuery,
  type AlertEvent,
  type EscalationInput,
  type EscalationSnapshot,
} from "./messages";
import { createRunEventRecorder } from "./run-event-recorder";
import { createKeptTimer } from "./kept-timer";
import { duePlanOf } from "./due-plan";

/** Patch id: the run row is written by the first write instead of its own local activity. */
const OPEN_RUN_WITH_FIRST_WRITE = "open-run-with-first-write";

/**
 * Patch id: the incident has a Postgres inbox. The endpoint commits events for an open incident
 * there and pokes the workflow once per batch instead of signalling each event.
 */
const ALERT_INBOX = "alert-inbox";

/**
 * Patch id: a busy incident paces its drains. A drain that finds events less than
 * INBOX_PACE_MS after the previous one that found events leaves the inbox marked poked, so the
 * appends meanwhile send no poke, and the workflow drains again INBOX_PACE_MS later on its own
 * timer: one workflow task per interval carries everything that came in it, instead of one per
 * poke. An incident that gets an event now and then drains at once, as before.
 */
const PACED_INBOX = "paced-inbox";

/**
 * Patch id: a new incident the alert endpoint opened is taken over in one local activity (its run
 * row, the first drain of its inbox, and the outcomes of the first messages the endpoint sent, read
 * back) instead of a local activity per message plus one for the drain. Its marker stands for
 * ALERT_INBOX, OPEN_RUN_WITH_FIRST_WRITE and FIRST_ATTEMPT_LOCAL, which such an incident then does
 * not record: each patch marker also costs a search-attribute upsert (TemporalChangeVersion).
 */
const ADOPT_OPENING = "adopt-opening";

/**
 * Patch id: an incident that folds events drains them with fewer commands.
 * - Its level timer (and its paced drain's) stays started across waits while the due time stays
 *   the same, instead of being cancelled whenever a poke wakes the loop and started again for the
 *   same moment: two history events per drain.
 * - While its drains are paced, the timeline of folded errors is written by the next drain, in
 *   the drain's own local activity (the write, then the take, each idempotent), instead of a
 *   local activity of its own after each drain: one local activity and one activation fewer per
 *   drain. Only alert errors wait so (at most INBOX_PACE_MS); a level change, an operator's action
 *   or a message in flight is written at once, as before.
 * One patch for both: each marker costs two history events and a visibility write. Asked (in both
 * types: incidentWorkflow histories without it exist) at the first wait after a drain that found
 * events, so an incident that never folds an event records no marker for it.
 */
const FOLDING_DRAINS = "folding-drains";

/**
 * Patch id: a very busy incident drains less often, and an Ok does not wait for the pace.
 * - A paced drain that found VERY_BUSY_EVENTS or more sets the next one INBOX_SLOW_PACE_MS later
 *   instead of INBOX_PACE_MS: each drain costs the worker and Temporal a workflow task and a local
 *   activity whatever it carries, so an incident folding tens of events a second halves its
 *   drains. Not while a count-mode level is yet to fire: the error that completes its count is
 *   still applied within INBOX_PACE_MS.
 * - An urgent poke (one an append owes: the inbox was unmarked, or the event is an Ok, which
 *   pokes even while the inbox is kept marked) drains at once, even before a paced drain is due.
 * Asked (in both types) at the first drain that keeps the inbox marked, so an incident that never
 * gets busy records no marker for it.
 */
const ADAPTIVE_PACE = "adaptive-pace";

/** How long a busy incident gathers events between drains: an event is applied at most this much later. */
export const INBOX_PACE_MS = 1_000;

/** The pace of a very busy incident with no count-mode level left to fire (ADAPTIVE_PACE). */
export const INBOX_SLOW_PACE_MS = 2_000;

/** A paced drain that finds this many events or more makes the incident very busy (ADAPTIVE_PACE). */
export const VERY_BUSY_EVENTS = 10;

/** Leave plenty of room below Temporal's 50k-event history limit. */
const CONTINUE_AS_NEW_AT_EVENTS = 8_000;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * How a finished incident is recorded. A message that reached nobody, on its link or any fallback,
 * makes the run `failed` even though the alert recovered: someone may never have been told. An
 * operator's cancel stays a cancel; they chose to drop the incident.
 */
function finalStatus(phase: EscalationPhase, anyUndeliverable: boolean): RunStatus {
  return phase === "resolved" && anyUndeliverable ? "failed" : phase;
}

/**
 * One incident of one flow. The rules live in the core reducer (shared with the timing preview);
 * this loop only feeds it events and the clock, and carries out its commands. Every patch above
 * is asked with patched(), so histories recorded before each one replay as they ran.
 */
export async function escalationWorkflow(input: EscalationInput): Promise<EscalationSnapshot> {
  return runIncident(input, patched);
}

/**
 * The same incident with every patch above built in: no history of this type was ever recorded
 * without them, so none is asked and none leaves a marker. Each patch marker costs two history
 * events and a visibility write (sdk-core upserts the TemporalChangeVersion search attribute with
 * it), on the first workflow task of every new incident. Continued runs keep the
 * type. A worker that does not know it fails the task until one that does takes it.
 */
export async function incidentWorkflow(input: EscalationInput): Promise<EscalationSnapshot> {
  return runIncident(input, builtIn);
}

const builtIn = () => true;

async function runIncident(
  input: EscalationInput,
  /**
   * Whether one of the patches above applies: patched() for escalationWorkflow, always for
   * incidentWorkflow. A patch added after incidentWorkflow calls patched() itself, in both types:
   * histories of incidentWorkflow recorded without it exist from then on.
   */
  hasPatch: (patchId: string) => boolean,
): Promise<EscalationSnapshot> {
  const { plan } = input;
  const now = () => Date.now();
  // An incident the endpoint opened is timed from its alert, as the first message it sent was.
  const startedAtMs = input.openedAtIngress ? Date.parse(input.firstEvent.receivedAt) : now();
  let incident = incidentFrom(input.state ?? newEscalationState(startedAtMs, input.firstEvent.alert));
  // signalWithStart delivers the first event as a signal; continueAsNew passes it here.
  const inbox: AlertEvent[] = [...(input.pendingEvents ?? [])];
  // Asked first, and only by a new incident the endpoint opened: histories from before replay as they ran.
  const adopts = input.openedAtIngress === true && !input.state && hasPatch(ADOPT_OPENING);
  // Only an incident with an inbox plans its sends (the due-send job checks the inbox's seq);
  // usesInbox is read when a write is made, after it is set below (asking its patch here would
  // move the marker in histories from before). A write that opens the inbox plans nothing unless
  // the endpoint opened the incident: an Ok signalled before the inbox opened may still wait in
  // Temporal, where the job cannot see it.
  const events = createRunEventRecorder(
    input.runId,
    (opensRun) => (!usesInbox || (opensRun && !adopts) ? undefined : duePlanOf(input, incident, inboxSeq)),
    input.state !== undefined,
  );
  const deliveries = createDeliveries(input, events, { firstAttemptLocalImplied: adopts, hasPatch });

  const dispatch = (event: IncidentEvent) => {
    const reduced = reduceIncident(plan, incident, event);
    incident = reduced.incident;
    // Events first: a delivery may carry the timeline so far to the database.
    for (const command of reduced.commands) if (command.kind === "record") events.record(command.event);
    for (const command of reduced.commands) if (command.kind === "send") deliveries.send(command, incident.state);
  };
  const snapshot = (): EscalationSnapshot => ({
    runId: input.runId,
    phase: incident.phase,
    errorCount: incident.state.errorCount,
    firedLevels: firedLevelNumbers(plan, incident),
    currentLevel: incident.state.currentLevel,
  });

  /** Events that came by signal, not from the Postgres inbox: see drainInbox. */
  const viaSignal = new WeakSet<AlertEvent>();
  setHandler(alertEventSignal, (event) => {
    // The endpoint's start of this very incident, repeated (see AlertEvent.opensRunId); and one
    // such opening error is kept once.
    if (event.opensRunId !== undefined) {
      if (event.opensRunId === input.runId || inbox.some((e) => e.opensRunId === event.opensRunId)) return;
    }
    viaSignal.add(event);
    inbox.push(event);
  });

  // The incident's Postgres inbox. A continued run drains once at its start: a poke may have come
  // with the continue-as-new, and events applied by the completed run can be pruned.
  const usesInbox = adopts || hasPatch(ALERT_INBOX);
  let inboxSeq = input.inboxSeq ?? 0;
  /** When a drain last found events, and when the paced next drain is due (the inbox stays marked meanwhile). */
  let foundAtMs: number | null = null;
  let nextDrainAtMs: number | null = null;
  // An incident opened by the endpoint may have errors waiting that were appended before it ran.
  // (An adopted opening drains in its adoption.)
  let pokes = (input.state || input.openedAtIngress) && usesInbox && !adopts ? 1 : 0;
  let pruneThrough = input.state ? input.inboxSeq : undefined;
  /** ADAPTIVE_PACE applies (asked at the first drain that keeps the inbox marked). */
  let adaptivePace = false;
  let urgentPokes = 0;
  setHandler(inboxPokeSignal, (poke) => {
    pokes++;
    if (poke?.urgent === true) urgentPokes++;
  });
  /** An urgent poke came while a paced drain is due later: drain now (ADAPTIVE_PACE). */
  const urgentDrain = () => adaptivePace && urgentPokes > 0;
  /** A level that fires on an error count waits for errors to be applied: they must not wait longer. */
  const countLevelWaits = () =>
    !incident.state.acknowledged &&
    plan.levels.some((level) => level.mode === "count" && !firedLevel(incident.state, level.nodeId));
  const paceAfter = (found: number) =>
    adaptivePace && found >= VERY_BUSY_EVENTS && !countLevelWaits() ? INBOX_SLOW_PACE_MS : INBOX_PACE_MS;
  /**
   * Pulls what waits in the inbox, in seq order. Each seq is applied once: a batch read again
   * (the workflow task that read it was lost with its worker) skips what was already applied.
   */
  const drainInbox = async (close: boolean, first?: TakeInboxResult) => {
    // Busy: this drain is a paced one, or the last drain that found events was a moment ago. The
    // patch is asked only then, so an incident that never gets busy records no marker for it.
    const busy =
      !close &&
      (nextDrainAtMs !== null || (foundAtMs !== null && now() - foundAtMs < INBOX_PACE_MS)) &&
      hasPatch(PACED_INBOX);
    nextDrainAtMs = null;
    let found = 0;
    for (let read = first; ; read = undefined) {
      const take = {
        inboxId: input.runId,
        afterSeq: inboxSeq,
        close,
        pruneThrough,
        ...(busy ? { keepPoked: true } : {}),
      };
      // The timeline held back for this drain (FOLDING_DRAINS) goes with it: the adoption's
      // activity is that write and a take.
      const runRecord = read ? undefined : events.carry(incident.state.currentLevel);
      const taken =
        read ??
        (runRecord ? (await adoptOpening({ runRecord, take, messages: [] })).taken : await takeInboxEvents(take));
      events.carried(runRecord);
      // The due-send job sent what was due then before these events came: it fires first here
      // too (an Ok goes to the level it paged), under the same keys, so nothing is sent twice.
      if (taken.dueSentAtMs !== undefined) dispatch({ type: "tick", atMs: taken.dueSentAtMs });
      pruneThrough = undefined;
      if (taken.events.length > 0) foundAtMs = now();
      found += taken.events.length;
      if (taken.keptPoked) adaptivePace ||= patched(ADAPTIVE_PACE);
      // The inbox stays marked: nobody pokes until this workflow drains it again (but for an Ok).
      nextDrainAtMs = taken.keptPoked ? now() + paceAfter(found) : null;
      const fresh: AlertEvent[] = [];
      for (const { seq, event } of taken.events) {
        if (seq <= inboxSeq) continue;
        fresh.push(event);
        inboxSeq = seq;
      }
      // Signalled events waiting here came before the inbox opened, so before these; unless a
      // lost attempt of this workflow task had closed it: then they came after the close, after
      // everything in the inbox (an error after the Ok must open the next incident, not fold).
      const firstSignalled = taken.closedBefore ? inbox.findIndex((e) => viaSignal.has(e)) : -1;
      inbox.splice(firstSignalled === -1 ? inbox.length : firstSignalled, 0, ...fresh);
      if (taken.events.length === 0 || taken.lastSeq <= inboxSeq) return;
    }
  };
  setHandler(snapshotQuery, snapshot);
  for (const [update, type] of [
    [acknowledgeUpdate, "acknowledge"],
    [resolveUpdate, "resolve"],
    [cancelUpdate, "cancel"],
  ] as const) {
    setHandler(update, async (action) => {
      // What the due-send job sent before the action was taken fires first (see drainInbox).
      if (action.dueSentAtMs !== undefined) dispatch({ type: "tick", atMs: action.dueSentAtMs });
      dispatch({ type, by: action.by, note: action.note, source: action.source, atMs: now() });
      return snapshot();
    });
  }

  if (!input.state) {
    const started = workflowInfo();
    const open = {
      runId: input.runId,
      workspaceId: input.workspaceId,
      flowId: input.flowId,
      flowVersionId: input.flowVersionId,
      alertKey: input.alertKey,
      workflowId: started.workflowId,
      temporalRunId: started.firstExecutionRunId,
      firstErrorAt: iso(incident.state.firstErrorAtMs),
      alert: input.firstEvent.alert,
      ...(usesInbox ? { openInbox: true } : {}),
    };
    // The run row rides on the first write (the first deliveries or a flush) instead of a local
    // activity of its own ahead of the first message. Histories from before replay as they ran.
    if (adopts || hasPatch(OPEN_RUN_WITH_FIRST_WRITE)) events.openWithNextWrite(open);
    else await openRun(open);
    if (input.rerunOf) {
      events.record({
        type: "rerun.started",
        at: iso(now()),
        detail: { by: input.rerunOf.by, fromRunId: input.rerunOf.runId },
      });
    }
  }

  // An incident the endpoint opened starts exactly as the endpoint computed it: its first error
  // applied and its levels due at that moment fired (their first messages are the ones already
  // sent), before anything drained from the inbox can come in between (an Ok there must still be
  // sent to the levels the endpoint paged).
  if (input.openedAtIngress && !input.state) {
    // Adopted: the messages these dispatches decide are the endpoint's; they wait for the adoption.
    if (adopts) deliveries.hold();
    const first = inbox.shift();
    if (first) dispatch({ type: "alert", alert: first.alert, receivedAt: first.receivedAt, atMs: startedAtMs });
    dispatch({ type: "tick", atMs: startedAtMs });
    if (adopts) {
      const runRecord = events.handOff(incident.state.currentLevel);
      // The adoption's drain reads everything appended before it: pokes so far are answered.
      pokes = 0;
      const adopted = await adoptOpening({
        runRecord,
        take: { inboxId: input.runId, afterSeq: inboxSeq },
        messages: deliveries.heldRequests(),
      });
      events.carried(runRecord);
      deliveries.release(adopted.messages);
      await drainInbox(false, adopted.taken);
    }
  }

  // Only between deliveries: a continued run must not lose track of a message in flight.
  const shouldContinueAsNew = () => {
    const current = workflowInfo();
    const limit = input.continueAsNewAfterEvents ?? CONTINUE_AS_NEW_AT_EVENTS;
    return deliveries.idle() && (current.continueAsNewSuggested || current.historyLength > limit);
  };

  /** See FOLDING_DRAINS: a kept timer is cancelled only when its due time changes. */
  let foldsLean = false;
  const levelTimer = createKeptTimer();
  const drainTimer = createKeptTimer();
  // A paced drain waits for its time; a poke meanwhile (the re-poke job) does not hurry it.
  // An Ok's urgent poke does (ADAPTIVE_PACE).
  const drainDue = () => (nextDrainAtMs === null ? pokes > 0 : now() >= nextDrainAtMs || urgentDrain());
  for (;;) {
    if (drainDue()) {
      pokes = 0;
      urgentPokes = 0;
      await drainInbox(false);
    }
    // Alert events first: an Ok ends the incident; errors feed count-mode levels.
    while (inbox.length > 0 && incident.recoveredAtMs === null) {
      const event = inbox.shift();
      if (event) dispatch({ type: "alert", alert: event.alert, receivedAt: event.receivedAt, atMs: now() });
    }
    dispatch({ type: "tick", atMs: now() });
    if (isEnding(incident)) break;

    foldsLean ||= foundAtMs !== null && patched(FOLDING_DRAINS);
    // A paced drain is due and only folded errors wait to be written: they go with it.
    const carry =
      foldsLean &&
      nextDrainAtMs !== null &&
      deliveries.idle() &&
      events.canHoldBack(incident.state.currentLevel) &&
      !shouldContinueAsNew();
    if (carry) events.holdBack();
    else await events.flush(incident.state.currentLevel);
    if (shouldContinueAsNew()) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof escalationWorkflow>({
        ...input,
        state: incident.state,
        pendingEvents: inbox.splice(0),
        inboxSeq,
      });
    }
    // Events recorded by deliveries in flight (fallbacks, errors) also wake the loop to be flushed.
    const wake = () =>
      inbox.length > 0 ||
      (nextDrainAtMs === null ? pokes > 0 : urgentDrain()) ||
      incident.stopRequested !== null ||
      events.hasPending() ||
      shouldContinueAsNew();
    if (foldsLean) {
      levelTimer.set(incident.state.acknowledged ? null : nextDueAt(plan, incident.state), now());
      drainTimer.set(nextDrainAtMs, now());
      await condition(() => wake() || levelTimer.fired() || drainTimer.fired());
      continue;
    }
    const levelDelay = wakeDelayMs(plan, incident, now());
    const drainDelay = nextDrainAtMs === null ? null : Math.max(1, nextDrainAtMs - now());
    const delay =
      levelDelay === null ? drainDelay : drainDelay === null ? levelDelay : Math.min(levelDelay, drainDelay);
    if (delay === null) await condition(wake);
    else await condition(wake, delay);
  }

  // No more appends: what is left joins the events that came after the end; later events go
  // through Temporal (signalWithStart), to this run while it ends, then to the next incident.
  if (usesInbox) await drainInbox(true);
  dispatch({ type: "finish", atMs: now() });
  await events.flush(incident.state.currentLevel);
  await deliveries.settled();
  const { phase, resolvedAtMs } = incident;
  await events.flush(incident.state.currentLevel, {
    status: finalStatus(phase, deliveries.anyUndeliverable()),
    resolvedAt: resolvedAtMs === null ? undefined : iso(resolvedAtMs),
  });
  await condition(allHandlersFinished);

  // Errors that arrived after the Ok (or the cancel) belong to the next incident.
  // One the endpoint already opened (sent its first messages) goes first, so it is not folded.
  const errors = inbox.filter((e) => e.alert.status === "error");
  const opener = errors.find((e) => e.opensRunId !== undefined);
  const [first, ...rest] = opener ? [opener, ...errors.filter((e) => e !== opener)] : errors;
  if (first) {
    // An error after the Ok opens a new incident under the same workflow id.
    await continueAsNew<typeof escalationWorkflow>({
      ...input,
      // The endpoint already opened it (run, inbox, first messages) when the error came in.
      runId: first.opensRunId ?? uuid4(),
      openedAtIngress: first.opensRunId !== undefined ? true : undefined,
      firstEvent: first,
      state: undefined,
      rerunOf: undefined,
      pendingEvents: [first, ...rest],
      inboxSeq: undefined,
    });
  }
  return snapshot();
}
