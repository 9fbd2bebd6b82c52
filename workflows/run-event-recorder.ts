import { uuid4 } from "@temporalio/workflow";
import type { RecordedRunEvent, RunEventDraft } from "../core/escalation/run-event";
import type { OpenRunInput, UpdateRunInput } from "../worker/activities/types";
import { updateRun } from "./activities";

/**
 * Buffers the run's timeline and writes it with the run's level (and, at the end, its status) in
 * one local activity. Ids are made here, deterministically, so a retried write stores each once.
 *
 * A new run may also be opened lazily: its row then goes out with the first write, either a flush
 * or the first deliveries (which carry the row and the events so far, so the first message does
 * not wait for bookkeeping of its own). Until a write that carried the row is known to have
 * succeeded, every write carries it again; writing it twice is a no-op.
 */
export function createRunEventRecorder(runId: string) {
  const pending: RecordedRunEvent[] = [];
  let unopened: OpenRunInput | undefined;
  /** The level the last write stored: a flush that does not change it leaves the run row alone. */
  let writtenLevel: number | undefined;
  return {
    record(event: RunEventDraft): void {
      pending.push({ ...event, id: uuid4() });
    },
    /** The run row is written by the next write instead of a local activity of its own. */
    openWithNextWrite(open: OpenRunInput): void {
      unopened = open;
    },
    hasPending: () => pending.length > 0,
    /** What a delivery carries while the run is not known to be open: its row and the events so far. */
    handOff(currentLevel: number): UpdateRunInput | undefined {
      if (!unopened) return undefined;
      return { runId, open: { ...unopened, currentLevel }, events: pending.splice(0) };
    },
    /** The delivery that carried `record` has written it. */
    carried(record: UpdateRunInput | undefined): void {
      if (record?.open) unopened = undefined;
    },
    /** The delivery that carried `record` gave up: its events go out with the next write. */
    returned(record: UpdateRunInput | undefined): void {
      if (record) pending.unshift(...record.events);
    },
    /** Writes what is buffered; the final write (with a status) always goes out. */
    async flush(currentLevel: number, final?: Pick<UpdateRunInput, "status" | "resolvedAt">): Promise<void> {
      if (pending.length === 0 && !final) return;
      const open = unopened;
      // A busy incident flushes its alert events batch after batch at the same level: the run
      // row (its update triggers a notification and a rollup delta) is written only on a change.
      const level = currentLevel === writtenLevel && !open && !final ? {} : { currentLevel };
      await updateRun({ runId, ...level, ...final, ...(open ? { open } : {}), events: pending.splice(0) });
      unopened = undefined;
      writtenLevel = currentLevel;
    },
  };
}

export type RunEventRecorder = ReturnType<typeof createRunEventRecorder>;
