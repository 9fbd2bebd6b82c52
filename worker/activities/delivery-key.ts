import type { DeliverInput } from "./types";

/** incident + level + type + reminder number, plus the link, since a level may have many. */
export function idempotencyKeyFor(input: DeliverInput): string {
  const link = input.isFallback ? `${input.target.nodeId}:fallback` : input.target.nodeId;
  return `${input.runId}:${input.level}:${input.messageType}:${input.reminderNumber}:${link}`;
}
