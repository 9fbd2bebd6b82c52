"use client";

import { Activity, BellRing, Inbox, LayoutTemplate, Plug, Settings, Workflow } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { useAccountState } from "./auth/account-guard";
import { SignOutButton } from "./auth/sign-out-button";
import { WorkspaceSwitcher } from "./auth/workspace-switcher";
import { LocaleSwitcher } from "./locale-switcher";
import { ThemeToggle } from "./theme-toggle";

const NAV = [
  { href: "/flows", label: "flows", icon: Workflow },
  { href: "/runs", label: "runs", icon: Activity },
  { href: "/inbox", label: "inbox", icon: Inbox },
  { href: "/integrations", label: "integrations", icon: Plug },
  { href: "/templates", label: "templates", icon: LayoutTemplate },
  { href: "/settings", label: "settings", icon: Settings },
] as const;

/** Pages outside a workspace: signed-out pages, a shared template, the first-workspace page. */
const STANDALONE = [
  "/share/",
  "/ack/",
  "/sign-in",
  "/sign-up",
  "/setup",
  "/forgot-password",
  "/reset-password",
  "/invite/",
  "/welcome",
];
const isStandalone = (pathname: string) =>
  STANDALONE.some((p) => pathname === p || pathname.startsWith(p.endsWith("/") ? p : `${p}/`));

/**
 * `sessionSignedIn` is what the server saw when it rendered the page (a session cookie that
 * resolves to a user); it decides where a language choice is saved until the account query answers.
 */
export function AppShell({ children, sessionSignedIn }: { children: ReactNode; sessionSignedIn: boolean }) {
  const pathname = usePathname();
  if (isStandalone(pathname)) {
    // Signed-out pages switch language too; the server knows whether a session came with them.
    return (
      <>
        {children}
        <div className="fixed top-3 right-3 z-10 text-muted">
          <LocaleSwitcher signedIn={sessionSignedIn} />
        </div>
      </>
    );
  }
  return (
    <WorkspaceShell pathname={pathname} sessionSignedIn={sessionSignedIn}>
      {children}
    </WorkspaceShell>
  );
}

function WorkspaceShell({
  pathname,
  sessionSignedIn,
  children,
}: {
  pathname: string;
  sessionSignedIn: boolean;
  children: ReactNode;
}) {
  const t = useTranslations("Shell");
  const { me, answered } = useAccountState();
  return (
    <div className="flex h-full min-h-screen">
      <nav
        className="sticky top-0 flex h-screen w-52 shrink-0 flex-col border-r border-border bg-panel"
        aria-label={t("mainNavigation")}
      >
        <Link href="/flows" className="flex items-center gap-2 px-4 py-4 text-[15px] font-semibold tracking-tight">
          <BellRing className="size-4 text-accent" aria-hidden />
          Alertflow
        </Link>
        <ul className="flex flex-col gap-0.5 px-2">
          {NAV.map(({ href, label, icon: Icon }) => {
            const active = pathname === href || pathname.startsWith(`${href}/`);
            return (
              <li key={href}>
                <Link
                  href={href}
                  aria-current={active ? "page" : undefined}
                  className={`flex items-center gap-2 rounded-md px-2 py-1.5 ${
                    active ? "bg-raised text-fg" : "text-muted hover:bg-raised hover:text-fg"
                  }`}
                >
                  <Icon className="size-4" aria-hidden />
                  {t(`nav.${label}`)}
                </Link>
              </li>
            );
          })}
        </ul>
        <div className="mt-auto flex flex-col gap-3 border-t border-border px-3 py-3 text-muted">
          {me ? <WorkspaceSwitcher me={me} /> : null}
          <div className="flex items-center justify-between gap-1">
            <span className="min-w-0 truncate" title={me?.user.name}>
              {me?.user.name ?? ""}
            </span>
            <SignOutButton compact />
          </div>
          <div className="flex items-center justify-between">
            {/* Until the account query answers, the server's view decides: the profile must not miss a choice. */}
            <LocaleSwitcher signedIn={answered ? Boolean(me && !me.viaToken) : sessionSignedIn} />
            <ThemeToggle />
          </div>
        </div>
      </nav>
      <main className="flex min-w-0 flex-1 flex-col">{children}</main>
    </div>
  );
}
