import { describe, expect, it } from "vitest";
import { formatOffset, prettyBody, runDurationMs } from "./format";

describe("runDurationMs", () => {
  const firstErrorAt = new Date("2025-06-15T10:00:00Z");
  const now = new Date("2025-06-15T12:00:00Z");
  it("runs to the resolve time, to now while open, else to the last activity", () => {
    expect(runDurationMs({ firstErrorAt, resolvedAt: new Date("2025-06-15T10:30:00Z") }, false, now)).toBe(1_800_000);
    expect(runDurationMs({ firstErrorAt, resolvedAt: null }, true, now)).toBe(7_200_000);
    expect(runDurationMs({ firstErrorAt, resolvedAt: null }, false, now, new Date("2025-06-15T10:01:00Z"))).toBe(
      60_000,
    );
    expect(runDurationMs({ firstErrorAt, resolvedAt: null }, false, now)).toBeNull();
  });
});

it("pretty-prints JSON bodies and leaves other text alone", () => {
  expect(prettyBody('{"a":1}')).toBe('{\n  "a": 1\n}');
  expect(prettyBody("ok")).toBe("ok");
  expect(prettyBody("{not json")).toBe("{not json");
});

it("writes offsets from the first error as a clock", () => {
  expect([0, -300, 7_000, 750_000, 3_723_000, -1_000].map(formatOffset)).toEqual([
    "+0:00",
    "+0:00",
    "+0:07",
    "+12:30",
    "+1:02:03",
    "−0:01",
  ]);
});
