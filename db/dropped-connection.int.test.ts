import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDatabaseUrl } from "~/test-support/test-slot";
import { createDb } from "./client";

/** Settles with what `promise` gave, or with "still waiting" after `ms`. */
const within = (promise: Promise<unknown>, ms: number) =>
  Promise.race([promise.then(() => "settled"), new Promise((r) => setTimeout(() => r("still waiting"), ms))]);

describe("a connection dropped between checkout and BEGIN", () => {
  it("goes back to the pool as broken, so the pool keeps its slots and can end", async () => {
    const { db, pool } = createDb(testDatabaseUrl(), 2);
    await db.execute(sql`select 1`);
    let drop = true;
    // The next checkout loses its connection before drizzle sends BEGIN, as in an outage.
    pool.on("acquire", (client) => {
      if (drop) void client.end();
      drop = false;
    });

    await expect(db.transaction((tx) => tx.execute(sql`select 1`))).rejects.toThrow(/Failed query: begin/);
    await expect.poll(() => pool.totalCount - pool.idleCount).toBe(0);
    // The pool still serves transactions, and ends rather than waiting for the lost connection.
    await expect(db.transaction((tx) => tx.execute(sql`select 2 as two`))).resolves.toMatchObject({
      rows: [{ two: 2 }],
    });
    expect(await within(pool.end(), 5_000)).toBe("settled");
  });
});
