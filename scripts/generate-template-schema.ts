import { writeFileSync } from "node:fs";
import path from "node:path";
import { format } from "prettier";
import { flowTemplateJsonSchema, TEMPLATE_JSON_SCHEMA_PATH } from "~/core/flow-templates/template-json-schema";

/** Writes the template file's JSON Schema; a unit test fails until it is re-run after a change. */
const target = path.resolve(import.meta.dirname, "..", TEMPLATE_JSON_SCHEMA_PATH);
const text = await format(JSON.stringify(flowTemplateJsonSchema()), { parser: "json", printWidth: 120 });
writeFileSync(target, text);
console.log(`wrote ${TEMPLATE_JSON_SCHEMA_PATH}`);
