import { z } from "zod";
import { normalizedAlertSchema } from "~/core/alerts/alert";
import { messageTypeSchema } from "~/core/message-template/message-type";
import { recordOf } from "~/core/wire/own-record";
import type { DeliverInput } from "./activities/types";

/** A planned send as the workflow wrote it (due_sends.message): a message on its own link, no run record. */
const dueMessageSchema = z.object({
  runId: z.string(),
  workspaceId: z.string(),
  flowId: z.string(),
  flowName: z.string(),
  incidentKey: z.string(),
  level: z.number().int(),
  levelMessage: z.string(),
  messageType: messageTypeSchema,
  reminderNumber: z.number().int(),
  target: z.object({ nodeId: z.string(), integrationId: z.string(), variables: recordOf(z.string(), z.string()) }),
  alert: normalizedAlertSchema,
  firstErrorAt: z.string(),
  resolvedAt: z.string().optional(),
  isFallback: z.literal(false),
  maxAttempts: z.number().int().min(1),
});

/** The message, or null when the row does not hold one this version reads. */
export const dueMessageOf = (value: unknown): DeliverInput | null => dueMessageSchema.safeParse(value).data ?? null;
