"use client";

import { useFormatter, useTranslations } from "next-intl";
import { ArrowRight, BellRing } from "lucide-react";
import Link from "next/link";
import { ThemeToggle } from "~/app/_components/theme-toggle";
import { TypeTile } from "~/app/integrations/_ui/type-icon";
import { TagList } from "~/app/templates/_components/needs-list";
import { TemplateGraph } from "~/app/templates/_components/template-thumbnail";
import type { SharedTemplate } from "~/app/templates/_lib/types";
import { useNeedsPhrase } from "~/app/templates/_lib/use-needs-phrase";

/**
 * The public page of one shared template: what it does, what it needs, and how to use it. It
 * stands outside the app shell, so nothing of any workspace is on it; every text is rendered as
 * text.
 */
export function SharedTemplateView({ template, usePath }: { template: SharedTemplate; usePath: string }) {
  const t = useTranslations("SharedTemplate");
  const { needs } = useNeedsPhrase();
  const format = useFormatter();
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex h-12 items-center justify-between border-b border-border bg-panel px-6">
        <span className="flex items-center gap-2 text-[14px] font-semibold tracking-tight">
          <BellRing className="size-4 text-accent" aria-hidden /> Alertflow
          <span className="font-normal text-muted">{t("kind")}</span>
        </span>
        <ThemeToggle />
      </header>
      <main className="mx-auto flex w-full max-w-6xl flex-1 flex-col gap-5 px-6 py-6">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0 max-w-3xl">
            <h1 className="text-[20px] font-semibold tracking-tight">{template.name}</h1>
            <p className="mt-0.5 text-[12px] text-muted">
              {t("version", {
                version: template.version,
                updated: format.dateTime(template.updatedAt, { dateStyle: "medium" }),
              })}
            </p>
            <div className="mt-2">
              <TagList tags={template.tags} />
            </div>
          </div>
          <div className="flex flex-col items-end gap-1">
            <Link
              href={usePath}
              className="inline-flex h-8 items-center gap-1.5 rounded-md bg-accent px-3 text-[13px] font-medium text-accent-fg hover:opacity-90 focus-visible:outline-2 focus-visible:outline-accent"
            >
              {t("use")} <ArrowRight className="size-3.5" aria-hidden />
            </Link>
            <span className="text-[11px] text-muted">{t("signInFirst")}</span>
          </div>
        </div>
        <TemplateGraph template={template} size="large" className="h-[440px] rounded-lg border border-border" />
        <div className="grid gap-6 md:grid-cols-[minmax(0,1fr)_320px]">
          <section>
            <h2 className="mb-1.5 text-[11px] font-semibold tracking-wide text-muted uppercase">{t("does")}</h2>
            <p className="text-[13px] leading-relaxed whitespace-pre-line">{template.description}</p>
          </section>
          <section>
            <h2 className="mb-1.5 text-[11px] font-semibold tracking-wide text-muted uppercase">{t("needs")}</h2>
            <ul className="flex flex-col gap-2" data-testid="shared-needs">
              {template.placeholders.map((p) => (
                <li key={p.key} className="flex gap-2 text-[12px]">
                  <TypeTile type={p.integrationType} />
                  <div>
                    <div className="font-medium">{p.label}</div>
                    <div className="text-muted">{needs(p)}</div>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        </div>
      </main>
    </div>
  );
}
