import { sql } from "drizzle-orm";
import { getDb } from "~/db/client";
import { env } from "~/server/env";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await getDb(env.DATABASE_URL).execute(sql`select 1`);
    return Response.json({ ok: true });
  } catch (err) {
    return Response.json({ ok: false, error: err instanceof Error ? err.message : String(err) }, { status: 503 });
  }
}
