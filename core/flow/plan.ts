import { z } from "zod";
import { recordOf } from "../wire/own-record";
import { alertFormatSchema, escalationModeSchema, triggerFilterSchema } from "./document";

/**
 * The compiled, executable form of a published graph: stored with the version, read back through
 * this schema, and handed to the workflow as input (so it stays plain JSON). `planVersion` says
 * which shape a stored plan has; a reader refuses one it does not know rather than guess.
 */
export const PLAN_VERSION = 1;

export interface PlanTarget {
  nodeId: string;
  integrationId: string;
  variables: Record<string, string>;
  /** Sent the same message when this target finally fails (the "on failure" edge). */
  fallback: PlanTarget | null;
}

export const planTargetSchema: z.ZodType<PlanTarget> = z.object({
  nodeId: z.string().min(1),
  integrationId: z.string().min(1),
  variables: recordOf(z.string(), z.string()),
  get fallback() {
    return planTargetSchema.nullable();
  },
});

export const planLevelSchema = z.object({
  nodeId: z.string().min(1),
  level: z.number().int().min(1),
  mode: escalationModeSchema,
  afterSeconds: z.number().min(0),
  errorCount: z.number().int().min(1),
  reminderCount: z.number().int().min(0),
  reminderEverySeconds: z.number().positive(),
  message: z.string(),
  error: z.array(planTargetSchema),
  reminder: z.array(planTargetSchema),
  ok: z.array(planTargetSchema),
});
export type PlanLevel = z.infer<typeof planLevelSchema>;

export const flowPlanSchema = z.object({
  planVersion: z.literal(PLAN_VERSION),
  trigger: z.object({
    nodeId: z.string().min(1),
    format: alertFormatSchema,
    filters: z.array(triggerFilterSchema),
    alertKey: z.string(),
  }),
  /** Ordered by level number. */
  levels: z.array(planLevelSchema),
});
export type FlowPlan = z.infer<typeof flowPlanSchema>;
