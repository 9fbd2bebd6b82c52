"use client";

import { useLocale, useTranslations } from "next-intl";
import type { GraphIssueCode, IssueParams } from "~/core/flow/graph-issue";
import type { NodeLike } from "~/core/flow/edge-kinds";
import { formatDuration } from "./durations";

/**
 * What the interface needs of a problem: core's code and values (from the canvas or the server);
 * its English message is shown only for a code this page does not know.
 */
export interface IssueLike {
  code: string;
  message: string;
  params?: IssueParams;
  nodeId?: string;
}

/** Every code core can report; a code missing here fails the type check. */
const CODES: Record<GraphIssueCode, true> = {
  schema: true,
  too_many_nodes: true,
  too_many_edges: true,
  duplicate_node_id: true,
  duplicate_edge_id: true,
  missing_node: true,
  unknown_node_kind: true,
  self_loop: true,
  trigger_has_input: true,
  unknown_handle: true,
  wrong_target_kind: true,
  level_order: true,
  trigger_not_to_first_level: true,
  duplicate_edge: true,
  too_many_connections: true,
  cycle: true,
  no_trigger: true,
  multiple_triggers: true,
  trigger_not_connected: true,
  unreachable_node: true,
  level_without_trigger: true,
  level_without_integration: true,
  branch_without_level: true,
  branch_without_integration: true,
  duplicate_level_number: true,
  level_threshold_not_increasing: true,
  integration_not_chosen: true,
  unknown_integration: true,
  integration_url_not_http: true,
};
const isCode = (code: string): code is GraphIssueCode => Object.hasOwn(CODES, code);

/** Every argument any message may use, so a message never misses one. */
const NO_VALUES = {
  variant: "other",
  side: "",
  handle: "",
  kind: "",
  source: "",
  expected: "",
  target: "",
  limit: "",
  mode: "",
  from: 0,
  to: 0,
  level: 0,
  lowest: 0,
  count: 0,
  max: 0,
  id: "",
  edge: "",
  ids: "",
  field: "",
  detail: "",
  value: "",
  lowerValue: "",
};

const labelOf = (node: NodeLike): string =>
  typeof node.data === "object" && node.data !== null && "label" in node.data && typeof node.data.label === "string"
    ? node.data.label.trim()
    : "";
const levelOf = (node: NodeLike): number =>
  typeof node.data === "object" && node.data !== null && "level" in node.data && typeof node.data.level === "number"
    ? node.data.level
    : 0;

/**
 * Turns core's validation problems into sentences in the page's language. Nodes are named as the
 * canvas shows them (their label, else their kind), looked up by id through `getNode`.
 */
export function useIssueText(
  getNode: (id: string) => NodeLike | undefined,
  integrationName: (integrationId: string) => string | undefined = () => undefined,
) {
  const t = useTranslations("GraphIssues");
  return issueTextWith(t, getNode, integrationName, useLocale());
}

/** The same, for any translator of the `GraphIssues` namespace (tests pass one per language). */
export function issueTextWith(
  t: ReturnType<typeof useTranslations<"GraphIssues">>,
  getNode: (id: string) => NodeLike | undefined,
  integrationName: (integrationId: string) => string | undefined = () => undefined,
  locale = "en",
) {
  // An unlabeled integration node shows its integration's name on the canvas; so do messages.
  const integrationOf = (node: NodeLike): string | undefined =>
    typeof node.data === "object" &&
    node.data !== null &&
    "integrationId" in node.data &&
    typeof node.data.integrationId === "string"
      ? integrationName(node.data.integrationId)
      : undefined;
  const nodeName = (id: string): string => {
    const node = getNode(id);
    if (!node) return t("node.unknown", { id });
    const label = labelOf(node);
    switch (node.type) {
      case "trigger":
        return label ? t("node.triggerNamed", { label }) : t("node.trigger");
      case "level":
        return label
          ? t("node.levelNamed", { level: levelOf(node), label })
          : t("node.level", { level: levelOf(node) });
      case "branch":
        return label ? t("node.branchNamed", { label }) : t("node.branch");
      case "integration": {
        const shown = label || integrationOf(node);
        return shown ? t("node.integrationNamed", { label: shown }) : t("node.integration");
      }
      default:
        return t("node.unknown", { id });
    }
  };
  return (issue: IssueLike): string => {
    if (!isCode(issue.code)) return issue.message;
    const params = issue.params ?? {};
    const list = (value: unknown, separator: string) =>
      typeof value === "string" && value ? value.split(",").map(nodeName).join(separator) : "";
    const duration = params.mode === "duration";
    return t(`issues.${issue.code}`, {
      ...NO_VALUES,
      ...params,
      value: duration ? formatDuration(Number(params.value), locale) : String(params.value ?? ""),
      lowerValue: duration ? formatDuration(Number(params.lowerValue), locale) : String(params.lowerValue ?? ""),
      node: issue.nodeId ? nodeName(issue.nodeId) : "",
      otherNode: typeof params.otherNode === "string" ? nodeName(params.otherNode) : "",
      nodes: list(params.nodes, issue.code === "cycle" ? " → " : ", "),
    });
  };
}
