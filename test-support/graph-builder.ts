import type { z } from "zod";
import {
  branchDataSchema,
  FLOW_SCHEMA_VERSION,
  integrationNodeDataSchema,
  levelDataSchema,
  triggerDataSchema,
  type FlowEdge,
  type FlowGraph,
  type FlowNode,
  type NodeOfKind,
  type SourceHandle,
} from "~/core/flow/document";

/**
 * Small constructors for graphs written in code (samples, templates, tests). Data goes through
 * the node schemas, so every default is the one the canvas would store.
 */
type Position = { x: number; y: number };
const origin: Position = { x: 0, y: 0 };

export const triggerNode = (
  id: string,
  data: z.input<typeof triggerDataSchema> = {},
  position: Position = origin,
): NodeOfKind<"trigger"> => ({ id, type: "trigger", position, data: triggerDataSchema.parse(data) });

export const levelNode = (
  id: string,
  data: z.input<typeof levelDataSchema>,
  position: Position = origin,
): NodeOfKind<"level"> => ({ id, type: "level", position, data: levelDataSchema.parse(data) });

export const branchNode = (
  id: string,
  data: z.input<typeof branchDataSchema> = {},
  position: Position = origin,
): NodeOfKind<"branch"> => ({ id, type: "branch", position, data: branchDataSchema.parse(data) });

export const integrationNode = (
  id: string,
  data: z.input<typeof integrationNodeDataSchema> = {},
  position: Position = origin,
): NodeOfKind<"integration"> => ({
  id,
  type: "integration",
  position,
  data: integrationNodeDataSchema.parse(data),
});

export const edge = (source: string, sourceHandle: SourceHandle, target: string): FlowEdge => ({
  id: `${source}:${sourceHandle}->${target}`,
  source,
  target,
  sourceHandle,
  targetHandle: "in",
});

export const graphOf = (nodes: FlowNode[], edges: FlowEdge[]): FlowGraph => ({
  schemaVersion: FLOW_SCHEMA_VERSION,
  nodes,
  edges,
});

/** The smallest publishable flow: trigger → one level → one integration. */
export const singleLevelGraph = (
  integrationId: string,
  level: z.input<typeof levelDataSchema> = { level: 1 },
): FlowGraph =>
  graphOf(
    [triggerNode("t"), levelNode("l1", level), integrationNode("i1", { integrationId })],
    [edge("t", "out", "l1"), edge("l1", "out", "i1")],
  );

/** Two chained levels, each to its own integration (i1, i2): the shape of most engine tests. */
export const twoLevelGraph = (
  integrationIds: [string, string],
  l1: z.input<typeof levelDataSchema>,
  l2: z.input<typeof levelDataSchema>,
): FlowGraph =>
  graphOf(
    [
      triggerNode("t"),
      levelNode("l1", l1),
      levelNode("l2", l2),
      integrationNode("i1", { integrationId: integrationIds[0] }),
      integrationNode("i2", { integrationId: integrationIds[1] }),
    ],
    [edge("t", "out", "l1"), edge("l1", "next", "l2"), edge("l1", "out", "i1"), edge("l2", "out", "i2")],
  );
