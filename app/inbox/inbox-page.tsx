"use client";

import { useQuery } from "@tanstack/react-query";
import { Inbox } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { PageHeader } from "../_components/ui/page-header";
import { StatusBadge, type Tone } from "../_components/ui/status-badge";
import { useTRPC } from "../_lib/trpc";
import { linkParts } from "./link-parts";
import { useServerErrorText } from "~/app/_components/use-server-error-text";

const TONE = { error: "danger", reminder: "warn", ok: "ok" } as const satisfies Record<string, Tone>;

/**
 * Messages delivered to the built-in inbox integration, newest first; refreshed every few
 * seconds so an escalation can be watched as it happens.
 */
export function InboxPage() {
  const trpc = useTRPC();
  const t = useTranslations("Inbox");
  const format = useFormatter();
  const errorText = useServerErrorText();
  const messages = useQuery({ ...trpc.inbox.list.queryOptions(), refetchInterval: 2000 });
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <div className="p-6">
        {messages.error ? <p className="text-danger">{errorText(messages.error)}</p> : null}
        {messages.data?.length === 0 ? (
          <div className="flex flex-col items-center gap-2 rounded-lg border border-border bg-panel px-6 py-12 text-center text-muted">
            <Inbox className="size-6" aria-hidden />
            <p>{t("empty")}</p>
          </div>
        ) : null}
        <ol className="flex flex-col gap-2" aria-label={t("title")}>
          {messages.data?.map((m) => (
            <li key={m.id} className="rounded-lg border border-border bg-panel px-4 py-3" data-testid="inbox-message">
              <div className="flex items-center gap-2">
                <StatusBadge tone={TONE[m.messageType]}>{t(`type.${m.messageType}`)}</StatusBadge>
                <span className="min-w-0 flex-1 truncate font-medium">{m.title}</span>
                <time className="shrink-0 text-[12px] text-muted" dateTime={m.createdAt.toISOString()}>
                  {format.dateTime(m.createdAt, { timeStyle: "medium" })}
                </time>
              </div>
              <p className="mt-1 text-[12px] whitespace-pre-line break-words text-muted">
                {linkParts(m.body).map((part, i) =>
                  part.kind === "link" ? (
                    <a
                      key={i}
                      className="text-accent hover:underline"
                      href={part.href}
                      title={part.href}
                      rel="noopener noreferrer"
                    >
                      {part.label}
                    </a>
                  ) : (
                    part.text
                  ),
                )}
              </p>
              <p className="mt-1.5 text-[12px] text-muted">
                {t("level", { level: m.level })}
                {m.flowName ? ` · ${m.flowName}` : ""}
                {m.runId ? (
                  <>
                    {" · "}
                    <Link className="text-accent hover:underline" href={`/runs/${m.runId}`}>
                      {t("openRun")}
                    </Link>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ol>
      </div>
    </>
  );
}
