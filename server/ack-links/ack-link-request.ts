import type { Client } from "@temporalio/client";
import { and, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { flows, runs } from "~/db/schema";
import { DomainError } from "~/core/domain-error";
import { actOnRun } from "~/server/runs/act-on-run";
import { isOpen } from "~/server/runs/run-actions";
import { trustedOrigins } from "~/core/accounts/trusted-origins";
import { isForgeable } from "~/core/http/request-provenance";
import { ackPage, type AckPageContent } from "./ack-page";
import { verifyAckToken, type AckClaims, type LinkAction } from "./ack-token";

export interface AckLinkDeps {
  db: Db;
  temporal: Client;
  /** The link-signing key (ackLinkKey of the server's secret key). */
  key: Uint8Array;
  publicUrl: string;
  /** The signed-in visitor and the workspace they act in; null when nobody is signed in. */
  viewer: { name: string; workspaceId: string } | null;
  now?: () => number;
}

const MAX_FORM_BYTES = 8 * 1024;
const MAX_NAME = 80;
const MAX_NOTE = 500;

const VERB: Record<LinkAction, { button: string; ask: string; done: string; doneMessage: string }> = {
  acknowledge: {
    button: "Acknowledge",
    ask: "Acknowledge this incident?",
    done: "Acknowledged",
    doneMessage: "Escalation and reminders have stopped. The Ok still goes out when the alert clears.",
  },
  resolve: {
    button: "Resolve",
    ask: "Resolve this incident?",
    done: "Resolved",
    doneMessage: "The incident is resolved; Ok messages go out where the flow sends them.",
  },
};

const html = (status: number, content: AckPageContent) =>
  new Response(ackPage(content), {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "x-robots-tag": "noindex",
      "referrer-policy": "no-referrer",
    },
  });

type Checked = { ok: true; claims: AckClaims } | { ok: false; response: Response };

