"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { PageHeader } from "~/app/_components/ui/page-header";
import { useTRPC } from "~/app/_lib/trpc";
import { EditorProvider } from "./editor-context";
import { EditorForm } from "./editor-form";

/** Loads the integration and the catalogue, then hands both to the form. */
export function IntegrationEditor({ integrationId }: { integrationId: string }) {
  const trpc = useTRPC();
  const integration = useQuery(trpc.integrations.get.queryOptions({ integrationId }));
  const types = useQuery(trpc.integrations.types.queryOptions(undefined, { staleTime: Infinity }));
  const entry = types.data?.find((t) => t.type === integration.data?.type);

  if (integration.error || types.error) {
    return (
      <>
        <PageHeader title="Integration" />
        <div className="p-6">
          <p className="text-danger">{integration.error?.message ?? types.error?.message}</p>
          <Link href="/integrations" className="mt-2 inline-block underline">
            Back to integrations
          </Link>
        </div>
      </>
    );
  }
  if (!integration.data || !entry) {
    return (
      <>
        <PageHeader title="Integration" />
        <p className="p-6 text-muted">Loading…</p>
      </>
    );
  }
  return (
    <EditorProvider value={{ entry, integration: integration.data }}>
      <EditorForm />
    </EditorProvider>
  );
}
