import { normalizedAlertSchema } from "~/core/alerts/alert";
import { domainRefusal } from "~/core/domain-error";
import type { MessageType } from "~/core/message-template/message-type";
import { sampleTemplateContextInput } from "~/core/message-template/sample-context";
import type { TemplateContextInput } from "~/core/message-template/template-context";
import type { SampleAlertOverrides } from "~/core/integrations/integration-inputs";

export interface SampleOptions {
  messageType: MessageType;
  sampleAlert?: SampleAlertOverrides;
  levelMessage?: string;
  levelVariables: Record<string, string>;
}

/**
 * The made-up alert of previews and test-sends with the person's edits laid over it, as
 * Uptrends' "Send test alert" fills in whatever the user did not provide.
 */
export function sampleInput(options: SampleOptions): TemplateContextInput {
  const base = sampleTemplateContextInput(options.messageType, options.levelVariables);
  const over = options.sampleAlert ?? {};
  const merged = normalizedAlertSchema.safeParse({
    ...base.alert,
    ...over,
    monitor: { ...base.alert.monitor, ...over.monitor },
  });
  if (!merged.success) {
    const issue = merged.error.issues[0];
    const path = issue?.path.join(".") ?? "";
    throw domainRefusal("INVALID_INPUT", `Sample alert: ${path} ${issue?.message ?? ""}`.trim(), "sampleAlertInvalid", {
      path,
    });
  }
  const alert = merged.data;
  // The incident follows an edited key and time, so {{@incident.key}} and durations agree with the alert.
  const incident = { ...base.incident };
  if (over.key !== undefined) incident.key = alert.key;
  if (over.occurredAt !== undefined) {
    if (options.messageType === "ok") incident.resolvedAt = over.occurredAt;
    else incident.firstErrorAt = over.occurredAt;
  }
  return {
    ...base,
    alert,
    incident,
    level: { ...base.level, message: options.levelMessage ?? base.level.message },
  };
}

/** The sample alert the editor starts from, for a person to edit as JSON. */
export function sampleAlertFor(messageType: MessageType) {
  const base = sampleTemplateContextInput(messageType);
  return { alert: base.alert, levelMessage: base.level.message };
}
