import type { RunStatus } from "./run-status";
import { RUN_STATUS_ORDER } from "./run-status";

export type ChartRange = "24h" | "7d" | "30d";
export const CHART_RANGES: readonly ChartRange[] = ["24h", "7d", "30d"];

export interface RunFilters {
  flowId?: string;
  status?: RunStatus;
  /** Free text over the alert key, monitor name, summary and description. */
  q?: string;
  /** As typed: `key=value` pairs separated by commas. */
  labels?: string;
  /** ISO instants: runs created at or after `from`, before `to`. */
  from?: string;
  to?: string;
  range: ChartRange;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isStatus = (value: string): value is RunStatus => RUN_STATUS_ORDER.some((s) => s === value);
const isRange = (value: string): value is ChartRange => CHART_RANGES.some((r) => r === value);
const instant = (value: string | null) =>
  value && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : undefined;

/** Reads filters from the query string; anything malformed (an edited URL) is ignored. */
export function parseRunFilters(params: URLSearchParams): RunFilters {
  const flow = params.get("flow") ?? "";
  const status = params.get("status") ?? "";
  // `key` is the alert-key prefix of earlier links: free text finds the same runs and more.
  const q = params.get("q") ?? params.get("key") ?? "";
  const labels = params.get("labels") ?? "";
  const range = params.get("range") ?? "";
  return {
    flowId: UUID.test(flow) ? flow : undefined,
    status: isStatus(status) ? status : undefined,
    q: q ? q.slice(0, 200) : undefined,
    labels: labels ? labels.slice(0, 2000) : undefined,
    from: instant(params.get("from")),
    to: instant(params.get("to")),
    range: isRange(range) ? range : "24h",
  };
}

/** The query string for filters, leaving defaults out so a plain /runs stays plain. */
export function runFiltersQuery(filters: RunFilters): string {
  const params = new URLSearchParams();
  if (filters.flowId) params.set("flow", filters.flowId);
  if (filters.status) params.set("status", filters.status);
  if (filters.q) params.set("q", filters.q);
  if (filters.labels) params.set("labels", filters.labels);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (filters.range !== "24h") params.set("range", filters.range);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/**
 * `service=checkout, env=prod` as the server wants it; `bad` lists the pieces that are not
 * `key=value`, so the field can say which one it ignores.
 */
export function parseLabels(text: string | undefined): { labels: { key: string; value: string }[]; bad: string[] } {
  const labels: { key: string; value: string }[] = [];
  const bad: string[] = [];
  for (const piece of (text ?? "").split(",")) {
    const trimmed = piece.trim();
    if (!trimmed) continue;
    const at = trimmed.indexOf("=");
    const key = at > 0 ? trimmed.slice(0, at).trim() : "";
    if (!key || key.length > 200 || trimmed.length - at - 1 > 500) bad.push(trimmed);
    else labels.push({ key, value: trimmed.slice(at + 1).trim() });
  }
  return { labels: labels.slice(0, 10), bad };
}

/** Whether any filter narrows the list (the chart range does not). */
export const hasRunFilters = (f: RunFilters) => Boolean(f.flowId || f.status || f.q || f.labels || f.from || f.to);
