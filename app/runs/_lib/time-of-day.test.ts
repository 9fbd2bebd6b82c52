import { describe, expect, it } from "vitest";
import { atTimeOfDay, dayOf, parseTimeOfDay, timeOfDay } from "./time-of-day";

describe("the date filters' day and time", () => {
  it("reads a 24-hour time as people type it in English, French and Dutch", () => {
    expect(parseTimeOfDay("14:30")).toEqual({ hours: 14, minutes: 30 });
    expect(parseTimeOfDay("9:05")).toEqual({ hours: 9, minutes: 5 });
    expect(parseTimeOfDay("14h30")).toEqual({ hours: 14, minutes: 30 });
    expect(parseTimeOfDay("14.30")).toEqual({ hours: 14, minutes: 30 });
    expect(parseTimeOfDay(" 00:00 ")).toEqual({ hours: 0, minutes: 0 });
  });

  it("refuses what is not a time of day", () => {
    for (const text of ["", "24:00", "12:60", "noon", "1430", "12:5", "-1:00"])
      expect(parseTimeOfDay(text)).toBeUndefined();
  });

  it("writes the same ISO instant a native datetime-local input did, so shared URLs keep working", () => {
    const day = new Date(2026, 10, 29);
    // What the replaced input wrote for "2026-11-29T14:30": the local time, as an ISO instant.
    expect(atTimeOfDay(day, "14:30")).toBe(new Date("2026-11-29T14:30").toISOString());
    expect(atTimeOfDay(day, "later")).toBeUndefined();
  });

  it("shows an ISO instant back as its day and time in the viewer's time zone", () => {
    const iso = new Date(2026, 0, 5, 7, 9).toISOString();
    expect(timeOfDay(iso, "00:00")).toBe("07:09");
    expect(dayOf(iso)).toEqual(new Date(2026, 0, 5));
    expect(atTimeOfDay(dayOf(iso) ?? new Date(0), timeOfDay(iso, ""))).toBe(iso);
    expect(timeOfDay(undefined, "23:59")).toBe("23:59");
    expect(timeOfDay("not a date", "00:00")).toBe("00:00");
    expect(dayOf("not a date")).toBeUndefined();
  });
});
