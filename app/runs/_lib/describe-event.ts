import type { Tone } from "../../_components/ui/status-badge";

export interface EventLike {
  type: string;
  level: number | null;
  nodeId: string | null;
  detail: Record<string, unknown>;
}

export interface EventDescription {
  title: string;
  detail?: string;
  tone: Tone;
}

const text = (value: unknown): string | undefined => (typeof value === "string" && value.trim() ? value : undefined);
const num = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) ? value : undefined;

const by = (detail: Record<string, unknown>) => {
  const who = text(detail.by);
  const note = text(detail.note);
  return [who ? `by ${who}` : undefined, note ? `“${note}”` : undefined].filter(Boolean).join(" · ") || undefined;
};

/**
 * One line for each run_events type the escalation workflow writes. Details come from jsonb,
 * so every field is checked before use; an unknown type still shows, by its name.
 */
export function describeEvent(event: EventLike, nodeLabel: (nodeId: string) => string | undefined): EventDescription {
  const { detail, level } = event;
  const node = event.nodeId ? (nodeLabel(event.nodeId) ?? event.nodeId) : undefined;
  switch (event.type) {
    case "alert.error": {
      const count = num(detail.count);
      return {
        title: count && count > 1 ? `Error alert #${count} received` : "Error alert received",
        detail: text(detail.summary),
        tone: "danger",
      };
    }
    case "alert.ok":
      return { title: "Ok alert received", detail: text(detail.summary), tone: "ok" };
    case "level.fired":
      return {
        title: `Level ${level ?? "?"} fired`,
        detail: text(detail.mode) === "count" ? "error count reached" : undefined,
        tone: "accent",
      };
    case "reminder.due": {
      const n = num(detail.reminderNumber);
      return {
        title: n ? `Reminder ${n} due` : "Reminder due",
        detail: level ? `Level ${level}` : undefined,
        tone: "neutral",
      };
    }
    case "acknowledged":
      return { title: "Acknowledged", detail: by(detail), tone: "warn" };
    case "resolve.requested":
      return { title: "Resolve requested", detail: by(detail), tone: "neutral" };
    case "cancel.requested":
      return { title: "Cancel requested", detail: by(detail), tone: "neutral" };
    case "resolved":
      return { title: "Resolved", detail: text(detail.by) === "alert" ? "by the Ok alert" : by(detail), tone: "ok" };
    case "cancelled":
      return { title: "Cancelled", tone: "neutral" };
    case "fallback.used": {
      const from = text(detail.from);
      return {
        title: `Fallback to ${node ?? "integration"}`,
        detail: from ? `after ${nodeLabel(from) ?? from} failed` : undefined,
        tone: "warn",
      };
    }
    case "delivery.error":
      return { title: `Delivery to ${node ?? "integration"} failed`, detail: text(detail.message), tone: "danger" };
    default:
      return { title: event.type, detail: node, tone: "neutral" };
  }
}

const MESSAGE = { error: "Error", reminder: "Reminder", ok: "Ok" } as const;

/** "Error message", "Reminder #2", "Ok message". */
export function messageTitle(messageType: string, reminderNumber: number): string {
  if (messageType === "reminder") return `Reminder #${reminderNumber}`;
  const known = messageType === "error" || messageType === "ok" ? MESSAGE[messageType] : messageType;
  return `${known} message`;
}
