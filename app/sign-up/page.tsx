import { getTranslations } from "next-intl/server";
import { redirectToSetupWhenNew } from "~/server/page-context";
import { SignUpForm } from "./sign-up-form";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("PageTitles");
  return { title: t("signUp") };
}

export default async function SignUpPage() {
  await redirectToSetupWhenNew();
  return <SignUpForm />;
}
