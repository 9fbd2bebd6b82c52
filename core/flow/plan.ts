import type { AlertFormat, TriggerFilter } from "./document";

/**
 * The compiled, executable form of a published graph. It is workflow input, so it must stay
 * plain JSON; the workflow imports these types only.
 */
export interface PlanTarget {
  nodeId: string;
  integrationId: string;
  variables: Record<string, string>;
  /** Sent the same message when this target finally fails (the "on failure" edge). */
  fallback: PlanTarget | null;
}

export interface PlanLevel {
  nodeId: string;
  level: number;
  mode: "duration" | "count";
  afterSeconds: number;
  errorCount: number;
  reminderCount: number;
  reminderEverySeconds: number;
  message: string;
  error: PlanTarget[];
  reminder: PlanTarget[];
  ok: PlanTarget[];
}

export interface FlowPlan {
  planVersion: 1;
  trigger: { nodeId: string; format: AlertFormat; filters: TriggerFilter[]; alertKey: string };
  /** Ordered by level number. */
  levels: PlanLevel[];
}
