import { getTranslations } from "next-intl/server";
import { getDb } from "~/db/client";
import { signUpOffered } from "~/server/auth/sign-up-open";
import { env } from "~/server/env";
import { redirectToSetupWhenNew } from "~/server/page-context";
import { unlessDatabaseUnavailable } from "~/server/http/unless-database-unavailable";
import { DatabaseUnavailableRetry } from "../_components/database-unavailable-retry";
import { SignUpClosed } from "./sign-up-closed";
import { SignUpForm } from "./sign-up-form";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("PageTitles");
  return { title: t("signUp") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  return unlessDatabaseUnavailable(
    async () => {
      await redirectToSetupWhenNew();
      const offered = await signUpOffered(
        getDb(env.DATABASE_URL),
        env.ALERTFLOW_SIGN_UP,
        typeof next === "string" ? next : undefined,
      );
      return offered ? <SignUpForm /> : <SignUpClosed />;
    },
    () => <DatabaseUnavailableRetry />,
  );
}
