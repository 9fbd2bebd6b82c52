import { getDb } from "~/db/client";
import { env } from "~/server/env";
import { getKeyring } from "~/server/security/keyring";
import { getTemporalClient } from "~/server/temporal-client";
import { createIncidentOpener } from "~/worker/activities/first-message";
import { createIntegrationSender } from "~/worker/activities/integration-sender";
import type { InboundDeps } from "~/server/inbound/handle-alert-request";
import type { IncidentOpener } from "~/server/inbound/incident-opener";

const inboundRateLimit = () =>
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

let deps: InboundDeps | undefined;

/**
 * What `POST /api/alerts/<token>` runs with, from the environment, made once per process: the
 * Next.js route (`npm run dev`) and the production front server (scripts/launcher/front-server.ts)
 * both answer with these.
 */
export function alertEndpointDeps(): InboundDeps {
  return (deps ??= {
    db: getDb(env.DATABASE_URL),
    temporal: getTemporalClient(env.TEMPORAL_ADDRESS, env.TEMPORAL_NAMESPACE),
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    maxBodyBytes: env.MAX_ALERT_BODY_BYTES,
    now: () => new Date(),
    rateLimit: inboundRateLimit(),
    opener: env.FIRST_MESSAGE_AT_INGRESS === "true" ? incidentOpener() : undefined,
  });
}
