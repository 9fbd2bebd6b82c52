import type { FlowEdge, FlowNode, NodeKind, NodeOfKind } from "./document";

/** The minimal edge shape shared by stored edges and React Flow's in-progress connections. */
export interface EdgeLike {
  source: string;
  target: string;
}

export interface GraphIndex<N extends { id: string }, E extends EdgeLike> {
  nodes: Map<string, N>;
  /** Only edges whose two ends exist; dangling edges are a validation error, not a route. */
  outgoing: Map<string, E[]>;
  incoming: Map<string, E[]>;
}

export type FlowIndex = GraphIndex<FlowNode, FlowEdge>;

export function indexGraph<N extends { id: string }, E extends EdgeLike>(
  nodes: readonly N[],
  edges: readonly E[],
): GraphIndex<N, E> {
  const byId = new Map<string, N>();
  // First occurrence wins so a duplicate id cannot silently replace the node the canvas shows.
  for (const node of nodes) if (!byId.has(node.id)) byId.set(node.id, node);
  const outgoing = new Map<string, E[]>();
  const incoming = new Map<string, E[]>();
  for (const edge of edges) {
    if (!byId.has(edge.source) || !byId.has(edge.target)) continue;
    push(outgoing, edge.source, edge);
    push(incoming, edge.target, edge);
  }
  return { nodes: byId, outgoing, incoming };
}

function push<E>(map: Map<string, E[]>, key: string, value: E): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export const outEdges = <N extends { id: string }, E extends EdgeLike>(index: GraphIndex<N, E>, id: string): E[] =>
  index.outgoing.get(id) ?? [];

export const inEdges = <N extends { id: string }, E extends EdgeLike>(index: GraphIndex<N, E>, id: string): E[] =>
  index.incoming.get(id) ?? [];

export function isNodeOfKind<K extends NodeKind>(kind: K) {
  return (node: FlowNode): node is NodeOfKind<K> => node.type === kind;
}

/** Ids reachable from `start` along edges (including `start`). */
export function reachableFrom<N extends { id: string }, E extends EdgeLike>(
  index: GraphIndex<N, E>,
  start: string,
): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    for (const edge of outEdges(index, id)) {
      if (seen.has(edge.target)) continue;
      seen.add(edge.target);
      queue.push(edge.target);
    }
  }
  return seen;
}
