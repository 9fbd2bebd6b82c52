import { eq } from "drizzle-orm";
import { runs } from "~/db/schema";
import { ackLinkKey } from "~/server/ack-links/ack-token";
import { SLACK_RESPONSE_ORIGIN } from "~/server/callbacks/slack-interaction";
import type { InboundActionDeps } from "~/server/callbacks/inbound-deps";
import { TEST_KEYRING, type Harness } from "./harness";

/** The Slack, phone and PagerDuty handlers' dependencies, as the routes build them, over the harness. */
export function testCallbackDeps(h: Harness): InboundActionDeps {
  return {
    db: h.db,
    temporal: h.client,
    keyring: TEST_KEYRING,
    linkKey: ackLinkKey(TEST_KEYRING.current.key),
    // The harness worker signs links under this PUBLIC_URL.
    publicUrl: "http://localhost:3000",
    outboundAllowList: ["127.0.0.1"],
    slackResponseOrigin: SLACK_RESPONSE_ORIGIN,
    fetch,
    now: Date.now,
  };
}

export async function runStatus(h: Harness, runId: string) {
  return (await h.db.select({ status: runs.status }).from(runs).where(eq(runs.id, runId)))[0]?.status;
}
