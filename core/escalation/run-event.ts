import { z } from "zod";
import { escalationModeSchema } from "../flow/document";
import { ACTION_SOURCES } from "./action-source";

/**
 * Everything a run's timeline can say, defined once: the workflow records these, the activity
 * stores them, the run viewer reads them back through this schema and describes each type.
 * `level` and `nodeId` are present exactly on the types that concern one level or node.
 */
const onLevel = { level: z.number().int(), nodeId: z.string() };
/** `source` is where the action came from; events stored before it existed have none. */
const byOperator = z.object({ by: z.string(), note: z.string(), source: z.enum(ACTION_SOURCES).optional() });

export const runEventBodySchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("alert.error"), detail: z.object({ count: z.number().int(), summary: z.string() }) }),
  z.object({ type: z.literal("alert.ok"), detail: z.object({ summary: z.string() }) }),
  z.object({ type: z.literal("level.fired"), ...onLevel, detail: z.object({ mode: escalationModeSchema }) }),
  z.object({ type: z.literal("reminder.due"), ...onLevel, detail: z.object({ reminderNumber: z.number().int() }) }),
  z.object({ type: z.literal("acknowledged"), detail: byOperator }),
  z.object({ type: z.literal("resolve.requested"), detail: byOperator }),
  z.object({ type: z.literal("cancel.requested"), detail: byOperator }),
  z.object({ type: z.literal("resolved"), detail: z.object({ by: z.enum(["alert", "operator"]) }) }),
  z.object({ type: z.literal("cancelled"), detail: z.object({}) }),
  /** nodeId is the fallback integration node; `from` the one that failed. */
  z.object({ type: z.literal("fallback.used"), ...onLevel, detail: z.object({ from: z.string() }) }),
  /** Retries ran out on an error that was not a receiver's answer (the delivery row says the rest). */
  z.object({ type: z.literal("delivery.error"), ...onLevel, detail: z.object({ message: z.string() }) }),
  /** An editor sent a failed message again: one more attempt at the same delivery. */
  z.object({
    type: z.literal("delivery.resent"),
    ...onLevel,
    detail: z.object({
      by: z.string(),
      deliveryId: z.string(),
      attempt: z.number().int(),
      outcome: z.enum(["delivered", "failed", "skipped"]),
      statusCode: z.number().int().nullable(),
    }),
  }),
  /** On the old run: an editor started the incident again on the flow's current version. */
  z.object({
    type: z.literal("rerun.requested"),
    detail: z.object({ by: z.string(), newRunId: z.string(), version: z.number().int() }),
  }),
  /** On the new run: which run it re-runs, and who asked. */
  z.object({ type: z.literal("rerun.started"), detail: z.object({ by: z.string(), fromRunId: z.string() }) }),
]);

export type RunEventBody = z.infer<typeof runEventBodySchema>;
export type RunEventType = RunEventBody["type"];

/** An event as the workflow produces it: `at` is ISO 8601. */
export type RunEventDraft = RunEventBody & { at: string };

/** As stored: the id is made in the workflow, so a retried write does not duplicate the event. */
export type RecordedRunEvent = RunEventDraft & { id: string };

/** A stored event this version cannot read (a type written by a newer one, say): shown by name. */
export interface UnreadableRunEvent {
  type: "unreadable";
  storedType: string;
}

/** What the run viewer gets for each stored event. */
export type ReadRunEvent = RunEventBody | UnreadableRunEvent;
