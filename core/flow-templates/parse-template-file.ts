import { parse as parseTolerant, printParseErrorCode, type ParseError } from "jsonc-parser";
import { readTemplateDocument } from "./read-template";
import { MAX_TEMPLATE_FILE_BYTES, type FlowTemplateDocument } from "./template-document";
import type { TemplateReadResult } from "./template-issue";

/**
 * An uploaded template file, from its text: refused when too large (before parsing), when not
 * JSON (with the line and column), and otherwise read like any template document.
 */
export function parseTemplateFile(text: string): TemplateReadResult<FlowTemplateDocument> {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_TEMPLATE_FILE_BYTES) {
    return {
      ok: false,
      issues: [
        {
          code: "too_large",
          message: `The file is ${formatBytes(bytes)}; a template file can be at most ${formatBytes(MAX_TEMPLATE_FILE_BYTES)}.`,
        },
      ],
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [{ code: "invalid_json", message: jsonErrorMessage(text, error) }] };
  }
  return readTemplateDocument(raw);
}

/**
 * JSON.parse's messages differ between engines and often give no position, so the first error is
 * located with a strict pass of jsonc-parser (comments and trailing commas refused, as JSON does).
 */
function jsonErrorMessage(text: string, error: unknown): string {
  const errors: ParseError[] = [];
  parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const [first] = errors;
  if (!first) return `The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
  const before = text.slice(0, first.offset);
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return `The file is not valid JSON (line ${line}, column ${column}): ${describeJsonError(printParseErrorCode(first.error))}.`;
}

/** "PropertyNameExpected" → "property name expected". */
const describeJsonError = (code: string) => code.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
