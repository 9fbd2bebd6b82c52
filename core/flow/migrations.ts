import { FLOW_SCHEMA_VERSION, type FlowGraph } from "./document";
import { FlowError } from "./flow-error";
import { parseGraphDocument } from "./parse-graph-document";
import type { GraphIssue } from "./graph-issue";

type Json = Record<string, unknown>;

interface Migration {
  from: number;
  /** Takes a document of version `from` and returns one of version `from + 1`. */
  up: (doc: Json) => Json;
}

const isRecord = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const mapArray = (v: unknown, f: (item: unknown) => unknown): unknown => (Array.isArray(v) ? v.map(f) : v);

/**
 * Version 0 is the pre-release shape: level thresholds in minutes (`afterMinutes`,
 * `reminderEveryMinutes`) and edges without `targetHandle`. Seconds let tests and demos run real
 * flows with delays of seconds.
 */
export const v0ToV1: Migration = {
  from: 0,
  up: (doc) => ({
    ...doc,
    schemaVersion: 1,
    nodes: mapArray(doc.nodes, (node) => {
      if (!isRecord(node) || node.type !== "level" || !isRecord(node.data)) return node;
      const { afterMinutes, reminderEveryMinutes, ...data } = node.data;
      return {
        ...node,
        data: {
          ...data,
          ...(typeof afterMinutes === "number" ? { afterSeconds: afterMinutes * 60 } : {}),
          ...(typeof reminderEveryMinutes === "number" ? { reminderEverySeconds: reminderEveryMinutes * 60 } : {}),
        },
      };
    }),
    edges: mapArray(doc.edges, (e) => (isRecord(e) && e.targetHandle === undefined ? { ...e, targetHandle: "in" } : e)),
  }),
};

/** Ordered: entry i upgrades version i to i + 1. Append, never edit a published migration. */
export const MIGRATIONS: readonly Migration[] = [v0ToV1];

/**
 * Brings a stored document of any older version up to the current `schemaVersion` without
 * judging the result, so `validateGraph` can still pin problems to nodes. A document with no
 * `schemaVersion` predates versioning and is version 0.
 */
export function upgradeGraphDocument(raw: unknown): Json {
  if (!isRecord(raw)) throw new FlowError("GRAPH_NOT_AN_OBJECT", "A flow document must be a JSON object.");
  const version = raw.schemaVersion === undefined ? 0 : raw.schemaVersion;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 0) {
    throw new FlowError("GRAPH_VERSION_UNKNOWN", `Unknown flow schemaVersion ${JSON.stringify(version)}.`);
  }
  if (version > FLOW_SCHEMA_VERSION) {
    throw new FlowError(
      "GRAPH_VERSION_TOO_NEW",
      `This flow was saved by a newer Alertflow (schemaVersion ${version}; this one reads up to ${FLOW_SCHEMA_VERSION}).`,
    );
  }
  let doc: Json = raw;
  for (const migration of MIGRATIONS.slice(version)) doc = migration.up(doc);
  return doc;
}

export class GraphSchemaError extends FlowError {
  constructor(readonly issues: GraphIssue[]) {
    super("GRAPH_SCHEMA_INVALID", issues[0]?.message ?? "The flow document is malformed.");
  }
}

/**
 * Upgrades and parses a stored document into the current `FlowGraph`. Throws a coded
 * `FlowError` for versions it cannot read and a `GraphSchemaError` (with per-node issues) when the
 * upgraded document does not match the schema. Structural rules are `validateGraph`'s job.
 */
export function migrateGraph(raw: unknown): FlowGraph {
  const parsed = parseGraphDocument(upgradeGraphDocument(raw));
  if (!parsed.ok) throw new GraphSchemaError(parsed.errors);
  return parsed.graph;
}
