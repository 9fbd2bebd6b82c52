import "server-only";
import type { Db } from "~/db/client";
import type { Auth } from "./auth";
import { authenticateApiToken, type TokenIdentity } from "./api-tokens";

export interface SignedInUser {
  id: string;
  name: string;
  email: string;
}

export type Identity =
  | { kind: "anonymous" }
  | { kind: "session"; sessionId: string; user: SignedInUser; activeWorkspaceId: string | null }
  | ({ kind: "token" } & TokenIdentity);

const bearer = (headers: Headers) => {
  const value = headers.get("authorization");
  return value?.toLowerCase().startsWith("bearer ") ? value.slice(7).trim() : null;
};

/**
 * Who sent the request: a personal API token in `Authorization: Bearer`, else the session cookie.
 * A bearer header that does not authenticate is anonymous, never a fallback to the cookie.
 * Cookies better-auth refreshes are copied to `resHeaders`.
 */
export async function identify(auth: Auth, db: Db, headers: Headers, resHeaders?: Headers): Promise<Identity> {
  const token = bearer(headers);
  if (token !== null) {
    const found = await authenticateApiToken(db, token);
    return found ? { kind: "token", ...found } : { kind: "anonymous" };
  }
  const { headers: setHeaders, response } = await auth.api.getSession({ headers, returnHeaders: true });
  for (const cookie of setHeaders.getSetCookie()) resHeaders?.append("set-cookie", cookie);
  if (!response) return { kind: "anonymous" };
  return {
    kind: "session",
    sessionId: response.session.id,
    user: { id: response.user.id, name: response.user.name, email: response.user.email },
    activeWorkspaceId: response.session.activeWorkspaceId ?? null,
  };
}
