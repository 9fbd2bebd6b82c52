import { getTranslations } from "next-intl/server";
import { redirectToSetupWhenNew } from "~/server/page-context";
import { SignInForm } from "./sign-in-form";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("PageTitles");
  return { title: t("signIn") };
}

export default async function SignInPage() {
  await redirectToSetupWhenNew();
  return <SignInForm />;
}
