import { getTranslations } from "next-intl/server";
import { MembersSettings } from "./members-settings";

export async function generateMetadata() {
  const t = await getTranslations("MembersSettings");
  return { title: `${t("title")} · Alertflow` };
}

export default function MembersSettingsPage() {
  return <MembersSettings />;
}
