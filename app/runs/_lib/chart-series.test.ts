import { describe, expect, it } from "vitest";
import { bucketLabel, bucketSpan } from "./chart-series";

describe("chart axis and tooltip labels", () => {
  const start = new Date(2026, 5, 15, 20, 0);

  it("follow the page's language, not the browser's", () => {
    expect(bucketLabel(start, "24h", "en")).toMatch(/PM/);
    expect(bucketLabel(start, "24h", "fr")).toBe("20:00");
    expect(bucketLabel(start, "24h", "nl")).toBe("20:00");
    expect(bucketLabel(start, "7d", "nl")).toBe("ma 20:00");
    expect(bucketLabel(start, "30d", "fr")).toBe("15 juin");
    expect(bucketLabel(start, "30d", "nl")).toBe("15 jun");
  });

  it("span an hour in the tooltip", () => {
    expect(bucketSpan(start, 1, "fr")).toBe("15 juin, 20:00 – 21:00");
  });
});
