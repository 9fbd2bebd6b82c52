"use client";

import { Languages } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { toast } from "sonner";
import { TIME_ZONE_COOKIE, isLocale } from "~/core/i18n/locales";
import { LocaleOptions } from "./locale-options";
import { useChooseLocale, writeCookie } from "./use-choose-locale";
import { useHydrated } from "./use-hydrated";

function readCookie(name: string): string | undefined {
  return document.cookie
    .split("; ")
    .find((entry) => entry.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

/** The language menu on every page; signed in, the choice is saved on the profile. */
export function LocaleSwitcher({ signedIn = false }: { signedIn?: boolean }) {
  const t = useTranslations("Shell");
  const locale = useLocale();
  const router = useRouter();
  const { choose, pending, error } = useChooseLocale({ signedIn });
  const hydrated = useHydrated();

  // Server-rendered times use this zone; refresh once when the browser's differs from the cookie.
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (decodeURIComponent(readCookie(TIME_ZONE_COOKIE) ?? "") === zone) return;
    writeCookie(TIME_ZONE_COOKIE, zone);
    router.refresh();
  }, [router]);

  useEffect(() => {
    if (error) toast.error(t("languageNotSaved"));
  }, [error, t]);

  return (
    <label className="flex items-center gap-1.5" title={t("language")}>
      <Languages className="size-4" aria-hidden />
      <span className="sr-only">{t("language")}</span>
      <select
        value={locale}
        // Closed until hydrated, as the shared Select is (ui/select.tsx): a pick made on the
        // server's HTML reached the handler as the language shown before it.
        disabled={pending || !hydrated}
        onChange={(event) => {
          if (isLocale(event.target.value)) void choose(event.target.value);
        }}
        className="rounded border border-border bg-panel px-1 py-0.5 text-[12px] text-fg"
        data-testid="locale-switcher"
      >
        <LocaleOptions />
      </select>
    </label>
  );
}
