import type { RunStatus } from "~/db/schema";

export type RunAction = "acknowledge" | "resolve" | "cancel";

/** Which operator actions make sense now: only open runs take any, and acknowledging is once. */
export function availableActions(status: RunStatus): Record<RunAction, boolean> {
  const open = status === "escalating" || status === "acknowledged";
  return { acknowledge: status === "escalating", resolve: open, cancel: open };
}

export const isOpen = (status: RunStatus) => status === "escalating" || status === "acknowledged";
