"use client";

import { Panel, useConnection } from "@xyflow/react";
import { Ban } from "lucide-react";

import { refusalReason } from "./connection-refusal";
import { useEditorStore } from "./store/editor-context";
import { useRefusalText } from "./use-refusal-text";

/** While a connection is dragged over a handle that refuses it, says why. */
export function ConnectionHint() {
  const store = useEditorStore();
  const refusalText = useRefusalText();
  const connection = useConnection();
  if (!connection.inProgress || !connection.toHandle || connection.isValid !== false) return null;
  const { nodes, edges } = store.getState();
  const refusal = refusalReason(connection.fromHandle, connection.toHandle, nodes, edges);
  if (!refusal) return null;
  const reason = refusalText(refusal);
  return (
    <Panel position="top-center">
      <div
        role="status"
        data-testid="connection-refused"
        className="flex max-w-md items-start gap-2 rounded-md border border-danger/50 bg-panel px-3 py-2 text-[12px] text-danger shadow-lg"
      >
        <Ban className="mt-px size-3.5 shrink-0" aria-hidden />
        <span>{reason}</span>
      </div>
    </Panel>
  );
}
