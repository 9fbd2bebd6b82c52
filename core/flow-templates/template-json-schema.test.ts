import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { flowTemplateJsonSchema, TEMPLATE_JSON_SCHEMA_PATH } from "./template-json-schema";

it(`${TEMPLATE_JSON_SCHEMA_PATH} is generated from the current zod schema (npm run schema:templates)`, () => {
  const committed: unknown = JSON.parse(
    readFileSync(fileURLToPath(new URL(`../../${TEMPLATE_JSON_SCHEMA_PATH}`, import.meta.url)), "utf8"),
  );
  expect(committed).toEqual(flowTemplateJsonSchema());
});
