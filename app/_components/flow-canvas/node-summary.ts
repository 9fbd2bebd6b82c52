import type { FlowNode } from "~/core/flow/document";

const minutes = (seconds: number) =>
  seconds < 60 ? `${seconds} s` : seconds % 60 === 0 ? `${seconds / 60} min` : `${(seconds / 60).toFixed(1)} min`;

/** One line that tells the node's key settings at a glance. */
export function nodeSummary(node: FlowNode, integrationName?: (id: string) => string | undefined): string {
  switch (node.type) {
    case "trigger":
      return `${node.data.format} alerts${node.data.filters.length ? ` · ${node.data.filters.length} filter(s)` : ""}`;
    case "level": {
      const d = node.data;
      const when =
        d.mode === "count"
          ? `after ${d.errorCount} errors`
          : d.afterSeconds === 0
            ? "immediately"
            : `after ${minutes(d.afterSeconds)}`;
      const reminders =
        d.reminderCount > 0
          ? ` · ${d.reminderCount} reminder${d.reminderCount > 1 ? "s" : ""} / ${minutes(d.reminderEverySeconds)}`
          : "";
      return `${when}${reminders}`;
    }
    case "branch":
      return "Error · Reminder · Ok";
    case "integration": {
      const name = node.data.integrationId
        ? (integrationName?.(node.data.integrationId) ?? "integration")
        : "no integration chosen";
      const flags = [node.data.sendOk ? "Ok" : null, node.data.sendReminders ? "reminders" : null]
        .filter(Boolean)
        .join(", ");
      return flags ? `${name} · sends ${flags}` : name;
    }
  }
}

export function nodeTitle(node: FlowNode): string {
  switch (node.type) {
    case "trigger":
      return node.data.label || "Trigger";
    case "level":
      return node.data.label || `Level ${node.data.level}`;
    case "branch":
      return node.data.label || "Message type";
    case "integration":
      return node.data.label || "Integration";
  }
}
