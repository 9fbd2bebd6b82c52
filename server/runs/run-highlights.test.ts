import { expect, it } from "vitest";
import { runHighlights } from "./run-highlights";

it("marks fired levels and delivering integrations, and a failed integration over a delivered one", () => {
  const highlights = runHighlights(
    [
      { type: "alert.error", detail: { count: 1, summary: "down" } },
      { type: "level.fired", level: 1, nodeId: "level-1", detail: { mode: "count" } },
      { type: "level.fired", level: 2, nodeId: "level-2", detail: { mode: "duration" } },
      { type: "delivery.error", level: 2, nodeId: "phone", detail: { message: "timeout" } },
    ],
    [
      { nodeId: "team", status: "delivered" },
      { nodeId: "pager", status: "delivered" },
      { nodeId: "pager", status: "failed" },
      { nodeId: "mail", status: "pending" },
    ],
  );
  expect(highlights).toEqual({
    "level-1": "fired",
    "level-2": "fired",
    team: "fired",
    pager: "failed",
    phone: "failed",
  });
});

it("marks the level the engine reaches next, unless it already fired", () => {
  const fired = [{ type: "level.fired", level: 1, nodeId: "level-1", detail: { mode: "count" } }] as const;
  expect(runHighlights(fired, [], "level-2")).toEqual({ "level-1": "fired", "level-2": "next" });
  expect(runHighlights(fired, [], "level-1")).toEqual({ "level-1": "fired" });
});

it("marks nodes whose ids are Object.prototype's names like any other", () => {
  const fired = [{ type: "level.fired", level: 1, nodeId: "constructor", detail: { mode: "count" } }] as const;
  const highlights = runHighlights(fired, [{ nodeId: "__proto__", status: "delivered" }], "toString");
  expect(Object.entries(highlights)).toEqual([
    ["constructor", "fired"],
    ["__proto__", "fired"],
    ["toString", "next"],
  ]);
});
