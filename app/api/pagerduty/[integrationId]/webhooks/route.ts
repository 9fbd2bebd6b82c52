import { callbackDeps } from "~/server/callbacks/callback-deps";
import { handlePagerDutyWebhook } from "~/server/callbacks/pagerduty-webhook";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ integrationId: string }> };

/** PagerDuty v3 webhook subscription: incident.acknowledged / incident.resolved. */
export async function POST(request: Request, ctx: Params) {
  const { integrationId } = await ctx.params;
  return handlePagerDutyWebhook(await callbackDeps(), integrationId, request);
}
