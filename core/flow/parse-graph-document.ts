import type { z } from "zod";
import { flowGraphSchema, MAX_EDGES, MAX_NODES, type FlowGraph } from "./document";
import type { GraphIssue } from "./graph-issue";

export type ParseResult = { ok: true; graph: FlowGraph } | { ok: false; errors: GraphIssue[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The schema stage of validation: size limits first (one clear error instead of hundreds of
 * per-node ones), then zod, with each issue pinned to the node or edge it is about.
 */
export function parseGraphDocument(raw: unknown): ParseResult {
  const sizeIssues = checkSize(raw);
  if (sizeIssues.length > 0) return { ok: false, errors: sizeIssues };
  const parsed = flowGraphSchema.safeParse(raw);
  if (parsed.success) return { ok: true, graph: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((issue) => toGraphIssue(raw, issue)) };
}

function checkSize(raw: unknown): GraphIssue[] {
  if (!isRecord(raw)) return [];
  const issues: GraphIssue[] = [];
  const { nodes, edges } = raw;
  if (Array.isArray(nodes) && nodes.length > MAX_NODES) {
    issues.push({
      code: "too_many_nodes",
      message: `The flow has ${nodes.length} nodes; a flow can have at most ${MAX_NODES}. Split it into several flows.`,
      params: { count: nodes.length, max: MAX_NODES },
      path: "nodes",
    });
  }
  if (Array.isArray(edges) && edges.length > MAX_EDGES) {
    issues.push({
      code: "too_many_edges",
      message: `The flow has ${edges.length} connections; a flow can have at most ${MAX_EDGES}.`,
      params: { count: edges.length, max: MAX_EDGES },
      path: "edges",
    });
  }
  return issues;
}

function toGraphIssue(raw: unknown, issue: z.core.$ZodIssue): GraphIssue {
  const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
  const [collection, position, ...rest] = path;
  const field = rest.join(".");
  const pathText = path.join(".");
  const element =
    typeof position === "number" && isRecord(raw) ? elementAt(raw[String(collection)], position) : undefined;

  if (collection === "nodes" && element) {
    const id = typeof element.id === "string" ? element.id : undefined;
    const data = isRecord(element.data) ? element.data : {};
    const label =
      typeof data.label === "string" && data.label.trim() ? `"${data.label.trim()}"` : `Node ${id ?? `#${position}`}`;
    return {
      code: "schema",
      message: `${label}${field ? `, ${field}` : ""}: ${issue.message}`,
      params: { field: field || pathText, detail: issue.message },
      nodeId: id,
      path: pathText,
    };
  }
  if (collection === "edges" && element) {
    const id = typeof element.id === "string" ? element.id : undefined;
    return {
      code: "schema",
      message: `Connection ${id ?? `#${position}`}${field ? `, ${field}` : ""}: ${issue.message}`,
      params: { field: field || pathText, detail: issue.message },
      edgeId: id,
      path: pathText,
    };
  }
  return {
    code: "schema",
    message: pathText ? `${pathText}: ${issue.message}` : issue.message,
    params: { field: pathText, detail: issue.message },
    path: pathText || undefined,
  };
}

function elementAt(list: unknown, position: number): Record<string, unknown> | undefined {
  if (!Array.isArray(list)) return undefined;
  const element: unknown = list[position];
  return isRecord(element) ? element : undefined;
}
