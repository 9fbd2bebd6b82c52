import type { RefusalReason } from "~/core/domain-error";
import type { TemplateError } from "~/core/message-template/template-error";
import { redact } from "~/core/secrets/redact";

/** Where a message failed as it was sent: an HTTP step (its name as typed, "" when unnamed, and number), the email, the inbox message. */
export type SendPart = { name: string; number: number } | "email" | "inbox";

/** A template problem's own values are stored under this prefix, apart from the reason's. */
export const TEMPLATE_PARAM_PREFIX = "param_";

/** The part's values, as the reasons' messages select on them: a step by name when it has one. */
export function partValues(part: SendPart): { part: string; step: string | number } {
  if (typeof part === "string") return { part, step: "" };
  return part.name ? { part: "namedStep", step: part.name } : { part: "step", step: part.number };
}

/**
 * Why a message template failed to render at send, for pages to word with the template problem's
 * code and values. Values can quote alert data, so they are redacted like the English text.
 */
export function templateFailureReason(
  error: TemplateError,
  part: SendPart,
  secrets: readonly string[],
): RefusalReason | undefined {
  // A problem without values (a header that cannot carry its value, a basic-auth name with a
  // colon: render-step.ts) has no wording of its own: its English text stays as stored.
  if (Object.keys(error.params).length === 0 && error.code === "INVALID_ARGUMENT") return undefined;
  const values: Record<string, string | number> = { ...partValues(part), code: error.code };
  for (const [key, value] of Object.entries(error.params))
    values[`${TEMPLATE_PARAM_PREFIX}${key}`] = typeof value === "string" ? redact(value, secrets) : value;
  return { reason: "templateFailedAtSend", values };
}
