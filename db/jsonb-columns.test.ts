import { describe, expect, it } from "vitest";
import { readRunEvent } from "./run-event-rows";
import { readDeliveryRequest, readRecordedResponse } from "./jsonb-columns";

describe("jsonb read through one layer", () => {
  it("reads a delivery's recorded exchange, and a shape it cannot read as absent", () => {
    const request = { method: "POST", url: "https://hooks.example/x", headers: { Authorization: "***" }, body: "{}" };
    expect(readDeliveryRequest({ ...request, steps: ["Send alert"] })).toEqual({ ...request, steps: ["Send alert"] });
    // Rows written before steps were recorded.
    expect(readDeliveryRequest(request)).toEqual({ ...request, steps: [] });
    expect(readDeliveryRequest({ method: 3 })).toBeNull();
    expect(readRecordedResponse({ status: 500, headers: {}, body: "boom" })).toEqual({
      status: 500,
      headers: {},
      body: "boom",
    });
    expect(readRecordedResponse("boom")).toBeNull();
  });

  it("reads run events through the run-event union, keeping the name of one it cannot read", () => {
    const row = { id: "e1", runId: "r1", at: new Date(0), level: 2, nodeId: "l2", detail: { mode: "count" } };
    expect(readRunEvent({ ...row, type: "level.fired" }).event).toEqual({
      type: "level.fired",
      level: 2,
      nodeId: "l2",
      detail: { mode: "count" },
    });
    expect(readRunEvent({ ...row, type: "level.fired", detail: { mode: 7 } }).event).toEqual({
      type: "unreadable",
      storedType: "level.fired",
    });
    expect(readRunEvent({ ...row, type: "attempt.failed" }).event).toEqual({
      type: "unreadable",
      storedType: "attempt.failed",
    });
  });
});
