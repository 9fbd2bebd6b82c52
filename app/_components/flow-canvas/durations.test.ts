import { describe, expect, it } from "vitest";
import { formatDuration, formatOffset, minutesToSeconds, secondsToMinutes } from "./durations";

describe("durations", () => {
  it("converts fractional minutes to seconds and back without drift", () => {
    expect(minutesToSeconds(0.5)).toBe(30);
    expect(minutesToSeconds(1.25)).toBe(75);
    expect(minutesToSeconds(0.05)).toBe(3);
    expect(secondsToMinutes(30)).toBe(0.5);
    expect(secondsToMinutes(minutesToSeconds(2.75))).toBe(2.75);
    expect(secondsToMinutes(20)).toBe(0.3333);
  });

  it("formats durations the way the node cards show them", () => {
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(30)).toBe("30 s");
    expect(formatDuration(90)).toBe("1.5 min");
    expect(formatDuration(900)).toBe("15 min");
    expect(formatDuration(3600)).toBe("1 h");
    expect(formatDuration(5400)).toBe("1 h 30 min");
    expect(formatDuration(3630)).toBe("1 h 0.5 min");
    expect(formatDuration(Infinity)).toBe("∞");
  });

  it("writes decimals as the interface language does", () => {
    expect(formatDuration(90, "fr")).toBe("1,5 min");
    expect(formatDuration(3630, "nl")).toBe("1 h 0,5 min");
    expect(formatDuration(20, "fr")).toBe("20 s");
    expect(formatDuration(1200.5, "en")).toBe("20.01 min");
  });

  it("formats offsets as a clock", () => {
    expect(formatOffset(0)).toBe("+0:00");
    expect(formatOffset(900)).toBe("+15:00");
    expect(formatOffset(3750)).toBe("+1:02:30");
  });
});
