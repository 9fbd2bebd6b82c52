import { getTranslations } from "next-intl/server";
import { TokensSettings } from "./tokens-settings";

export async function generateMetadata() {
  const t = await getTranslations("TokensSettings");
  return { title: `${t("title")} · Alertflow` };
}

export default function TokensSettingsPage() {
  return <TokensSettings />;
}
