import type { RunStatus } from "./run-status";
import { RUN_STATUS_ORDER } from "./run-status";

export type ChartRange = "24h" | "7d" | "30d";
export const CHART_RANGES: readonly ChartRange[] = ["24h", "7d", "30d"];

export interface RunFilters {
  flowId?: string;
  status?: RunStatus;
  alertKey?: string;
  range: ChartRange;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isStatus = (value: string): value is RunStatus => RUN_STATUS_ORDER.some((s) => s === value);
const isRange = (value: string): value is ChartRange => CHART_RANGES.some((r) => r === value);

/** Reads filters from the query string; anything malformed (an edited URL) is ignored. */
export function parseRunFilters(params: URLSearchParams): RunFilters {
  const flow = params.get("flow") ?? "";
  const status = params.get("status") ?? "";
  const key = params.get("key") ?? "";
  const range = params.get("range") ?? "";
  return {
    flowId: UUID.test(flow) ? flow : undefined,
    status: isStatus(status) ? status : undefined,
    alertKey: key ? key.slice(0, 500) : undefined,
    range: isRange(range) ? range : "24h",
  };
}

/** The query string for filters, leaving defaults out so a plain /runs stays plain. */
export function runFiltersQuery(filters: RunFilters): string {
  const params = new URLSearchParams();
  if (filters.flowId) params.set("flow", filters.flowId);
  if (filters.status) params.set("status", filters.status);
  if (filters.alertKey) params.set("key", filters.alertKey);
  if (filters.range !== "24h") params.set("range", filters.range);
  const query = params.toString();
  return query ? `?${query}` : "";
}
