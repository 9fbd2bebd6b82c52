import type { Client } from "@temporalio/client";
import type { Db } from "~/db/client";
import type { Keyring } from "~/server/security/secret-keyring";

/** What the Slack, phone and PagerDuty callbacks need; the route builds it from the environment. */
export interface InboundActionDeps {
  db: Db;
  temporal: Client;
  /** The server's keyring: opens integration secrets. */
  keyring: Keyring;
  /** The link-signing key derived from it. */
  linkKey: Uint8Array;
  /** As configured (PUBLIC_URL): Twilio signs the URL it called, which is this plus the path. */
  publicUrl: string;
  /** Hosts outbound requests (Slack's response_url) may reach although private. */
  outboundAllowList: readonly string[];
  /**
   * Where Slack's response_urls live (https://hooks.slack.com). A click that cannot be verified
   * during a database outage is told to try again only at a response_url there.
   */
  slackResponseOrigin: string;
  fetch: typeof fetch;
  now: () => number;
}
