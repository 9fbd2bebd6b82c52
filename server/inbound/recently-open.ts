import type { Db } from "~/db/client";
import { onePer } from "~/core/one-per";

/** Enough for every incident a busy process folds into; the oldest go first past it. */
const CAPACITY = 10_000;

/**
 * The workflow ids this web process recently saw open (its claim won, or an event of it was
 * appended to the inbox). Only a hint of which look goes first: an error for a key outside it is
 * claimed straight away, and a claim lost to an open incident appends to it as before, so a
 * wrong or forgotten entry costs a round trip, never an event.
 */
export interface RecentlyOpen {
  has(workflowId: string): boolean;
  add(workflowId: string): void;
  delete(workflowId: string): void;
}

export function createRecentlyOpen(capacity = CAPACITY): RecentlyOpen {
  // A Map keeps insertion order: re-adding moves a key to the end, so the first is the oldest.
  const ids = new Map<string, true>();
  return {
    has: (workflowId) => ids.has(workflowId),
    add(workflowId) {
      ids.delete(workflowId);
      ids.set(workflowId, true);
      if (ids.size > capacity) {
        const oldest = ids.keys().next();
        if (!oldest.done) ids.delete(oldest.value);
      }
    },
    delete: (workflowId) => void ids.delete(workflowId),
  };
}

/** One per database client, so per web process. */
export const recentlyOpenFor = onePer<Db, RecentlyOpen>(() => createRecentlyOpen());
