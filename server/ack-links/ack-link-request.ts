import type { Client } from "@temporalio/client";
import { and, eq } from "drizzle-orm";
import { createTranslator } from "use-intl/core";
import type { Db } from "~/db/client";
import { flows, runs } from "~/db/schema";
import { DomainError } from "~/core/domain-error";
import { actOnRun } from "~/server/runs/act-on-run";
import { isOpen } from "~/server/runs/run-actions";
import { trustedOrigins } from "~/core/accounts/trusted-origins";
import { isForgeable } from "~/core/http/request-provenance";
import type { Locale } from "~/core/i18n/locales";
import { loadMessages } from "~/core/i18n/messages";
import { isConnectionError } from "~/db/connection-retry";
import { DATABASE_RETRY_AFTER_SECONDS } from "~/server/http/database-unavailable";
import { headerLocale } from "~/server/i18n/visitor-locale";
import { ackPage, type AckPageContent } from "./ack-page";
import { verifyAckToken, type AckClaims } from "./ack-token";

export interface AckLinkDeps {
  db: Db;
  temporal: Client;
  /** The link-signing key (ackLinkKey of the server's secret key). */
  key: Uint8Array;
  publicUrl: string;
  /** The signed-in visitor and the workspace they act in; null when nobody is signed in. */
  viewer: { name: string; workspaceId: string } | null;
  /** The visitor's language (profile, cookie, browser); English when not given. */
  locale?: Locale;
  now?: () => number;
}

/** The page's words in the visitor's language. */
async function ackTranslator(locale: Locale) {
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "AckPage" });
  return t;
}
type AckT = Awaited<ReturnType<typeof ackTranslator>>;

const MAX_FORM_BYTES = 8 * 1024;
const MAX_NAME = 80;
const MAX_NOTE = 500;

const html = (t: AckT, status: number, content: Omit<AckPageContent, "ui">) =>
  new Response(
    ackPage({
      ...content,
      ui: {
        lang: t("lang"),
        yourName: t("yourName"),
        namePlaceholder: t("namePlaceholder"),
        signedInAs: (name) => t("signedInAs", { name }),
        note: t("note"),
        optional: t("optional"),
        notePlaceholder: t("notePlaceholder"),
        openRun: t("openRun"),
      },
    }),
    {
      status,
      headers: {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
        "x-robots-tag": "noindex",
        "referrer-policy": "no-referrer",
      },
    },
  );

type Checked = { ok: true; claims: AckClaims } | { ok: false; response: Response };

function check(t: AckT, deps: AckLinkDeps, token: string): Checked {
  const verified = verifyAckToken(deps.key, token, (deps.now ?? Date.now)());
  if (verified.ok) return verified;
  switch (verified.reason) {
    case "malformed":
      return {
        ok: false,
        response: html(t, 404, {
          title: t("malformedTitle"),
          message: t("malformedMessage"),
          tone: "danger",
        }),
      };
    case "forged":
      return {
        ok: false,
        response: html(t, 403, {
          title: t("badSignatureTitle"),
          message: t("badSignatureMessage"),
          tone: "danger",
        }),
      };
    case "expired":
      return {
        ok: false,
        response: html(t, 410, {
          title: t("expiredTitle"),
          message: t("expiredMessage"),
          tone: "warn",
        }),
      };
  }
}

async function loadRun(db: Db, claims: AckClaims) {
  const [row] = await db
    .select({
      id: runs.id,
      status: runs.status,
      alertKey: runs.alertKey,
      alert: runs.alert,
      currentLevel: runs.currentLevel,
      firstErrorAt: runs.firstErrorAt,
      resolvedAt: runs.resolvedAt,
      flowName: flows.name,
    })
    .from(runs)
    .innerJoin(flows, eq(flows.id, runs.flowId))
    .where(and(eq(runs.id, claims.runId), eq(runs.workspaceId, claims.workspaceId)))
    .limit(1);
  return row;
}
type LinkedRun = NonNullable<Awaited<ReturnType<typeof loadRun>>>;

function factsOf(t: AckT, run: LinkedRun, status = t(`status.${run.status}`)): [string, string][] {
  return [
    [t("facts.flow"), run.flowName],
    [t("facts.alert"), run.alertKey],
    [t("facts.summary"), run.alert.summary],
    [t("facts.status"), status],
    [t("facts.level"), run.currentLevel > 0 ? String(run.currentLevel) : t("noLevelYet")],
    [t("facts.firstError"), `${run.firstErrorAt.toISOString().replace("T", " ").slice(0, 19)} UTC`],
  ];
}

const runUrl = (deps: AckLinkDeps, runId: string) => `${deps.publicUrl.replace(/\/+$/, "")}/runs/${runId}`;

function endedPage(t: AckT, deps: AckLinkDeps, run: LinkedRun): Response {
  return html(t, 409, {
    title: t("endedTitle", { status: run.status }),
    message: t("endedMessage"),
    tone: "ok",
    facts: factsOf(t, run),
    runUrl: runUrl(deps, run.id),
  });
}

const notFoundPage = (t: AckT) =>
  html(t, 404, { title: t("notFoundTitle"), message: t("notFoundMessage"), tone: "danger" });

/** The signed-in name when the visitor belongs to the link's workspace; otherwise they type one. */
function signedInName(deps: AckLinkDeps, claims: AckClaims): string | null {
  return deps.viewer && deps.viewer.workspaceId === claims.workspaceId ? deps.viewer.name : null;
}

