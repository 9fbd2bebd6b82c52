/**
 * A run's status, listed once: the database enum (db/schema.ts) is made from this list, the API
 * filter reads it back from there, and the UI and the workflow use it from here.
 */
export const RUN_STATUSES = ["escalating", "acknowledged", "resolved", "failed", "cancelled"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** A run in one of these can still be acknowledged, resolved or cancelled. */
export const OPEN_RUN_STATUSES = ["escalating", "acknowledged"] as const satisfies readonly RunStatus[];

export const isOpenRunStatus = (status: RunStatus): boolean => OPEN_RUN_STATUSES.some((open) => open === status);
