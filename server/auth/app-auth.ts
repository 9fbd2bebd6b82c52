import "server-only";
import { getDb } from "~/db/client";
import { env } from "../env";
import { getKeyring } from "../security/keyring";
import { createAuth, deriveAuthSecret, type Auth } from "./auth";

declare global {
  // One instance per process, also across Next.js hot reloads.
  var alertflowAuth: Auth | undefined;
}

/** The process's better-auth, configured from the environment. */
export function getAuth(): Auth {
  globalThis.alertflowAuth ??= createAuth({
    db: getDb(env.DATABASE_URL),
    publicUrl: env.PUBLIC_URL,
    secret: env.AUTH_SECRET ?? deriveAuthSecret(getKeyring().current.key),
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
    secureCookies: env.PUBLIC_URL.startsWith("https:"),
    signUp: env.ALERTFLOW_SIGN_UP,
    trustedProxyHeaders: env.TRUSTED_PROXY_HEADERS,
  });
  return globalThis.alertflowAuth;
}
