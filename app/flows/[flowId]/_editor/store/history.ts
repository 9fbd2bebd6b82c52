/**
 * An undo stack of whole-graph snapshots. Snapshots share unchanged nodes with each other (the
 * store never mutates), so keeping a hundred of them costs little. Pure: the store owns one.
 */
export interface History<T> {
  past: readonly T[];
  future: readonly T[];
  /** The coalescing key and time of the last record, so a burst of typing is one undo step. */
  lastKey: string | null;
  lastAt: number;
}

export const HISTORY_LIMIT = 100;
/** Edits with the same key closer together than this merge into one step. */
export const COALESCE_MS = 1000;

export const emptyHistory = <T>(): History<T> => ({ past: [], future: [], lastKey: null, lastAt: 0 });

export interface RecordOptions {
  /** Edits sharing a key (e.g. `data:<nodeId>`) within COALESCE_MS become one undo step. */
  key?: string;
  now?: number;
  limit?: number;
}

/** Remembers `before` (the state just before an edit) as the step undo returns to. */
export function record<T>(
  history: History<T>,
  before: T,
  { key, now = Date.now(), limit = HISTORY_LIMIT }: RecordOptions = {},
): History<T> {
  const merges =
    key !== undefined && key === history.lastKey && now - history.lastAt < COALESCE_MS && history.past.length > 0;
  if (merges) return { ...history, future: [], lastAt: now };
  const past = [...history.past, before];
  return {
    past: past.length > limit ? past.slice(past.length - limit) : past,
    future: [],
    lastKey: key ?? null,
    lastAt: now,
  };
}

export interface Travel<T> {
  history: History<T>;
  snapshot: T;
}

export function undo<T>(history: History<T>, current: T): Travel<T> | null {
  const snapshot = history.past.at(-1);
  if (snapshot === undefined) return null;
  return {
    snapshot,
    history: { past: history.past.slice(0, -1), future: [current, ...history.future], lastKey: null, lastAt: 0 },
  };
}

export function redo<T>(history: History<T>, current: T): Travel<T> | null {
  const [snapshot, ...future] = history.future;
  if (snapshot === undefined) return null;
  return { snapshot, history: { past: [...history.past, current], future, lastKey: null, lastAt: 0 } };
}
