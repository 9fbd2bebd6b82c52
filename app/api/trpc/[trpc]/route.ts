import { createContext } from "~/server/context";
import { handleTrpcRequest } from "~/server/http/trpc-endpoint";

export const dynamic = "force-dynamic";

const handler = (request: Request) =>
  handleTrpcRequest(request, ({ req, resHeaders }) => createContext({ headers: req.headers, resHeaders }));

export { handler as GET, handler as POST };
