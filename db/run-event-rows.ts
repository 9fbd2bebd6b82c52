import { runEventBodySchema, type ReadRunEvent, type RecordedRunEvent } from "~/core/escalation/run-event";
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

export interface StoredRunEvent {
  id: string;
  at: Date;
  event: ReadRunEvent;
}

/** Reads a row back through the one run-event schema; a row it cannot read keeps its type's name. */
export function readRunEvent(row: RunEvent): StoredRunEvent {
  const parsed = runEventBodySchema.safeParse({
    type: row.type,
    detail: row.detail,
    ...(row.level === null ? {} : { level: row.level }),
    ...(row.nodeId === null ? {} : { nodeId: row.nodeId }),
  });
  return {
    id: row.id,
    at: row.at,
    event: parsed.success ? parsed.data : { type: "unreadable", storedType: row.type },
  };
}
