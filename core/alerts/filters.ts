import { RE2JS } from "re2js";
import type { TriggerFilter } from "../flow/document";
import type { NormalizedAlert } from "./alert";
import { alertPathProblem, alertPathText } from "./alert-path";

/**
 * Trigger filters: an alert starts or signals a flow only when every filter matches. A missing
 * field counts as "" (as a missing label does in Prometheus matchers), so `notEquals prod` also
 * matches alerts without the field and `equals ""` matches only those.
 */

/**
 * `matches` filters run on RE2 (re2js, pure JavaScript, so the canvas validates with the same
 * engine): matching is linear in the text whatever the pattern, so `/^(a+)+$/` cannot stall the
 * inbound endpoint the way a backtracking engine does (5.3 s for 30 characters before).
 * Compiled regexes are cached by source; filters run on every inbound alert.
 */
const regexCache = new Map<string, RE2JS | null>();
const REGEX_CACHE_LIMIT = 1000;
export const MAX_PATTERN_LENGTH = 1000;
/** `g` and `y` would make matching stateful between alerts, so only these are allowed. */
const FLAG_BITS: Record<string, number> = {
  i: RE2JS.CASE_INSENSITIVE,
  m: RE2JS.MULTILINE,
  s: RE2JS.DOTALL,
  u: 0, // RE2 always matches by code point
};
/**
 * Linear time can still be slow: work grows with pattern size × text length. These caps keep one
 * filter on one alert to a few milliseconds (`[a-z]{1,1000}!` over 100 KB took 1.8 s).
 */
export const MAX_PROGRAM_SIZE = 300;
/** A `matches` filter looks at the first this many characters of the field. */
export const MAX_MATCH_TEXT = 16_384;
const SLASH_FORM = /^\/(.*)\/([a-z]*)$/s;
/** `{n}`, `{n,}` and `{n,m}` not escaped as `\{`. */
const REPEAT = /(?<!\\)\{(\d+)(?:,(\d*))?\}/g;

function syntaxMessage(source: string, error: unknown): string {
  const text = `Invalid regular expression: ${error instanceof Error ? error.message : "cannot be parsed"}`;
  return /\(\?<?[=!]|\\\d/.test(source)
    ? `${text}. Lookarounds and backreferences are not supported: filters use a linear-time engine (RE2)`
    : text;
}

function compile(pattern: string): RE2JS | string {
  if (pattern.length > MAX_PATTERN_LENGTH) return `Pattern is longer than ${MAX_PATTERN_LENGTH} characters`;
  // `/disk.*full/i` sets flags; RE2's inline `(?i)` works too.
  const slash = SLASH_FORM.exec(pattern);
  const source = slash ? (slash[1] ?? "") : pattern;
  const written = slash ? (slash[2] ?? "") : "";
  if (!/^[imsu]*$/.test(written)) return `Unsupported regex flags "${written}"; use i, m, s or u`;
  let flags = 0;
  for (const flag of written) flags |= FLAG_BITS[flag] ?? 0;
  // `x{1,1000}` alone takes RE2 some 10 ms to compile before its size shows: a graph of such
  // filters was seconds of validation. A repeat above the program cap can never fit it anyway.
  const repeat = Math.max(0, ...[...source.matchAll(REPEAT)].map((m) => Number(m[2] || m[1])));
  if (repeat > MAX_PROGRAM_SIZE) {
    return `Pattern is too complex (a repeat of ${repeat}, at most ${MAX_PROGRAM_SIZE}): use smaller {n,m} repeats`;
  }
  try {
    const regex = RE2JS.compile(source, flags);
    const size: unknown = regex.re2().prog.numInst();
    if (typeof size === "number" && size > MAX_PROGRAM_SIZE) {
      return `Pattern is too complex (${size} steps, at most ${MAX_PROGRAM_SIZE}): use smaller {n,m} repeats`;
    }
    return regex;
  } catch (error) {
    return syntaxMessage(source, error);
  }
}

function cachedRegex(pattern: string): RE2JS | null {
  const cached = regexCache.get(pattern);
  if (cached !== undefined) return cached;
  const compiled = compile(pattern);
  const regex = typeof compiled === "string" ? null : compiled;
  if (regexCache.size >= REGEX_CACHE_LIMIT) regexCache.clear();
  regexCache.set(pattern, regex);
  return regex;
}

export function matchesFilter(alert: NormalizedAlert, filter: TriggerFilter): boolean {
  const text = alertPathText(alert, filter.field.trim());
  const value = text ?? "";
  switch (filter.op) {
    case "exists":
      return value !== "";
    case "equals":
      return value === filter.value;
    case "notEquals":
      return value !== filter.value;
    case "contains":
      return value.includes(filter.value);
    case "matches": {
      // An invalid pattern matches nothing: better to drop alerts than to page on all of them.
      const regex = cachedRegex(filter.value);
      return regex !== null && regex.test(value.length > MAX_MATCH_TEXT ? value.slice(0, MAX_MATCH_TEXT) : value);
    }
  }
}

export function matchesFilters(alert: NormalizedAlert, filters: readonly TriggerFilter[]): boolean {
  return filters.every((filter) => matchesFilter(alert, filter));
}

export type FilterIssueCode = "unknown_field" | "invalid_regex";

export interface FilterIssue {
  /** Position of the filter in the trigger's list, so the editor can mark that row. */
  index: number;
  /** Which input of the row is wrong. */
  input: "field" | "value";
  code: FilterIssueCode;
  message: string;
}

/** Problems the editor shows on the trigger node; an empty list means every filter can match. */
export function validateFilters(filters: readonly TriggerFilter[]): FilterIssue[] {
  const issues: FilterIssue[] = [];
  filters.forEach((filter, index) => {
    const fieldProblem = alertPathProblem(filter.field);
    if (fieldProblem !== undefined) {
      issues.push({ index, input: "field", code: "unknown_field", message: fieldProblem });
    }
    if (filter.op === "matches") {
      const compiled = compile(filter.value);
      if (typeof compiled === "string") {
        issues.push({ index, input: "value", code: "invalid_regex", message: compiled });
      }
    }
  });
  return issues;
}
