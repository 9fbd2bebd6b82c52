import { callbackDeps } from "~/server/callbacks/callback-deps";
import { handleSlackInteraction } from "~/server/callbacks/slack-interaction";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ integrationId: string }> };

/** Slack app Interactivity request URL: Acknowledge/Resolve button clicks. */
export async function POST(request: Request, ctx: Params) {
  const { integrationId } = await ctx.params;
  return handleSlackInteraction(await callbackDeps(), integrationId, request);
}
