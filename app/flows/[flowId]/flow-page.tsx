"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useWorkspaceRole } from "../../_components/auth/use-workspace-role";
import { useTRPC, type RouterOutputs } from "../../_lib/trpc";
import { FlowEditor } from "./_editor/flow-editor";
import { FlowViewer } from "./flow-viewer";
import { useServerErrorText } from "~/app/_components/use-server-error-text";

type Flow = RouterOutputs["flows"]["get"];

interface FlowPageProps {
  flowId: string;
  initialFlow?: Flow;
  initialIntegrations?: RouterOutputs["integrations"]["list"];
}

const newest = (a: Flow | undefined, b: Flow | undefined) => (!a ? b : !b ? a : b.revision > a.revision ? b : a);

/**
 * Loads the flow and opens the editor. The editor keeps the graph and revision it is opened
 * with, so it must never be opened with a copy older than the server's: a cached copy from an
 * earlier visit would show a stale graph, the next save would report a false conflict, and
 * "Keep mine" would overwrite the real flow with it. So it opens with the newest of the copy the
 * server rendered for this visit and the query cache (which autosave keeps current), and when
 * the server rendered nothing, only with a copy fetched after this page mounted. Later refetches
 * (after publish, enable) only refresh the top bar's badges.
 */
export function FlowPage({ flowId, initialFlow, initialIntegrations }: FlowPageProps) {
  const t = useTranslations("EditorCommands");
  const serverError = useServerErrorText();
  const trpc = useTRPC();
  const { role, can } = useWorkspaceRole();
  const flow = useQuery({ ...trpc.flows.get.queryOptions({ flowId }), refetchOnMount: "always" });
  const candidate = initialFlow ? newest(initialFlow, flow.data) : flow.isFetchedAfterMount ? flow.data : undefined;
  const [opened, setOpened] = useState<Flow | undefined>(candidate);
  if (!opened && candidate) setOpened(candidate);

  if (flow.error && !opened) return <p className="p-6 text-danger">{serverError(flow.error)}</p>;
  if (!opened || role === null) return <p className="p-6 text-muted">{t("loadingFlow")}</p>;
  // Viewers read flows; only editors and owners get the editor.
  if (!can("editor")) {
    return <FlowViewer flow={flow.data ?? opened} initialIntegrations={initialIntegrations} />;
  }

  // The server read the graph through the store layer: already migrated to the current version.
  const { id, name, description, graph, revision } = opened;
  // Publish and enable change no revision: the badges follow the latest fetch.
  const latest = (flow.isFetchedAfterMount ? flow.data : undefined) ?? opened;
  return (
    <FlowEditor
      key={id}
      flow={{ id, name, description, graph, revision, enabled: latest.enabled, published: latest.published }}
      initialIntegrations={initialIntegrations}
    />
  );
}
