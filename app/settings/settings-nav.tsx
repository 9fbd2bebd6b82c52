"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";

const SECTIONS = [
  { href: "/settings/account", key: "account" },
  { href: "/settings/workspace", key: "workspace" },
  { href: "/settings/members", key: "members" },
  { href: "/settings/tokens", key: "tokens" },
  { href: "/settings/audit", key: "audit" },
] as const;

export function SettingsNav() {
  const t = useTranslations("SettingsNav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("label")} className="w-48 shrink-0 border-r border-border px-2 py-4">
      <ul className="flex flex-col gap-0.5">
        {SECTIONS.map(({ href, key }) => (
          <li key={href}>
            <Link
              href={href}
              aria-current={pathname === href ? "page" : undefined}
              className={`block rounded-md px-2 py-1.5 ${pathname === href ? "bg-raised text-fg" : "text-muted hover:bg-raised hover:text-fg"}`}
            >
              {t(`sections.${key}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
