import { useTranslations } from "next-intl";
import type { FlowNode } from "~/core/flow/document";

/**
 * A node's name as the canvas shows it: its label, else its kind ("Level 2"), in the page's
 * language. Runs use the same names, so a run's steps read like the flow that made them.
 */
export function useNodeTitle() {
  const t = useTranslations("NodeCard");
  return (node: FlowNode): string => {
    if (node.data.label) return node.data.label;
    switch (node.type) {
      case "trigger":
        return t("trigger.title");
      case "level":
        return t("level.tag", { level: node.data.level });
      case "branch":
        return t("branch.title");
      case "integration":
        return t("integration.title");
    }
  };
}
