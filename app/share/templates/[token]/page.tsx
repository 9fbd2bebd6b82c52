import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { createPageContext } from "~/server/page-context";
import { createCaller } from "~/server/routers/_app";
import { unlessDatabaseUnavailable } from "~/server/http/unless-database-unavailable";
import { DatabaseUnavailableRetry } from "../../../_components/database-unavailable-retry";
import { SharedTemplateView } from "./shared-template-view";

// A link can be revoked at any moment: never serve a cached copy.
export const dynamic = "force-dynamic";

/** Read through the declared anonymous procedure, as any signed-out visitor would. */
async function load(token: string) {
  try {
    return await createCaller(await createPageContext()).templates.shared({ token });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

// Also sent as an X-Robots-Tag header (next.config.ts), for crawlers that read only headers.
const robots: Metadata["robots"] = { index: false, follow: false, nocache: true };

export async function generateMetadata({ params }: { params: Promise<{ token: string }> }): Promise<Metadata> {
  const t = await getTranslations("SharedTemplate");
  const { token } = await params;
  return unlessDatabaseUnavailable(
    async () => {
      const template = await load(token);
      return { title: template ? t("pageTitle", { name: template.name }) : t("pageTitleMissing"), robots };
    },
    // The page itself says the database is unavailable; the title stays the product's.
    () => ({ robots }),
  );
}

export default async function SharedTemplatePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return unlessDatabaseUnavailable(
    async () => {
      const template = await load(token);
      if (!template) notFound();
      return <SharedTemplateView template={template} usePath={`/templates/shared/${token}`} />;
    },
    () => <DatabaseUnavailableRetry />,
  );
}
