import { getTranslations } from "next-intl/server";
import { requestProfileLocale } from "~/server/i18n/profile-locale";
import { AccountSettings } from "./account-settings";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("PageTitles");
  return { title: t("account") };
}

export default async function AccountPage() {
  return <AccountSettings profileLocale={(await requestProfileLocale()) ?? null} />;
}
