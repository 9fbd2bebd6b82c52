import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { builtinTemplates } from "./builtin";
import { flowTemplateJsonSchema, TEMPLATE_JSON_SCHEMA_PATH } from "./template-json-schema";

const committed: unknown = JSON.parse(
  readFileSync(fileURLToPath(new URL(`../../${TEMPLATE_JSON_SCHEMA_PATH}`, import.meta.url)), "utf8"),
);

describe("the template file's JSON Schema", () => {
  it(`is generated from the current zod schema (run npm run schema:templates after a change)`, () => {
    expect(committed).toEqual(flowTemplateJsonSchema());
  });

  it("accepts every built-in as exported and refuses what the importer refuses", () => {
    if (typeof committed !== "object" || committed === null) throw new Error("schema is not an object");
    // Integration ids are null in every template, so their "uuid" format needs no checker here.
    const validate = new Ajv2020({ allErrors: true, formats: { uuid: true } }).compile(committed);
    for (const { document } of builtinTemplates()) {
      expect(validate(JSON.parse(JSON.stringify(document))), JSON.stringify(validate.errors)).toBe(true);
    }
    const [first] = builtinTemplates();
    expect(validate({ ...first?.document, name: "<b>bold</b>" })).toBe(false);
    expect(validate({ ...first?.document, formatVersion: 2 })).toBe(false);
    expect(validate({ ...first?.document, surprise: true })).toBe(false);
  });
});
