import { randomUUID } from "node:crypto";
import { compilePlan } from "~/core/flow/compile-plan";
import type { Db } from "~/db/client";
import { flows, flowVersions, workspaces } from "~/db/schema";
import { edge, graphOf, integrationNode, levelNode, triggerNode } from "~/test-support/graph-builder";

/**
 * Set-up shared by the run-history integration tests that insert runs by hand: a workspace of
 * their own (exact counts whatever other files left in the database) with published one-level
 * flows whose version the runs point at.
 */
export const oneLevelGraph = graphOf(
  [triggerNode("t"), levelNode("l1", { level: 1 }), integrationNode("hook", { integrationId: randomUUID() })],
  [edge("t", "out", "l1"), edge("l1", "out", "hook")],
);

/** Creates the workspace and its flows (id, name); returns the workspace id and each flow's version id. */
export async function workspaceWithFlows(db: Db, name: string, flowList: readonly (readonly [string, string])[]) {
  const [ws] = await db
    .insert(workspaces)
    .values({ name, slug: `${name.toLowerCase().replace(/\W+/g, "-")}-${randomUUID()}` })
    .returning({ id: workspaces.id });
  if (!ws) throw new Error("workspace not created");
  const versions = new Map<string, string>();
  for (const [flowId, flowName] of flowList) {
    await db.insert(flows).values({ id: flowId, workspaceId: ws.id, name: flowName, draftGraph: oneLevelGraph });
    const [v] = await db
      .insert(flowVersions)
      .values({ flowId, version: 1, graph: oneLevelGraph, plan: compilePlan(oneLevelGraph) })
      .returning({ id: flowVersions.id });
    if (!v) throw new Error("version not created");
    versions.set(flowId, v.id);
  }
  return { workspaceId: ws.id, versions };
}
