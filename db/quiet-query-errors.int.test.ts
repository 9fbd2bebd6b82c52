import { Console } from "node:console";
import { Writable } from "node:stream";
import { DefaultLogger } from "@temporalio/worker";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { testDatabaseUrl } from "~/test-support/test-slot";
import { createDb } from "./client";

/** What a stored request body holds: a signed acknowledge link and a bearer token. */
const SECRET_LINK = "https://alertflow.example/ack/r1?sig=SIGNED-c0ffee";
const SECRET_TOKEN = "Bearer sk-SECRET-0123456789";
const SECRETS = [/SIGNED-c0ffee/, /sk-SECRET/];

const { db, pool } = createDb(testDatabaseUrl(), 1);
afterAll(() => pool.end());

/** The error of a statement that fails, as the code that logs it catches it. */
async function failure(statement: () => Promise<unknown>): Promise<unknown> {
  try {
    await statement();
  } catch (error) {
    return error;
  }
  throw new Error("the statement did not fail");
}

/**
 * Every way the worker and the web process log a failed statement, as written out: a Node console
 * of its own (vitest replaces the global one) and the Temporal worker's logger, which writes to
 * stderr itself.
 */
function logEveryWay(error: unknown): string {
  const written: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written.push(chunk.toString());
      done();
    },
  });
  const log = new Console({ stdout: sink, stderr: sink, colorMode: false });
  log.error(error); // the worker's crash log
  log.error("tRPC flows.save failed:", error instanceof Error ? error.cause : error); // tRPC's internal errors
  log.warn(`inbox: re-poke pass failed (${String(error)})`); // the worker's jobs
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    written.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString());
    return true;
  });
  try {
    new DefaultLogger("WARN").warn("Activity failed", { error }); // the Temporal worker's activity log
  } finally {
    stderr.mockRestore();
  }
  return written.join("");
}

describe("a failed statement's log", () => {
  it("names the statement but not its parameters (a value Postgres repeats in its message)", async () => {
    const error = await failure(() => db.execute(sql`select ${SECRET_LINK}::uuid`));
    const log = logEveryWay(error);
    expect(log).toContain("select $1::uuid");
    expect(log).toContain("invalid input syntax for type uuid");
    for (const secret of SECRETS) expect(log).not.toMatch(secret);
  });

  it("leaves out the row Postgres quotes in a constraint's detail", async () => {
    const error = await failure(() =>
      db.transaction(async (tx) => {
        await tx.execute(sql`create temporary table stored_requests (body text primary key) on commit drop`);
        await tx.execute(sql`insert into stored_requests values (${SECRET_TOKEN + SECRET_LINK})`);
        await tx.execute(sql`insert into stored_requests values (${SECRET_TOKEN + SECRET_LINK})`);
      }),
    );
    const log = logEveryWay(error);
    expect(log).toContain("duplicate key value violates unique constraint");
    for (const secret of SECRETS) expect(log).not.toMatch(secret);
  });

  it("leaves out the JSON document Postgres could not parse", async () => {
    const error = await failure(() => db.execute(sql`select ${`{"link": ${SECRET_LINK}}`}::jsonb`));
    const log = logEveryWay(error);
    expect(log).toContain("invalid input syntax for type json");
    for (const secret of SECRETS) expect(log).not.toMatch(secret);
  });
});
