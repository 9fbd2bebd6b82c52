import { getTranslations } from "next-intl/server";
import { WorkspaceSettings } from "./workspace-settings";

export async function generateMetadata() {
  const t = await getTranslations("WorkspaceSettings");
  return { title: `${t("title")} · Alertflow` };
}

/** `?add=host` comes from the integration editor's hint: the owner finds the entry typed, ready to save. */
export default async function WorkspaceSettingsPage({
  searchParams,
}: {
  searchParams: Promise<{ add?: string | string[] }>;
}) {
  const { add } = await searchParams;
  return <WorkspaceSettings add={typeof add === "string" ? add.slice(0, 253) : undefined} />;
}
