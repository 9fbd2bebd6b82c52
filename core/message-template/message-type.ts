import { z } from "zod";

export const messageTypeSchema = z.enum(["error", "reminder", "ok"]);
export type MessageType = z.infer<typeof messageTypeSchema>;
export const MESSAGE_TYPES = messageTypeSchema.options;

/** Uptrends renders the Error type as "Alert" in `{{@alert.type}}`; the rest keep their names. */
export const ALERT_TYPE_LABEL = {
  error: "Alert",
  reminder: "Reminder",
  ok: "Ok",
} as const satisfies Record<MessageType, string>;

/** How people read the type (the UI and API call the first one Error; templates say "Alert"). */
export const MESSAGE_TYPE_LABEL = {
  error: "Error",
  reminder: "Reminder",
  ok: "Ok",
} as const satisfies Record<MessageType, string>;
