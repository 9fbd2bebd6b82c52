import { describe, expect, it } from "vitest";
import { compilePlan } from "../flow/compile-plan";
import { singleLevelGraph } from "../../test-support/graph-builder";
import { workedTimelineGraph } from "../../test-support/sample-graphs";
import { previewTiming, type PreviewMessage } from "./timing-preview";

const EMAIL = "0b6f1a52-3c1e-4c55-8f0a-6a1d2e3f4a01";
const SLACK = "0b6f1a52-3c1e-4c55-8f0a-6a1d2e3f4a02";
const PAGER = "0b6f1a52-3c1e-4c55-8f0a-6a1d2e3f4a03";
const PHONE = "0b6f1a52-3c1e-4c55-8f0a-6a1d2e3f4a04";
const MIN = 60;

/** alerting-domain.md §2.3: the settings of the worked timeline. */
const workedExample = compilePlan(
  workedTimelineGraph({ l1: { email: EMAIL, slack: SLACK }, l2: { pagerduty: PAGER }, l3: { phone: PHONE } }),
);

/** `minute level type[#reminder] integration` — one line per message, readable like the table. */
const timeline = (messages: PreviewMessage[]) =>
  messages.map(
    (m) => `${m.atSeconds / MIN} L${m.level} ${m.type}${m.reminderNumber ? `#${m.reminderNumber}` : ""} ${m.nodeId}`,
  );

/** What the worked example sends before its Ok, up to minute 20. */
const firstTwentyMinutes = [
  // 0:01 confirmed #1 → L1 Error to email and Slack
  "0 L1 error email",
  "0 L1 error slack",
  // 10 → L1 reminder 1
  "10 L1 reminder#1 email",
  "10 L1 reminder#1 slack",
  // The engine fires a duration level by timer once errors have lasted 15 min, not at the
  // next check (the §2.3 table, driven by Uptrends' checks, has it at 20).
  "15 L2 error pagerduty",
  // 20 → L1 reminder 2 (the last)
  "20 L1 reminder#2 email",
  "20 L1 reminder#2 slack",
];

describe("previewTiming", () => {
  it("follows the engine through the worked timeline of §2.3 with checks every 5 minutes and the Ok at 25", () => {
    const messages = previewTiming(workedExample, { incidentSeconds: 25 * MIN, checkIntervalSeconds: 5 * MIN });
    expect(timeline(messages)).toEqual([
      ...firstTwentyMinutes,
      // 25 Ok → on L1 and L2; L2's reminder due at 45 is dropped; L3 never fired and sends nothing
      "25 L1 ok email",
      "25 L1 ok slack",
      "25 L2 ok pagerduty",
    ]);
    expect(messages.find((m) => m.nodeId === "pagerduty")?.integrationId).toBe(PAGER);
  });

  it("places duration levels the same with or without a check interval", () => {
    const withChecks = previewTiming(workedExample, { incidentSeconds: 25 * MIN, checkIntervalSeconds: 5 * MIN });
    expect(previewTiming(workedExample, { incidentSeconds: 25 * MIN })).toEqual(withChecks);
  });

  it("lets reminders of several levels run until the Ok, and fires later levels while errors last", () => {
    const messages = previewTiming(workedExample, { incidentSeconds: 2 * 60 * MIN, checkIntervalSeconds: 5 * MIN });
    expect(timeline(messages.filter((m) => m.type !== "ok"))).toEqual([
      ...firstTwentyMinutes,
      "45 L2 reminder#1 pagerduty",
      "60 L3 error phone",
    ]);
    // L3 fired but its link does not send Ok.
    expect(messages.filter((m) => m.type === "ok").map((m) => m.level)).toEqual([1, 1, 2]);
  });

  it("after an acknowledgement sends no new levels or reminders, but still the Ok of fired levels", () => {
    const messages = previewTiming(workedExample, {
      incidentSeconds: 90 * MIN,
      checkIntervalSeconds: 5 * MIN,
      acknowledgedAtSeconds: 12 * MIN,
    });
    expect(timeline(messages)).toEqual([
      "0 L1 error email",
      "0 L1 error slack",
      "10 L1 reminder#1 email",
      "10 L1 reminder#1 slack",
      "90 L1 ok email",
      "90 L1 ok slack",
    ]);
  });

  it("sends nothing from levels whose condition never held before the Ok", () => {
    const messages = previewTiming(workedExample, { incidentSeconds: 15 * MIN, checkIntervalSeconds: 5 * MIN });
    expect(new Set(messages.map((m) => m.level))).toEqual(new Set([1]));
  });

  it("drops a reminder due at the same moment as the Ok", () => {
    const messages = previewTiming(workedExample, { incidentSeconds: 10 * MIN });
    expect(messages.some((m) => m.type === "reminder")).toBe(false);
    expect(messages.filter((m) => m.type === "ok")).toHaveLength(2);
  });

  it("sends no Ok when the error never clears", () => {
    const messages = previewTiming(workedExample, { incidentSeconds: Infinity });
    expect(messages.some((m) => m.type === "ok")).toBe(false);
    // Every reminder goes out and the engine fires L3 by timer at 60.
    expect(messages.filter((m) => m.type === "reminder").map((m) => m.atSeconds / MIN)).toEqual([10, 10, 20, 20, 45]);
    expect(messages.at(-1)).toMatchObject({ level: 3, type: "error", atSeconds: 60 * MIN });
  });

  it("fires a count level on the Nth consecutive error event", () => {
    const plan = compilePlan(singleLevelGraph(PAGER, { level: 1, mode: "count", errorCount: 3 }));
    // Errors at 0, 60, 120: the third arrives at 120.
    expect(previewTiming(plan, { incidentSeconds: 600, checkIntervalSeconds: 60 })[0]).toMatchObject({
      atSeconds: 120,
      type: "error",
    });
    // Cleared after two errors: never fires, so no Ok either.
    expect(previewTiming(plan, { incidentSeconds: 120, checkIntervalSeconds: 60 })).toEqual([]);
    // Without a check interval only the first error event is known.
    expect(previewTiming(plan, { incidentSeconds: 600 })).toEqual([]);
  });

  it("refuses a scenario it cannot place in time", () => {
    expect(() => previewTiming(workedExample, { incidentSeconds: 60, checkIntervalSeconds: 0 })).toThrow(
      expect.objectContaining({ code: "PREVIEW_INVALID_SCENARIO" }),
    );
    expect(() => previewTiming(workedExample, { incidentSeconds: -1 })).toThrow(
      expect.objectContaining({ code: "PREVIEW_INVALID_SCENARIO" }),
    );
  });
});
