import { uuid4 } from "@temporalio/workflow";
import type { RecordedRunEvent, RunEventDraft } from "../core/escalation/run-event";
import type { DuePlan, OpenRunInput, UpdateRunInput } from "../worker/activities/types";
import { updateRun } from "./activities";

/**
 * Buffers the run's timeline and writes it with the run's level (and, at the end, its status) in
 * one local activity. Ids are made here, deterministically, so a retried write stores each once.
 *
 * A new run may also be opened lazily: its row then goes out with the first write, either a flush
 * or the first deliveries (which carry the row and the events so far, so the first message does
 * not wait for bookkeeping of its own). Until a write that carried the row is known to have
 * succeeded, every write carries it again; writing it twice is a no-op.
 *
 * With `planDue`, every write also carries the incident's next planned sends as they stand (see
 * DuePlan): each write follows a change to the incident, so the plan in Postgres is never older
 * than the timeline written with it; a final write (with a status) clears it. `planDue` is told
 * whether the write opens the run (and with it the inbox); undefined leaves the plan out.
 */
export function createRunEventRecorder(
  runId: string,
  planDue?: (opensRun: boolean) => DuePlan | null | undefined,
  /** A run continued as new: the run before it may have left a plan. */
  continued = false,
) {
  const pending: RecordedRunEvent[] = [];
  let unopened: OpenRunInput | undefined;
  /** The level the last write stored: a flush that does not change it leaves the run row alone. */
  let writtenLevel: number | undefined;
  /** How many of the first pending events wait for the next drain to write them (see holdBack). */
  let heldBack = 0;
  const write = (currentLevel: number, final?: Pick<UpdateRunInput, "status" | "resolvedAt">): UpdateRunInput => {
    const open = unopened;
    // A busy incident flushes its alert events batch after batch at the same level: the run
    // row (its update triggers a notification and a rollup delta) is written only on a change.
    const level = currentLevel === writtenLevel && !open && !final ? {} : { currentLevel };
    heldBack = 0;
    return { runId, ...level, ...final, ...(open ? { open } : {}), events: pending.splice(0), ...due(!!open, final) };
  };
  /** A write carried a plan: a later one without any must say so, to take it back. */
  let planned = continued;
  const due = (opensRun: boolean, final?: Pick<UpdateRunInput, "status">): Pick<UpdateRunInput, "due"> => {
    const plan = final?.status ? null : planDue?.(opensRun);
    // Nothing planned, now or before (a flow with no timed level ahead): the write has no plan to change.
    if (plan === undefined || (plan === null && !planned)) return {};
    planned ||= plan !== null;
    return { due: plan };
  };
  /** Writes what is buffered; the final write (with a status) always goes out. */
  const flush = async (currentLevel: number, final?: Pick<UpdateRunInput, "status" | "resolvedAt">): Promise<void> => {
    if (pending.length === 0 && !final) return;
    await updateRun(write(currentLevel, final));
    unopened = undefined;
    writtenLevel = currentLevel;
  };
  return {
    record(event: RunEventDraft): void {
      pending.push({ ...event, id: uuid4() });
    },
    /** The run row is written by the next write instead of a local activity of its own. */
    openWithNextWrite(open: OpenRunInput): void {
      unopened = open;
    },
    /** Events to write that nothing is set to carry. */
    hasPending: () => pending.length > heldBack,
    /** Only folded errors wait, at the level already written: they may wait for the next drain. */
    canHoldBack: (currentLevel: number): boolean =>
      pending.length > 0 &&
      !unopened &&
      currentLevel === writtenLevel &&
      pending.every((event) => event.type === "alert.error"),
    /** What waits now is written by the next drain (carry), not by a flush of its own. */
    holdBack(): void {
      heldBack = pending.length;
    },
    /** The write the next drain carries (with its take), when something was held back for it. */
    carry(currentLevel: number): UpdateRunInput | undefined {
      return heldBack > 0 ? write(currentLevel) : undefined;
    },
    /** What a delivery carries while the run is not known to be open: its row and the events so far. */
    handOff(currentLevel: number): UpdateRunInput | undefined {
      if (!unopened) return undefined;
      return { runId, open: { ...unopened, currentLevel }, events: pending.splice(0), ...due(true) };
    },
    /** The delivery that carried `record` has written it. */
    carried(record: UpdateRunInput | undefined): void {
      if (record?.open) unopened = undefined;
      if (record?.currentLevel !== undefined) writtenLevel = record.currentLevel;
    },
    /** The delivery that carried `record` gave up: its events go out with the next write. */
    returned(record: UpdateRunInput | undefined): void {
      if (record) pending.unshift(...record.events);
    },
    flush,
  };
}

export type RunEventRecorder = ReturnType<typeof createRunEventRecorder>;
