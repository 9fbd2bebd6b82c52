import { describe, expect, it } from "vitest";
import { isRetryableStatus, parseRetryAfter } from "./retry-classification";

describe("retry classification", () => {
  it("retries 408, 420, 429 and 5xx only", () => {
    expect([408, 420, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 410, 413, 422].some(isRetryableStatus)).toBe(false);
  });

  it("parses Retry-After seconds and HTTP dates", () => {
    const now = Date.UTC(2025, 0, 1, 12, 0, 0);
    expect(parseRetryAfter("30", now)).toBe(30_000);
    expect(parseRetryAfter("Wed, 01 Jan 2025 12:01:00 GMT", now)).toBe(60_000);
    expect(parseRetryAfter("Wed, 01 Jan 2025 11:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
