"use client";

import { ChevronRight } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { StatusBadge, type Tone } from "../../_components/ui/status-badge";
import type { RouterOutputs } from "../../_lib/trpc";
import { useRunFormat } from "../_lib/use-run-format";
import { useDeliveryErrorText } from "../_lib/use-delivery-error-text";
import { ExchangePanel } from "./exchange-panel";

type Delivery = Extract<RouterOutputs["runs"]["get"]["timeline"][number], { kind: "delivery" }>["delivery"];
type Attempt = Delivery["attemptLog"][number];

const TONE: Record<Attempt["outcome"], Tone> = {
  delivered: "ok",
  retrying: "warn",
  failed: "danger",
  skipped: "neutral",
};

/** Every attempt at one message, oldest first, each with its own request and response. */
export function AttemptList({ attempts }: { attempts: readonly Attempt[] }) {
  const t = useTranslations("RunDelivery");
  return (
    <ol className="border-t border-border" data-testid="attempts" aria-label={t("attemptsLabel")}>
      {attempts.map((a) => (
        <AttemptRow key={a.id} attempt={a} defaultOpen={attempts.length === 1} />
      ))}
    </ol>
  );
}

function AttemptRow({ attempt: a, defaultOpen }: { attempt: Attempt; defaultOpen: boolean }) {
  const [open, setOpen] = useState(defaultOpen);
  const panelId = useId();
  const t = useTranslations("RunDelivery");
  const errorText = useDeliveryErrorText();
  const format = useRunFormat();
  const formatter = useFormatter();
  const ms = (value: number) => formatter.number(value, { style: "unit", unit: "millisecond", unitDisplay: "short" });
  const facts = [
    a.statusCode !== null ? `HTTP ${a.statusCode}` : t("noAnswer"),
    ms(a.latencyMs),
    // A header name: the same in every language.
    a.retryAfterMs !== null ? `Retry-After ${format.seconds(a.retryAfterMs)}` : null,
    a.nextRetryMs !== null && a.outcome === "retrying" ? t("nextIn", { time: format.seconds(a.nextRetryMs) }) : null,
  ].filter((f) => f !== null);
  const hasWire = a.request !== null || a.response !== null;
  return (
    <li className="border-b border-border/60 last:border-0" data-testid="attempt" data-outcome={a.outcome}>
      <div className="flex items-start gap-2 px-3 py-1.5 text-[12px]">
        <span className="w-6 shrink-0 text-muted tabular-nums">{`#${a.attempt}`}</span>
        <span className="w-24 shrink-0 tabular-nums" title={format.dateTime(a.startedAt)}>
          {format.time(a.startedAt)}
        </span>
        <div className="min-w-0 flex-1">
          <span className="text-muted tabular-nums">{facts.join(" · ")}</span>
          {a.resentBy ? <span className="ml-2 text-muted">{t("resentBy", { name: a.resentBy })}</span> : null}
          {a.error ? <p className="break-words text-danger">{errorText(a)}</p> : null}
        </div>
        <StatusBadge tone={TONE[a.outcome]}>{t(`status.${a.outcome}`)}</StatusBadge>
        {hasWire ? (
          <button
            type="button"
            aria-expanded={open}
            aria-controls={panelId}
            aria-label={t("attemptExchange", { number: a.attempt })}
            onClick={() => setOpen((o) => !o)}
            className="rounded p-0.5 text-muted hover:bg-raised hover:text-fg"
          >
            <ChevronRight className={`size-3.5 transition-transform ${open ? "rotate-90" : ""}`} aria-hidden />
          </button>
        ) : (
          <span className="w-[18px]" />
        )}
      </div>
      {open ? <ExchangePanel id={panelId} request={a.request} response={a.response} /> : null}
    </li>
  );
}
