import type { RouterOutputs } from "~/app/_lib/trpc";

export type CatalogueEntry = RouterOutputs["integrations"]["types"][number];
export type CatalogueVariable = CatalogueEntry["variables"][number];
export type PublicIntegration = RouterOutputs["integrations"]["get"];
export type IntegrationPreview = RouterOutputs["integrations"]["preview"];
export type TestSendOutcome = RouterOutputs["integrations"]["testSend"];
export type DraftIssue = IntegrationPreview["issues"][number];
