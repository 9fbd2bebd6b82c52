import { randomUUID } from "node:crypto";
import { workspaces } from "~/db/schema";
import { createContextInner } from "~/server/context";
import type { Access } from "~/server/trpc";
import { createCaller } from "~/server/routers/_app";
import { TEST_KEYRING, type Harness } from "./harness";

/**
 * Another workspace in the harness's database, and an API caller acting in it with `role`.
 * Until sign-in lands, this is how a test is "someone else": same server, different workspace.
 */
export async function otherWorkspace(h: Harness, name: string, role: Access = "owner") {
  const [row] = await h.db
    .insert(workspaces)
    .values({ name, slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${randomUUID()}` })
    .returning({ id: workspaces.id });
  if (!row) throw new Error("workspace not created");
  return { workspaceId: row.id, api: callerFor(h, row.id, role) };
}

/** An API caller in `workspaceId` with the given role ("anonymous" = signed out). */
export function callerFor(h: Harness, workspaceId: string, role: Access) {
  return createCaller(
    createContextInner({
      db: h.db,
      temporal: h.client,
      taskQueue: h.taskQueue,
      workspaceId,
      role,
      actor: { userId: null, name: role === "anonymous" ? "anonymous" : `${role} of ${workspaceId.slice(0, 8)}` },
      keyring: TEST_KEYRING,
      outboundAllowList: ["127.0.0.1", "localhost"],
    }),
  );
}
