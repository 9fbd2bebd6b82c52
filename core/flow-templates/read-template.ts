import type { z } from "zod";
import { compilePlan } from "../flow/compile-plan";
import type { FlowGraph } from "../flow/document";
import { isFlowError } from "../flow/flow-error";
import { upgradeGraphDocument } from "../flow/migrations";
import { parseGraphDocument } from "../flow/parse-graph-document";
import { validateGraph } from "../flow/validate-graph";
import { bindPlaceholders, standInMapping } from "./bind-placeholders";
import { checkPlaceholders } from "./check-placeholders";
import { scanJson } from "./scan-json";
import {
  MAX_TEMPLATE_JSON_DEPTH,
  NO_MARKUP,
  NO_MARKUP_MESSAGE,
  TEMPLATE_FORMAT,
  TEMPLATE_FORMAT_VERSION,
  templateEnvelopeSchema,
  type FlowTemplateDocument,
} from "./template-document";
import type { TemplateIssue, TemplateReadResult } from "./template-issue";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const refuse = (...issues: TemplateIssue[]): TemplateReadResult<never> => ({ ok: false, issues });

/**
 * Reads an untrusted template document (a parsed file, a stored row, a built-in) into a
 * `FlowTemplateDocument`, or says precisely what is wrong. Stages run in order and stop at the
 * first that fails, because later ones need what earlier ones establish:
 * hostile JSON → envelope and format version → graph upgrade and schema → placeholders and
 * labels → the graph, with stand-in integrations, validates and compiles like a flow.
 */
export function readTemplateDocument(raw: unknown): TemplateReadResult<FlowTemplateDocument> {
  const hostile = scanJson(raw, MAX_TEMPLATE_JSON_DEPTH);
  if (hostile) return refuse(hostile);
  if (!isRecord(raw)) return refuse({ code: "not_a_template", message: "A template must be a JSON object." });

  const formatIssue = checkFormat(raw);
  if (formatIssue) return refuse(formatIssue);

  const envelope = templateEnvelopeSchema.safeParse(raw);
  if (!envelope.success) return refuse(...envelope.error.issues.map(fromZodIssue));

  const graph = readGraph(raw.graph);
  if (!graph.ok) return graph;

  const document: FlowTemplateDocument = { ...envelope.data, graph: graph.value };
  const structural = [...checkLabels(graph.value), ...checkPlaceholders(document)];
  if (structural.length > 0) return refuse(...structural);

  const runnable = checkRunnable(document);
  if (runnable.length > 0) return refuse(...runnable);
  return { ok: true, value: document };
}

function checkFormat(raw: Record<string, unknown>): TemplateIssue | null {
  if (raw.format !== TEMPLATE_FORMAT) {
    return {
      code: "not_a_template",
      path: "format",
      message: `format: this is not an Alertflow flow template (expected "format": "${TEMPLATE_FORMAT}").`,
    };
  }
  const version = raw.formatVersion;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return {
      code: "format_version_unknown",
      path: "formatVersion",
      message: `formatVersion: unknown template format version ${JSON.stringify(version) ?? "(missing)"}.`,
    };
  }
  if (version > TEMPLATE_FORMAT_VERSION) {
    return {
      code: "format_version_too_new",
      path: "formatVersion",
      message: `formatVersion: this template was made by a newer Alertflow (format version ${version}; this one reads up to ${TEMPLATE_FORMAT_VERSION}).`,
    };
  }
  return null;
}

function readGraph(raw: unknown): TemplateReadResult<FlowGraph> {
  let upgraded: unknown;
  try {
    upgraded = upgradeGraphDocument(raw);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return refuse({ code: "graph_version", path: "graph.schemaVersion", message: `graph: ${message}` });
  }
  const unknownKinds = checkNodeKinds(upgraded);
  if (unknownKinds.length > 0) return refuse(...unknownKinds);
  const parsed = parseGraphDocument(upgraded);
  if (parsed.ok) return { ok: true, value: parsed.graph };
  return refuse(
    ...parsed.errors.map((e) => ({
      code: "graph" as const,
      message: `graph: ${e.message}`,
      path: e.path ? `graph.${e.path}` : "graph",
      nodeId: e.nodeId,
    })),
  );
}

const NODE_KINDS: ReadonlySet<unknown> = new Set(["trigger", "level", "branch", "integration"]);

/** zod would only say "Invalid input" for a node of a kind it does not know; say which. */
function checkNodeKinds(graph: unknown): TemplateIssue[] {
  if (!isRecord(graph) || !Array.isArray(graph.nodes)) return [];
  return graph.nodes.flatMap((node: unknown, i): TemplateIssue[] => {
    if (!isRecord(node) || NODE_KINDS.has(node.type)) return [];
    const id = typeof node.id === "string" ? node.id : undefined;
    const path = `graph.nodes.${i}.type`;
    return [
      {
        code: "graph",
        path,
        nodeId: id,
        message: `${path}${id ? ` (node ${id})` : ""}: unknown node type ${JSON.stringify(node.type) ?? "(missing)"}; a node is a trigger, level, branch or integration.`,
      },
    ];
  });
}

/** Node labels are display text like the template's name: drawn as text, and refused with markup. */
function checkLabels(graph: FlowGraph): TemplateIssue[] {
  return graph.nodes.flatMap((node, i) =>
    NO_MARKUP.test(node.data.label)
      ? []
      : [
          {
            code: "markup" as const,
            path: `graph.nodes.${i}.data.label`,
            nodeId: node.id,
            message: `graph.nodes.${i}.data.label (node ${node.id}): a label ${NO_MARKUP_MESSAGE}.`,
          },
        ],
  );
}

/** With a stand-in integration per placeholder, the graph must be a publishable flow. */
function checkRunnable(document: FlowTemplateDocument): TemplateIssue[] {
  const bound = bindPlaceholders(document, standInMapping(document.placeholders));
  const result = validateGraph(bound);
  if (!result.ok) {
    return result.errors.map((e) => ({
      code: "not_runnable" as const,
      message: `graph: ${e.message}`,
      path: e.path ? `graph.${e.path}` : e.nodeId ? `graph.nodes (node ${e.nodeId})` : "graph",
      nodeId: e.nodeId,
    }));
  }
  try {
    compilePlan(result.graph);
  } catch (error) {
    if (!isFlowError(error)) throw error;
    return [{ code: "not_runnable", message: `graph: ${error.message}`, path: "graph" }];
  }
  return [];
}

function fromZodIssue(issue: z.core.$ZodIssue): TemplateIssue {
  const path = issue.path.map(String).join(".");
  return { code: "schema", path: path || undefined, message: path ? `${path}: ${issue.message}` : issue.message };
}
