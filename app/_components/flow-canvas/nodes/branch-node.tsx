"use client";

import { useTranslations } from "next-intl";
import type { NodeProps } from "@xyflow/react";
import { GitBranch } from "lucide-react";
import { memo } from "react";
import { branchDataSchema } from "~/core/flow/document";
import type { CanvasNodeOfKind } from "../canvas-types";
import { NodeCard } from "./node-card";
import type { NodeDefinition } from "./node-definition";

const BranchNode = memo(function BranchNode({ id, data, selected }: NodeProps<CanvasNodeOfKind<"branch">>) {
  const t = useTranslations("NodeCard");
  return (
    <NodeCard
      id={id}
      kind="branch"
      selected={selected}
      icon={GitBranch}
      title={data.label || t("branch.title")}
      hasInput
      sources={branchNode.sources}
    >
      {t("branch.summary")}
    </NodeCard>
  );
});

export const branchNode: NodeDefinition<"branch"> = {
  kind: "branch",
  label: "Message-type branch",
  hint: "Send Error, Reminder and Ok apart",
  icon: GitBranch,
  hasInput: true,
  sources: [
    { id: "error", label: "Error" },
    { id: "reminder", label: "Reminder" },
    { id: "ok", label: "Ok" },
  ],
  createData: () => branchDataSchema.parse({}),
  component: BranchNode,
};
