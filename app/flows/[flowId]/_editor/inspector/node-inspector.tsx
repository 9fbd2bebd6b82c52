"use client";

import { AlertTriangle, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import type { CanvasNode } from "~/app/_components/flow-canvas/canvas-types";
import { useNodeIssues } from "~/app/_components/flow-canvas/canvas-view";
import { useIssueText } from "~/app/_components/flow-canvas/use-issue-text";
import { nodeDefinitions } from "~/app/_components/flow-canvas/nodes/node-registry";
import type { FlowNode } from "~/core/flow/document";
import { useEditorStore } from "../store/editor-context";
import { useEditorCommands } from "../use-editor-commands";
import { BranchFormPanel } from "./branch-form";
import { IntegrationFormPanel } from "./integration-form";
import { LevelFormPanel } from "./level-form";
import { TriggerFormPanel } from "./trigger-form";

/** What the inspector shows of a node: everything but where it is (the store keeps positions). */
export type InspectedNode = FlowNode extends infer N ? (N extends FlowNode ? Omit<N, "position"> : never) : never;

export function inspected(node: CanvasNode): InspectedNode {
  const { id } = node;
  switch (node.type) {
    case "trigger":
      return { id, type: "trigger", data: node.data };
    case "level":
      return { id, type: "level", data: node.data };
    case "branch":
      return { id, type: "branch", data: node.data };
    case "integration":
      return { id, type: "integration", data: node.data };
  }
}

// `updateNode` keeps the node where it is; the position here only completes the document type.
const position = { x: 0, y: 0 };

function KindForm({ node, update }: { node: InspectedNode; update: (next: FlowNode) => void }) {
  const { id } = node;
  switch (node.type) {
    case "trigger":
      return (
        <TriggerFormPanel
          nodeId={id}
          data={node.data}
          onChange={(data) => update({ id, type: "trigger", position, data })}
        />
      );
    case "level":
      return (
        <LevelFormPanel
          nodeId={id}
          data={node.data}
          onChange={(data) => update({ id, type: "level", position, data })}
        />
      );
    case "branch":
      return (
        <BranchFormPanel
          nodeId={id}
          data={node.data}
          onChange={(data) => update({ id, type: "branch", position, data })}
        />
      );
    case "integration":
      return (
        <IntegrationFormPanel
          nodeId={id}
          data={node.data}
          onChange={(data) => update({ id, type: "integration", position, data })}
        />
      );
  }
}

/** The selected node's settings, its problems, and a delete button. */
export function NodeInspector({ node }: { node: InspectedNode }) {
  const store = useEditorStore();
  const commands = useEditorCommands();
  const issues = useNodeIssues(node.id);
  const issueText = useIssueText(
    (id) => store.getState().nodes.find((n) => n.id === id),
    (id) => store.getState().integrations[id]?.name,
  );
  const { icon: Icon } = nodeDefinitions[node.type];
  const t = useTranslations("NodeForms");
  const kinds = useTranslations("Palette");
  return (
    <div data-testid="inspector" data-node-id={node.id}>
      <header className="flex items-center gap-2 border-b border-border px-4 py-3">
        <Icon className="size-4 text-accent" aria-hidden />
        <div className="min-w-0 flex-1">
          <h2 className="text-[13px] font-semibold">{kinds(`kinds.${node.type}.label`)}</h2>
          <p className="truncate font-mono text-[11px] text-muted" title={t("stableId")}>
            {node.id}
          </p>
        </div>
        <button
          type="button"
          onClick={commands.deleteSelection}
          aria-label={t("deleteNode")}
          title={t("deleteShortcut")}
          className="rounded p-1 text-muted hover:bg-raised hover:text-danger"
        >
          <Trash2 className="size-4" aria-hidden />
        </button>
      </header>
      {issues.length > 0 ? (
        <ul className="flex flex-col gap-1 border-b border-border bg-danger/5 px-4 py-2 text-[12px] text-danger">
          {issues
            .map((issue) => issueText(issue))
            .map((message) => (
              <li key={message} className="flex gap-1.5">
                <AlertTriangle className="mt-0.5 size-3 shrink-0" aria-hidden />
                {message}
              </li>
            ))}
        </ul>
      ) : null}
      <KindForm node={node} update={(next) => store.getState().updateNode(next)} />
    </div>
  );
}
