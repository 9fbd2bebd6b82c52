import { isOpenRunStatus } from "~/core/escalation/run-status";
import type { RunStatus } from "~/db/schema";

export type RunAction = "acknowledge" | "resolve" | "cancel";

export const isOpen = isOpenRunStatus;

/** Which operator actions make sense now: only open runs take any, and acknowledging is once. */
export function availableActions(status: RunStatus): Record<RunAction, boolean> {
  const open = isOpen(status);
  return { acknowledge: status === "escalating", resolve: open, cancel: open };
}
