import { expect, it } from "vitest";
import { insightSelectionQuery, parseInsightSelection } from "./insight-params";

const FLOW = "3f0c6a2e-8a57-4c55-9d3c-1d2b4a6f7e80";
const HOOK = "9a1c6a2e-8a57-4c55-9d3c-1d2b4a6f7e81";

it("round-trips the selection through the query string, leaving the default range out", () => {
  const selection = { flowId: FLOW, integrationId: HOOK, range: "30d" as const };
  expect(insightSelectionQuery(selection)).toBe(`?flow=${FLOW}&integration=${HOOK}&range=30d`);
  expect(parseInsightSelection(new URLSearchParams(insightSelectionQuery(selection)))).toEqual(selection);
  expect(insightSelectionQuery({ range: "7d" })).toBe("");
});

it("ignores what is not a selection", () => {
  expect(parseInsightSelection(new URLSearchParams("flow=x&integration=1&range=1y"))).toEqual({
    flowId: undefined,
    integrationId: undefined,
    range: "7d",
  });
});
