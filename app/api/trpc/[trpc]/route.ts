import { createContext } from "~/server/context";
import { handleTrpcRequest } from "~/server/http/trpc-endpoint";

export const dynamic = "force-dynamic";

const handler = (req: Request) => handleTrpcRequest(req, createContext);

export { handler as GET, handler as POST };
