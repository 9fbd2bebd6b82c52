import { getTranslations } from "next-intl/server";
import { getDb } from "~/db/client";
import { signUpOffered } from "~/server/auth/sign-up-open";
import { env } from "~/server/env";
import { redirectToSetupWhenNew } from "~/server/page-context";
import { unlessDatabaseUnavailable } from "~/server/http/unless-database-unavailable";
import { DatabaseUnavailableRetry } from "../_components/database-unavailable-retry";
import { SignInForm } from "./sign-in-form";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("PageTitles");
  return { title: t("signIn") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  return unlessDatabaseUnavailable(
    async () => {
      await redirectToSetupWhenNew();
      // Sign-up by invitation only: the link to it shows only on the way back to a live invitation.
      const offerSignUp = await signUpOffered(
        getDb(env.DATABASE_URL),
        env.ALERTFLOW_SIGN_UP,
        typeof next === "string" ? next : undefined,
      );
      return <SignInForm offerSignUp={offerSignUp} />;
    },
    () => <DatabaseUnavailableRetry />,
  );
}
