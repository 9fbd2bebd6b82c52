import type { Tone } from "../../_components/ui/status-badge";
import type { RouterOutputs } from "../../_lib/trpc";

export type RunStatus = RouterOutputs["runs"]["list"]["items"][number]["status"];

export const RUN_STATUS_ORDER: readonly RunStatus[] = ["escalating", "acknowledged", "resolved", "failed", "cancelled"];

export const STATUS_TONE: Record<RunStatus, Tone> = {
  escalating: "danger",
  acknowledged: "warn",
  resolved: "ok",
  failed: "danger",
  cancelled: "neutral",
};

export const STATUS_LABEL: Record<RunStatus, string> = {
  escalating: "Escalating",
  acknowledged: "Acknowledged",
  resolved: "Resolved",
  failed: "Failed",
  cancelled: "Cancelled",
};

export const isOpenStatus = (status: RunStatus) => status === "escalating" || status === "acknowledged";
