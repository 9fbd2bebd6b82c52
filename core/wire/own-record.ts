import { z } from "zod";

/**
 * Maps whose keys are user data (labels, details, variables, headers). Any key is an ordinary
 * key, `__proto__` included: `z.record` drops that key on purpose, and `map[key] = value` on a
 * plain object calls the prototype setter instead of storing it. Both lose data silently, so maps
 * of user keys are validated with recordOf and built with putOwn (core/own-entry.ts).
 */

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** What a JSON Schema generated from a document (docs/flow-template.schema.json) says of it. */
function jsonSchemaOf(value: z.ZodType) {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(value, { io: "input", unrepresentable: "any" });
  return { type: "object" as const, additionalProperties: schema };
}

/**
 * `z.record(key, value)` that keeps every key, `__proto__` included. JSON Schema generation needs
 * `unrepresentable: "any"`; the schema it writes comes from the metadata set here.
 */
export function recordOf<K extends z.ZodType<string, string>, V extends z.ZodType>(key: K, value: V) {
  return z
    .custom<Record<string, z.input<V>>>(isPlainRecord, {
      // zod's own wording for z.record, so messages do not change with the helper
      error: (issue) =>
        `Invalid input: expected record, received ${Array.isArray(issue.input) ? "array" : issue.input === null ? "null" : typeof issue.input}`,
    })
    .meta(jsonSchemaOf(value))
    .transform((record) => new Map(Object.entries(record)))
    .pipe(z.map(key, value))
    .transform((map): Record<string, z.output<V>> => Object.fromEntries(map));
}
