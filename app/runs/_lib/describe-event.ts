"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { ActionSource } from "~/core/escalation/action-source";
import type { ReadRunEvent } from "~/core/escalation/run-event";
import type { MessageType } from "~/core/message-template/message-type";
import type { Tone } from "../../_components/ui/status-badge";

export interface EventDescription {
  title: string;
  detail?: string;
  tone: Tone;
}

type Translate = ReturnType<typeof useTranslations<"RunEvents">>;

/** The run page's words for events and messages, in the page's language. */
export function useEventText() {
  const t = useTranslations("RunEvents");
  return useMemo(() => eventTextWith(t), [t]);
}

export function eventTextWith(t: Translate) {
  const by = ({ by, note, source }: { by: string; note: string; source?: ActionSource }) =>
    [
      by ? t("by", { name: by }) : undefined,
      source ? t("via", { source }) : undefined,
      note.trim() ? `“${note}”` : undefined,
    ]
      .filter(Boolean)
      .join(" · ") || undefined;

  /**
   * One line for each run-event type (core/escalation/run-event.ts); the details were checked
   * when the row was read. An event this version cannot read still shows, by its name.
   */
  function describeEvent(event: ReadRunEvent, nodeLabel: (nodeId: string) => string | undefined): EventDescription {
    const node = (nodeId: string) => nodeLabel(nodeId) ?? nodeId;
    switch (event.type) {
      case "alert.error":
        return {
          title: event.detail.count > 1 ? t("alertErrorAgain", { count: event.detail.count }) : t("alertError"),
          detail: event.detail.summary || undefined,
          tone: "danger",
        };
      case "alert.ok":
        return { title: t("alertOk"), detail: event.detail.summary || undefined, tone: "ok" };
      case "level.fired":
        return {
          title: t("levelFired", { level: event.level }),
          detail: event.detail.mode === "count" ? t("countReached") : undefined,
          tone: "accent",
        };
      case "reminder.due":
        return {
          title: t("reminderDue", { number: event.detail.reminderNumber }),
          detail: t("level", { level: event.level }),
          tone: "neutral",
        };
      case "acknowledged":
        return { title: t("acknowledged"), detail: by(event.detail), tone: "warn" };
      case "resolve.requested":
        return { title: t("resolveRequested"), detail: by(event.detail), tone: "neutral" };
      case "cancel.requested":
        return { title: t("cancelRequested"), detail: by(event.detail), tone: "neutral" };
      case "resolved":
        return {
          title: t("resolved"),
          detail: event.detail.by === "alert" ? t("byOkAlert") : t("byOperator"),
          tone: "ok",
        };
      case "cancelled":
        return { title: t("cancelled"), tone: "neutral" };
      case "fallback.used":
        return {
          title: t("fallback", { node: node(event.nodeId) }),
          detail: t("fallbackAfter", { node: node(event.detail.from) }),
          tone: "warn",
        };
      case "delivery.error":
        return {
          title: t("deliveryFailed", { node: node(event.nodeId) }),
          detail: event.detail.message,
          tone: "danger",
        };
      case "delivery.resent":
        return {
          title: t("resent", { node: node(event.nodeId), outcome: event.detail.outcome }),
          detail: [
            t("by", { name: event.detail.by }),
            t("attempt", { number: event.detail.attempt }),
            event.detail.statusCode !== null ? `HTTP ${event.detail.statusCode}` : undefined,
          ]
            .filter(Boolean)
            .join(" · "),
          tone: event.detail.outcome === "failed" ? "danger" : event.detail.outcome === "delivered" ? "ok" : "neutral",
        };
      case "rerun.requested":
        return {
          title: t("rerunRequested", { version: event.detail.version }),
          detail: t("by", { name: event.detail.by }),
          tone: "accent",
        };
      case "rerun.started":
        return { title: t("rerunStarted"), detail: t("by", { name: event.detail.by }), tone: "accent" };
      case "unreadable":
        return { title: event.storedType, tone: "neutral" };
    }
  }

  /** "Error message", "Reminder #2", "Ok message". */
  const messageTitle = (messageType: MessageType, reminderNumber: number): string =>
    messageType === "reminder" ? t("reminder", { number: reminderNumber }) : t(`message.${messageType}`);

  return { describeEvent, messageTitle };
}
