import { describe, expect, it } from "vitest";
import { describeEvent, messageTitle } from "./describe-event";

const labels: Record<string, string> = { "page-on-call": "Page on-call", "phone-lead": "Call the lead" };
const label = (id: string) => labels[id];
const ev = (
  type: string,
  detail: Record<string, unknown> = {},
  level: number | null = null,
  nodeId: string | null = null,
) => ({ type, detail, level, nodeId });

describe("describeEvent", () => {
  it("describes what the escalation workflow records", () => {
    expect(describeEvent(ev("alert.error", { count: 1, summary: "API down" }), label)).toEqual({
      title: "Error alert received",
      detail: "API down",
      tone: "danger",
    });
    expect(describeEvent(ev("alert.error", { count: 3 }), label).title).toBe("Error alert #3 received");
    expect(describeEvent(ev("level.fired", { mode: "duration" }, 2, "level-2"), label)).toMatchObject({
      title: "Level 2 fired",
      tone: "accent",
    });
    expect(describeEvent(ev("reminder.due", { reminderNumber: 2 }, 1), label)).toMatchObject({
      title: "Reminder 2 due",
      detail: "Level 1",
    });
    expect(describeEvent(ev("acknowledged", { by: "operator", note: "on it" }), label)).toMatchObject({
      title: "Acknowledged",
      detail: "by operator · “on it”",
    });
    expect(describeEvent(ev("resolved", { by: "alert" }), label).detail).toBe("by the Ok alert");
    expect(describeEvent(ev("fallback.used", { from: "page-on-call" }, 1, "phone-lead"), label)).toMatchObject({
      title: "Fallback to Call the lead",
      detail: "after Page on-call failed",
    });
    expect(describeEvent(ev("delivery.error", { message: "timeout" }, 1, "gone"), label)).toMatchObject({
      title: "Delivery to gone failed",
      detail: "timeout",
    });
  });

  it("shows unknown types and malformed details without throwing", () => {
    expect(describeEvent(ev("something.new"), label)).toEqual({
      title: "something.new",
      detail: undefined,
      tone: "neutral",
    });
    expect(describeEvent(ev("alert.error", { count: "many", summary: 5 }), label)).toEqual({
      title: "Error alert received",
      detail: undefined,
      tone: "danger",
    });
  });
});

it("names messages by type and reminder number", () => {
  expect([messageTitle("error", 0), messageTitle("reminder", 2), messageTitle("ok", 0)]).toEqual([
    "Error message",
    "Reminder #2",
    "Ok message",
  ]);
});
