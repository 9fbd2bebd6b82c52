import { z } from "zod";
import { recordOf } from "../wire/own-record";

/**
 * The flow document: what the canvas draws and what `flows.draft_graph` / `flow_versions.graph`
 * store. Nodes are keyed by stable ids; `label` is display text only.
 */
export const FLOW_SCHEMA_VERSION = 1;
export const MAX_NODES = 500;
export const MAX_EDGES = 2000;

export const alertFormatSchema = z.enum(["generic", "uptrends", "alertmanager", "grafana"]);
export type AlertFormat = z.infer<typeof alertFormatSchema>;

export const filterOpSchema = z.enum(["equals", "notEquals", "contains", "matches", "exists"]);

export const triggerFilterSchema = z.object({
  /** A path into the normalized alert, e.g. `labels.severity` or `summary`. */
  field: z.string().min(1),
  op: filterOpSchema,
  value: z.string().default(""),
});
export type TriggerFilter = z.infer<typeof triggerFilterSchema>;

export const triggerDataSchema = z.object({
  label: z.string().max(200).default("Trigger"),
  format: alertFormatSchema.default("generic"),
  filters: z.array(triggerFilterSchema).max(50).default([]),
  /** Template over the normalized alert (`{{labels.service}}`); empty = the alert's own key. */
  alertKey: z.string().max(500).default(""),
});

export const escalationModeSchema = z.enum(["duration", "count"]);

export const levelDataSchema = z.object({
  label: z.string().max(200).default(""),
  level: z.number().int().min(1).max(20),
  mode: escalationModeSchema.default("duration"),
  /** duration mode: fire once errors have lasted this long, measured from the first error. */
  afterSeconds: z
    .number()
    .min(0)
    .max(60 * 60 * 24 * 30)
    .default(0),
  /** count mode: fire on this many consecutive errors. */
  errorCount: z.number().int().min(1).max(10_000).default(1),
  reminderCount: z.number().int().min(0).max(100).default(0),
  reminderEverySeconds: z
    .number()
    .min(1)
    .max(60 * 60 * 24 * 7)
    .default(600),
  /** Available to templates as `{{@escalationLevel.message}}`. */
  message: z.string().max(5000).default(""),
});

export const branchDataSchema = z.object({
  label: z.string().max(200).default("Message type"),
});

export const integrationNodeDataSchema = z.object({
  label: z.string().max(200).default(""),
  integrationId: z.string().uuid().nullable().default(null),
  sendOk: z.boolean().default(true),
  sendReminders: z.boolean().default(true),
  /** Values for the integration's per-level variables. */
  variables: recordOf(z.string(), z.string().max(5000)).default({}),
});

const positionSchema = z.object({ x: z.number().finite(), y: z.number().finite() });
const nodeId = z.string().min(1).max(100);

export const flowNodeSchema = z.discriminatedUnion("type", [
  z.object({ id: nodeId, type: z.literal("trigger"), position: positionSchema, data: triggerDataSchema }),
  z.object({ id: nodeId, type: z.literal("level"), position: positionSchema, data: levelDataSchema }),
  z.object({ id: nodeId, type: z.literal("branch"), position: positionSchema, data: branchDataSchema }),
  z.object({
    id: nodeId,
    type: z.literal("integration"),
    position: positionSchema,
    data: integrationNodeDataSchema,
  }),
]);
export type FlowNode = z.infer<typeof flowNodeSchema>;
export type NodeKind = FlowNode["type"];
export type NodeOfKind<K extends NodeKind> = Extract<FlowNode, { type: K }>;

/**
 * Handles. trigger: source `out`. level: target `in`, sources `next` (the next level) and `out`
 * (branches or integrations). branch: target `in`, sources `error` | `reminder` | `ok`.
 * integration: target `in`, source `failure` (fallback integration).
 */
export const sourceHandleSchema = z.enum(["out", "next", "error", "reminder", "ok", "failure"]);
export type SourceHandle = z.infer<typeof sourceHandleSchema>;

export const flowEdgeSchema = z.object({
  id: z.string().min(1).max(200),
  source: nodeId,
  target: nodeId,
  sourceHandle: sourceHandleSchema,
  targetHandle: z.literal("in").default("in"),
});
export type FlowEdge = z.infer<typeof flowEdgeSchema>;

export const flowGraphSchema = z.object({
  schemaVersion: z.literal(FLOW_SCHEMA_VERSION),
  nodes: z.array(flowNodeSchema).max(MAX_NODES),
  edges: z.array(flowEdgeSchema).max(MAX_EDGES),
});
export type FlowGraph = z.infer<typeof flowGraphSchema>;

export const emptyGraph = (): FlowGraph => ({ schemaVersion: FLOW_SCHEMA_VERSION, nodes: [], edges: [] });
