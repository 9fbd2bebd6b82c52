import "server-only";
import type { Client } from "@temporalio/client";
import { sql } from "drizzle-orm";
import type { Db } from "~/db/client";

/** A check slower than this counts as down: the health endpoint must answer quickly itself. */
export const HEALTH_CHECK_TIMEOUT_MS = 1500;

export type CheckState = "ok" | "unreachable" | "timeout";

async function probe(check: () => Promise<unknown>, timeoutMs: number): Promise<CheckState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckState>((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    return await Promise.race([check().then((): CheckState => "ok"), timeout]);
  } catch {
    // The raw error (host names, SQL, driver text) stays on the server.
    return "unreachable";
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `GET /api/health`: `ok` when the database and Temporal answer, else `degraded` with 503 and
 * which part is down. Never a raw error.
 */
export async function healthResponse(deps: { db: Db; temporal: Client }, timeoutMs = HEALTH_CHECK_TIMEOUT_MS) {
  const [database, temporal] = await Promise.all([
    probe(() => deps.db.execute(sql`select 1`), timeoutMs),
    probe(
      () =>
        deps.temporal.connection.withDeadline(Date.now() + timeoutMs, () =>
          deps.temporal.workflowService.getSystemInfo({}),
        ),
      timeoutMs,
    ),
  ]);
  const status = database === "ok" && temporal === "ok" ? "ok" : "degraded";
  return Response.json(
    { status, ok: status === "ok", checks: { database, temporal } },
    { status: status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
