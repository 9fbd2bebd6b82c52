import type { CanvasEdge, CanvasNode, IntegrationOption } from "~/app/_components/flow-canvas/canvas-types";
import { toFlowGraph } from "~/app/_components/flow-canvas/graph-mapping";
import { validateGraph, type GraphIssue } from "~/core/flow/validate-graph";
import type { IssueLike } from "~/app/_components/flow-canvas/use-issue-text";
import { ownEntry, putOwn } from "~/core/own-entry";

export interface CanvasValidation {
  issues: GraphIssue[];
  /** Problems per node id, for the node cards (which word them in the page's language). */
  issuesByNode: Record<string, IssueLike[]>;
}

/**
 * The server's `validateGraph` over the canvas. Integrations are checked against the workspace's
 * list only once it has loaded (`null` until then), so nodes don't flash "unknown integration".
 */
export function validateCanvas(
  nodes: readonly CanvasNode[],
  edges: readonly CanvasEdge[],
  integrations: Readonly<Record<string, IntegrationOption>> | null,
): CanvasValidation {
  const result = validateGraph(
    toFlowGraph(nodes, edges),
    integrations
      ? {
          knownIntegrationIds: new Set(Object.keys(integrations)),
          integrationNames: Object.fromEntries(Object.values(integrations).map((i) => [i.id, i.name])),
        }
      : {},
  );
  if (result.ok) return { issues: [], issuesByNode: {} };
  const issuesByNode: Record<string, IssueLike[]> = {};
  for (const issue of result.errors) {
    if (issue.nodeId === undefined) continue;
    const listed = ownEntry(issuesByNode, issue.nodeId);
    if (listed) listed.push(issue);
    else putOwn(issuesByNode, issue.nodeId, [issue]);
  }
  return { issues: result.errors, issuesByNode };
}
