import { getDb } from "~/db/client";
import { env } from "~/server/env";
import { handleAlertRequest } from "~/server/inbound/handle-alert-request";
import { getTemporalClient } from "~/server/temporal-client";

export const dynamic = "force-dynamic";

const inboundRateLimit =
  env.INBOUND_RATE_LIMIT_PER_SECOND > 0
    ? { burst: env.INBOUND_RATE_LIMIT_BURST, perSecond: env.INBOUND_RATE_LIMIT_PER_SECOND }
    : undefined;

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
    },
    token,
    request,
  );
}
