"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "../_components/ui/button";
import { PageHeader } from "../_components/ui/page-header";
import { useTRPC } from "../_lib/trpc";
import { CreateIntegrationDialog } from "./create-integration-dialog";
import type { CatalogueEntry } from "./_lib/catalogue";
import { useIntegrationErrorText } from "./_lib/use-integration-error-text";
import { IntegrationRow } from "./integration-row";

export function IntegrationList() {
  const t = useTranslations("Integrations");
  const serverError = useIntegrationErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const integrations = useQuery(trpc.integrations.list.queryOptions());
  const types = useQuery(trpc.integrations.types.queryOptions(undefined, { staleTime: Infinity }));
  const setEnabled = useMutation(
    trpc.integrations.setEnabled.mutationOptions({
      onSuccess: (updated) => {
        toast.success(
          updated.enabled ? t("enabledToast", { name: updated.name }) : t("disabledToast", { name: updated.name }),
        );
        return queryClient.invalidateQueries({ queryKey: trpc.integrations.list.queryKey() });
      },
      onError: (err) => toast.error(serverError(err)),
    }),
  );
  const byType = new Map<string, CatalogueEntry>((types.data ?? []).map((entry) => [entry.type, entry]));

  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <Button variant="primary" onClick={() => setCreating(true)} disabled={!types.data}>
            <Plus className="size-3.5" aria-hidden /> {t("new")}
          </Button>
        }
      />
      <div className="p-6">
        <div className="overflow-hidden rounded-lg border border-border bg-panel">
          <table className="w-full text-left">
            <thead className="border-b border-border text-[12px] text-muted">
              <tr>
                <th className="px-4 py-2 font-medium">{t("columns.name")}</th>
                <th className="px-4 py-2 font-medium">{t("columns.enabled")}</th>
                <th className="px-4 py-2 font-medium">{t("columns.secrets")}</th>
                <th className="px-4 py-2 font-medium">{t("columns.usedBy")}</th>
                <th className="px-4 py-2 font-medium">{t("columns.updated")}</th>
              </tr>
            </thead>
            <tbody>
              {integrations.data?.map((integration) => (
                <IntegrationRow
                  key={integration.id}
                  integration={integration}
                  entry={byType.get(integration.type)}
                  onToggle={(enabled) => setEnabled.mutate({ integrationId: integration.id, enabled })}
                  toggling={setEnabled.isPending && setEnabled.variables.integrationId === integration.id}
                />
              ))}
            </tbody>
          </table>
          {integrations.isLoading ? <p className="px-4 py-6 text-muted">{t("loading")}</p> : null}
          {integrations.error ? <p className="px-4 py-6 text-danger">{serverError(integrations.error)}</p> : null}
          {integrations.data?.length === 0 ? (
            <div className="px-4 py-10 text-center text-muted">
              <p>{t("empty")}</p>
              <p className="mt-1">
                {t.rich("emptyHint", {
                  link: (chunks) => (
                    <Link href="/flows" className="text-fg underline">
                      {chunks}
                    </Link>
                  ),
                })}
              </p>
            </div>
          ) : null}
        </div>
      </div>
      {types.data ? <CreateIntegrationDialog open={creating} onOpenChange={setCreating} types={types.data} /> : null}
    </>
  );
}
