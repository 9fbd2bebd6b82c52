import type { FlowGraph, NodeOfKind } from "./document";
import { isNodeOfKind } from "./graph-index";
import type { GraphIssue } from "./graph-issue";
import { describeNode } from "./node-names";
import { formatSeconds } from "./format-seconds";

type LevelNode = NodeOfKind<"level">;

/**
 * Level numbers are unique, and a higher level must wait longer than every lower level of the
 * same mode: all levels measure from the first error, so a later level with a shorter threshold
 * would fire first. Count and duration levels are not comparable, so mixed chains are allowed.
 */
export function checkLevels(graph: FlowGraph): GraphIssue[] {
  const levels = graph.nodes.filter(isNodeOfKind("level")).sort((a, b) => a.data.level - b.data.level);
  return [...checkUniqueNumbers(levels), ...checkThresholds(levels)];
}

function checkUniqueNumbers(levels: LevelNode[]): GraphIssue[] {
  // Map.groupBy is Node 21+; the browser and Node 20 both run this.
  const byNumber = new Map<number, LevelNode[]>();
  for (const level of levels) byNumber.set(level.data.level, [...(byNumber.get(level.data.level) ?? []), level]);
  const issues: GraphIssue[] = [];
  for (const group of byNumber.values()) {
    if (group.length < 2) continue;
    for (const node of group) {
      const others = group
        .filter((o) => o !== node)
        .map(describeNode)
        .join(", ");
      issues.push({
        code: "duplicate_level_number",
        message: `${describeNode(node)} has the same level number as ${others}; give each level its own number.`,
        params: {
          nodes: group
            .filter((o) => o !== node)
            .map((o) => o.id)
            .join(","),
        },
        nodeId: node.id,
      });
    }
  }
  return issues;
}

function checkThresholds(levels: LevelNode[]): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const previous: Partial<Record<LevelNode["data"]["mode"], LevelNode>> = {};
  for (const node of levels) {
    const lower = previous[node.data.mode];
    previous[node.data.mode] = node;
    if (!lower || lower.data.level === node.data.level) continue;
    if (node.data.mode === "duration" && node.data.afterSeconds <= lower.data.afterSeconds) {
      issues.push({
        code: "level_threshold_not_increasing",
        message:
          `${describeNode(node)} fires after ${formatSeconds(node.data.afterSeconds)}, but ${describeNode(lower)} ` +
          `already waits ${formatSeconds(lower.data.afterSeconds)}; a higher level must wait longer.`,
        params: {
          mode: "duration",
          value: node.data.afterSeconds,
          lowerValue: lower.data.afterSeconds,
          otherNode: lower.id,
        },
        nodeId: node.id,
      });
    }
    if (node.data.mode === "count" && node.data.errorCount <= lower.data.errorCount) {
      issues.push({
        code: "level_threshold_not_increasing",
        message:
          `${describeNode(node)} fires on ${node.data.errorCount} consecutive errors, but ${describeNode(lower)} ` +
          `already needs ${lower.data.errorCount}; a higher level must need more errors.`,
        params: { mode: "count", value: node.data.errorCount, lowerValue: lower.data.errorCount, otherNode: lower.id },
        nodeId: node.id,
      });
    }
  }
  return issues;
}
