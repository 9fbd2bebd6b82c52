import "server-only";
import { createContext } from "~/server/context";
import { env } from "~/server/env";
import { ackLinkKey } from "~/server/ack-links/ack-token";
import { SLACK_RESPONSE_ORIGIN } from "~/server/callbacks/slack-interaction";
import type { InboundActionDeps } from "./inbound-deps";

/**
 * What the Slack, phone and PagerDuty routes pass to their handlers. The keys come from the
 * request context, so they are the ones that sealed the integration secrets and signed the links.
 */
export async function callbackDeps(): Promise<InboundActionDeps> {
  // Callbacks authenticate by their own signatures, never by a session: an anonymous context.
  const ctx = await createContext({ headers: new Headers() });
  return {
    db: ctx.db,
    temporal: ctx.temporal,
    keyring: ctx.keyring,
    linkKey: ackLinkKey(ctx.keyring.current.key),
    publicUrl: env.PUBLIC_URL,
    outboundAllowList: ctx.outboundAllowList,
    slackResponseOrigin: SLACK_RESPONSE_ORIGIN,
    fetch,
    now: Date.now,
  };
}
