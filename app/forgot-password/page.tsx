import { getTranslations } from "next-intl/server";
import { redirectToSetupWhenNew } from "~/server/page-context";
import { ForgotPasswordForm } from "./forgot-password-form";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("PageTitles");
  return { title: t("forgotPassword") };
}

export default async function ForgotPasswordPage() {
  await redirectToSetupWhenNew();
  return <ForgotPasswordForm />;
}
