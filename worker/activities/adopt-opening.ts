import { inArray } from "drizzle-orm";
import { deliveries } from "~/db/schema";
import type { ActivityDeps } from "./create-activities";
import { awaitLease, idempotencyKeyFor } from "./deliver";
import { takeInboxEventsIn } from "./incident-inbox";
import { writeRunRecordIn } from "./run-records";
import type { AdoptOpeningInput, AdoptOpeningResult, DeliverResult } from "./types";

/**
 * How long the adoption waits for the endpoint to record the answer to a first message it is
 * still sending (as the local first attempt did): it holds the workflow task meanwhile, and a
 * message still leased after it goes on as the workflow's own delivery, which waits the rest.
 */
export const ADOPT_LEASE_WAIT_MS = 500;

/**
 * What the adoption reads of the first messages' rows: how each ended and whether its lease
 * holds, not the recorded request and response (read and checked column by column otherwise).
 */
const leaseColumns = {
  id: deliveries.id,
  idempotencyKey: deliveries.idempotencyKey,
  status: deliveries.status,
  attempts: deliveries.attempts,
  statusCode: deliveries.statusCode,
  leasedUntil: deliveries.leasedUntil,
};

/**
 * Takes over an incident the alert endpoint opened, in one transaction and one local activity
 * instead of two: the run row (its Temporal run id) and the first timeline events, one drain of
 * the inbox, and the rows of the first messages. Idempotent like its parts: a retry writes
 * nothing twice and reads the inbox again (the workflow applies each seq once).
 */
export function createAdoptOpening({ db, now }: Pick<ActivityDeps, "db" | "now">) {
  return async function adoptOpening(input: AdoptOpeningInput): Promise<AdoptOpeningResult> {
    const keys = input.messages.map(idempotencyKeyFor);
    const { taken, rows } = await db.transaction(async (tx) => {
      if (input.runRecord) await writeRunRecordIn(tx, input.runRecord);
      const taken = await takeInboxEventsIn(tx, input.take);
      const rows =
        keys.length === 0
          ? []
          : await tx.select(leaseColumns).from(deliveries).where(inArray(deliveries.idempotencyKey, keys));
      return { taken, rows };
    });
    const giveUpAt = now().getTime() + ADOPT_LEASE_WAIT_MS;
    const messages: (DeliverResult | null)[] = [];
    for (const key of keys) {
      const found = rows.find((r) => r.idempotencyKey === key);
      // No row: the endpoint did not decide this message (the workflow sends it as usual).
      if (!found) {
        messages.push(null);
        continue;
      }
      // The endpoint may be sending it right now: never both at once.
      const { row } = await awaitLease(db, found, now, Math.max(0, giveUpAt - now().getTime()));
      messages.push(
        row.status === "pending"
          ? null
          : {
              outcome: row.status,
              deliveryId: row.id,
              attempts: row.attempts,
              statusCode: row.statusCode ?? undefined,
            },
      );
    }
    return { taken, messages };
  };
}
