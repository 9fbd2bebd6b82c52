import type { RouterOutputs } from "~/app/_lib/trpc";
import type { MessageType } from "~/core/message-template/message-type";

export type CatalogueEntry = RouterOutputs["integrations"]["types"][number];
export type CatalogueVariable = CatalogueEntry["variables"][number];
export type PublicIntegration = RouterOutputs["integrations"]["get"];
export type IntegrationPreview = RouterOutputs["integrations"]["preview"];
export type TestSendOutcome = RouterOutputs["integrations"]["testSend"];
export type DraftIssue = IntegrationPreview["issues"][number];

/** The UI and API call the first type Error; `{{@alert.type}}` renders it as "Alert". */
export const MESSAGE_TYPE_LABEL: Record<MessageType, string> = { error: "Error", reminder: "Reminder", ok: "Ok" };

export function describeRateLimit(entry: CatalogueEntry): string {
  const per = entry.rateLimit.per;
  const scope =
    per.kind === "integration" ? "integration" : (entry.variables.find((v) => v.name === per.name)?.label ?? per.name);
  return `${entry.rateLimit.eventsPerMinute.toLocaleString("en-US")} / min per ${scope}`;
}
