import { isOpenRunStatus, RUN_STATUSES } from "~/core/escalation/run-status";
import type { Tone } from "../../_components/ui/status-badge";
import type { RouterOutputs } from "../../_lib/trpc";

export type RunStatus = RouterOutputs["runs"]["list"]["items"][number]["status"];

/** In the order a run moves through them. */
export const RUN_STATUS_ORDER: readonly RunStatus[] = RUN_STATUSES;

export const STATUS_TONE: Record<RunStatus, Tone> = {
  escalating: "danger",
  acknowledged: "warn",
  resolved: "ok",
  failed: "danger",
  cancelled: "neutral",
};

export const isOpenStatus = isOpenRunStatus;
