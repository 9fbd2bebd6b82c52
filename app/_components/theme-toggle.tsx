"use client";

import { Moon, Sun } from "lucide-react";
import { useTranslations } from "next-intl";

export function ThemeToggle() {
  const t = useTranslations("Shell");
  const toggle = () => {
    const dark = document.documentElement.classList.toggle("dark");
    localStorage.setItem("alertflow-theme", dark ? "dark" : "light");
  };
  return (
    <button
      type="button"
      onClick={toggle}
      className="rounded p-1 hover:bg-raised hover:text-fg"
      aria-label={t("toggleTheme")}
      title={t("toggleTheme")}
    >
      <Sun className="size-4 dark:hidden" aria-hidden />
      <Moon className="hidden size-4 dark:block" aria-hidden />
    </button>
  );
}
