import type { RouterOutputs } from "~/app/_lib/trpc";

export type CatalogueEntry = RouterOutputs["integrations"]["types"][number];
export type CatalogueVariable = CatalogueEntry["variables"][number];
export type PublicIntegration = RouterOutputs["integrations"]["get"];
export type IntegrationPreview = RouterOutputs["integrations"]["preview"];
export type TestSendOutcome = RouterOutputs["integrations"]["testSend"];
export type DraftIssue = IntegrationPreview["issues"][number];

export { MESSAGE_TYPE_LABEL } from "~/core/message-template/message-type";

export function describeRateLimit(entry: CatalogueEntry): string {
  const per = entry.rateLimit.per;
  const scope =
    per.kind === "integration" ? "integration" : (entry.variables.find((v) => v.name === per.name)?.label ?? per.name);
  return `${entry.rateLimit.eventsPerMinute.toLocaleString("en-US")} / min per ${scope}`;
}