function confirmPage(
  t: AckT,
  deps: AckLinkDeps,
  claims: AckClaims,
  run: LinkedRun,
  token: string,
  error?: string,
): Response {
  const who = signedInName(deps, claims);
  return html(t, error ? 400 : 200, {
    title: t(`${claims.action}.ask`),
    message: t(`${claims.action}.explain`),
    tone: "danger",
    facts: factsOf(t, run),
    form: {
      action: `/ack/${token}`,
      button: t(`${claims.action}.button`),
      askName: who === null,
      signedInAs: who ?? undefined,
      error,
    },
  });
}

/** `GET /ack/<token>`: shows the incident and a confirm button. A GET never changes anything. */
export async function showAckLink(deps: AckLinkDeps, token: string): Promise<Response> {
  const t = await ackTranslator(deps.locale ?? "en");
  const checked = check(t, deps, token);
  if (!checked.ok) return checked.response;
  const { claims } = checked;
  const run = await loadRun(deps.db, claims);
  if (!run) return notFoundPage(t);
  if (!isOpen(run.status)) return endedPage(t, deps, run);
  if (claims.action === "acknowledge" && run.status === "acknowledged") {
    return html(t, 200, {
      title: t("alreadyTitle"),
      message: t("alreadyMessage"),
      tone: "warn",
      facts: factsOf(t, run),
      runUrl: runUrl(deps, run.id),
    });
  }
  return confirmPage(t, deps, claims, run, token);
}

async function readForm(request: Request): Promise<URLSearchParams | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_FORM_BYTES) return null;
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_FORM_BYTES) return null;
  return new URLSearchParams(text);
}

const isControl = (c: string) => {
  const code = c.charCodeAt(0);
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
};

/** Control characters would garble the timeline and logs; they become spaces. */
const clean = (value: string | null, max: number) => {
  const text = [...(value ?? "")]
    .map((c) => (isControl(c) ? " " : c))
    .join("")
    .trim();
  return text.length > max ? null : text;
};

/** `POST /ack/<token>`: acts on the incident the link was made for, never on a later one. */
export async function actOnAckLink(deps: AckLinkDeps, token: string, request: Request): Promise<Response> {
  const t = await ackTranslator(deps.locale ?? "en");
  // The signed-in name is taken from the session cookie: only the link page's own form may use it.
  if (isForgeable(request.method, request.headers, trustedOrigins(deps.publicUrl))) {
    return html(t, 403, { title: t("crossSiteTitle"), message: t("crossSiteMessage"), tone: "danger" });
  }
  const checked = check(t, deps, token);
  if (!checked.ok) return checked.response;
  const { claims } = checked;
  const run = await loadRun(deps.db, claims);
  if (!run) return notFoundPage(t);
  if (!isOpen(run.status)) return endedPage(t, deps, run);

  const form = await readForm(request);
  if (!form) return html(t, 413, { title: t("tooMuchTitle"), message: t("tooMuchMessage"), tone: "danger" });
  const typed = clean(form.get("name"), MAX_NAME);
  const note = clean(form.get("note"), MAX_NOTE);
  const by = signedInName(deps, claims) ?? typed;
  if (!by) return confirmPage(t, deps, claims, run, token, t("nameRequired", { max: MAX_NAME }));
  if (note === null) return confirmPage(t, deps, claims, run, token, t("noteTooLong", { max: MAX_NOTE }));

  try {
    await actOnRun({ db: deps.db, temporal: deps.temporal, workspaceId: claims.workspaceId }, run.id, claims.action, {
      by,
      note,
      source: "link",
    });
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    if (err.code === "NOT_FOUND") return notFoundPage(t);
    if (err.code === "CONFLICT") return endedPage(t, deps, (await loadRun(deps.db, claims)) ?? run);
    throw err;
  }
  const after = (await loadRun(deps.db, claims)) ?? run;
  return html(t, 200, {
    title: t(`${claims.action}.done`),
    message: t(`${claims.action}.doneMessage`, { by }),
    tone: claims.action === "acknowledge" ? "warn" : "ok",
    // A resolve finishes in the workflow a moment later.
    facts: factsOf(t, after, claims.action === "resolve" && isOpen(after.status) ? t("resolving") : undefined),
    runUrl: runUrl(deps, run.id),
  });
}

/**
 * The link's answer, or during a database outage a 503 that says "database unavailable,
 * retrying" in the visitor's language (from the request alone: the profile is in the database)
 * and opens the link again by itself a few seconds later. That reload is a GET, which never
 * changes anything, so a confirmation lost to the outage is clicked again, never resent.
 */
export async function answerUnlessDatabaseUnavailable(
  request: Request,
  answer: () => Promise<Response>,
): Promise<Response> {
  try {
    return await answer();
  } catch (error) {
    if (!isConnectionError(error)) throw error;
    const locale = headerLocale(request.headers);
    const t = await ackTranslator(locale);
    const errors = createTranslator({ locale, messages: await loadMessages(locale), namespace: "ErrorPages" });
    const response = html(t, 503, {
      title: errors("databaseUnavailable"),
      message: t("unavailableMessage"),
      tone: "warn",
    });
    response.headers.set("retry-after", String(DATABASE_RETRY_AFTER_SECONDS));
    response.headers.set("refresh", `${DATABASE_RETRY_AFTER_SECONDS};url=${new URL(request.url).pathname}`);
    return response;
  }
}
