import { getTranslations } from "next-intl/server";
import { WorkspaceSettings } from "./workspace-settings";

export async function generateMetadata() {
  const t = await getTranslations("WorkspaceSettings");
  return { title: `${t("title")} · Alertflow` };
}

export default function WorkspaceSettingsPage() {
  return <WorkspaceSettings />;
}
