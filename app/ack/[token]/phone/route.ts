import { callbackDeps } from "~/server/callbacks/callback-deps";
import { handlePhoneGather } from "~/server/callbacks/phone-gather";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ token: string }> };

/** Twilio's Gather action of a phone alert: "press 1 to acknowledge". */
export async function POST(request: Request, ctx: Params) {
  const { token } = await ctx.params;
  return handlePhoneGather(await callbackDeps(), token, request);
}
