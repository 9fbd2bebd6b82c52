"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "../_components/ui/button";
import { PageHeader } from "../_components/ui/page-header";
import { useTRPC } from "../_lib/trpc";
import { CreateIntegrationDialog } from "./create-integration-dialog";
import type { CatalogueEntry } from "./_lib/catalogue";
import { IntegrationRow } from "./integration-row";

export function IntegrationList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const integrations = useQuery(trpc.integrations.list.queryOptions());
  const types = useQuery(trpc.integrations.types.queryOptions(undefined, { staleTime: Infinity }));
  const setEnabled = useMutation(
    trpc.integrations.setEnabled.mutationOptions({
      onSuccess: (updated) => {
        toast.success(`${updated.name} ${updated.enabled ? "enabled" : "disabled"}`);
        return queryClient.invalidateQueries({ queryKey: trpc.integrations.list.queryKey() });
      },
      onError: (err) => toast.error(err.message),
    }),
  );
  const byType = new Map<string, CatalogueEntry>((types.data ?? []).map((t) => [t.type, t]));

  return (
    <>
      <PageHeader
        title="Integrations"
        subtitle="Where messages go: webhooks, chat, paging, ticketing, status pages, email and SMS"
        actions={
          <Button variant="primary" onClick={() => setCreating(true)} disabled={!types.data}>
            <Plus className="size-3.5" aria-hidden /> New integration
          </Button>
        }
      />
      <div className="p-6">
        <div className="overflow-hidden rounded-lg border border-border bg-panel">
          <table className="w-full text-left">
            <thead className="border-b border-border text-[12px] text-muted">
              <tr>
                <th className="px-4 py-2 font-medium">Name</th>
                <th className="px-4 py-2 font-medium">Enabled</th>
                <th className="px-4 py-2 font-medium">Secrets</th>
                <th className="px-4 py-2 font-medium">Used by published flows</th>
                <th className="px-4 py-2 font-medium">Updated</th>
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
          {integrations.isLoading ? <p className="px-4 py-6 text-muted">Loading integrations…</p> : null}
          {integrations.error ? <p className="px-4 py-6 text-danger">{integrations.error.message}</p> : null}
          {integrations.data?.length === 0 ? (
            <div className="px-4 py-10 text-center text-muted">
              <p>No integrations yet. Add one, then send a test message before an alert ever fires.</p>
              <p className="mt-1">
                Flows link integrations from their{" "}
                <Link href="/flows" className="text-fg underline">
                  escalation levels
                </Link>
                .
              </p>
            </div>
          ) : null}
        </div>
      </div>
      {types.data ? <CreateIntegrationDialog open={creating} onOpenChange={setCreating} types={types.data} /> : null}
    </>
  );
}
