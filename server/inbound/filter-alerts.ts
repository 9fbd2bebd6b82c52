import type { NormalizedAlert } from "~/core/alerts/alert";
import { alertPathText } from "~/core/alerts/alert-path";
import { MAX_MATCH_TEXT, matchesFilters } from "~/core/alerts/filters";
import type { TriggerFilter } from "~/core/flow/document";
import { offLoop } from "../compute/off-loop";

/**
 * Above this many characters of regex matching (filters × the text each one reads) the filters run
 * on a worker thread. Below it, the usual alert, they run here: a thread hop would cost more than
 * the matching. RE2 reads about 30 characters a microsecond, so this is a few milliseconds.
 */
export const INLINE_MATCH_CHARACTERS = 200_000;

function matchingWork(alerts: readonly NormalizedAlert[], filters: readonly TriggerFilter[]): number {
  const regexFields = filters.filter((f) => f.op === "matches").map((f) => f.field.trim());
  let work = 0;
  for (const alert of alerts) {
    for (const field of regexFields) work += Math.min(alertPathText(alert, field)?.length ?? 0, MAX_MATCH_TEXT);
  }
  return work;
}

/**
 * The alerts every trigger filter matches. An Alertmanager body of 1,000 alerts against 50 regex
 * filters is 2 s of matching: on the event loop it would hold up every other request.
 */
export async function filterAlerts(alerts: NormalizedAlert[], filters: TriggerFilter[]): Promise<NormalizedAlert[]> {
  if (matchingWork(alerts, filters) <= INLINE_MATCH_CHARACTERS) return alerts.filter((a) => matchesFilters(a, filters));
  const kept = new Set(await offLoop("filterAlerts", { alerts, filters }));
  return alerts.filter((_, index) => kept.has(index));
}
