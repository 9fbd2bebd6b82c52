import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "~/server/auth/app-auth";

export const dynamic = "force-dynamic";

const handle = (request: Request) => getAuth().handler(request);

/** better-auth's endpoints: sign-in, sign-up, sign-out, session, password change and reset. */
export const { GET, POST } = toNextJsHandler(handle);
