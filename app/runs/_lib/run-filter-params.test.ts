import { expect, it } from "vitest";
import { parseRunFilters, runFiltersQuery } from "./run-filter-params";

const FLOW = "3f0c6a2e-8a57-4c55-9d3c-1d2b4a6f7e80";

it("round-trips filters through the query string", () => {
  const filters = { flowId: FLOW, status: "escalating" as const, alertKey: "checkout/ eu&1", range: "7d" as const };
  const query = runFiltersQuery(filters);
  expect(query).toBe(`?flow=${FLOW}&status=escalating&key=checkout%2F+eu%261&range=7d`);
  expect(parseRunFilters(new URLSearchParams(query))).toEqual(filters);
});

it("leaves defaults out and ignores values that are not filters", () => {
  expect(runFiltersQuery({ range: "24h" })).toBe("");
  expect(parseRunFilters(new URLSearchParams("flow=nope&status=burning&range=1y&key="))).toEqual({
    flowId: undefined,
    status: undefined,
    alertKey: undefined,
    range: "24h",
  });
});
