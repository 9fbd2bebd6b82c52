import { z } from "zod";
import { flowGraphSchema } from "../flow/document";
import { integrationTypeSchema } from "../integrations/integration-types";

/**
 * A flow template as it is stored, exported and shared: a flow graph whose integration nodes
 * name no integration (`integrationId: null`), and typed placeholders that say which nodes need
 * which kind of integration. Nothing in it points back at the workspace it came from.
 *
 * Three numbers version it, each for its own reason:
 * - `formatVersion`: this envelope (bumped when the file format changes);
 * - `graph.schemaVersion`: the flow document (older graphs are upgraded by core/flow/migrations);
 * - `version`: the template's own revision, 1, 2, … as its author saves new versions.
 */
export const TEMPLATE_FORMAT = "alertflow.flow-template";
export const TEMPLATE_FORMAT_VERSION = 1;
/** Larger files are refused before they are parsed. A 500-node flow is about 200 KB. */
export const MAX_TEMPLATE_FILE_BYTES = 1024 * 1024;
/** Deeper JSON than this is not a template; refusing early keeps every walk cheap. */
export const MAX_TEMPLATE_JSON_DEPTH = 32;
export const MAX_PLACEHOLDERS = 50;
export const MAX_TAGS = 12;

/**
 * Display text (names, descriptions, labels) is drawn as text, never as HTML. Markup in it can
 * only be an attack or a mistake, so it is refused: "<" followed by a letter, "/", "!" or "?".
 * "CPU < 90%" is fine.
 */
export const NO_MARKUP = /^(?![\s\S]*<[A-Za-z/!?])[\s\S]*$/;
export const NO_MARKUP_MESSAGE = "must not contain markup such as HTML tags";

const displayText = (max: number) => z.string().trim().max(max).regex(NO_MARKUP, NO_MARKUP_MESSAGE);

export const placeholderKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, "must be lower-case letters, digits and dashes, starting with a letter");

export const templatePlaceholderSchema = z
  .strictObject({
    /** Stable within the template; the wizard maps each key to an integration. */
    key: placeholderKeySchema,
    integrationType: integrationTypeSchema,
    /** What the integration is for, e.g. "Team channel". */
    label: displayText(120).min(1),
    description: displayText(500).default(""),
    /** The integration nodes that send through this integration. */
    nodeIds: z.array(z.string().min(1).max(100)).min(1).max(500),
  })
  .describe("An integration the template needs: every node in nodeIds sends through the one chosen.");
export type TemplatePlaceholder = z.infer<typeof templatePlaceholderSchema>;

export const templateTagSchema = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, "must be letters, digits, spaces, dots, dashes or underscores");

/** Everything but the graph, which is read separately so older graph versions can be upgraded. */
export const templateEnvelopeSchema = z.strictObject({
  /** Lets editors find this schema; ignored on import. */
  $schema: z.string().max(500).optional(),
  format: z.literal(TEMPLATE_FORMAT),
  formatVersion: z.literal(TEMPLATE_FORMAT_VERSION),
  name: displayText(200).min(1),
  description: displayText(5000).default(""),
  tags: z.array(templateTagSchema).max(MAX_TAGS).default([]),
  /** A display name; never an e-mail address or id. */
  author: displayText(200).default(""),
  version: z.number().int().min(1).max(1_000_000).default(1),
  placeholders: z.array(templatePlaceholderSchema).max(MAX_PLACEHOLDERS),
  graph: z.unknown(),
});

export const flowTemplateDocumentSchema = templateEnvelopeSchema
  .extend({ graph: flowGraphSchema })
  .describe("An Alertflow flow template (see docs/flow-templates.md).");
export type FlowTemplateDocument = z.infer<typeof flowTemplateDocumentSchema>;
export type FlowTemplateDocumentInput = z.input<typeof flowTemplateDocumentSchema>;
