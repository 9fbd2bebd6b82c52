"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ReactFlowProvider } from "@xyflow/react";
import { useCallback, useEffect, useState } from "react";
import { toast } from "sonner";
import { useTRPC, type RouterOutputs } from "~/app/_lib/trpc";
import type { FlowGraph } from "~/core/flow/document";
import { EndpointsDialog } from "./dialogs/endpoints-dialog";
import { PublishDialog } from "./dialogs/publish-dialog";
import { ShortcutsDialog } from "./dialogs/shortcuts-dialog";
import { TimingDialog } from "./dialogs/timing-dialog";
import { VersionsDialog } from "./dialogs/versions-dialog";
import { EditorCanvas } from "./editor-canvas";
import { Inspector } from "./inspector/inspector";
import { Palette } from "./palette";
import { ProblemsPanel } from "./problems-panel";
import { EditorStoreProvider, useEditorStore } from "./store/editor-context";
import { TopBar, type EditorDialog } from "./top-bar";
import { useAutosave } from "./use-autosave";
import { EditorCommandsProvider } from "./use-editor-commands";
import { useShortcuts } from "./use-shortcuts";
import { useServerErrorText } from "~/app/_components/use-server-error-text";

export interface EditorFlow {
  id: string;
  name: string;
  description: string;
  enabled: boolean;
  graph: FlowGraph;
  revision: number;
  published: { version: number } | null;
}

/** Feeds the workspace's integrations to the store: node cards show names, validation knows ids. */
function IntegrationsSync({ initial }: { initial?: RouterOutputs["integrations"]["list"] }) {
  const trpc = useTRPC();
  const store = useEditorStore();
  const integrations = useQuery({ ...trpc.integrations.list.queryOptions(), initialData: initial });
  useEffect(() => {
    if (integrations.data) store.getState().setIntegrations(integrations.data);
  }, [integrations.data, store]);
  return null;
}

function EditorLayout({ flow }: { flow: EditorFlow }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const store = useEditorStore();
  const autosave = useAutosave(flow.id, flow.revision);
  const serverError = useServerErrorText();
  const [dialog, setDialog] = useState<EditorDialog | null>(null);
  const [problemsOpen, setProblemsOpen] = useState(false);
  const setEnabled = useMutation(
    trpc.flows.setEnabled.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.flows.get.queryKey({ flowId: flow.id }) }),
      onError: (e) => toast.error(serverError(e)),
    }),
  );

  const save = useCallback(() => void autosave.flush(), [autosave]);
  const help = useCallback(() => setDialog("shortcuts"), []);
  const clear = useCallback(() => store.getState().select([]), [store]);
  useShortcuts({ save, help, clear });

  const dialogProps = (name: EditorDialog) => ({
    open: dialog === name,
    onOpenChange: (open: boolean) => setDialog(open ? name : null),
  });
  return (
    <div className="flex h-screen flex-col">
      <TopBar
        autosave={autosave}
        published={flow.published}
        enabled={flow.enabled}
        onToggleEnabled={() => setEnabled.mutate({ flowId: flow.id, enabled: !flow.enabled })}
        onOpen={setDialog}
        onToggleProblems={() => setProblemsOpen((open) => !open)}
      />
      <div className="flex min-h-0 flex-1">
        <Palette />
        <div className="flex min-w-0 flex-1 flex-col">
          <div className="min-h-0 flex-1">
            <EditorCanvas />
          </div>
          {problemsOpen ? <ProblemsPanel onClose={() => setProblemsOpen(false)} /> : null}
        </div>
        <Inspector onShortcuts={help} />
      </div>
      <PublishDialog flowId={flow.id} autosave={autosave} {...dialogProps("publish")} />
      <TimingDialog {...dialogProps("timing")} />
      <VersionsDialog
        flowId={flow.id}
        autosave={autosave}
        onRestored={() => setDialog(null)}
        {...dialogProps("versions")}
      />
      <EndpointsDialog flowId={flow.id} {...dialogProps("endpoints")} />
      <ShortcutsDialog {...dialogProps("shortcuts")} />
    </div>
  );
}

/** The flow editor: one store and one React Flow instance per opened flow. */
export function FlowEditor({
  flow,
  initialIntegrations,
}: {
  flow: EditorFlow;
  initialIntegrations?: RouterOutputs["integrations"]["list"];
}) {
  const [init] = useState(() => ({
    graph: flow.graph,
    name: flow.name,
    description: flow.description,
    integrations: initialIntegrations,
  }));
  return (
    <EditorStoreProvider init={init}>
      <ReactFlowProvider>
        <EditorCommandsProvider>
          <IntegrationsSync initial={initialIntegrations} />
          <EditorLayout flow={flow} />
        </EditorCommandsProvider>
      </ReactFlowProvider>
    </EditorStoreProvider>
  );
}
