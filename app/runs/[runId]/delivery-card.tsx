"use client";

import { ChevronRight, RotateCw, Send } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { StatusBadge, type Tone } from "../../_components/ui/status-badge";
import type { RouterOutputs } from "../../_lib/trpc";
import { Button } from "../../_components/ui/button";
import { useEventText } from "../_lib/describe-event";
import { useDeliveryErrorText } from "../_lib/use-delivery-error-text";
import { useResend } from "../_lib/use-resend";
import { AttemptList } from "./attempt-list";
import { ExchangePanel } from "./exchange-panel";

type Delivery = Extract<RouterOutputs["runs"]["get"]["timeline"][number], { kind: "delivery" }>["delivery"];

const TONE: Record<Delivery["status"], Tone> = {
  delivered: "ok",
  failed: "danger",
  pending: "neutral",
  skipped: "neutral",
};

interface Props {
  delivery: Delivery;
  nodeLabel: (nodeId: string) => string | undefined;
}

/** One message sent to one integration: what, where, how it went, and (on demand) the wire. */
export function DeliveryCard({ delivery: d, nodeLabel }: Props) {
  // Several attempts are the story of the message: show them; a single one waits for a click.
  const [open, setOpen] = useState(d.attemptLog.length > 1);
  const { resend } = useResend();
  const t = useTranslations("RunDelivery");
  const errorText = useDeliveryErrorText();
  const { messageTitle } = useEventText();
  const panelId = useId();
  const failed = d.status === "failed";
  const facts = [
    d.statusCode !== null ? `HTTP ${d.statusCode}` : null,
    t("attempts", { count: d.attempts }),
    d.latencyMs !== null ? `${d.latencyMs} ms` : null,
  ].filter((f) => f !== null);
  const via = nodeLabel(d.nodeId);
  return (
    <div
      className={`rounded-md border bg-bg ${failed ? "border-danger/50" : "border-border"}`}
      data-testid="delivery"
      data-status={d.status}
    >
      <div className="flex items-start gap-2 px-3 py-2">
        <Send className={`mt-0.5 size-3.5 shrink-0 ${failed ? "text-danger" : "text-muted"}`} aria-hidden />
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
            <span className={`font-medium ${failed ? "text-danger" : ""}`}>
              {messageTitle(d.messageType, d.reminderNumber)}
            </span>
            <span className="text-muted">{t("to")}</span>
            <span className="font-medium">{d.integrationName}</span>
            {d.integrationType ? <span className="text-[12px] text-muted">{d.integrationType}</span> : null}
            <span className="text-[12px] text-muted">{t("level", { level: d.level })}</span>
            {d.isFallback ? <StatusBadge tone="warn">{t("fallback")}</StatusBadge> : null}
          </div>
          <div className="mt-0.5 text-[12px] text-muted tabular-nums">
            {facts.join(" · ")}
            {via && via !== d.integrationName ? ` · ${t("via", { node: via })}` : ""}
          </div>
          {d.error ? <p className="mt-1 text-[12px] break-words text-danger">{errorText(d)}</p> : null}
        </div>
        {failed ? (
          <Button
            className="h-6 px-2 text-[12px]"
            disabled={resend.isPending}
            title={t("resendTitle")}
            onClick={() => resend.mutate({ deliveryIds: [d.id] })}
          >
            <RotateCw className={`size-3 ${resend.isPending ? "animate-spin" : ""}`} aria-hidden /> {t("resend")}
          </Button>
        ) : null}
        <StatusBadge tone={TONE[d.status]}>{t(`status.${d.status}`)}</StatusBadge>
      </div>
      {d.attemptLog.length > 0 || d.request || d.response ? (
        <>
          <button
            type="button"
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => setOpen((o) => !o)}
            className="flex w-full items-center gap-1 border-t border-border px-3 py-1 text-left text-[12px] text-muted hover:bg-raised hover:text-fg"
          >
            <ChevronRight className={`size-3.5 transition-transform ${open ? "rotate-90" : ""}`} aria-hidden />
            {d.attemptLog.length > 0 ? t("attemptsToggle", { count: d.attemptLog.length }) : t("exchangeToggle")}
          </button>
          {open ? (
            d.attemptLog.length > 0 ? (
              <div id={panelId}>
                <AttemptList attempts={d.attemptLog} />
              </div>
            ) : (
              <ExchangePanel id={panelId} request={d.request} response={d.response} />
            )
          ) : null}
        </>
      ) : null}
    </div>
  );
}
