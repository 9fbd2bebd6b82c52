import { and, eq, exists, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { deliveries, integrations, runs } from "~/db/schema";
import { DomainError } from "~/core/domain-error";
import { isConnectionError } from "~/db/connection-retry";
import { DATABASE_RETRY_AFTER_SECONDS } from "~/server/http/database-unavailable";
import { OPEN_RUN_STATUSES } from "~/core/escalation/run-status";
import { readLimitedBody } from "~/server/http/read-limited-body";
import { openIntegrationSecrets } from "~/server/integrations/integration-secrets";
import { actOnRun } from "~/server/runs/act-on-run";
import type { InboundActionDeps } from "./inbound-deps";
import { verifyPagerDutySignature } from "./pagerduty-signature";
import { onFirstSighting, REPLAYED } from "./replay-guard";

const MAX_BODY_BYTES = 512 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Alertflow sends `dedup_key` = the alert key cut to PagerDuty's 255 characters. */
const DEDUP_KEY_LIMIT = 255;

const actionFor = (eventType: string) =>
  eventType === "incident.acknowledged" ? "acknowledge" : eventType === "incident.resolved" ? "resolve" : undefined;

const webhookSchema = z.object({
  event: z.object({
    id: z.string().min(1).max(200),
    event_type: z.string(),
    occurred_at: z.string().optional(),
    agent: z.object({ summary: z.string().max(200).optional() }).nullish(),
    data: z.object({ incident_key: z.string().nullish() }).passthrough(),
  }),
});

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/**
 * `POST /api/pagerduty/<integrationId>/webhooks`: PagerDuty v3 webhooks. An incident
 * acknowledged or resolved in PagerDuty acknowledges or resolves the open Alertflow incidents
 * whose alert key is its incident key and that paged through this integration.
 */
export async function handlePagerDutyWebhook(
  deps: InboundActionDeps,
  integrationId: string,
  request: Request,
): Promise<Response> {
  try {
    return await answerWebhook(deps, integrationId, request);
  } catch (error) {
    // PagerDuty sends a webhook again after a 5xx or a timeout: a 503 with Retry-After instead of
    // an error page, and since the event's sighting only commits with its work, the retry is
    // carried out rather than refused as a replay. The driver's text stays on the server.
    if (!isConnectionError(error)) throw error;
    console.warn("pagerduty webhook: database unavailable, answered 503");
    return new Response(JSON.stringify({ error: "database_unavailable" }), {
      status: 503,
      headers: { "content-type": "application/json", "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) },
    });
  }
}

async function answerWebhook(deps: InboundActionDeps, integrationId: string, request: Request): Promise<Response> {
  if (!UUID.test(integrationId)) return json(404, { error: "unknown_integration" });
  const body = await readLimitedBody(request, MAX_BODY_BYTES);
  if (body.kind === "too_large") return json(413, { error: "body_too_large" });
  const rawBody = body.bytes.toString("utf8");
  const row = await deps.db.query.integrations.findFirst({
    where: and(eq(integrations.id, integrationId), eq(integrations.type, "pagerduty")),
  });
  if (!row) return json(404, { error: "unknown_integration" });
  const secret = openIntegrationSecrets(row.id, row.secretsCiphertext, deps.keyring).WebhookSecret;
  if (!secret) return json(401, { error: "no_webhook_secret" });
  const verified = verifyPagerDutySignature({ secret, rawBody, header: request.headers.get("x-pagerduty-signature") });
  if (!verified.ok) return json(401, { error: verified.reason });

  let parsed: z.infer<typeof webhookSchema>;
  try {
    const result = webhookSchema.safeParse(JSON.parse(rawBody));
    if (!result.success) return json(400, { error: `event: ${result.error.issues[0]?.message ?? "invalid"}` });
    parsed = result.data;
  } catch {
    return json(400, { error: "body: not JSON" });
  }
  const { event } = parsed;
  const acted = await onFirstSighting(
    deps.db,
    { workspaceId: row.workspaceId, source: "pagerduty", id: event.id },
    () => actOnEvent(deps, row.id, row.workspaceId, event),
  );
  if (acted === REPLAYED) return json(401, { error: "replayed" });
  return json(200, acted);
}

/** Acknowledges or resolves the open incidents `event` names; what it did, or why it ignored it. */
async function actOnEvent(
  deps: InboundActionDeps,
  integrationId: string,
  workspaceId: string,
  event: z.infer<typeof webhookSchema>["event"],
): Promise<{ acted: string[] } | { ignored: string }> {
  const action = actionFor(event.event_type);
  const key = event.data.incident_key;
  if (!action || !key) return { ignored: event.event_type };

  const open = await deps.db
    .select({ id: runs.id })
    .from(runs)
    .where(
      and(
        eq(runs.workspaceId, workspaceId),
        inArray(runs.status, [...OPEN_RUN_STATUSES]),
        sql`left(${runs.alertKey}, ${DEDUP_KEY_LIMIT}) = ${key}`,
        exists(
          deps.db
            .select({ one: sql`1` })
            .from(deliveries)
            .where(and(eq(deliveries.runId, runs.id), eq(deliveries.integrationId, integrationId))),
        ),
      ),
    );
  const by = event.agent?.summary || "PagerDuty";
  const acted: string[] = [];
  for (const run of open) {
    try {
      await actOnRun({ db: deps.db, temporal: deps.temporal, workspaceId }, run.id, action, {
        by,
        source: "pagerduty",
      });
      acted.push(run.id);
    } catch (err) {
      // Ended meanwhile (or the workflow id already carries the next incident): nothing to stop.
      if (!(err instanceof DomainError)) throw err;
    }
  }
  return { acted };
}
