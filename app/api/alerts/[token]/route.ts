import { getDb } from "~/db/client";
import { env } from "~/server/env";
import { handleAlertRequest } from "~/server/inbound/handle-alert-request";
import { getKeyring } from "~/server/security/keyring";
import { getTemporalClient } from "~/server/temporal-client";
import type { IncidentOpener } from "~/server/inbound/incident-opener";
import { createIncidentOpener } from "~/worker/activities/first-message";
import { createIntegrationSender } from "~/worker/activities/integration-sender";

export const dynamic = "force-dynamic";

const inboundRateLimit =
  env.INBOUND_RATE_LIMIT_PER_SECOND > 0
    ? { burst: env.INBOUND_RATE_LIMIT_BURST, perSecond: env.INBOUND_RATE_LIMIT_PER_SECOND }
    : undefined;

/**
 * A new incident's first messages go out from here, through the worker's sender (same outbound
 * guard, same secret redaction, same integration cache), never waiting for a rate-limit token.
 */
let opener: IncidentOpener | undefined;
const incidentOpener = (): IncidentOpener =>
  (opener ??= createIncidentOpener({
    db: getDb(env.DATABASE_URL),
    send: createIntegrationSender({
      db: getDb(env.DATABASE_URL),
      keyring: getKeyring(),
      allowList: env.OUTBOUND_ALLOW_LIST,
      publicUrl: env.PUBLIC_URL,
      maxRateLimitWaitMs: 0,
    }),
  }));

export async function POST(request: Request, ctx: { params: Promise<{ token: string }> }) {
  const { token } = await ctx.params;
  return handleAlertRequest(
    {
      db: getDb(env.DATABASE_URL),
      temporal: getTemporalClient(env.TEMPORAL_ADDRESS, env.TEMPORAL_NAMESPACE),
      taskQueue: env.TEMPORAL_TASK_QUEUE,
      maxBodyBytes: env.MAX_ALERT_BODY_BYTES,
      now: () => new Date(),
      rateLimit: inboundRateLimit,
      opener: env.FIRST_MESSAGE_AT_INGRESS === "true" ? incidentOpener() : undefined,
    },
    token,
    request,
  );
}
