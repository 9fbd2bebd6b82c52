import { expect, it } from "vitest";
import { availableActions } from "./run-actions";

it("offers actions on open runs only, and acknowledging just once", () => {
  expect(availableActions("escalating")).toEqual({ acknowledge: true, resolve: true, cancel: true });
  expect(availableActions("acknowledged")).toEqual({ acknowledge: false, resolve: true, cancel: true });
  for (const closed of ["resolved", "failed", "cancelled"] as const) {
    expect(availableActions(closed)).toEqual({ acknowledge: false, resolve: false, cancel: false });
  }
});
