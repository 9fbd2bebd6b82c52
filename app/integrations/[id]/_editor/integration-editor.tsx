"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { PageHeader } from "~/app/_components/ui/page-header";
import { useTRPC } from "~/app/_lib/trpc";
import { useIntegrationErrorText } from "../../_lib/use-integration-error-text";
import { EditorProvider } from "./editor-context";
import { EditorForm } from "./editor-form";

/** Loads the integration and the catalogue, then hands both to the form. */
export function IntegrationEditor({ integrationId }: { integrationId: string }) {
  const t = useTranslations("IntegrationEditor");
  const serverError = useIntegrationErrorText();
  const trpc = useTRPC();
  const integration = useQuery(trpc.integrations.get.queryOptions({ integrationId }));
  const types = useQuery(trpc.integrations.types.queryOptions(undefined, { staleTime: Infinity }));
  const entry = types.data?.find((e) => e.type === integration.data?.type);

  if (integration.error || types.error) {
    return (
      <>
        <PageHeader title={t("pageTitle")} />
        <div className="p-6">
          <p className="text-danger">{serverError(integration.error ?? types.error)}</p>
          <Link href="/integrations" className="mt-2 inline-block underline">
            {t("backToIntegrations")}
          </Link>
        </div>
      </>
    );
  }
  if (!integration.data || !entry) {
    return (
      <>
        <PageHeader title={t("pageTitle")} />
        <p className="p-6 text-muted">{t("loading")}</p>
      </>
    );
  }
  return (
    <EditorProvider value={{ entry, integration: integration.data }}>
      <EditorForm />
    </EditorProvider>
  );
}
