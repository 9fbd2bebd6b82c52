import type { WorkflowHandle } from "@temporalio/client";

type HistoryEvent = NonNullable<Awaited<ReturnType<WorkflowHandle["fetchHistory"]>>["events"]>[number];
type Payload = NonNullable<NonNullable<HistoryEvent["markerRecordedEventAttributes"]>["details"]>[string];

export interface InboxDrains {
  /**
   * Drains (takeInboxEvents local activities recorded in the history, and the opening's adoption,
   * which drains once), empty ones included.
   */
  drains: number;
  /** Events those drains read, in the order read (seq numbers; a re-read batch appears twice). */
  seqs: number[];
  /** The seqs read by each drain that found any. */
  batches: number[][];
  /** inboxPoke signals. */
  pokes: number;
}

const text = (payloads: Payload | undefined) => {
  const data = payloads?.payloads?.[0]?.data;
  return data ? Buffer.from(data).toString("utf8") : "";
};

/**
 * What an incident's Temporal history says of its inbox: each drain is a local-activity marker
 * whose recorded result lists the events it read; each poke is a signal.
 */
export function inboxDrainsIn(events: readonly HistoryEvent[]): InboxDrains {
  const found: InboxDrains = { drains: 0, seqs: [], batches: [], pokes: 0 };
  for (const event of events) {
    if (event.workflowExecutionSignaledEventAttributes?.signalName === "inboxPoke") found.pokes++;
    const details = event.markerRecordedEventAttributes?.details;
    if (!details) continue;
    const data = text(details.data);
    const adoption = data.includes('"activity_type":"adoptOpening"');
    if (!adoption && !data.includes('"activity_type":"takeInboxEvents"')) continue;
    const result = text(details.result);
    if (!result) continue;
    const whole: unknown = JSON.parse(result);
    const parsed: unknown =
      adoption && typeof whole === "object" && whole !== null && "taken" in whole ? whole.taken : whole;
    const seqs =
      typeof parsed === "object" && parsed !== null && "events" in parsed && Array.isArray(parsed.events)
        ? parsed.events.map((e: unknown) => (typeof e === "object" && e !== null && "seq" in e ? Number(e.seq) : NaN))
        : [];
    found.drains++;
    found.seqs.push(...seqs);
    if (seqs.length > 0) found.batches.push(seqs);
  }
  return found;
}
