import type { NodeKind } from "~/core/flow/document";

/**
 * Short readable node ids (`level-k3x9qa`). Not crypto.randomUUID: that only exists in secure
 * contexts, and a self-hosted Alertflow is often served over plain http on a LAN name.
 */
export function newNodeId(kind: NodeKind, taken: ReadonlySet<string>, random: () => number = Math.random): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const id = `${kind}-${random().toString(36).slice(2, 8).padEnd(6, "0")}`;
    if (!taken.has(id)) return id;
  }
  // Only reachable with a broken random source; a counter still guarantees uniqueness.
  let n = taken.size + 1;
  while (taken.has(`${kind}-${n}`)) n++;
  return `${kind}-${n}`;
}

/** The same id scheme as test-support/graph-builder's `edge()`, so ids read the same everywhere. */
export const edgeId = (source: string, sourceHandle: string, target: string): string =>
  `${source}:${sourceHandle}->${target}`;
