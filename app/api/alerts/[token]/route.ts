import { alertEndpointDeps } from "../alert-endpoint-deps";
import { handleAlertRequest } from "~/server/inbound/handle-alert-request";

export const dynamic = "force-dynamic";

/**
 * `POST /api/alerts/<token>` under `npm run dev`. In production (`npm start`) the front server
 * (scripts/launcher/front-server.ts) answers it before Next.js, with the same handler and deps.
 */
export async function POST(request: Request, ctx: { params: Promise<{ token: string }> }) {
  const { token } = await ctx.params;
  return handleAlertRequest(alertEndpointDeps(), token, request);
}
