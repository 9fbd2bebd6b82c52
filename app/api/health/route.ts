import { getDb } from "~/db/client";
import { env } from "~/server/env";
import { healthResponse } from "~/server/http/health";
import { getTemporalClient } from "~/server/temporal-client";

export const dynamic = "force-dynamic";

export function GET() {
  return healthResponse({
    db: getDb(env.DATABASE_URL),
    temporal: getTemporalClient(env.TEMPORAL_ADDRESS, env.TEMPORAL_NAMESPACE),
  });
}
