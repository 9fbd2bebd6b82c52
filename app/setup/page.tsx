import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { getDb } from "~/db/client";
import { needsSetup } from "~/server/auth/first-run";
import { env } from "~/server/env";
import { unlessDatabaseUnavailable } from "~/server/http/unless-database-unavailable";
import { DatabaseUnavailableRetry } from "../_components/database-unavailable-retry";
import { SetupForm } from "./setup-form";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("PageTitles");
  return { title: t("setup") };
}

/** One time only: once someone can sign in, this page is gone. */
export default async function SetupPage() {
  return unlessDatabaseUnavailable(
    async () => {
      if (!(await needsSetup(getDb(env.DATABASE_URL)))) redirect("/sign-in");
      return <SetupForm />;
    },
    () => <DatabaseUnavailableRetry />,
  );
}
