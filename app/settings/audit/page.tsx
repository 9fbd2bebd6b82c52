import { getTranslations } from "next-intl/server";
import { AuditSettings } from "./audit-settings";

export async function generateMetadata() {
  const t = await getTranslations("AuditLog");
  return { title: `${t("title")} · Alertflow` };
}

export default function AuditSettingsPage() {
  return <AuditSettings />;
}
