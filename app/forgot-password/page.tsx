import { getTranslations } from "next-intl/server";
import { unlessDatabaseUnavailable } from "~/server/http/unless-database-unavailable";
import { redirectToSetupWhenNew } from "~/server/page-context";
import { DatabaseUnavailableRetry } from "../_components/database-unavailable-retry";
import { ForgotPasswordForm } from "./forgot-password-form";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("PageTitles");
  return { title: t("forgotPassword") };
}

export default async function ForgotPasswordPage() {
  return unlessDatabaseUnavailable(
    async () => {
      await redirectToSetupWhenNew();
      return <ForgotPasswordForm />;
    },
    () => <DatabaseUnavailableRetry />,
  );
}
