import { z } from "zod";
import { recordOf } from "../wire/own-record";
import { unstorableCharacter, unstorableCheck, unstorableReason } from "../wire/storable-text";
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

/**
 * Text that names an incident (alert keys, labels, monitor names) must arrive as sent. Other text
 * of an alert is cleaned (NUL and lone surrogates become U+FFFD, core/wire/storable-text.ts), but
 * cleaning a key would fold "a\u0000" and "a\uD800" onto one incident, so such a key is refused.
 */
function refuseUnstorable(value: string | undefined, ctx: z.RefinementCtx, what = "Must not contain") {
  const character = value === undefined ? undefined : unstorableCharacter(value);
  if (character && value !== undefined) {
    ctx.addIssue({
      code: "custom",
      message: `${what}: it ${unstorableReason(value)}`,
      params: unstorableCheck(character),
    });
  }
}

/** Optional identity text (a monitor's name): as `optionalText`, but NUL or a lone surrogate is refused. */
export const identityText = optionalText.superRefine((value, ctx) => refuseUnstorable(value, ctx, "Invalid text"));

/** Labels per alert and their sizes: they identify incidents, key filters and are indexed for search. */
export const MAX_LABELS = 128;
export const MAX_LABEL_KEY_LENGTH = 256;
export const MAX_LABEL_VALUE_LENGTH = 4096;

/**
 * Labels: `{name: value}` like `stringMap`, at most 128 of them, names up to 256 characters and
 * values up to 4,096, none holding NUL or a lone surrogate. Each problem names its label.
 */
export const labelMap = recordOf(z.string(), looseString.nullable())
  .superRefine((record, ctx) => {
    const entries = Object.entries(record);
    if (entries.length > MAX_LABELS) {
      ctx.addIssue({ code: "custom", message: `At most ${MAX_LABELS} labels per alert; got ${entries.length}` });
      return;
    }
    for (const [name, value] of entries) {
      const fail = (message: string, params?: Record<string, string | boolean>) =>
        ctx.addIssue({ code: "custom", path: [name], message, ...(params ? { params } : {}) });
      const nameReason = unstorableReason(name);
      const nameCharacter = unstorableCharacter(name);
      if (nameReason && nameCharacter)
        fail(`Invalid label name: it ${nameReason}`, unstorableCheck(nameCharacter, true));
      else if (name.length > MAX_LABEL_KEY_LENGTH)
        fail(`Label names must be at most ${MAX_LABEL_KEY_LENGTH} characters; this one has ${name.length}`);
      if (value === null) continue;
      const valueReason = unstorableReason(value);
      const valueCharacter = unstorableCharacter(value);
      if (valueReason && valueCharacter)
        fail(`Invalid label value: it ${valueReason}`, unstorableCheck(valueCharacter));
      else if (value.length > MAX_LABEL_VALUE_LENGTH)
        fail(`Label values must be at most ${MAX_LABEL_VALUE_LENGTH} characters; this one has ${value.length}`);
    }
  })
  .transform((record) =>
    Object.fromEntries(Object.entries(record).filter((entry): entry is [string, string] => entry[1] !== null)),
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
  return requiredText(missingMessage).pipe(
    z
      .string()
      .max(500, "Must be at most 500 characters")
      .superRefine((value, ctx) => refuseUnstorable(value, ctx, "Invalid alert key")),
  );
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
