import type { NodeKind } from "~/core/flow/document";
import { branchNode } from "./branch-node";
import { integrationNode } from "./integration-node";
import { levelNode } from "./level-node";
import type { NodeDefinition } from "./node-definition";
import { triggerNode } from "./trigger-node";

/** One entry per node kind; adding a kind to the document schema fails here until it is drawn. */
export const nodeDefinitions = {
  trigger: triggerNode,
  level: levelNode,
  branch: branchNode,
  integration: integrationNode,
} satisfies { [K in NodeKind]: NodeDefinition<K> };

/** In palette order. */
export const NODE_KINDS: readonly NodeKind[] = ["trigger", "level", "branch", "integration"];

/** Module scope: React Flow re-mounts every node when this map's identity changes (error002). */
export const nodeTypes = {
  trigger: triggerNode.component,
  level: levelNode.component,
  branch: branchNode.component,
  integration: integrationNode.component,
};

export function isNodeKind(value: string): value is NodeKind {
  return Object.hasOwn(nodeDefinitions, value);
}
