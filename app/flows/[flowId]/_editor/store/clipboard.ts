import { FLOW_SCHEMA_VERSION, type FlowEdge, type FlowNode, type NodeKind } from "~/core/flow/document";
import { migrateGraph } from "~/core/flow/migrations";
import { edgeId } from "./ids";

/**
 * Copy/paste goes through the system clipboard as JSON, so a selection can travel between
 * flows, browser tabs, or a text file. The text is a flow document fragment with a marker.
 */
export const FRAGMENT_KIND = "alertflow/fragment";

export interface Fragment {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

export function serializeFragment(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): string {
  const ids = new Set(nodes.map((n) => n.id));
  // Edges to nodes left behind would dangle in the other flow.
  const inner = edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  return JSON.stringify({ kind: FRAGMENT_KIND, schemaVersion: FLOW_SCHEMA_VERSION, nodes, edges: inner }, null, 2);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * A fragment, or a whole flow document (an exported graph pastes too), from clipboard text.
 * Older schema versions are migrated; anything else (plain text, a foreign JSON) is null.
 */
export function parseFragment(text: string): Fragment | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(raw) || !Array.isArray(raw.nodes)) return null;
  if (raw.kind !== undefined && raw.kind !== FRAGMENT_KIND) return null;
  try {
    const graph = migrateGraph({ schemaVersion: raw.schemaVersion, nodes: raw.nodes, edges: raw.edges ?? [] });
    return { nodes: graph.nodes, edges: graph.edges };
  } catch {
    return null;
  }
}

export interface PlaceOptions {
  /** Ids already on the canvas: pasted nodes get fresh ones so nothing collides. */
  takenIds: ReadonlySet<string>;
  newId: (kind: NodeKind, taken: ReadonlySet<string>) => string;
  /** Top-left corner for the pasted nodes (the pointer); otherwise they land `offset` away from their old place. */
  at?: { x: number; y: number };
  offset?: number;
}

/** The fragment with fresh ids, its edges rewired to them, moved to where it is pasted. */
export function placeFragment(fragment: Fragment, { takenIds, newId, at, offset = 40 }: PlaceOptions): Fragment {
  const taken = new Set(takenIds);
  const ids = new Map<string, string>();
  for (const node of fragment.nodes) {
    const id = newId(node.type, taken);
    taken.add(id);
    ids.set(node.id, id);
  }
  const minX = Math.min(...fragment.nodes.map((n) => n.position.x));
  const minY = Math.min(...fragment.nodes.map((n) => n.position.y));
  const dx = at ? at.x - minX : offset;
  const dy = at ? at.y - minY : offset;
  const nodes = fragment.nodes.flatMap((node): FlowNode[] => {
    const id = ids.get(node.id);
    return id ? [{ ...node, id, position: { x: node.position.x + dx, y: node.position.y + dy } }] : [];
  });
  const edges = fragment.edges.flatMap((edge): FlowEdge[] => {
    const source = ids.get(edge.source);
    const target = ids.get(edge.target);
    if (!source || !target) return [];
    return [{ ...edge, id: edgeId(source, edge.sourceHandle, target), source, target }];
  });
  return { nodes, edges };
}
