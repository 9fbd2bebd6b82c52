import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SettingsNav } from "./settings-nav";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("SettingsNav");
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <header className="flex h-14 shrink-0 items-center border-b border-border bg-panel px-6">
        <h1 className="text-[15px] font-semibold tracking-tight">{t("title")}</h1>
      </header>
      <div className="flex min-h-0 flex-1">
        <SettingsNav />
        <div className="min-w-0 flex-1 overflow-auto px-8 py-6">{children}</div>
      </div>
    </div>
  );
}
