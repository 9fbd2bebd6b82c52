import { describe, expect, it } from "vitest";
import { deliveryRetryPolicy, describeRetryCap, isRetryableStatus, parseRetryAfter, retryWait } from "./retry-policy";

describe("delivery retry policy", () => {
  it("retries 408, 420, 429 and 5xx only", () => {
    expect([408, 420, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 410, 413, 422].some(isRetryableStatus)).toBe(false);
  });

  it("parses Retry-After seconds and HTTP dates", () => {
    const now = Date.UTC(2025, 0, 1, 12, 0, 0);
    expect(parseRetryAfter("30", now)).toBe(30_000);
    expect(parseRetryAfter(" 1.5 ", now)).toBe(1500);
    expect(parseRetryAfter("Wed, 01 Jan 2025 12:01:00 GMT", now)).toBe(60_000);
    expect(parseRetryAfter("Wed, 01 Jan 2025 11:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter("-5", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it("doubles the window with each attempt, jittered over its upper half, up to the maximum", () => {
    expect(retryWait(1, () => 0).delayMs).toBe(500);
    expect(retryWait(1, () => 1).delayMs).toBe(1000);
    expect(retryWait(3, () => 0).delayMs).toBe(2000);
    expect(retryWait(3, () => 1).delayMs).toBe(4000);
    expect(retryWait(30, () => 1).delayMs).toBe(deliveryRetryPolicy.maxIntervalMs);
  });

  it("never retries before Retry-After", () => {
    expect(retryWait(1, () => 0, 7000)).toEqual({ delayMs: 7000 });
    expect(describeRetryCap(retryWait(1, () => 0, 7000))).toBeNull();
  });

  it("caps a Retry-After longer than the policy allows, and says so", () => {
    const year = parseRetryAfter("31536000", Date.now());
    const wait = retryWait(1, () => 0, year);
    expect(wait).toEqual({ delayMs: deliveryRetryPolicy.maxIntervalMs, cappedRetryAfterMs: 31_536_000_000 });
    expect(describeRetryCap(wait)).toBe(
      "Retry-After asked for 31536000 s; retrying in 300 s, the longest wait the retry policy allows",
    );
  });
});
