import { expect, it } from "vitest";
import { parseLabels, parseRunFilters, runFiltersQuery } from "./run-filter-params";

const FLOW = "3f0c6a2e-8a57-4c55-9d3c-1d2b4a6f7e80";

it("round-trips filters through the query string", () => {
  const filters = {
    flowId: FLOW,
    status: "escalating" as const,
    q: "checkout/ eu&1",
    labels: "service=checkout, env=prod",
    from: "2026-11-01T08:00:00.000Z",
    to: "2026-11-02T08:00:00.000Z",
    range: "7d" as const,
  };
  const query = runFiltersQuery(filters);
  expect(query).toBe(
    `?flow=${FLOW}&status=escalating&q=checkout%2F+eu%261&labels=service%3Dcheckout%2C+env%3Dprod&from=2026-11-01T08%3A00%3A00.000Z&to=2026-11-02T08%3A00%3A00.000Z&range=7d`,
  );
  expect(parseRunFilters(new URLSearchParams(query))).toEqual(filters);
});

it("leaves defaults out and ignores values that are not filters", () => {
  expect(runFiltersQuery({ range: "24h" })).toBe("");
  expect(parseRunFilters(new URLSearchParams("flow=nope&status=burning&range=1y&q=&from=yesterday"))).toEqual({
    flowId: undefined,
    status: undefined,
    q: undefined,
    labels: undefined,
    from: undefined,
    to: undefined,
    range: "24h",
  });
});

it("reads the key prefix of earlier links as free text", () => {
  expect(parseRunFilters(new URLSearchParams("key=checkout")).q).toBe("checkout");
});

it("parses labels as key=value pairs and names the pieces it cannot read", () => {
  expect(parseLabels(" service = checkout ,env=prod,, team=a=b ,oops, =x")).toEqual({
    labels: [
      { key: "service", value: "checkout" },
      { key: "env", value: "prod" },
      { key: "team", value: "a=b" },
    ],
    bad: ["oops", "=x"],
  });
  expect(parseLabels(undefined)).toEqual({ labels: [], bad: [] });
});
