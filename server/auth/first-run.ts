import "server-only";
import { count, eq, sql } from "drizzle-orm";
import { APIError } from "better-auth/api";
import type { Db, Tx } from "~/db/client";
import { accounts, memberships, sessions, workspaces } from "~/db/schema";
import { domainRefusal } from "~/core/domain-error";
import type { Auth } from "./auth";
import type { Locale } from "~/core/i18n/locales";
import { localizeUntouchedDemo } from "../demo/localize-demo";
import { workspaceSlug } from "./workspace-service";

/** Before migration 0004 every install had this workspace; setup hands it, flows and all, to the first owner. */
const LEGACY_WORKSPACE_SLUG = "default";

/** The instance is new while nobody can sign in: no user has a password yet. */
export async function needsSetup(db: Db | Tx): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(accounts);
  return (row?.n ?? 0) === 0;
}

export interface SetupInput {
  name: string;
  email: string;
  password: string;
  workspaceName: string;
  /** The language the setup page was shown in. */
  locale?: Locale;
}

/** better-auth's refusals (weak password, taken email) become input errors naming the field. */
export function authInputError(err: unknown): never {
  if (err instanceof APIError) {
    const message = err.body?.message ?? err.message;
    const field = /password/i.test(message) ? "password" : /email/i.test(message) ? "email" : undefined;
    const authCode = err.body?.code ?? "";
    throw domainRefusal("INVALID_INPUT", message, "accountRefused", { authCode }, field ? { field } : {});
  }
  throw err;
}

/**
 * First run: creates the first owner and their workspace, and signs them in (the Set-Cookie goes
 * to `resHeaders`), and rewords an untouched seeded demo in the owner's language. Serialized by an advisory lock and refused once anyone can sign in, so it
 * happens once.
 */
export async function runFirstSetup(deps: { db: Db; auth: Auth; resHeaders?: Headers }, input: SetupInput) {
  const { db, auth } = deps;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('alertflow-first-run'))`);
    if (!(await needsSetup(tx))) {
      throw domainRefusal("CONFLICT", "Alertflow is set up already: sign in instead", "alreadySetUp", {});
    }
    const { headers, response } = await auth.api
      .signUpEmail({
        body: { name: input.name, email: input.email, password: input.password },
        returnHeaders: true,
      })
      .catch(authInputError);
    for (const cookie of headers.getSetCookie()) deps.resHeaders?.append("set-cookie", cookie);
    const userId = response.user.id;
    const legacy = await tx.query.workspaces.findFirst({ where: eq(workspaces.slug, LEGACY_WORKSPACE_SLUG) });
    const [workspace] = legacy
      ? await tx
          .update(workspaces)
          .set({ name: input.workspaceName })
          .where(eq(workspaces.id, legacy.id))
          .returning({ id: workspaces.id })
      : await tx
          .insert(workspaces)
          .values({ name: input.workspaceName, slug: workspaceSlug(input.workspaceName) })
          .returning({ id: workspaces.id });
    if (!workspace) throw new Error("workspace not created");
    await tx.insert(memberships).values({ workspaceId: workspace.id, userId, role: "owner" }).onConflictDoNothing();
    // The launcher seeded the demo in English before anyone chose a language: it speaks the owner's now.
    if (input.locale) await localizeUntouchedDemo(tx, workspace.id, input.locale);
    if (response.token) {
      await tx.update(sessions).set({ activeWorkspaceId: workspace.id }).where(eq(sessions.token, response.token));
    }
    return { userId, workspaceId: workspace.id };
  });
}
