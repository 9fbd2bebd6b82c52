"use client";

import { Languages } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { LOCALES, LOCALE_COOKIE, LOCALE_NAMES, TIME_ZONE_COOKIE, isLocale } from "~/core/i18n/locales";

const YEAR = 60 * 60 * 24 * 365;

function readCookie(name: string): string | undefined {
  return document.cookie
    .split("; ")
    .find((entry) => entry.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

function writeCookie(name: string, value: string) {
  document.cookie = `${name}=${encodeURIComponent(value)}; path=/; max-age=${YEAR}; samesite=lax`;
}

export function LocaleSwitcher() {
  const t = useTranslations("Shell");
  const locale = useLocale();
  const router = useRouter();

  // Server-rendered times use this zone; refresh once when the browser's differs from the cookie.
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (decodeURIComponent(readCookie(TIME_ZONE_COOKIE) ?? "") === zone) return;
    writeCookie(TIME_ZONE_COOKIE, zone);
    router.refresh();
  }, [router]);

  return (
    <label className="flex items-center gap-1.5" title={t("language")}>
      <Languages className="size-4" aria-hidden />
      <span className="sr-only">{t("language")}</span>
      <select
        value={locale}
        onChange={(event) => {
          if (!isLocale(event.target.value)) return;
          writeCookie(LOCALE_COOKIE, event.target.value);
          router.refresh();
        }}
        className="rounded border border-border bg-panel px-1 py-0.5 text-[12px] text-fg"
        data-testid="locale-switcher"
      >
        {LOCALES.map((code) => (
          <option key={code} value={code}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
}
