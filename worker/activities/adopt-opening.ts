import type { ActivityDeps } from "./create-activities";
import { awaitLease, DELIVERY_STATE_COLUMNS, readDeliveryState } from "./deliver";
import { idempotencyKeyFor } from "./delivery-key";
import { takeInboxEvents } from "./incident-inbox";
import { preparedStatement, runPrepared } from "./prepared-statement";
import { RUN_RECORD_CTES, RUN_RECORD_PARAMS, runRecordValues, writeRunRecord } from "./run-records";
import { sendsSettled } from "./sends-in-flight";
import type { AdoptOpeningInput, AdoptOpeningResult, DeliverResult } from "./types";

/**
 * How long the adoption waits for the endpoint to record the answer to a first message it is
 * still sending (as the local first attempt did): it holds the workflow task meanwhile, and a
 * message still leased after it goes on as the workflow's own delivery, which waits the rest.
 */
export const ADOPT_LEASE_WAIT_MS = 500;

/**
 * The run record (row, inbox, first events) and the read of the first messages' rows in one
 * statement. The parameter after RUN_RECORD_CTES's: the messages' idempotency keys.
 */
const RECORD_AND_READ_LEASES = preparedStatement(
  "adopt_opening",
  `${RUN_RECORD_CTES}
  select ${DELIVERY_STATE_COLUMNS} from deliveries where idempotency_key = any($${RUN_RECORD_PARAMS + 1}::text[])`,
);

/** The first messages' rows again, once this process's endpoint has sent them. $1: their idempotency keys. */
const READ_LEASES = preparedStatement(
  "adopt_opening_reread",
  `select ${DELIVERY_STATE_COLUMNS} from deliveries where idempotency_key = any($1::text[])`,
);

const leased = (row: { status: string; leasedUntil: Date | null }, at: Date) =>
  row.status === "pending" && row.leasedUntil !== null && row.leasedUntil > at;

/**
 * Takes over an incident the alert endpoint opened, in one local activity and two statements:
 * the run row (its Temporal run id), the first timeline events and the read of the first messages'
 * rows, then one drain of the inbox. No transaction binds them: each part is idempotent, so a
 * retry writes nothing twice and reads the inbox again (the workflow applies each seq once).
 */
export function createAdoptOpening({ db, now }: Pick<ActivityDeps, "db" | "now">) {
  return async function adoptOpening(input: AdoptOpeningInput): Promise<AdoptOpeningResult> {
    const keys = input.messages.map(idempotencyKeyFor);
    const { runRecord } = input;
    // A status change goes through its checked writer (the adoption's record carries none).
    if (runRecord?.status) await writeRunRecord(db, runRecord);
    const record = runRecord?.status ? undefined : runRecord;
    const runId = runRecord?.runId ?? input.take.inboxId;
    const found = await runPrepared(db, RECORD_AND_READ_LEASES, [...runRecordValues(runId, record), keys]);
    let rows = found.map(readDeliveryState);
    const taken = await takeInboxEvents(db, input.take);
    const giveUpAt = now().getTime() + ADOPT_LEASE_WAIT_MS;
    // Sent from this process (eager start): waited for in memory, then read once.
    if (
      rows.some((r) => leased(r, now())) &&
      (await sendsSettled(input.take.inboxId, Math.max(0, giveUpAt - now().getTime())))
    ) {
      rows = (await runPrepared(db, READ_LEASES, [keys])).map(readDeliveryState);
    }
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
