import { CHART_RANGES, type ChartRange } from "../_lib/run-filter-params";

/** The insights page's selection, kept in the URL so a view can be shared. */
export interface InsightSelection {
  flowId?: string;
  integrationId?: string;
  range: ChartRange;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isRange = (value: string): value is ChartRange => CHART_RANGES.some((r) => r === value);

export function parseInsightSelection(params: URLSearchParams): InsightSelection {
  const flow = params.get("flow") ?? "";
  const integration = params.get("integration") ?? "";
  const range = params.get("range") ?? "";
  return {
    flowId: UUID.test(flow) ? flow : undefined,
    integrationId: UUID.test(integration) ? integration : undefined,
    range: isRange(range) ? range : "7d",
  };
}

export function insightSelectionQuery(selection: InsightSelection): string {
  const params = new URLSearchParams();
  if (selection.flowId) params.set("flow", selection.flowId);
  if (selection.integrationId) params.set("integration", selection.integrationId);
  if (selection.range !== "7d") params.set("range", selection.range);
  const query = params.toString();
  return query ? `?${query}` : "";
}
