"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { useWorkspaceRole } from "../_components/auth/use-workspace-role";
import { Button } from "../_components/ui/button";
import { PageHeader } from "../_components/ui/page-header";
import { StatusBadge } from "../_components/ui/status-badge";
import { useTRPC } from "../_lib/trpc";
import { NewFlowDialog } from "../templates/_components/new-flow-dialog";
import { FlowRowMenu } from "./flow-row-menu";
import { useServerErrorText } from "~/app/_components/use-server-error-text";

export function FlowList() {
  const t = useTranslations("FlowList");
  const tl = useTranslations("FlowLifecycle");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [archived, setArchived] = useState(false);
  const flows = useQuery(trpc.flows.list.queryOptions({ archived }));
  const [choosing, setChoosing] = useState(false);
  const { can } = useWorkspaceRole();
  const serverError = useServerErrorText();
  const create = useMutation(
    trpc.flows.create.mutationOptions({
      onSuccess: async ({ id }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() });
        router.push(`/flows/${id}`);
      },
      onError: (err) => toast.error(serverError(err)),
    }),
  );

  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          // Viewers read flows; creating one needs the editor role.
          can("editor") ? (
            <Button variant="primary" onClick={() => setChoosing(true)}>
              <Plus className="size-3.5" aria-hidden /> {t("newFlow")}
            </Button>
          ) : null
        }
      />
      <NewFlowDialog
        open={choosing}
        onOpenChange={setChoosing}
        onBlank={() => create.mutate({ name: t("untitled"), description: "" })}
        blankPending={create.isPending}
      />
      <div className="p-6">
        <div className="mb-3 flex gap-1" role="group" aria-label={tl("filter")}>
          {[false, true].map((value) => (
            <Button
              key={String(value)}
              variant={archived === value ? "secondary" : "ghost"}
              aria-pressed={archived === value}
              onClick={() => setArchived(value)}
            >
              {value ? tl("archivedFilter") : tl("activeFilter")}
            </Button>
          ))}
        </div>
        <div className="overflow-hidden rounded-lg border border-border bg-panel">
          <table className="w-full text-left">
            <thead className="border-b border-border text-[12px] text-muted">
              <tr>
                <th className="px-4 py-2 font-medium">{t("columns.name")}</th>
                <th className="px-4 py-2 font-medium">{t("columns.status")}</th>
                <th className="px-4 py-2 font-medium">{t("columns.published")}</th>
                <th className="px-4 py-2 font-medium">{t("columns.openIncidents")}</th>
                <th className="px-4 py-2 font-medium">{t("columns.nodes")}</th>
                <th className="px-4 py-2 font-medium">{t("columns.updated")}</th>
                <th className="w-10 px-2 py-2">
                  <span className="sr-only">{tl("actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {flows.data?.map((flow) => (
                <tr
                  key={flow.id}
                  className="border-b border-border last:border-0 hover:bg-raised"
                  data-testid="flow-row"
                >
                  <td className="px-4 py-2">
                    <Link href={`/flows/${flow.id}`} className="font-medium hover:underline">
                      {flow.name}
                    </Link>
                    {flow.description ? <div className="text-muted">{flow.description}</div> : null}
                  </td>
                  <td className="px-4 py-2">
                    <StatusBadge tone={flow.enabled ? "ok" : "neutral"}>
                      {flow.enabled ? t("enabled") : t("disabled")}
                    </StatusBadge>
                  </td>
                  <td className="px-4 py-2 text-muted">
                    {flow.publishedVersion ? t("version", { version: flow.publishedVersion }) : t("draftOnly")}
                  </td>
                  <td className="px-4 py-2">
                    {flow.openIncidents > 0 ? (
                      <StatusBadge tone="danger">{t("openCount", { count: flow.openIncidents })}</StatusBadge>
                    ) : (
                      <span className="text-muted">0</span>
                    )}
                  </td>
                  <td className="px-4 py-2 tabular-nums text-muted">{flow.nodeCount}</td>
                  <td className="px-4 py-2 text-muted">
                    {format.dateTime(flow.updatedAt, { dateStyle: "medium", timeStyle: "short" })}
                  </td>
                  <td className="px-2 py-1 text-right">
                    {/* Editors retire and copy flows; viewers read them. */}
                    {can("editor") ? (
                      <FlowRowMenu
                        flow={{
                          id: flow.id,
                          name: flow.name,
                          openIncidents: flow.openIncidents,
                          archived: flow.archivedAt !== null,
                        }}
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {flows.isLoading ? <p className="px-4 py-6 text-muted">{t("loading")}</p> : null}
          {flows.error ? <p className="px-4 py-6 text-danger">{serverError(flows.error)}</p> : null}
          {flows.data?.length === 0 ? (
            <p className="px-4 py-10 text-center text-muted">{archived ? tl("emptyArchived") : t("empty")}</p>
          ) : null}
        </div>
      </div>
    </>
  );
}
