/**
 * The first messages this process's alert endpoint is sending, by incident (run id): each entry
 * settles once every send of that incident has ended (its answer recorded, or its lease released).
 * With eager workflow start the incident's first workflow task runs in this same process, a few
 * milliseconds after the claim, usually while those sends are still out; the adoption then waits
 * for this instead of reading the delivery rows again every 25 ms until their leases clear.
 */
const sending = new Map<string, Promise<void>>();

/** The part of the alert endpoint's IncidentOpener (server/inbound/incident-opener.ts) followed here. */
interface Opener<Input extends { runId: string }> {
  claim(workflowId: string, input: Input): Promise<{ sendAll(): Promise<void> } | null>;
}

/** How an endpoint's sends are followed: `sendAll` of each claim this opener wins. */
export function trackingSends<Input extends { runId: string }>(opener: Opener<Input>): Opener<Input> {
  return {
    async claim(workflowId, input) {
      const claimed = await opener.claim(workflowId, input);
      if (!claimed) return null;
      return {
        sendAll() {
          const sent = claimed.sendAll();
          const settled = sent.then(
            () => undefined,
            () => undefined,
          );
          sending.set(input.runId, settled);
          void settled.then(() => {
            if (sending.get(input.runId) === settled) sending.delete(input.runId);
          });
          return sent;
        },
      };
    },
  };
}

/**
 * Resolves once the incident's first messages sent from this process have ended, or after
 * `maxWaitMs`, whichever comes first; false at once when none are being sent here (another
 * process sends them, or they ended already).
 */
export async function sendsSettled(runId: string, maxWaitMs: number): Promise<boolean> {
  const settled = sending.get(runId);
  if (!settled) return false;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), maxWaitMs);
  });
  try {
    return await Promise.race([settled.then(() => true), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
