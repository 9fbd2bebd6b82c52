import "server-only";
import { grants, type Access } from "~/core/accounts/access";
import type { Db } from "~/db/client";
import {
  assertOutboundAllowed,
  OutboundBlockedError,
  resolveWithDns,
  stripBrackets,
  type ResolveHost,
} from "../security/outbound-guard";
import { workspaceAllowList } from "../workspace/workspace-allow-list";

interface Scope {
  db: Db;
  workspaceId: string;
  role: Access;
  outboundAllowList: readonly string[];
}

/** The editor asks as the person types: a slow resolver must not hold the answer up. */
const RESOLVE_BUDGET_MS = 2_000;

const withBudget =
  (resolve: ResolveHost): ResolveHost =>
  async (host) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("resolve timed out")), RESOLVE_BUDGET_MS);
    });
    try {
      return await Promise.race([resolve(host), late]);
    } finally {
      clearTimeout(timer);
    }
  };

export type OutboundUrlCheck =
  /** Not a literal http(s) URL (empty, a template, a typo): other checks speak to it. */
  | { status: "unchecked" }
  | { status: "allowed" }
  | { status: "blocked"; host: string; addresses: string[]; canAllow: boolean };

/**
 * Whether the outbound guard would let a request to `url` through right now, with the
 * environment's and the workspace's allow-lists: the editor shows a refusal where the URL is
 * typed, before any send, and tells an owner which entry to add (others: to ask an owner).
 */
export async function checkOutboundUrl(
  scope: Scope,
  url: string,
  resolve: ResolveHost = resolveWithDns,
): Promise<OutboundUrlCheck> {
  if (!/^https?:\/\//i.test(url) || url.includes("{{")) return { status: "unchecked" };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { status: "unchecked" };
  }
  const allowList = await workspaceAllowList(scope.db, scope.workspaceId, scope.outboundAllowList);
  try {
    await assertOutboundAllowed(parsed, { allowList, resolve: withBudget(resolve) });
    return { status: "allowed" };
  } catch (error) {
    if (!(error instanceof OutboundBlockedError)) return { status: "unchecked" };
    return {
      status: "blocked",
      host: stripBrackets(parsed.hostname),
      addresses: error.addresses,
      canAllow: grants(scope.role, "owner"),
    };
  }
}
