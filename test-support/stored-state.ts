import { sql } from "drizzle-orm";
import type { Db } from "~/db/client";

/** Tables a request could change; the rate limiter's buckets are left out (every request counts). */
const TABLES = [
  "workspaces",
  "integrations",
  "flows",
  "flow_versions",
  "flow_endpoints",
  "runs",
  "run_events",
  "deliveries",
  "delivery_attempts",
  "templates",
  "template_versions",
  "template_share_links",
];

/**
 * A fingerprint of everything stored: per table, the row count and a hash of the rows' text.
 * Equal before and after a refused request means it changed nothing.
 */
export async function storedState(db: Db): Promise<Record<string, string>> {
  const state: Record<string, string> = {};
  for (const table of TABLES) {
    const result = await db.execute<{ n: string; digest: string | null }>(
      sql`select count(*)::text as n, md5(string_agg(t::text, '|' order by t::text)) as digest from ${sql.identifier(table)} t`,
    );
    const row = result.rows[0];
    state[table] = `${row?.n ?? "?"}:${row?.digest ?? "-"}`;
  }
  return state;
}
