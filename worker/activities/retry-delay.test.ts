import { describe, expect, it } from "vitest";
import { parseRetryAfter, retryDelayMs } from "./retry-delay";

describe("retryDelayMs", () => {
  it("doubles the window with each attempt and stays inside it", () => {
    expect(retryDelayMs(1, () => 0)).toBe(500);
    expect(retryDelayMs(1, () => 1)).toBe(1000);
    expect(retryDelayMs(3, () => 1)).toBe(4000);
    expect(retryDelayMs(3, () => 0)).toBe(2000);
  });
  it("is capped", () => {
    expect(retryDelayMs(30, () => 1, undefined, 1000, 60_000)).toBe(60_000);
  });
  it("never retries before Retry-After", () => {
    expect(retryDelayMs(1, () => 0, 7000)).toBe(7000);
  });
});

describe("parseRetryAfter", () => {
  const now = new Date("2026-01-01T00:00:00Z");
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:10 GMT", now)).toBe(10_000);
  });
  it("ignores garbage", () => {
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
