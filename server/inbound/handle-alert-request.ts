import type { Client } from "@temporalio/client";
import type { Db } from "~/db/client";
import { hashToken } from "../flows/endpoint-service";
import type { DispatchProgress } from "~/core/alerts/accepted-alert";
import { acceptAlerts, PartlyDispatchedError, type AcceptResult } from "./accept-alerts";
import { lookupEndpoint, type LookupResult } from "./endpoint-lookup";
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  IDEMPOTENCY_HEADER,
  idempotencyScope,
  readIdempotencyKey,
  keepDispatchProgress,
  releaseIdempotencyKey,
} from "./idempotency-key";
import type { InboundRateLimit } from "./inbound-rate-limit";
import { inboundTokenLeasesFor, type InboundTokenLeases } from "./inbound-token-lease";
import { readJsonBody, type BodyResult } from "./read-body";
import { readLimitedBody } from "../http/read-limited-body";
import type { AlertAnswer, AlertRequest } from "./alert-exchange";
import { parseInbound } from "~/core/alerts/parse-inbound";
import { TemporalUnavailableError } from "./temporal-deadline";
import { isConnectionError } from "~/db/connection-retry";
import type { IncidentOpener } from "./incident-opener";
import type { BackgroundStarts } from "./background-start";
import { markIngress, timeIngress } from "./ingress-timing";
import { unkeptKeysFor, type UnkeptKeys } from "./unkept-idempotency";

export interface InboundDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  maxBodyBytes: number;
  now: () => Date;
  /** Per endpoint token; absent: no limit (tests of other concerns). */
  rateLimit?: InboundRateLimit;
  /** Where the rate limit's tokens come from; absent: leased per process in chunks (inbound-token-lease.ts). */
  tokenLeases?: InboundTokenLeases;
  /** Opens new incidents and sends their first messages right here (see accept-alerts.ts); absent: the workflow does. */
  opener?: IncidentOpener;
  /** Where opened incidents' workflow starts queue (see background-start.ts); absent: one queue per Temporal client. */
  starts?: BackgroundStarts;
  /** Idempotency-Key records the database failed to take; absent: one store per database client. */
  unkept?: UnkeptKeys;
}

const JSON_HEADERS = { "content-type": "application/json" } as const;
const IDEMPOTENCY_HEADER_NAME = IDEMPOTENCY_HEADER.toLowerCase();
const REPLAYED_HEADERS = { ...JSON_HEADERS, "idempotent-replayed": "true" } as const;
const json = (status: number, body: unknown): AlertAnswer => ({
  status,
  body: JSON.stringify(body),
  headers: JSON_HEADERS,
});
/** A JSON answer the sender should retry after `seconds`. */
const retryLater = (status: number, body: unknown, seconds: number): AlertAnswer => ({
  status,
  body: JSON.stringify(body),
  headers: { ...JSON_HEADERS, "retry-after": String(seconds) },
});

/** An endpoint that takes alerts: open, or closing (only the Ok of open incidents). */
type Accepting = Extract<LookupResult, { kind: "ok" | "closing" }>;

const unauthorized = () => json(401, { error: "unauthorized", message: "Unknown or revoked endpoint token" });

/** Senders (Alertmanager, Grafana) retry a 503 after this long; Temporal restarts in seconds. */
const RETRY_AFTER_SECONDS = 10;

/**
 * `POST /api/alerts/<token>`: the HTTP contract of the inbound endpoint, independent of Next.js.
 * A 2xx means the alert is durable: Temporal holds it, or Postgres does (committed before the
 * answer): an open incident's inbox, which the workflow drains in batches, or a new incident's
 * claim, whose workflow is started after the answer. When neither can
 * take it, the answer is a quick 503 with Retry-After, so the sender keeps the alert and tries again.
 */
