import { afterAll, describe, expect, it } from "vitest";
import { TaskTimeoutError, ThreadPool, ThreadStartError } from "./thread-pool";

const pool = new ThreadPool({ entry: "test-support/spin-thread.ts", size: 1, timeoutMs: 1_500 });
afterAll(() => pool.close());

describe("ThreadPool", () => {
  it("answers tasks in order on its thread", async () => {
    await expect(Promise.all([pool.run<number>({ spinMs: 1 }), pool.run<number>({ spinMs: 2 })])).resolves.toEqual([
      1, 2,
    ]);
  });

  it("stops a task over its time budget, and a fresh thread serves the next one", async () => {
    const started = Date.now();
    await expect(pool.run({ spinMs: 60_000 })).rejects.toBeInstanceOf(TaskTimeoutError);
    expect(Date.now() - started).toBeLessThan(10_000);
    await expect(pool.run<number>({ spinMs: 3 })).resolves.toBe(3);
  });

  it("says so when its entry cannot start", async () => {
    const broken = new ThreadPool({ entry: "test-support/no-such-thread.ts", size: 1, timeoutMs: 1_000 });
    await expect(broken.run({})).rejects.toBeInstanceOf(ThreadStartError);
    await broken.close();
  });
});
