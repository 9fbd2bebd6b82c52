import { describe, expect, it } from "vitest";
import { restartDelay, type BackoffPolicy } from "./restart-backoff";

const policy: BackoffPolicy = { initialMs: 1000, maxMs: 30_000, healthyAfterMs: 60_000 };

describe("restartDelay", () => {
  it("doubles while the process keeps crashing, up to the ceiling", () => {
    let state = { consecutive: 0, ranMs: 0 };
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      const next = restartDelay(policy, state);
      delays.push(next.delayMs);
      state = { consecutive: next.consecutive, ranMs: 500 };
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
  });

  it("starts again from the first delay after a healthy run", () => {
    expect(restartDelay(policy, { consecutive: 6, ranMs: 60_000 })).toEqual({ delayMs: 1000, consecutive: 1 });
    expect(restartDelay(policy, { consecutive: 6, ranMs: 59_999 }).delayMs).toBe(30_000);
  });
});
