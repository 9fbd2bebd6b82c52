/**
 * Writes the default JSON bodies of the catalogue as template text. Strings are template text
 * and are JSON-quoted (so literal quotes in them are escaped); `raw()` inserts template text
 * unquoted, for numbers and booleans.
 */
export class RawJson {
  constructor(readonly text: string) {}
}

export const raw = (text: string) => new RawJson(text);

/**
 * Template text that JSON-escapes a value: `{{@JsonEncode(...)}}`. Keep literal text inside it
 * free of quotes, backslashes and newlines: `jsonTemplate` has escaped those once already.
 */
export const enc = (template: string) => `{{@JsonEncode(${template})}}`;

export type JsonTemplateValue =
  string | number | boolean | null | RawJson | JsonTemplateValue[] | { [key: string]: JsonTemplateValue };

export function jsonTemplate(value: JsonTemplateValue, indent = ""): string {
  const inner = `${indent}  `;
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((v) => inner + jsonTemplate(v, inner)).join(",\n")}\n${indent}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${jsonTemplate(v, inner)}`).join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}
