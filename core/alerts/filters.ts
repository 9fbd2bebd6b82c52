import type { TriggerFilter } from "../flow/document";
import type { NormalizedAlert } from "./alert";
import { alertPathProblem, alertPathText } from "./alert-path";

/**
 * Trigger filters: an alert starts or signals a flow only when every filter matches. A missing
 * field counts as "" (as a missing label does in Prometheus matchers), so `notEquals prod` also
 * matches alerts without the field and `equals ""` matches only those.
 */

/** Compiled regexes by source; filters run on every inbound alert, so compile each once. */
const regexCache = new Map<string, RegExp | null>();
const REGEX_CACHE_LIMIT = 1000;
const MAX_PATTERN_LENGTH = 1000;
/** `g` and `y` would make `test` stateful between alerts, so only these are allowed. */
const ALLOWED_FLAGS = /^[imsu]*$/;
const SLASH_FORM = /^\/(.*)\/([a-z]*)$/s;

function compile(pattern: string): RegExp | string {
  if (pattern.length > MAX_PATTERN_LENGTH) return `Pattern is longer than ${MAX_PATTERN_LENGTH} characters`;
  // `/disk.*full/i` sets flags, since JavaScript has no inline `(?i)`.
  const slash = SLASH_FORM.exec(pattern);
  const source = slash ? (slash[1] ?? "") : pattern;
  const flags = slash ? (slash[2] ?? "") : "";
  if (!ALLOWED_FLAGS.test(flags)) return `Unsupported regex flags "${flags}"; use i, m, s or u`;
  try {
    return new RegExp(source, flags);
  } catch (error) {
    return error instanceof Error ? error.message : "Invalid regular expression";
  }
}

function cachedRegex(pattern: string): RegExp | null {
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
      return regex !== null && regex.test(value);
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
