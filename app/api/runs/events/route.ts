import { getDb } from "~/db/client";
import { getAuth } from "~/server/auth/app-auth";
import { identify } from "~/server/auth/identity";
import { contextForIdentity } from "~/server/context";
import { env } from "~/server/env";
import { getRunChangeBus } from "~/server/runs/run-change-bus";
import { runEventsResponse } from "~/server/runs/run-events-stream";

export const dynamic = "force-dynamic";

/** Live run changes of the session's workspace, as server-sent events (the runs pages listen). */
export async function GET(request: Request) {
  const db = getDb(env.DATABASE_URL);
  const caller = await contextForIdentity(db, await identify(getAuth(), db, request.headers));
  return runEventsResponse(caller, getRunChangeBus(env.DATABASE_URL), request.signal);
}
