import { z } from "zod";
import { recordOf } from "../wire/own-record";
import { toIsoTimestamp } from "./timestamp";

/**
 * Field schemas shared by the inbound formats. Senders render templates, so numbers and booleans
 * turn up where text is meant, and "absent" is often `null` or "": accept those instead of
 * bouncing an alert at 3 a.m. over a quoting detail.
 */
function scalarToString(value: unknown): unknown {
  return typeof value === "number" || typeof value === "boolean" ? String(value) : value;
}

export const looseString = z.preprocess(scalarToString, z.string());

/** Optional text: absent, null and "" all mean "not given". */
export const optionalText = z.preprocess(
  (value) => (value === null || value === "" ? undefined : scalarToString(value)),
  z.string().optional(),
);

/** `{name: value}` with text values; null values are dropped rather than rejected. */
export const stringMap = recordOf(z.string(), looseString.nullable()).transform((record) =>
  Object.fromEntries(Object.entries(record).filter((entry): entry is [string, string] => entry[1] !== null)),
);

/** An ISO 8601 date-time kept as the sender wrote it; normalizers convert with `toIsoTimestamp`. */
export const isoTimestamp = z.string().refine((raw) => toIsoTimestamp(raw) !== undefined, {
  message: "Expected an ISO 8601 date-time such as 2024-05-01T12:00:00Z",
});

export const optionalIsoTimestamp = z.preprocess(
  (value) => (value === null || value === "" ? undefined : value),
  isoTimestamp.optional(),
);

/** Required text with a message that names the field's aliases when it is missing. */
export function requiredText(missingMessage: string) {
  return z.preprocess(
    scalarToString,
    z
      .string({
        error: (issue) => (issue.input === undefined ? missingMessage : "Expected a string"),
      })
      .trim()
      .min(1, "Must not be empty"),
  );
}

/** An incident key as the sender gives it; numbers are common (ticket ids), so they are coerced. */
export function alertKeyField(missingMessage: string) {
  return requiredText(missingMessage).pipe(z.string().max(500, "Must be at most 500 characters"));
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Values in `details` travel in workflow history, so a 1 MB response body must not. */
export const MAX_DETAIL_LENGTH = 65_536;

export function detailValue(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const text =
    typeof value === "string"
      ? value
      : typeof value === "number" || typeof value === "boolean"
        ? String(value)
        : JSON.stringify(value);
  return truncate(text, MAX_DETAIL_LENGTH);
}
