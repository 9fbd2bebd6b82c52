import type { Client } from "@temporalio/client";
import type { Db } from "~/db/client";
import { hashToken } from "../flows/endpoint-service";
import { acceptAlerts } from "./accept-alerts";
import { lookupEndpoint } from "./endpoint-lookup";
import { takeInboundToken, type InboundRateLimit } from "./inbound-rate-limit";
import { readJsonBody } from "./read-body";
import { TemporalUnavailableError } from "./temporal-deadline";
import { isConnectionError } from "~/db/connection-retry";

export interface InboundDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  maxBodyBytes: number;
  now: () => Date;
  /** Per endpoint token; absent: no limit (tests of other concerns). */
  rateLimit?: InboundRateLimit;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

const unauthorized = () => json(401, { error: "unauthorized", message: "Unknown or revoked endpoint token" });

/** Senders (Alertmanager, Grafana) retry a 503 after this long; Temporal restarts in seconds. */
const RETRY_AFTER_SECONDS = 10;

/**
 * `POST /api/alerts/<token>`: the HTTP contract of the inbound endpoint, independent of Next.js.
 * A 2xx means the alert is durable: Temporal holds it, or, for an open incident, its Postgres
 * inbox does (committed before the answer; the workflow drains it in batches). When neither can
 * take it, the answer is a quick 503 with Retry-After, so the sender keeps the alert and tries again.
 */
export async function handleAlertRequest(deps: InboundDeps, token: string, request: Request): Promise<Response> {
  try {
    return await answer(deps, token, request);
  } catch (error) {
    const down =
      error instanceof TemporalUnavailableError ? "Temporal" : isConnectionError(error) ? "The database" : null;
    if (!down) throw error;
    return new Response(
      JSON.stringify({
        error: "unavailable",
        message: `${down} is unavailable; the alert was not accepted. Retry later.`,
      }),
      { status: 503, headers: { "content-type": "application/json", "retry-after": String(RETRY_AFTER_SECONDS) } },
    );
  }
}

async function answer(deps: InboundDeps, token: string, request: Request): Promise<Response> {
  const found = await lookupEndpoint(deps.db, token, deps.now().getTime());
  // One answer for an unknown token, a revoked one and a flow id: the endpoint never tells a
  // caller which flows exist.
  if (found.kind === "unauthorized") return unauthorized();
  // Only a known token has a bucket: guessing tokens creates no rows.
  if (deps.rateLimit) {
    const decision = await takeInboundToken(deps.db, `inbound:${hashToken(token)}`, deps.rateLimit);
    if (!decision.granted) {
      const { burst, perSecond } = deps.rateLimit;
      return new Response(
        JSON.stringify({
          error: "rate_limited",
          message: `Too many alerts for this endpoint: at most ${perSecond} per second, in bursts of ${burst}. Retry after ${decision.retryAfterSeconds} s.`,
          retryAfterSeconds: decision.retryAfterSeconds,
        }),
        {
          status: 429,
          headers: { "content-type": "application/json", "retry-after": String(decision.retryAfterSeconds) },
        },
      );
    }
  }
  const flowDisabled = (flowId: string) => json(409, { error: "flow_disabled", message: `Flow ${flowId} is disabled` });
  if (found.kind === "disabled") return flowDisabled(found.flowId);
  if (found.kind === "not_published") {
    return json(409, { error: "flow_not_published", message: `Flow ${found.flowId} has no published version` });
  }

  const body = await readJsonBody(request, deps.maxBodyBytes);
  if (body.kind === "too_large") {
    return json(413, { error: "body_too_large", message: `The body is larger than ${body.limit} bytes` });
  }
  if (body.kind === "bad_json") {
    return json(400, { error: "invalid_json", message: body.message, issues: [{ path: "", message: body.message }] });
  }

  const closing = found.kind === "closing" ? found.reason : null;
  const result = await acceptAlerts(deps, found.target, body.json, { closeOnly: closing !== null });
  if (result.kind === "invalid") {
    if (closing === "archived") return unauthorized();
    return json(400, {
      error: "invalid_alert",
      message: `The alert does not match the ${found.target.plan.trigger.format} format`,
      issues: result.issues,
    });
  }
  if (closing && !result.accepted.some((alert) => alert.outcome !== "no_open_incident")) {
    return closing === "archived" ? unauthorized() : flowDisabled(found.target.flowId);
  }
  if (closing) {
    return json(202, {
      accepted: result.accepted,
      filteredOut: result.filteredOut,
      refused: result.refused,
      message: `The flow is ${closing}: only Ok alerts of open incidents are taken; ${result.refused} refused`,
    });
  }
  return json(202, { accepted: result.accepted, filteredOut: result.filteredOut });
}
