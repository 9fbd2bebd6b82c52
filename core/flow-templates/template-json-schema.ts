import { z } from "zod";
import { flowTemplateDocumentSchema, TEMPLATE_FORMAT_VERSION } from "./template-document";

/** Where the generated schema is committed, relative to the repository root. */
export const TEMPLATE_JSON_SCHEMA_PATH = "docs/flow-template.schema.json";

/**
 * The JSON Schema of a template file, generated from the zod schema the importer uses, so the
 * documented format cannot drift from the one enforced. It describes what a file may contain
 * (defaults are optional); the importer also upgrades older graph versions and checks what a
 * schema cannot say (placeholders match nodes, the graph is a runnable flow).
 */
export function flowTemplateJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(flowTemplateDocumentSchema, { io: "input", target: "draft-2020-12", unrepresentable: "any" }),
    title: `Alertflow flow template, format version ${TEMPLATE_FORMAT_VERSION}`,
  };
}
