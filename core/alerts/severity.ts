import type { NormalizedAlert } from "./alert";

export type AlertSeverity = NormalizedAlert["severity"];

/**
 * Words people put in a `severity` label, mapped onto PagerDuty's four levels (which our
 * normalized alert uses). Covers Prometheus conventions, Zabbix, syslog and P1-P5 / SEV1-5.
 */
const SEVERITY_WORDS: Record<string, AlertSeverity> = {
  critical: "critical",
  crit: "critical",
  fatal: "critical",
  emergency: "critical",
  emerg: "critical",
  alert: "critical",
  page: "critical",
  disaster: "critical",
  p1: "critical",
  sev1: "critical",
  sev0: "critical",
  p0: "critical",
  error: "error",
  err: "error",
  high: "error",
  major: "error",
  p2: "error",
  sev2: "error",
  warning: "warning",
  warn: "warning",
  medium: "warning",
  minor: "warning",
  average: "warning",
  p3: "warning",
  sev3: "warning",
  info: "info",
  informational: "info",
  information: "info",
  notice: "info",
  low: "info",
  debug: "info",
  none: "info",
  p4: "info",
  p5: "info",
  sev4: "info",
  sev5: "info",
};

/** The normalized severity for a sender's word, or undefined when the word is unknown. */
export function severityFrom(raw: string | undefined): AlertSeverity | undefined {
  if (raw === undefined) return undefined;
  return SEVERITY_WORDS[
    raw
      .trim()
      .toLowerCase()
      .replace(/[\s_-]/g, "")
  ];
}

export const SEVERITY_HELP = "Expected critical, error, warning or info (or a common synonym such as warn, high, P1)";
