import type { RouterInputs, RouterOutputs } from "~/app/_lib/trpc";

export type TemplateList = RouterOutputs["templates"]["list"];
export type BuiltinCard = TemplateList["builtin"][number];
export type WorkspaceCard = TemplateList["workspace"][number];
export type TemplateCardData = BuiltinCard | WorkspaceCard;
export type TemplateDetail = RouterOutputs["templates"]["get"];
export type SharedTemplate = RouterOutputs["templates"]["shared"];
export type PlaceholderView = TemplateCardData["placeholders"][number];
export type TemplateRef = RouterInputs["templates"]["use"]["ref"];

/** What every template view can draw and the wizard can use: a card, a detail, a shared one. */
export interface TemplateSummary {
  name: string;
  description: string;
  tags: string[];
  version: number;
  graph: TemplateCardData["graph"];
  placeholders: PlaceholderView[];
}

export const refKey = (ref: TemplateRef) => (ref.kind === "builtin" ? `builtin:${ref.key}` : ref.templateId);