function check(deps: AckLinkDeps, token: string): Checked {
  const verified = verifyAckToken(deps.key, token, (deps.now ?? Date.now)());
  if (verified.ok) return verified;
  switch (verified.reason) {
    case "malformed":
      return {
        ok: false,
        response: html(404, {
          title: "Not a valid link",
          message: "Check that the whole link was copied.",
          tone: "danger",
        }),
      };
    case "forged":
      return {
        ok: false,
        response: html(403, {
          title: "This link is not valid",
          message: "It was not signed by this Alertflow server.",
          tone: "danger",
        }),
      };
    case "expired":
      return {
        ok: false,
        response: html(410, {
          title: "This link has expired",
          message: "Newer messages about the incident carry fresh links, or act on it in Alertflow.",
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

const STATUS_LABEL: Record<LinkedRun["status"], string> = {
  escalating: "Escalating",
  acknowledged: "Acknowledged",
  resolved: "Resolved",
  failed: "Failed",
  cancelled: "Cancelled",
};

function factsOf(run: LinkedRun, status = STATUS_LABEL[run.status]): [string, string][] {
  return [
    ["Flow", run.flowName],
    ["Alert", run.alertKey],
    ["Summary", run.alert.summary],
    ["Status", status],
    ["Level", run.currentLevel > 0 ? String(run.currentLevel) : "none fired yet"],
    ["First error", `${run.firstErrorAt.toISOString().replace("T", " ").slice(0, 19)} UTC`],
  ];
}

const runUrl = (deps: AckLinkDeps, runId: string) => `${deps.publicUrl.replace(/\/+$/, "")}/runs/${runId}`;

function endedPage(deps: AckLinkDeps, run: LinkedRun): Response {
  return html(409, {
    title: `This incident already ended (${STATUS_LABEL[run.status].toLowerCase()})`,
    message:
      "The link belongs to that incident only and does nothing now. A later incident of the same alert sends its own links.",
    tone: "ok",
    facts: factsOf(run),
    runUrl: runUrl(deps, run.id),
  });
}

const notFoundPage = () =>
  html(404, { title: "Incident not found", message: "It may have been deleted by retention.", tone: "danger" });

/** The signed-in name when the visitor belongs to the link's workspace; otherwise they type one. */
function signedInName(deps: AckLinkDeps, claims: AckClaims): string | null {
  return deps.viewer && deps.viewer.workspaceId === claims.workspaceId ? deps.viewer.name : null;
}

function confirmPage(deps: AckLinkDeps, claims: AckClaims, run: LinkedRun, token: string, error?: string): Response {
  const verb = VERB[claims.action];
  const who = signedInName(deps, claims);
  return html(error ? 400 : 200, {
    title: verb.ask,
    message:
      claims.action === "acknowledge"
        ? "Acknowledging stops further escalation levels and reminders for this incident."
        : "Resolving ends this incident now, as if the alert had cleared.",
    tone: "danger",
    facts: factsOf(run),
    form: { action: `/ack/${token}`, button: verb.button, askName: who === null, signedInAs: who ?? undefined, error },
  });
}

/** `GET /ack/<token>`: shows the incident and a confirm button. A GET never changes anything. */
export async function showAckLink(deps: AckLinkDeps, token: string): Promise<Response> {
  const checked = check(deps, token);
  if (!checked.ok) return checked.response;
  const { claims } = checked;
  const run = await loadRun(deps.db, claims);
  if (!run) return notFoundPage();
  if (!isOpen(run.status)) return endedPage(deps, run);
  if (claims.action === "acknowledge" && run.status === "acknowledged") {
    return html(200, {
      title: "Already acknowledged",
      message: "Escalation and reminders have already stopped.",
      tone: "warn",
      facts: factsOf(run),
      runUrl: runUrl(deps, run.id),
    });
  }
  return confirmPage(deps, claims, run, token);
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
  // The signed-in name is taken from the session cookie: only the link page's own form may use it.
  if (isForgeable(request.method, request.headers, trustedOrigins(deps.publicUrl))) {
    return html(403, {
      title: "Cross-site request refused",
      message: "Open the link itself and confirm on that page.",
      tone: "danger",
    });
  }
  const checked = check(deps, token);
  if (!checked.ok) return checked.response;
  const { claims } = checked;
  const run = await loadRun(deps.db, claims);
  if (!run) return notFoundPage();
  if (!isOpen(run.status)) return endedPage(deps, run);

  const form = await readForm(request);
  if (!form) return html(413, { title: "Too much data", message: "The form is limited to 8 KB.", tone: "danger" });
  const typed = clean(form.get("name"), MAX_NAME);
  const note = clean(form.get("note"), MAX_NOTE);
  const by = signedInName(deps, claims) ?? typed;
  if (!by) return confirmPage(deps, claims, run, token, `Type your name (at most ${MAX_NAME} characters).`);
  if (note === null) return confirmPage(deps, claims, run, token, `The note is limited to ${MAX_NOTE} characters.`);

  try {
    await actOnRun({ db: deps.db, temporal: deps.temporal, workspaceId: claims.workspaceId }, run.id, claims.action, {
      by,
      note,
      source: "link",
    });
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    if (err.code === "NOT_FOUND") return notFoundPage();
    if (err.code === "CONFLICT") return endedPage(deps, (await loadRun(deps.db, claims)) ?? run);
    throw err;
  }
  const verb = VERB[claims.action];
  const after = (await loadRun(deps.db, claims)) ?? run;
  return html(200, {
    title: verb.done,
    message: `${verb.doneMessage} Recorded as ${by}.`,
    tone: claims.action === "acknowledge" ? "warn" : "ok",
    // A resolve finishes in the workflow a moment later.
    facts: factsOf(after, claims.action === "resolve" && isOpen(after.status) ? "Resolving" : undefined),
    runUrl: runUrl(deps, run.id),
  });
}
