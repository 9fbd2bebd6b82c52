"use client";

import { ChevronRight, RotateCw, Send } from "lucide-react";
import { useId, useState } from "react";
import { StatusBadge, type Tone } from "../../_components/ui/status-badge";
import type { RouterOutputs } from "../../_lib/trpc";
import { Button } from "../../_components/ui/button";
import { messageTitle } from "../_lib/describe-event";
import { useResend } from "../_lib/use-resend";
import { AttemptList } from "./attempt-list";
import { ExchangePanel } from "./exchange-panel";

type Delivery = Extract<RouterOutputs["runs"]["get"]["timeline"][number], { kind: "delivery" }>["delivery"];

const STATUS: Record<Delivery["status"], { tone: Tone; label: string }> = {
  delivered: { tone: "ok", label: "Delivered" },
  failed: { tone: "danger", label: "Failed" },
  pending: { tone: "neutral", label: "Sending" },
  skipped: { tone: "neutral", label: "Skipped" },
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
  const panelId = useId();
  const failed = d.status === "failed";
  const status = STATUS[d.status];
  const facts = [
    d.statusCode !== null ? `HTTP ${d.statusCode}` : null,
    `${d.attempts} attempt${d.attempts === 1 ? "" : "s"}`,
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
            <span className="text-muted">to</span>
            <span className="font-medium">{d.integrationName}</span>
            {d.integrationType ? <span className="text-[12px] text-muted">{d.integrationType}</span> : null}
            <span className="text-[12px] text-muted">{`· Level ${d.level}`}</span>
            {d.isFallback ? <StatusBadge tone="warn">Fallback</StatusBadge> : null}
          </div>
          <div className="mt-0.5 text-[12px] text-muted tabular-nums">
            {facts.join(" · ")}
            {via && via !== d.integrationName ? ` · via “${via}”` : ""}
          </div>
          {d.error ? <p className="mt-1 text-[12px] break-words text-danger">{d.error}</p> : null}
        </div>
        {failed ? (
          <Button
            className="h-6 px-2 text-[12px]"
            disabled={resend.isPending}
            title="Send this message again, as one more attempt with the same idempotency key"
            onClick={() => resend.mutate({ deliveryIds: [d.id] })}
          >
            <RotateCw className={`size-3 ${resend.isPending ? "animate-spin" : ""}`} aria-hidden /> Re-send
          </Button>
        ) : null}
        <StatusBadge tone={status.tone}>{status.label}</StatusBadge>
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
            {d.attemptLog.length > 0
              ? `Attempts (${d.attemptLog.length}) with request and response`
              : "Request and response"}
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
