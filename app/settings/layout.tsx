import type { ReactNode } from "react";
import { SettingsNav } from "./settings-nav";

export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <header className="flex h-14 shrink-0 items-center border-b border-border bg-panel px-6">
        <h1 className="text-[15px] font-semibold tracking-tight">Settings</h1>
      </header>
      <div className="flex min-h-0 flex-1">
        <SettingsNav />
        <div className="min-w-0 flex-1 overflow-auto px-8 py-6">{children}</div>
      </div>
    </div>
  );
}
