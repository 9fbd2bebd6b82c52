import { describe, expect, it } from "vitest";
import { splitSpan } from "./run-facts";

const at = (iso: string) => new Date(iso);

describe("splitSpan", () => {
  const now = at("2026-11-29T17:40:00Z");

  it("reads whole hours from the rollup and the hour in progress raw", () => {
    expect(splitSpan({ from: at("2026-11-28T18:00:00Z"), until: null }, now)).toEqual({
      rolled: { from: at("2026-11-28T18:00:00Z"), until: at("2026-11-29T17:00:00Z") },
      raw: [{ from: at("2026-11-29T17:00:00Z"), until: null }],
    });
  });

  it("reads partial hours at both edges raw", () => {
    expect(splitSpan({ from: at("2026-11-29T09:15:00Z"), until: at("2026-11-29T12:30:00Z") }, now)).toEqual({
      rolled: { from: at("2026-11-29T10:00:00Z"), until: at("2026-11-29T12:00:00Z") },
      raw: [
        { from: at("2026-11-29T09:15:00Z"), until: at("2026-11-29T10:00:00Z") },
        { from: at("2026-11-29T12:00:00Z"), until: at("2026-11-29T12:30:00Z") },
      ],
    });
  });

  it("reads a span inside one hour raw only", () => {
    const span = { from: at("2026-11-29T09:15:00Z"), until: at("2026-11-29T09:45:00Z") };
    expect(splitSpan(span, now)).toEqual({ rolled: null, raw: [span] });
    expect(splitSpan({ from: at("2026-11-29T17:05:00Z"), until: null }, now)).toEqual({
      rolled: null,
      raw: [{ from: at("2026-11-29T17:05:00Z"), until: null }],
    });
  });
});
