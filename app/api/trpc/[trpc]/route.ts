import { createContext } from "~/server/context";
import { trustedOrigins } from "~/core/accounts/trusted-origins";
import { env } from "~/server/env";
import { handleTrpcRequest } from "~/server/http/trpc-endpoint";

export const dynamic = "force-dynamic";

const origins = trustedOrigins(env.PUBLIC_URL);

const handler = (request: Request) =>
  handleTrpcRequest(request, ({ req, resHeaders }) => createContext({ headers: req.headers, resHeaders }), {
    trustedOrigins: origins,
  });

export { handler as GET, handler as POST };
