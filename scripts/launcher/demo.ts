import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { createDb } from "~/db/client";
import { flows } from "~/db/schema";
import { ensureDefaultWorkspace } from "~/db/seed";
import { demoCurl, seedDemoIfEmpty } from "~/server/demo/demo-seed";

const savedDemo = z.object({ flowId: z.string().uuid(), token: z.string().min(1) });

/**
 * Seeds the demo into an empty database and returns the curl commands to print. The endpoint
 * token is shown once by design, so the dev launcher keeps it in `stateFile` (under .data/) to
 * print it again on later starts, as long as the demo flow is still there.
 */
export async function prepareDemo(databaseUrl: string, baseUrl: string, stateFile?: string): Promise<string[] | null> {
  const { db, pool } = createDb(databaseUrl, 1);
  try {
    const workspaceId = await ensureDefaultWorkspace(db);
    const seeded = await seedDemoIfEmpty(db, workspaceId);
    if (seeded && stateFile) writeFileSync(stateFile, JSON.stringify(seeded));
    if (seeded) return demoCurl(baseUrl, seeded.token);
    if (!stateFile || !existsSync(stateFile)) return null;
    const saved = savedDemo.safeParse(JSON.parse(readFileSync(stateFile, "utf8")));
    if (!saved.success) return null;
    const flow = await db.query.flows.findFirst({
      where: and(eq(flows.id, saved.data.flowId), eq(flows.workspaceId, workspaceId)),
    });
    return flow ? demoCurl(baseUrl, saved.data.token) : null;
  } finally {
    await pool.end();
  }
}

export function demoBanner(curl: string[] | null, baseUrl: string): string {
  if (!curl) return "";
  return `
  Try it: fire an alert at the demo flow, then watch ${baseUrl}/inbox
    ${curl[0]}
  and when you are ready, the recovery:
    ${curl[1]}
`;
}
