import "server-only";
import { hkdfSync } from "node:crypto";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";
import type { Db } from "~/db/client";
import { accounts, authRateLimits, sessions, users, verifications } from "~/db/schema";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "~/core/accounts/account-inputs";
import { COOKIE_PREFIX } from "~/core/accounts/session-cookie";
import { trustedOrigins } from "~/core/accounts/trusted-origins";
import { peerAddressHeader } from "~/server/http/peer-address";
import { sendAccountMail, type MailSettings } from "./account-mail";
import { invitationIsOpen, invitationTokenIn, type SignUpPolicy } from "./sign-up-policy";
import { mailLocale, resetPasswordMail } from "./reset-password-mail";

export interface AuthSettings {
  db: Db;
  /** Where the app is reached; links in mails and the trusted origin for cookie-authenticated calls. */
  publicUrl: string;
  /** Signs the session cookie. */
  secret: string;
  mail: MailSettings;
  /** Production serves cookies with the `__Secure-` prefix and the Secure flag over https. */
  secureCookies: boolean;
  /** Limits sign-in, sign-up and reset requests per client (better-auth's rules); on by default in production. */
  rateLimit?: boolean;
  /** "invitation": only someone holding a live invitation link may create an account (default "open"). */
  signUp?: SignUpPolicy;
  /**
   * Headers a reverse proxy in front sets to the client's address (TRUSTED_PROXY_HEADERS). Without
   * any, the client is the socket's peer: a header any client can send would let each request
   * claim a new address and escape the per-client limits.
   */
  trustedProxyHeaders?: readonly string[];
}

/** The error code of a sign-up refused by the invitation-only policy; the sign-up form words it. */
export const SIGN_UP_BY_INVITATION_ONLY = "SIGN_UP_BY_INVITATION_ONLY";

/**
 * better-auth owns passwords (scrypt), sessions (random tokens in the `sessions` table, cookie
 * signed with `secret`), password change and reset. Workspaces, members, invitations and API
 * tokens are Alertflow's own tables behind tRPC, so one authorization matrix covers them.
 */
export function createAuth(settings: AuthSettings) {
  return betterAuth({
    appName: "Alertflow",
    baseURL: settings.publicUrl,
    basePath: "/api/auth",
    secret: settings.secret,
    trustedOrigins: trustedOrigins(settings.publicUrl),
    database: drizzleAdapter(settings.db, {
      provider: "pg",
      schema: {
        user: users,
        session: sessions,
        account: accounts,
        verification: verifications,
        rateLimit: authRateLimits,
      },
    }),
    // Counted in Postgres, not in the memory of one process: several web processes share the limit.
    rateLimit: {
      ...(settings.rateLimit === undefined ? {} : { enabled: settings.rateLimit }),
      storage: "database",
      modelName: "rateLimit",
    },
    hooks: {
      // A sign-up from a browser must name a live invitation (the form returns to /invite/<token>).
      // The first-run setup calls better-auth from the server, with no request, and is not refused.
      before: createAuthMiddleware(async (ctx) => {
        if (settings.signUp !== "invitation" || ctx.path !== "/sign-up/email" || !ctx.request) return;
        const body: unknown = ctx.body;
        const callbackURL = typeof body === "object" && body !== null ? Reflect.get(body, "callbackURL") : undefined;
        const token = invitationTokenIn(callbackURL);
        if (token !== null && (await invitationIsOpen(settings.db, token))) return;
        throw new APIError("FORBIDDEN", {
          code: SIGN_UP_BY_INVITATION_ONLY,
          message: "Sign-up is by invitation only: open the invitation link you were sent",
        });
      }),
    },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      async sendResetPassword({ user, url }, request) {
        const mail = await resetPasswordMail(await mailLocale(settings.db, user.id, request), {
          email: user.email,
          url,
        });
        await sendAccountMail(settings.mail, {
          to: user.email,
          ...mail,
          logLine: `Password reset link for ${user.email}: ${url}`,
        });
      },
    },
    // Carried with the session, so the interface language costs no lookup of its own.
    user: {
      additionalFields: {
        locale: { type: "string", required: false, input: false },
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 14,
      updateAge: 60 * 60 * 24,
      additionalFields: {
        activeWorkspaceId: { type: "string", required: false, input: false },
      },
    },
    advanced: {
      cookiePrefix: COOKIE_PREFIX,
      useSecureCookies: settings.secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      // The proxy's headers first; a request that came past the proxy is known by its socket.
      ipAddress: { ipAddressHeaders: [...(settings.trustedProxyHeaders ?? []), peerAddressHeader()] },
      database: { generateId: "uuid" },
    },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** One secret is enough to run: the cookie key is derived (HKDF) from the secrets key unless set apart. */
export function deriveAuthSecret(secretKey: string | Uint8Array): string {
  return Buffer.from(hkdfSync("sha256", secretKey, "", "alertflow session cookie", 32)).toString("hex");
}
