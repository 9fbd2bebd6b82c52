import "server-only";
import { createContext } from "~/server/context";
import { env } from "~/server/env";
import { visitorLocale } from "~/server/i18n/visitor-locale";
import type { AckLinkDeps } from "./ack-link-request";
import { ackLinkKey } from "./ack-token";

/** The link page's dependencies from the request context; the visitor's name when signed in. */
export async function ackLinkDeps(headers: Headers): Promise<AckLinkDeps> {
  const ctx = await createContext({ headers });
  return {
    db: ctx.db,
    temporal: ctx.temporal,
    key: ackLinkKey(ctx.keyring.current.key),
    publicUrl: env.PUBLIC_URL,
    viewer: ctx.actor.userId ? { name: ctx.actor.name, workspaceId: ctx.workspaceId } : null,
    locale: await visitorLocale(ctx.db, ctx.actor.userId, headers),
  };
}
