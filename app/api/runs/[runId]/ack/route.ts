import { createContext } from "~/server/context";
import { ackConfirmation, acknowledgeByLink } from "~/server/runs/ack-request";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ runId: string }> };

export async function GET(request: Request, ctx: Params) {
  const { runId } = await ctx.params;
  return ackConfirmation(await createContext(), runId, request);
}

export async function POST(request: Request, ctx: Params) {
  const { runId } = await ctx.params;
  return acknowledgeByLink(await createContext(), runId, request);
}
