import { fetch, type Response } from "undici";
import { assertOutboundAllowed, OutboundBlockedError, type ResolveHost } from "../security/outbound-guard";
import { pinnedAgent } from "../security/pinned-agent";
import { digestAuthorization, pickDigestChallenge } from "./digest-auth";
import { redact } from "~/core/secrets/redact";
import type { RenderedStep } from "~/core/integrations/render-step";
import { storableText } from "~/core/wire/storable-text";
import { putOwn } from "~/core/own-entry";

export interface ExchangeResponse {
  status: number;
  headers: Record<string, string>;
  /** Up to `MAX_READ_BYTES`: enough for captures, bounded against hostile receivers. */
  body: string;
  /** False when the receiver sent more than `MAX_READ_BYTES` and reading stopped there. */
  complete: boolean;
  /** The URL that answered, after redirects. */
  url: string;
}

export interface ExchangeDeps {
  signal: AbortSignal;
  allowList: readonly string[];
  resolve?: ResolveHost;
  /** Values (and their encodings) that must never follow a redirect to another origin. */
  secrets?: readonly string[];
}

/** Headers that carry credentials whatever their value. */
const CREDENTIAL_HEADERS = new Set(["authorization", "proxy-authorization", "cookie"]);

function carriesSecret(text: string | undefined, secrets: readonly string[]): boolean {
  return text !== undefined && text !== "" && redact(text, secrets) !== text;
}

const MAX_READ_BYTES = 1024 * 1024;
const MAX_REDIRECTS = 5;

/** Reads the body as it streams in and stops (cancelling the rest) at `MAX_READ_BYTES`. */
async function readCapped(response: Response): Promise<{ body: string; complete: boolean }> {
  if (!response.body) return { body: "", complete: true };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size > MAX_READ_BYTES) {
      await reader.cancel();
      break;
    }
  }
  // Kept in the delivery row and its error text: a receiver's NUL must not make Postgres refuse it.
  const body = storableText(Buffer.concat(chunks).subarray(0, MAX_READ_BYTES).toString("utf8"));
  return { body, complete: size <= MAX_READ_BYTES };
}

async function answered(response: Response, url: string): Promise<ExchangeResponse> {
  return { status: response.status, headers: headersOf(response), ...(await readCapped(response)), url };
}

function headersOf(response: Response): Record<string, string> {
  const out: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    // A receiver may name a header `__proto__`: stored as a header, not as out's prototype.
    putOwn(out, key, value);
  });
  return out;
}

/** The URL of the hop a network error happened on: after a redirect, not the step's own. */
const failedHops = new WeakMap<Error, string>();

/** Where `error`, thrown by `exchange`, happened: the redirect target that could not be reached, say. */
export const urlThatFailed = (error: unknown): string | undefined =>
  error instanceof Error ? failedHops.get(error) : undefined;

/**
 * Sends one rendered request. Redirects are followed by hand so every hop passes the outbound
 * guard (an automatic redirect could lead to an internal address), and a digest challenge is
 * answered once. The guard runs twice: up front, for a clear refusal before anything is sent,
 * and in the connection (pinned-agent.ts), which connects only to the address it checked.
 * Returns the number of requests it made.
 */
export async function exchange(
  step: RenderedStep,
  deps: ExchangeDeps,
): Promise<{ response: ExchangeResponse; requests: number }> {
  let { method, url, body } = step.request;
  // An unparsable URL reaches the guard below, which refuses it for good (not a retried TypeError).
  const origin = URL.canParse(url) ? new URL(url).origin : "";
  const headers = { ...step.request.headers };
  let requests = 0;
  let answeredChallenge = false;
  for (let hop = 0; ; hop++) {
    await assertOutboundAllowed(url, { allowList: deps.allowList, resolve: deps.resolve });
    requests++;
    const dispatcher = pinnedAgent({ allowList: deps.allowList, resolve: deps.resolve });
    const response = await fetch(url, {
      method,
      headers,
      body,
      redirect: "manual",
      signal: deps.signal,
      dispatcher,
    }).catch((error: unknown) => {
      // The connection's own check refused the address: say so, rather than "fetch failed".
      const thrown = error instanceof Error && error.cause instanceof OutboundBlockedError ? error.cause : error;
      if (thrown instanceof Error) failedHops.set(thrown, url);
      throw thrown;
    });
    const location = response.headers.get("location");

    // A digest answer is derived from the password: only the saved origin may ask for one.
    if (response.status === 401 && step.digest && !answeredChallenge && new URL(url).origin === origin) {
      const challenge = pickDigestChallenge(response.headers.get("www-authenticate") ?? "");
      if (challenge) {
        await response.body?.cancel();
        const target = new URL(url);
        headers.Authorization = digestAuthorization({
          challenge,
          method,
          uri: `${target.pathname}${target.search}`,
          username: step.digest.username,
          password: step.digest.password,
        });
        answeredChallenge = true;
        continue;
      }
    }
    if (response.status >= 300 && response.status < 400 && location && hop < MAX_REDIRECTS) {
      const next = new URL(location, url);
      if (next.origin !== origin) {
        const secrets = deps.secrets ?? [];
        const keepsBody = response.status === 307 || response.status === 308;
        // Redirected elsewhere, credentials stay behind; a request whose URL or kept body holds a
        // secret is not followed at all (its 3xx is the answer).
        if (carriesSecret(next.toString(), secrets) || (keepsBody && carriesSecret(body, secrets))) {
          return { response: await answered(response, url), requests };
        }
        for (const name of Object.keys(headers)) {
          if (CREDENTIAL_HEADERS.has(name.toLowerCase()) || carriesSecret(headers[name], secrets)) delete headers[name];
        }
      }
      await response.body?.cancel();
      url = next.toString();
      // 301/302/303 turn into GET without a body, as browsers and fetch do.
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === "POST")) {
        method = "GET";
        body = undefined;
        for (const name of Object.keys(headers)) if (name.toLowerCase() === "content-type") delete headers[name];
      }
      continue;
    }
    return { response: await answered(response, url), requests };
  }
}
