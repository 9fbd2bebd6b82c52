import { runEventBodySchema, type RecordedRunEvent, type RunEventBody } from "~/core/escalation/run-event";
import type { RunEvent, runEvents } from "./schema";

/** A recorded event as its row; `level` and `nodeId` are columns, null where the type has none. */
export function runEventRow(runId: string, event: RecordedRunEvent): typeof runEvents.$inferInsert {
  return {
    id: event.id,
    runId,
    at: new Date(event.at),
    type: event.type,
    level: "level" in event ? event.level : null,
    nodeId: "nodeId" in event ? event.nodeId : null,
    detail: event.detail,
  };
}

export type StoredRunEvent = RunEventBody & { id: string; at: Date };

/**
 * Reads a row back through the one run-event schema. A row it cannot read (a type written by a
 * newer version, say) comes back as null, for the caller to show by its name.
 */
export function readRunEvent(row: RunEvent): StoredRunEvent | null {
  const parsed = runEventBodySchema.safeParse({
    type: row.type,
    detail: row.detail,
    ...(row.level === null ? {} : { level: row.level }),
    ...(row.nodeId === null ? {} : { nodeId: row.nodeId }),
  });
  return parsed.success ? { ...parsed.data, id: row.id, at: row.at } : null;
}
