import type { Client } from "@temporalio/client";
import type { Db } from "~/db/client";

/** What the Slack, phone and PagerDuty callbacks need; the route builds it from the environment. */
export interface InboundActionDeps {
  db: Db;
  temporal: Client;
  /** The server's secret key: opens integration secrets. */
  secretKey: string;
  /** The link-signing key derived from it. */
  linkKey: Uint8Array;
  /** As configured (PUBLIC_URL): Twilio signs the URL it called, which is this plus the path. */
  publicUrl: string;
  /** Hosts outbound requests (Slack's response_url) may reach although private. */
  outboundAllowList: readonly string[];
  fetch: typeof fetch;
  now: () => number;
}
