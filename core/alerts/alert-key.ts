import type { NormalizedAlert } from "./alert";
import { alertPathProblem, alertPathText } from "./alert-path";
import { fnv1a64Hex } from "./fingerprint";

/**
 * The trigger's alert-key expression decides which events belong to one incident:
 * `{{labels.service}}-{{labels.env}}` folds every alert of a service into one escalation.
 */
export const MAX_ALERT_KEY_LENGTH = 500;

type Part = { kind: "text"; text: string } | { kind: "field"; path: string; offset: number };

export type AlertKeyIssueCode = "unbalanced_braces" | "empty_placeholder" | "unknown_field" | "changes_on_recovery";

export interface AlertKeyIssue {
  code: AlertKeyIssueCode;
  message: string;
  /** Character offset in the expression, for placing the editor's marker. */
  offset: number;
}

/** Split into text and `{{path}}` parts; an unclosed or stray brace pair stays literal text. */
function tokenize(expression: string): { parts: Part[]; issues: AlertKeyIssue[] } {
  const parts: Part[] = [];
  const issues: AlertKeyIssue[] = [];
  let cursor = 0;
  while (cursor < expression.length) {
    const open = expression.indexOf("{{", cursor);
    const strayClose = expression.indexOf("}}", cursor);
    if (strayClose !== -1 && (open === -1 || strayClose < open)) {
      issues.push({ code: "unbalanced_braces", message: '"}}" has no matching "{{"', offset: strayClose });
    }
    if (open === -1) break;
    const close = expression.indexOf("}}", open + 2);
    const nested = expression.indexOf("{{", open + 2);
    if (close === -1 || (nested !== -1 && nested < close)) {
      issues.push({ code: "unbalanced_braces", message: '"{{" is not closed by "}}"', offset: open });
      parts.push({ kind: "text", text: expression.slice(cursor, open + 2) });
      cursor = open + 2;
      continue;
    }
    parts.push({ kind: "text", text: expression.slice(cursor, open) });
    parts.push({ kind: "field", path: expression.slice(open + 2, close).trim(), offset: open });
    cursor = close + 2;
  }
  if (cursor < expression.length) parts.push({ kind: "text", text: expression.slice(cursor) });
  return { parts, issues };
}

/** Fields that differ between an alert's error and its ok, so the ok would open a new incident. */
const RECOVERY_VOLATILE = new Set(["status", "occurredAt"]);

export function validateAlertKeyExpression(expression: string): AlertKeyIssue[] {
  const { parts, issues } = tokenize(expression);
  for (const part of parts) {
    if (part.kind !== "field") continue;
    if (part.path === "") {
      issues.push({
        code: "empty_placeholder",
        message: "Put a field between the braces, e.g. {{labels.service}}",
        offset: part.offset,
      });
      continue;
    }
    const problem = alertPathProblem(part.path);
    if (problem !== undefined) {
      issues.push({ code: "unknown_field", message: problem, offset: part.offset });
    } else if (RECOVERY_VOLATILE.has(part.path)) {
      issues.push({
        code: "changes_on_recovery",
        message: `{{${part.path}}} differs between an error and its ok, so the ok would never resolve the incident`,
        offset: part.offset,
      });
    }
  }
  return issues.sort((a, b) => a.offset - b.offset);
}

/** Keep a readable head and make the cut unique, so two long keys sharing a prefix stay apart. */
function capLength(key: string): string {
  if (key.length <= MAX_ALERT_KEY_LENGTH) return key;
  const suffix = `~${fnv1a64Hex(key)}`;
  return key.slice(0, MAX_ALERT_KEY_LENGTH - suffix.length) + suffix;
}

/**
 * The incident key for `alert` under the trigger's expression. Empty expression: the sender's own
 * key. A missing field renders as "", and an expression that renders to nothing falls back to the
 * sender's key rather than merging every alert into one incident.
 */
export function resolveAlertKey(alert: NormalizedAlert, expression: string): string {
  if (expression.trim() === "") return alert.key;
  const rendered = tokenize(expression)
    .parts.map((part) => (part.kind === "text" ? part.text : (alertPathText(alert, part.path) ?? "")))
    .join("")
    .trim();
  return rendered === "" ? alert.key : capLength(rendered);
}
