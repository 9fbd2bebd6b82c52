"use client";

import { Clock } from "lucide-react";
import { useTranslations } from "next-intl";
import type { RouterOutputs } from "../../_lib/trpc";
import { useNextStepText } from "../_lib/next-step-text";
import { useNow } from "../_lib/use-now";

type Next = RouterOutputs["runs"]["get"]["next"];

/** "What happens next": the engine's own schedule for this run, counting down each second. */
export function NextStepsPanel({ next, status }: { next: Next; status: string }) {
  const now = useNow(1_000);
  const t = useTranslations("RunNextSteps");
  const { countdown, describeNextStep, waiting: waitingText } = useNextStepText();
  const steps = next?.steps ?? [];
  const waiting = next?.waiting ?? [];
  return (
    <section
      className="rounded-lg border border-border bg-panel"
      aria-labelledby="next-heading"
      data-testid="next-steps"
    >
      <h2
        id="next-heading"
        className="flex items-center gap-1.5 border-b border-border px-4 py-2 text-[13px] font-semibold"
      >
        <Clock className="size-3.5 text-muted" aria-hidden /> {t("title")}
      </h2>
      {steps.length === 0 && waiting.length === 0 ? (
        <p className="px-4 py-3 text-muted">
          {status === "escalating"
            ? t("nothingEscalating")
            : status === "acknowledged"
              ? t("nothingAcknowledged")
              : t("nothingEnded")}
        </p>
      ) : (
        <ol className="divide-y divide-border">
          {steps.map((step, i) => (
            <li
              key={`${step.nodeId}:${step.messageType}:${step.reminderNumber}`}
              className={`flex items-center justify-between gap-3 px-4 py-2 ${i === 0 ? "" : "text-muted"}`}
              data-testid="next-step"
            >
              <span className={i === 0 ? "font-medium" : ""}>{describeNextStep(step)}</span>
              <span className="shrink-0 font-mono text-[12px] tabular-nums" data-testid="countdown">
                {countdown(step.at, now)}
              </span>
            </li>
          ))}
          {waiting.map((w) => (
            <li key={w.nodeId} className="px-4 py-2 text-muted">
              {waitingText(w)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