export async function handleAlertRequest(deps: InboundDeps, token: string, request: Request): Promise<Response> {
  const answer = await answerAlertRequest(deps, token, {
    header: (name) => request.headers.get(name),
    readBody: (limit) => (request.body ? readLimitedBody(request, limit) : Promise.resolve(null)),
  });
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

/** The same contract as handleAlertRequest for any server (the front server's node:http one). */
export async function answerAlertRequest(
  deps: InboundDeps,
  token: string,
  request: AlertRequest,
): Promise<AlertAnswer> {
  try {
    return await timeIngress(() => answer(deps, token, request));
  } catch (thrown) {
    // Without an Idempotency-Key, alerts that went before the failure go again with the retry.
    const error = thrown instanceof PartlyDispatchedError ? thrown.reason : thrown;
    const down =
      error instanceof TemporalUnavailableError ? "Temporal" : isConnectionError(error) ? "The database" : null;
    if (!down) throw error;
    return retryLater(
      503,
      { error: "unavailable", message: `${down} is unavailable; the alert was not accepted. Retry later.` },
      RETRY_AFTER_SECONDS,
    );
  }
}

async function answer(deps: InboundDeps, token: string, request: AlertRequest): Promise<AlertAnswer> {
  // Hashed once: the lookup, the rate limit's bucket and the Idempotency-Key all go by the hash.
  const tokenHash = hashToken(token);
  const found = await lookupEndpoint(deps.db, tokenHash, deps.now().getTime());
  markIngress("lookup");
  // One answer for an unknown token, a revoked one and a flow id: the endpoint never tells a
  // caller which flows exist.
  if (found.kind === "unauthorized") return unauthorized();
  // Only a known token has a bucket: guessing tokens creates no rows.
  if (deps.rateLimit) {
    const bucketKey = `inbound:${tokenHash}`;
    const decision = await (deps.tokenLeases ?? inboundTokenLeasesFor(deps.db, deps.rateLimit)).take(bucketKey);
    markIngress("rateLimit");
    if (!decision.granted) {
      const { burst, perSecond } = deps.rateLimit;
      return retryLater(
        429,
        {
          error: "rate_limited",
          message: `Too many alerts for this endpoint: at most ${perSecond} per second, in bursts of ${burst}. Retry after ${decision.retryAfterSeconds} s.`,
          retryAfterSeconds: decision.retryAfterSeconds,
        },
        decision.retryAfterSeconds,
      );
    }
  }
  const flowDisabled = (flowId: string) => json(409, { error: "flow_disabled", message: `Flow ${flowId} is disabled` });
  if (found.kind === "disabled") return flowDisabled(found.flowId);
  if (found.kind === "not_published") {
    return json(409, { error: "flow_not_published", message: `Flow ${found.flowId} has no published version` });
  }

  const idempotencyKey = readIdempotencyKey(request.header(IDEMPOTENCY_HEADER_NAME));
  if (idempotencyKey.kind === "invalid") {
    return json(400, {
      error: "invalid_idempotency_key",
      message: idempotencyKey.message,
      issues: [{ path: `headers.${IDEMPOTENCY_HEADER}`, message: idempotencyKey.message }],
    });
  }

  const body = await readJsonBody(request, deps.maxBodyBytes);
  markIngress("body");
  if (body.kind === "too_large") {
    return json(413, { error: "body_too_large", message: `The body is larger than ${body.limit} bytes` });
  }
  if (body.kind === "bad_json") {
    return json(400, { error: "invalid_json", message: body.message, issues: [{ path: "", message: body.message }] });
  }
  if (idempotencyKey.kind === "none") return toResponse(await accept(deps, found, body));

  // A sender's retry (its 202 lost on the way back) replays the first answer instead of
  // counting its alerts again; a concurrent twin waits its turn with a 409.
  const scope = idempotencyScope(tokenHash, idempotencyKey.key, body.bytes);
  const unkept = deps.unkept ?? unkeptKeysFor(deps.db);
  // What an earlier attempt in this process could not write goes first, for the claim to see it.
  await unkept.settle(scope);
  const claim = await claimIdempotencyKey(deps.db, scope);
  if (claim.kind === "replay") {
    return { status: claim.status, body: claim.body, headers: REPLAYED_HEADERS };
  }
  if (claim.kind === "different_body") {
    const message = `This ${IDEMPOTENCY_HEADER} was already used on this endpoint with a different body; use a new key for a new request`;
    return json(422, {
      error: "idempotency_key_reused",
      message,
      issues: [{ path: `headers.${IDEMPOTENCY_HEADER}`, message }],
    });
  }
  if (claim.kind === "in_flight") {
    return retryLater(
      409,
      {
        error: "idempotency_key_in_use",
        message: `A request with this ${IDEMPOTENCY_HEADER} is still being handled; retry after 1 s to get its answer`,
      },
      1,
    );
  }
  let outcome: Outcome;
  try {
    outcome = await accept(deps, found, body, claim.earlier ?? undefined);
  } catch (error) {
    if (error instanceof PartlyDispatchedError) {
      // Some alerts reached their incidents: the key keeps them, so the retry that the 503 asks
      // for sends only the others (it would otherwise open or feed their incidents again).
      try {
        await keepDispatchProgress(deps.db, scope, error.progress);
      } catch (keepError) {
        if (!isConnectionError(keepError)) throw keepError;
        // The database failed too: this process keeps the progress and writes it once the
        // database is back, before any retry of this key here is claimed. Were it dropped, the
        // claim would lapse with its lease and the retry would send these alerts again.
        unkept.hold(scope, { kind: "progress", progress: error.progress });
        return progressUnkept(error.progress);
      }
      throw error.reason;
    }
    // Nothing to replay (Temporal or the database failed): the retry is handled afresh.
    await releaseIdempotencyKey(deps.db, scope).catch(() => undefined);
    throw error;
  }
  const text = JSON.stringify(outcome.body);
  if (!outcome.dispatched) {
    await releaseIdempotencyKey(deps.db, scope);
    return toAnswer(outcome, text);
  }
  try {
    await completeIdempotencyKey(deps.db, scope, outcome.status, text);
  } catch (keepError) {
    if (!isConnectionError(keepError)) throw keepError;
    // Every alert went: the answer stands (a 503 would have the sender send them all again),
    // and this process writes it for replays once the database is back.
    unkept.hold(scope, { kind: "answer", status: outcome.status, body: text });
  }
  return toAnswer(outcome, text);
}

/**
 * The database failed after some alerts went and before the key could note which: a 503 the
 * sender retries (with the same key and body) that says what happened. The retry sends only the
 * alerts that did not go, once the database is back.
 */
function progressUnkept(progress: DispatchProgress): AlertAnswer {
  const sent = progress.filter((alert) => alert !== null).length;
  return retryLater(
    503,
    {
      error: "unavailable",
      message: `The database is unavailable: ${sent} of ${progress.length} alerts reached their incidents before it failed, the others were not accepted. Retry with the same ${IDEMPOTENCY_HEADER} and body later: only the others will be sent.`,
    },
    RETRY_AFTER_SECONDS,
  );
}

type ReadBody = Extract<BodyResult, { kind: "ok" }>;

/** An answer, and whether alerts went on to their incidents (only then is it kept for replays). */
interface Outcome {
  status: number;
  body: unknown;
  dispatched: boolean;
}

const toResponse = (outcome: Outcome) => json(outcome.status, outcome.body);
const toAnswer = (outcome: Outcome, text: string): AlertAnswer => ({
  status: outcome.status,
  body: text,
  headers: JSON_HEADERS,
});

async function accept(
  deps: InboundDeps,
  found: Accepting,
  alertBody: ReadBody,
  earlier?: DispatchProgress,
): Promise<Outcome> {
  const done = (status: number, body: unknown) => ({ status, body, dispatched: true });
  const unauthorizedBody = { error: "unauthorized", message: "Unknown or revoked endpoint token" };
  const disabledBody = (flowId: string) => ({ error: "flow_disabled", message: `Flow ${flowId} is disabled` });
  const closing = found.kind === "closing" ? found.reason : null;
  // The body had NUL or lone surrogates, cleaned to U+FFFD: the body as sent must still parse, so
  // that no alert key, label or monitor name is one that cleaning merged with another.
  const asSent =
    alertBody.uncleaned === undefined
      ? undefined
      : parseInbound(found.target.plan.trigger.format, alertBody.uncleaned, deps.now());
  const result: AcceptResult =
    asSent && !asSent.ok
      ? { kind: "invalid", issues: asSent.issues }
      : await acceptAlerts(deps, found.target, alertBody.json, { closeOnly: closing !== null, earlier });
  if (result.kind === "invalid") {
    if (closing === "archived") return { status: 401, body: unauthorizedBody, dispatched: false };
    return {
      status: 400,
      body: {
        error: "invalid_alert",
        message: `The alert does not match the ${found.target.plan.trigger.format} format`,
        issues: result.issues,
      },
      dispatched: false,
    };
  }
  if (closing && !result.accepted.some((alert) => alert.outcome !== "no_open_incident")) {
    // Nothing went to an incident: a retry is judged afresh.
    return closing === "archived"
      ? { status: 401, body: unauthorizedBody, dispatched: false }
      : { status: 409, body: disabledBody(found.target.flowId), dispatched: false };
  }
  if (closing) {
    return done(202, {
      accepted: result.accepted,
      filteredOut: result.filteredOut,
      refused: result.refused,
      message: `The flow is ${closing}: only Ok alerts of open incidents are taken; ${result.refused} refused`,
    });
  }
  return done(202, { accepted: result.accepted, filteredOut: result.filteredOut });
}
