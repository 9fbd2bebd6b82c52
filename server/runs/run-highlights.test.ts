import { expect, it } from "vitest";
import { runHighlights } from "./run-highlights";

it("marks fired levels and delivering integrations, and a failed integration over a delivered one", () => {
  const highlights = runHighlights(
    [
      { type: "alert.error", nodeId: null },
      { type: "level.fired", nodeId: "level-1" },
      { type: "level.fired", nodeId: "level-2" },
      { type: "delivery.error", nodeId: "phone" },
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
