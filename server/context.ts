import "server-only";
import type { Client } from "@temporalio/client";
import { getDb, type Db } from "~/db/client";
import type { Auth } from "./auth/auth";
import { getAuth } from "./auth/app-auth";
import { identify, type Identity } from "./auth/identity";
import type { Access } from "~/core/accounts/access";
import { chooseWorkspace } from "./auth/workspace-access";
import { env } from "./env";
import { getTemporalClient } from "./temporal-client";
import { getKeyring } from "./security/keyring";
import type { Keyring } from "./security/secret-keyring";
import type { InvitationMailDeps } from "./auth/invitation-mail";

/** The workspace of a caller who has none (signed out, or signed in before joining one): matches no row. */
export const NO_WORKSPACE = "00000000-0000-0000-0000-000000000000";

export interface ContextInner {
  db: Db;
  temporal: Client;
  taskQueue: string;
  workspaceId: string;
  /** The caller's role in `workspaceId`; "user" when signed in without a workspace, "anonymous" when signed out. */
  role: Access;
  /** Who acts, as recorded in run events and the audit log. */
  actor: { userId: string | null; name: string };
  /** Seals and opens integration secrets at rest. */
  keyring: Keyring;
  /** Private hosts outbound requests (test-sends) may reach. */
  outboundAllowList: string[];
  /** Set when the caller signed in with the session cookie (not with an API token). */
  sessionId?: string;
  /** better-auth, for the few procedures that start a session (first-run setup). */
  auth?: Auth;
  /** Response headers of the HTTP call (Set-Cookie), when there is one. */
  resHeaders?: Headers;
  /** Where invitations are emailed through; without it an invitation is only a link to copy. */
  mail?: InvitationMailDeps;
}

/** Plain context, so routers can be tested with createCaller and no HTTP. */
export function createContextInner(inner: ContextInner): ContextInner {
  return inner;
}

/** Turns who sent the request into the workspace, role and actor every procedure reads. */
export async function contextForIdentity(
  db: Db,
  identity: Identity,
): Promise<Pick<ContextInner, "workspaceId" | "role" | "actor" | "sessionId">> {
  if (identity.kind === "anonymous") {
    return { workspaceId: NO_WORKSPACE, role: "anonymous", actor: { userId: null, name: "anonymous" } };
  }
  const actor = { userId: identity.user.id, name: identity.user.name };
  if (identity.kind === "token") return { workspaceId: identity.workspaceId, role: identity.role, actor };
  const choice = await chooseWorkspace(db, identity.user.id, identity.activeWorkspaceId);
  return {
    workspaceId: choice?.workspaceId ?? NO_WORKSPACE,
    role: choice?.role ?? "user",
    actor,
    sessionId: identity.sessionId,
  };
}

/** The context of one HTTP request: the session cookie or a personal API token decides who acts. */
export async function createContext({
  headers,
  resHeaders,
}: {
  headers: Headers;
  resHeaders?: Headers;
}): Promise<ContextInner> {
  const db = getDb(env.DATABASE_URL);
  const auth = getAuth();
  const identity = await identify(auth, db, headers, resHeaders);
  return createContextInner({
    db,
    temporal: getTemporalClient(env.TEMPORAL_ADDRESS, env.TEMPORAL_NAMESPACE),
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    ...(await contextForIdentity(db, identity)),
    keyring: getKeyring(),
    outboundAllowList: env.OUTBOUND_ALLOW_LIST,
    auth,
    resHeaders,
    mail: { settings: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM }, publicUrl: env.PUBLIC_URL, headers },
  });
}

export type Context = ContextInner;
