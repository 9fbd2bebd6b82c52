import "server-only";
import type { Client } from "@temporalio/client";
import { getDb, type Db } from "~/db/client";
import { ensureDefaultWorkspace } from "~/db/seed";
import { env } from "./env";
import type { Access } from "./trpc";
import { getTemporalClient } from "./temporal-client";
import { getKeyring } from "./security/keyring";
import type { Keyring } from "./security/secret-keyring";

export interface ContextInner {
  db: Db;
  temporal: Client;
  taskQueue: string;
  workspaceId: string;
  /** The caller's role in `workspaceId`; "anonymous" when signed out. */
  role: Access;
  /** Who acts, as recorded in run events and the audit log. */
  actor: { userId: string | null; name: string };
  /** Seals and opens integration secrets at rest. */
  keyring: Keyring;
  /** Private hosts outbound requests (test-sends) may reach. */
  outboundAllowList: string[];
}

/** Plain context, so routers can be tested with createCaller and no HTTP. */
export function createContextInner(inner: ContextInner): ContextInner {
  return inner;
}

let defaultWorkspace: Promise<string> | undefined;

// Sign-in is not built yet: every request acts in the default workspace.
export async function createContext(): Promise<ContextInner> {
  const db = getDb(env.DATABASE_URL);
  defaultWorkspace ??= ensureDefaultWorkspace(db);
  return createContextInner({
    db,
    temporal: getTemporalClient(env.TEMPORAL_ADDRESS, env.TEMPORAL_NAMESPACE),
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    workspaceId: await defaultWorkspace,
    role: "owner",
    actor: { userId: null, name: "operator" },
    keyring: getKeyring(),
    outboundAllowList: env.OUTBOUND_ALLOW_LIST,
  });
}

export type Context = ContextInner;
