import { describe, expect, it } from "vitest";
import { isConnectionError, isTransactionConflict, retryOnConflict, withConnectionRetry } from "./connection-retry";

const pgError = (code: string, message = "boom") => Object.assign(new Error(message), { code });
const noSleep = async () => undefined;

describe("isConnectionError", () => {
  it("knows a dropped or refused connection, also when drizzle wraps it", () => {
    expect(isConnectionError(pgError("57P01", "terminating connection due to administrator command"))).toBe(true);
    expect(isConnectionError(pgError("ECONNREFUSED"))).toBe(true);
    expect(isConnectionError(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isConnectionError(new Error("Failed query: update ...", { cause: pgError("55000") }))).toBe(true);
  });

  it("leaves statement errors alone: they fail the same way every time", () => {
    expect(isConnectionError(pgError("23505", "duplicate key value"))).toBe(false);
    expect(isConnectionError(pgError("22P05", "unsupported Unicode escape sequence"))).toBe(false);
    expect(isConnectionError("not an error")).toBe(false);
  });
});

describe("withConnectionRetry", () => {
  it("tries again while the connection fails, and returns the first success", async () => {
    let calls = 0;
    const result = await withConnectionRetry(
      async () => {
        if (++calls < 3) throw pgError("57P01");
        return "written";
      },
      { budgetMs: 10_000, sleep: noSleep },
    );
    expect(result).toBe("written");
    expect(calls).toBe(3);
  });

  it("runs a deadlock's victim again (the rollup triggers make writers of one flow meet)", async () => {
    let calls = 0;
    const result = await withConnectionRetry(
      async () => {
        if (++calls < 3)
          throw new Error("Failed query: update deliveries …", { cause: pgError("40P01", "deadlock detected") });
        return "written";
      },
      { budgetMs: 10_000, sleep: noSleep },
    );
    expect(result).toBe("written");
    expect(calls).toBe(3);
  });

  it("does not repeat a statement error", async () => {
    let calls = 0;
    const failing = withConnectionRetry(
      async () => {
        calls++;
        throw pgError("23505");
      },
      { budgetMs: 10_000, sleep: noSleep },
    );
    await expect(failing).rejects.toThrow("boom");
    expect(calls).toBe(1);
  });

  it("gives up once the budget is spent", async () => {
    let calls = 0;
    const failing = withConnectionRetry(
      async () => {
        calls++;
        throw pgError("ECONNREFUSED");
      },
      { budgetMs: 250, initialDelayMs: 100 },
    );
    await expect(failing).rejects.toThrow("boom");
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(calls).toBeLessThanOrEqual(3);
  });
});

describe("retryOnConflict", () => {
  it("runs a transaction again when it was a deadlock's or a serialization failure's victim", async () => {
    let calls = 0;
    const result = await retryOnConflict(async () => {
      calls++;
      if (calls === 1) throw pgError("40P01", "deadlock detected");
      if (calls === 2) throw pgError("40001", "could not serialize access");
      return "claimed";
    });
    expect(result).toBe("claimed");
    expect(calls).toBe(3);
    expect(isTransactionConflict(pgError("40P01"))).toBe(true);
  });

  it("does not repeat a lost connection (an insert that claims is not safe to repeat) nor give up late", async () => {
    let calls = 0;
    const lost = retryOnConflict(async () => {
      calls++;
      throw pgError("ECONNRESET");
    });
    await expect(lost).rejects.toThrow("boom");
    expect(calls).toBe(1);
    let conflicts = 0;
    const stuck = retryOnConflict(async () => {
      conflicts++;
      throw pgError("40P01");
    }, 3);
    await expect(stuck).rejects.toThrow("boom");
    expect(conflicts).toBe(3);
  });
});
