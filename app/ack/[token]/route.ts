import { actOnAckLink, answerUnlessDatabaseUnavailable, showAckLink } from "~/server/ack-links/ack-link-request";
import { ackLinkDeps } from "~/server/ack-links/ack-link-deps";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ token: string }> };

/** Shows the incident and a confirm button; never changes anything. */
export async function GET(request: Request, ctx: Params) {
  const { token } = await ctx.params;
  return answerUnlessDatabaseUnavailable(request, async () => showAckLink(await ackLinkDeps(request.headers), token));
}

/** The confirm button: acknowledges or resolves the one incident the signed token names. */
export async function POST(request: Request, ctx: Params) {
  const { token } = await ctx.params;
  return answerUnlessDatabaseUnavailable(request, async () =>
    actOnAckLink(await ackLinkDeps(request.headers), token, request),
  );
}
