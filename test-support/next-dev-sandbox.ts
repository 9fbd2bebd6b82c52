import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createClient } from "~/db/client";
import { testDatabaseUrl } from "./test-slot";

const root = path.resolve(import.meta.dirname, "..");

/**
 * A dist folder of its own for a test's `next dev`, and the repository as it was afterwards:
 * `next dev` adds its dist folder's types to tsconfig.json, which is put back (once, however often
 * restore() is called).
 *
 * Integration files run several at a time, and two `next dev` at once would put back each other's
 * tsconfig.json: they take turns, under a Postgres advisory lock that the server drops with the
 * connection, so a file that dies holding it does not keep the next one waiting. Taken in the
 * `postgres` database, because advisory locks do not reach across databases and each file has its
 * own; named after this checkout, because other checkouts have tsconfig files of their own.
 */
export async function nextDevSandbox(name: string): Promise<{ distDir: string; restore: () => Promise<void> }> {
  const admin = new URL(testDatabaseUrl());
  admin.pathname = "/postgres";
  const turn = createClient(admin.toString());
  await turn.connect();
  await turn.query("select pg_advisory_lock(hashtext($1))", [`alertflow next dev sandbox ${root}`]);
  const distDir = `.next-${name}-${process.pid}`;
  const tsconfig = readFileSync(path.join(root, "tsconfig.json"), "utf8");
  let restored: Promise<void> | undefined;
  return {
    distDir,
    restore: () =>
      (restored ??= (async () => {
        rmSync(path.join(root, distDir), { recursive: true, force: true });
        writeFileSync(path.join(root, "tsconfig.json"), tsconfig);
        await turn.end();
      })()),
  };
}
