"use client";

import { useTranslations } from "next-intl";
import type { Tone } from "../../_components/ui/status-badge";
import type { RouterOutputs } from "../../_lib/trpc";
import { useEventText } from "../_lib/describe-event";
import { formatOffset } from "../_lib/format";
import { useRunFormat } from "../_lib/use-run-format";
import { DeliveryCard } from "./delivery-card";

type Entry = RouterOutputs["runs"]["get"]["timeline"][number];

const DOT: Record<Tone, string> = {
  neutral: "bg-muted",
  accent: "bg-accent",
  ok: "bg-ok",
  warn: "bg-warn",
  danger: "bg-danger",
};

interface Props {
  entries: readonly Entry[];
  firstErrorAt: Date;
  nodeLabel: (nodeId: string) => string | undefined;
}

/** Events and deliveries in one vertical line, each stamped with its time and offset. */
export function RunTimeline({ entries, firstErrorAt, nodeLabel }: Props) {
  const t = useTranslations("RunDetail");
  const { describeEvent } = useEventText();
  const format = useRunFormat();
  if (entries.length === 0)
    return <p className="rounded-lg border border-border bg-panel px-4 py-6 text-muted">{t("nothingRecorded")}</p>;
  return (
    <ol className="relative rounded-lg border border-border bg-panel py-2" data-testid="run-timeline">
      {entries.map((entry) => {
        const tone =
          entry.kind === "event" ? describeEvent(entry.event, nodeLabel).tone : deliveryTone(entry.delivery.status);
        return (
          <li
            key={entry.id}
            className="relative grid grid-cols-[88px_20px_minmax(0,1fr)] px-3"
            data-testid={`timeline-${entry.kind}`}
          >
            <div className="py-1.5 text-right" title={format.dateTime(entry.at)}>
              <div className="text-[12px] tabular-nums">{format.time(entry.at)}</div>
              <div className="text-[11px] text-muted tabular-nums">
                {formatOffset(entry.at.getTime() - firstErrorAt.getTime())}
              </div>
            </div>
            <div className="relative flex justify-center" aria-hidden>
              <span className="absolute inset-y-0 w-px bg-border" />
              <span className={`relative mt-2.5 size-2 rounded-full ring-4 ring-panel ${DOT[tone]}`} />
            </div>
            <div className="min-w-0 py-1.5 pl-1">
              {entry.kind === "event" ? (
                <EventLine entry={entry} nodeLabel={nodeLabel} />
              ) : (
                <DeliveryCard delivery={entry.delivery} nodeLabel={nodeLabel} />
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

function EventLine({ entry, nodeLabel }: { entry: Extract<Entry, { kind: "event" }>; nodeLabel: Props["nodeLabel"] }) {
  const { describeEvent } = useEventText();
  const { title, detail } = describeEvent(entry.event, nodeLabel);
  return (
    <div className="leading-5">
      <span className="font-medium">{title}</span>
      {detail ? <span className="ml-2 break-words text-muted">{detail}</span> : null}
    </div>
  );
}

function deliveryTone(status: string): Tone {
  if (status === "failed") return "danger";
  if (status === "delivered") return "ok";
  return "neutral";
}
