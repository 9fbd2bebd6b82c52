import { z } from "zod";
import { LOCALES } from "~/core/i18n/locales";
import { placeholderKeySchema, templateEnvelopeSchema } from "~/core/flow-templates/template-document";

/** A built-in by key, or one of the workspace's templates (its latest version unless named). */
export const templateRefSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("builtin"), key: z.string().min(1).max(100) }),
  z.object({
    kind: z.literal("workspace"),
    templateId: z.string().uuid(),
    version: z.number().int().min(1).optional(),
  }),
]);
export type TemplateRef = z.infer<typeof templateRefSchema>;

/** The rules of the template document itself (lengths, no markup), so a row always reads back. */
const meta = {
  name: templateEnvelopeSchema.shape.name,
  description: templateEnvelopeSchema.shape.description,
  tags: templateEnvelopeSchema.shape.tags,
};

export const saveFromFlowInput = z.object({
  flowId: z.string().uuid(),
  /** A published version of the flow; the current draft when left out. */
  flowVersionId: z.string().uuid().optional(),
  /** Adds a version to this template instead of creating a new one. */
  templateId: z.string().uuid().optional(),
  note: z.string().trim().max(2000).default(""),
  ...meta,
});
export type SaveFromFlowInput = z.infer<typeof saveFromFlowInput>;

export const updateTemplateInput = z.object({ templateId: z.string().uuid(), ...meta });

export const templateIdInput = z.object({ templateId: z.string().uuid() });

export const getTemplateInput = z.object({
  templateId: z.string().uuid(),
  version: z.number().int().min(1).optional(),
});

export const exportInput = z.object({ ref: templateRefSchema });

/**
 * The file's text, so the server can report JSON errors by line and refuse an oversized file with
 * a clear message (the hard cap here only stops absurd requests; the format's limit is lower).
 */
export const importFileInput = z.object({
  fileText: z.string().max(8 * 1024 * 1024, "The file is far too large"),
  /** The page's language: the version note Alertflow writes ("Imported from a file") is in it. */
  locale: z.enum(LOCALES).default("en"),
});

/** The gallery in the page's language (built-ins only: the workspace's templates stay as written). */
export const listTemplatesInput = z.object({ locale: z.enum(LOCALES).default("en") }).default({ locale: "en" });

export const useTemplateInput = z.object({
  ref: templateRefSchema,
  name: z.string().trim().min(1, "Name is required").max(200),
  /** Placeholder key → integration id of this workspace. */
  mapping: z.record(placeholderKeySchema, z.string().uuid()),
  publish: z.boolean().default(false),
  /** The page's language: a built-in's node labels are written in it, then are the flow's own. */
  locale: z.enum(LOCALES).default("en"),
});
export type UseTemplateInput = z.infer<typeof useTemplateInput>;

/** Share tokens are checked by hash; any string is accepted here so a bad one is just "not found". */
export const shareTokenInput = z.object({ token: z.string().min(1).max(200) });
/** Copying a shared template: the version note Alertflow writes ("Added from a shared link") is in `locale`. */
export const useSharedInput = shareTokenInput.extend({ locale: z.enum(LOCALES).default("en") });

export const shareLinkInput = z.object({ templateId: z.string().uuid(), linkId: z.string().uuid() });
