import { uuid4 } from "@temporalio/workflow";
import type { RecordedRunEvent, RunEventDraft } from "../core/escalation/run-event";
import type { UpdateRunInput } from "../worker/activities/types";
import { updateRun } from "./activities";

/**
 * Buffers the run's timeline and writes it with the run's level (and, at the end, its status) in
 * one local activity. Ids are made here, deterministically, so a retried write stores each once.
 */
export function createRunEventRecorder(runId: string) {
  const pending: RecordedRunEvent[] = [];
  return {
    record(event: RunEventDraft): void {
      pending.push({ ...event, id: uuid4() });
    },
    hasPending: () => pending.length > 0,
    /** Writes what is buffered; the final write (with a status) always goes out. */
    async flush(currentLevel: number, final?: Pick<UpdateRunInput, "status" | "resolvedAt">): Promise<void> {
      if (pending.length === 0 && !final) return;
      await updateRun({ runId, currentLevel, ...final, events: pending.splice(0) });
    },
  };
}

export type RunEventRecorder = ReturnType<typeof createRunEventRecorder>;
