import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "~/db/client";
import { needsSetup } from "./auth/first-run";
import { createContext } from "./context";
import { env } from "./env";

/** A server component's context: the same session or token as the browser's tRPC calls. */
export async function createPageContext() {
  return createContext({ headers: new Headers(await headers()) });
}

/** A new instance has nobody to sign in as: the signed-out pages send to the setup page. */
export async function redirectToSetupWhenNew() {
  if (await needsSetup(getDb(env.DATABASE_URL))) redirect("/setup");
}
