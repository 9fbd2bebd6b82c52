import { describe, expect, it } from "vitest";
import { formatAgo, formatDuration, formatOffset, prettyBody, runDurationMs } from "./format";

describe("formatDuration", () => {
  it("keeps two units at most", () => {
    const s = 1000;
    expect(
      [0, 45 * s, 12 * 60 * s, 3 * 3600 * s, (3 * 3600 + 5 * 60) * s, 50 * 3600 * s, 48 * 3600 * s].map(formatDuration),
    ).toEqual(["0 s", "45 s", "12 min", "3 h", "3 h 5 min", "2 d 2 h", "2 d"]);
  });

  it("shows a dash for what is not a duration", () => {
    expect(formatDuration(-5)).toBe("—");
    expect(formatDuration(Number.NaN)).toBe("—");
  });
});

describe("formatAgo", () => {
  const now = new Date("2025-06-15T12:00:00Z");
  it("counts back in the largest whole unit", () => {
    const ago = (ms: number) => formatAgo(new Date(now.getTime() - ms), now);
    expect([10_000, 90_000, 3 * 3600_000, 2 * 86400_000].map(ago)).toEqual([
      "just now",
      "2 min ago",
      "3 h ago",
      "2 d ago",
    ]);
  });
});

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
