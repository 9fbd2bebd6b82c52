import { ACTION_SOURCE_LABEL, type ActionSource } from "~/core/escalation/action-source";
import type { ReadRunEvent } from "~/core/escalation/run-event";
import { MESSAGE_TYPE_LABEL, type MessageType } from "~/core/message-template/message-type";
import type { Tone } from "../../_components/ui/status-badge";

export interface EventDescription {
  title: string;
  detail?: string;
  tone: Tone;
}

const by = ({ by, note, source }: { by: string; note: string; source?: ActionSource }) =>
  [
    by ? `by ${by}` : undefined,
    source ? `via ${ACTION_SOURCE_LABEL[source]}` : undefined,
    note.trim() ? `“${note}”` : undefined,
  ]
    .filter(Boolean)
    .join(" · ") || undefined;

/**
 * One line for each run-event type (core/escalation/run-event.ts); the details were checked
 * when the row was read. An event this version cannot read still shows, by its name.
 */
export function describeEvent(
  event: ReadRunEvent,
  nodeLabel: (nodeId: string) => string | undefined,
): EventDescription {
  const node = (nodeId: string) => nodeLabel(nodeId) ?? nodeId;
  switch (event.type) {
    case "alert.error":
      return {
        title: event.detail.count > 1 ? `Error alert #${event.detail.count} received` : "Error alert received",
        detail: event.detail.summary || undefined,
        tone: "danger",
      };
    case "alert.ok":
      return { title: "Ok alert received", detail: event.detail.summary || undefined, tone: "ok" };
    case "level.fired":
      return {
        title: `Level ${event.level} fired`,
        detail: event.detail.mode === "count" ? "error count reached" : undefined,
        tone: "accent",
      };
    case "reminder.due":
      return { title: `Reminder ${event.detail.reminderNumber} due`, detail: `Level ${event.level}`, tone: "neutral" };
    case "acknowledged":
      return { title: "Acknowledged", detail: by(event.detail), tone: "warn" };
    case "resolve.requested":
      return { title: "Resolve requested", detail: by(event.detail), tone: "neutral" };
    case "cancel.requested":
      return { title: "Cancel requested", detail: by(event.detail), tone: "neutral" };
    case "resolved":
      return { title: "Resolved", detail: event.detail.by === "alert" ? "by the Ok alert" : "by operator", tone: "ok" };
    case "cancelled":
      return { title: "Cancelled", tone: "neutral" };
    case "fallback.used":
      return {
        title: `Fallback to ${node(event.nodeId)}`,
        detail: `after ${node(event.detail.from)} failed`,
        tone: "warn",
      };
    case "delivery.error":
      return { title: `Delivery to ${node(event.nodeId)} failed`, detail: event.detail.message, tone: "danger" };
    case "delivery.resent":
      return {
        title: `Re-sent to ${node(event.nodeId)}: ${event.detail.outcome}`,
        detail: [
          `by ${event.detail.by}`,
          `attempt ${event.detail.attempt}`,
          event.detail.statusCode !== null ? `HTTP ${event.detail.statusCode}` : undefined,
        ]
          .filter(Boolean)
          .join(" · "),
        tone: event.detail.outcome === "failed" ? "danger" : event.detail.outcome === "delivered" ? "ok" : "neutral",
      };
    case "rerun.requested":
      return { title: `Re-run on version ${event.detail.version}`, detail: `by ${event.detail.by}`, tone: "accent" };
    case "rerun.started":
      return { title: "Started as a re-run", detail: `by ${event.detail.by}`, tone: "accent" };
    case "unreadable":
      return { title: event.storedType, tone: "neutral" };
  }
}

/** "Error message", "Reminder #2", "Ok message". */
export function messageTitle(messageType: MessageType, reminderNumber: number): string {
  if (messageType === "reminder") return `Reminder #${reminderNumber}`;
  return `${MESSAGE_TYPE_LABEL[messageType]} message`;
}
