import { eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { integrations, workspaces, type Integration } from "~/db/schema";
import { validTimeZone } from "~/core/i18n/locales";
import { DomainError } from "~/core/domain-error";
import { markIngress } from "~/server/inbound/ingress-timing";
import { openRowSecrets } from "~/server/integrations/integration-rows";
import { customizationsSchema } from "~/core/integrations/customizations-schema";
import { integrationTypeSchema } from "~/core/integrations/integration-types";
import type { IntegrationRecord } from "~/core/integrations/integration-record";
import { rateLimitBucket } from "~/server/delivery/rate-limit";
import { sendIntegrationMessage } from "~/server/delivery/send-message";
import { inboxStore } from "~/server/inbox/inbox-store";
import { workspaceAllowList } from "~/server/workspace/workspace-allow-list";
import { ackLinkKey } from "~/server/ack-links/ack-token";
import { ackLinksFor } from "~/server/ack-links/ack-links";
import type { MessageSender, SendOutcome } from "./deliver";
import type { DeliverInput } from "./types";
import { createRateLimiter, type OutboundBucket, type RateDecision, type RateLimiter } from "./rate-limiter";
import type { Keyring } from "~/server/security/secret-keyring";

/** Waits shorter than this happen inside the activity; longer ones go back to Temporal's retry. */
const MAX_INLINE_WAIT_MS = 5_000;
const MAX_TOTAL_WAIT_MS = 20_000;

async function takeToken(
  limiter: RateLimiter,
  key: string,
  perMinute: number,
  maxTotalWaitMs = MAX_TOTAL_WAIT_MS,
): Promise<number | null> {
  let waited = 0;
  for (;;) {
    const decision = await limiter(key, perMinute);
    if (decision.granted) return null;
    if (decision.waitMs > MAX_INLINE_WAIT_MS || waited + decision.waitMs > maxTotalWaitMs) return decision.waitMs;
    await new Promise((r) => setTimeout(r, decision.waitMs));
    waited += decision.waitMs;
  }
}

export interface SenderDeps {
  db: Db;
  keyring: Keyring;
  /** OUTBOUND_ALLOW_LIST; each send adds the integration's workspace list, read at that moment. */
  allowList: string[];
  publicUrl: string;
  timeoutMs?: number;
  /** Defaults to the shared Postgres token bucket. */
  rateLimiter?: RateLimiter;
  /**
   * How long a send may wait for a rate-limit token before answering "retry later". The alert
   * endpoint waits none: it sends under a lease, which must not run out while it waits.
   */
  maxRateLimitWaitMs?: number;
}

/** Loads the integration, opens its secrets and sends one message through its definition. */
/** Integration rows are read on every message; a short cache spares a query and a decryption. */
const CACHE_MS = 2000;

/** The rest of a send, once the integration was read: the rate-limit token and the request. */
export interface PreparedSend {
  /**
   * The rate-limit bucket the message takes its token from, for a caller that takes it in a
   * statement of its own; absent when the message needs none (refused before: the integration
   * gone, disabled or unreadable) or the sender's own limiter must take it.
   */
  bucket?: OutboundBucket;
  /** Takes the token (unless `token` says how the caller took it from `bucket`), then sends. */
  send(idempotencyKey: string, token?: RateDecision): Promise<SendOutcome>;
}

/**
 * A sender whose reads can go first: the alert endpoint reads a first message's integration (and
 * the allow list) while it builds its claim, takes the rate-limit token in the claim's own
 * statement (so a lost claim takes none), and sends only after the commit. Calling it as a
 * MessageSender does it all at once.
 */
export type PreparingSender = MessageSender & { prepare(input: DeliverInput): Promise<PreparedSend> };

export function createIntegrationSender(deps: SenderDeps): PreparingSender {
  const limiter = deps.rateLimiter ?? createRateLimiter(deps.db);
  const linkKey = ackLinkKey(deps.keyring.current.key);
  const cache = new Map<
    string,
    { at: number; row: Integration | undefined; timeZone: string; secrets: Record<string, string> }
  >();
  const load = async (id: string) => {
    const hit = cache.get(id);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit;
    // The workspace's zone comes in the same query: local times in messages are shown in it.
    const [found] = await deps.db
      .select({ row: integrations, timeZone: workspaces.timeZone })
      .from(integrations)
      .innerJoin(workspaces, eq(workspaces.id, integrations.workspaceId))
      .where(eq(integrations.id, id));
    const row = found?.row;
    const timeZone = validTimeZone(found?.timeZone) ?? "UTC";
    // Throws SECRETS_UNREADABLE before caching: a fixed key configuration takes effect on the next try.
    const entry = { at: Date.now(), row, timeZone, secrets: row ? openRowSecrets(row, deps.keyring) : {} };
    if (cache.size > 1000) cache.clear();
    cache.set(id, entry);
    return entry;
  };
  const refused = (outcome: SendOutcome): PreparedSend => ({ send: async () => outcome });
  /** `early`: the reads now, the token and the request when the returned send is called. */
  const ready = async (input: DeliverInput, early: boolean): Promise<PreparedSend> => {
    let loaded: Awaited<ReturnType<typeof load>>;
    try {
      loaded = await load(input.target.integrationId);
      markIngress("integration");
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== "SECRETS_UNREADABLE") throw error;
      // Retried with backoff, not failed: the message goes out once the right key is configured.
      return refused({
        ok: false,
        retryable: true,
        latencyMs: 0,
        error: `SECRETS_UNREADABLE: ${error.message}`,
        reason: error.why,
      });
    }
    const { row, timeZone, secrets } = loaded;
    if (!row) {
      return refused({
        ok: false,
        retryable: false,
        latencyMs: 0,
        error: `Integration ${input.target.integrationId} no longer exists`,
        reason: { reason: "integrationGone", values: { integration: input.target.integrationId } },
      });
    }
    if (!row.enabled) {
      return refused({
        ok: false,
        skipped: true,
        retryable: false,
        latencyMs: 0,
        error: `Integration "${row.name}" is disabled`,
        reason: { reason: "integrationDisabled", values: { integration: row.name } },
      });
    }
    const record: IntegrationRecord = {
      id: row.id,
      type: integrationTypeSchema.parse(row.type),
      name: row.name,
      variables: row.variables,
      secrets,
      customizations: customizationsSchema.parse(row.customizations),
    };
    const bucket = rateLimitBucket(record, input.target.variables);
    const ready = { row, record, timeZone };
    const allowList = workspaceAllowList(deps.db, row.workspaceId, deps.allowList);
    if (early) {
      // Read while the endpoint's claim commits; awaited only by a send (a lost claim sends none).
      allowList.catch(() => undefined);
      return {
        // A limiter of the caller's own (tests) must see every take.
        bucket: deps.rateLimiter ? undefined : bucket,
        send: async (idempotencyKey, token) => {
          const list = await allowList;
          markIngress("allowList");
          let denied: SendOutcome | null;
          if (token) denied = token.granted ? null : rateLimited(row, bucket, token.waitMs);
          else denied = await takeOutboundToken(row, bucket);
          return denied ?? request(input, idempotencyKey, { ...ready, allowList: list });
        },
      };
    }
    // Two round trips to Postgres at once: a new incident's first page waits for both.
    const [denied, list] = await Promise.all([takeOutboundToken(row, bucket), allowList]);
    return { send: async (idempotencyKey) => denied ?? request(input, idempotencyKey, { ...ready, allowList: list }) };
  };
  /** A rate-limit token for this message, or the answer that says when to try again. */
  const takeOutboundToken = async (
    row: Integration,
    bucket: ReturnType<typeof rateLimitBucket>,
  ): Promise<SendOutcome | null> => {
    const waitMs = await takeToken(limiter, bucket.key, bucket.eventsPerMinute, deps.maxRateLimitWaitMs);
    markIngress("outboundToken");
    return waitMs === null ? null : rateLimited(row, bucket, waitMs);
  };
  /** The answer that says when to try again. */
  const rateLimited = (row: Integration, bucket: OutboundBucket, waitMs: number): SendOutcome => ({
    ok: false,
    retryable: true,
    retryAfterMs: waitMs,
    latencyMs: 0,
    error: `Rate limited by Alertflow: ${row.name} allows ${bucket.eventsPerMinute} messages a minute`,
    reason: {
      reason: "rateLimitedByAlertflow",
      values: { integration: row.name, perMinute: bucket.eventsPerMinute },
    },
  });
  const request = async (
    input: DeliverInput,
    idempotencyKey: string,
    {
      row,
      record,
      timeZone,
      allowList,
    }: { row: Integration; record: IntegrationRecord; timeZone: string; allowList: string[] },
  ): Promise<SendOutcome> => {
    const result = await sendIntegrationMessage(
      record,
      {
        alert: input.alert,
        messageType: input.messageType,
        incident: {
          id: input.runId,
          key: input.incidentKey,
          firstErrorAt: input.firstErrorAt,
          resolvedAt: input.resolvedAt ?? null,
        },
        level: { id: input.level, message: input.levelMessage },
        flow: { id: input.flowId, name: input.flowName },
        account: { id: row.workspaceId, timeZone },
        reminderNumber: input.reminderNumber,
        // Per-level values from the flow's integration node win over the integration's own.
        variables: input.target.variables,
        links: ackLinksFor({
          publicUrl: deps.publicUrl,
          key: linkKey,
          runId: input.runId,
          workspaceId: input.workspaceId,
          integrationId: row.id,
          nowMs: Date.now(),
        }),
      },
      {
        timeoutMs: deps.timeoutMs ?? 10_000,
        idempotencyKey,
        outbound: { allowList },
        inbox: inboxStore(deps.db, {
          workspaceId: row.workspaceId,
          integrationId: row.id,
          runId: input.runId,
          flowName: input.flowName,
        }),
      },
    );
    return {
      ok: result.ok && !result.skipped,
      skipped: result.skipped,
      retryable: result.retryable,
      retryAfterMs: result.retryAfterMs,
      status: result.status,
      request: result.request ? { ...result.request, steps: result.steps.map((s) => s.name) } : undefined,
      response: result.response ? { ...result.response } : undefined,
      latencyMs: result.latencyMs,
      error: result.error ? `${result.error.code}: ${result.error.message}` : result.skipReason,
      // Alertflow's own words about the exchange; a receiver's answer (HTTP_ERROR…) stays as it came.
      reason: result.error?.code === "TIMEOUT" ? { reason: "receiverTimeout", values: {} } : result.error?.reason,
    };
  };
  const send: MessageSender = async (input, idempotencyKey) => (await ready(input, false)).send(idempotencyKey);
  return Object.assign(send, { prepare: (input: DeliverInput) => ready(input, true) });
}
