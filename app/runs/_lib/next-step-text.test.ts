import { describe, expect, it } from "vitest";
import { formatTime } from "./format";
import { countdown, describeNextStep, shortNextStep } from "./next-step-text";

const at = new Date("2026-03-01T10:05:00Z");

describe("next step text", () => {
  it("says which level or reminder comes, and when", () => {
    const level = { at, level: 2, messageType: "error", reminderNumber: 0, reminderCount: 3 } as const;
    const reminder = { at, level: 1, messageType: "reminder", reminderNumber: 2, reminderCount: 3 } as const;
    expect(describeNextStep(level)).toBe(`Level 2 at ${formatTime(at)} unless acknowledged`);
    expect(describeNextStep(reminder)).toBe(`Reminder 2 of 3 (level 1) at ${formatTime(at)}`);
    expect(shortNextStep(level)).toBe("L2");
    expect(shortNextStep(reminder)).toBe("L1 reminder 2/3");
  });

  it("counts down in whole seconds, rounding up, and says when it is due", () => {
    expect(countdown(at, new Date(at.getTime() - 245_500))).toBe("in 4:06");
    expect(countdown(at, new Date(at.getTime() - 3_723_000))).toBe("in 1:02:03");
    expect(countdown(at, at)).toBe("due now");
  });
});
