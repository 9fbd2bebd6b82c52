import { OutboundBlockedError } from "../security/outbound-guard";
import { redact } from "~/core/secrets/redact";
import type { TemplateContext } from "~/core/message-template/template-context";
import { TemplateError } from "~/core/message-template/template-error";
import type { StepDefinition } from "~/core/integrations/customizations-schema";
import { exchange, urlThatFailed, type ExchangeResponse } from "./http-exchange";
import { captureText, readJsonPath } from "~/core/integrations/json-path";
import { renderStep, type RenderedStep } from "~/core/integrations/render-step";
import { isRetryableStatus, isSuccessStatus, parseRetryAfter } from "~/core/delivery/retry-policy";
import type {
  RecordedRequest,
  RecordedResponse,
  SendErrorCode,
  SendResult,
  StepRecord,
} from "~/core/integrations/send-result";
import type { SendDeps } from "./send-deps";
import type { RefusalReason } from "~/core/domain-error";
import { partValues, templateFailureReason } from "~/core/delivery/send-failure-reason";
import { capStoredBody, STORED_RESPONSE_BODY_BYTES } from "~/core/delivery/stored-body";
import { ownEntry, putOwn } from "~/core/own-entry";

function truncateBytes(text: string, max: number): string {
  const bytes = Buffer.from(text, "utf8");
  return bytes.byteLength <= max ? text : bytes.subarray(0, max).toString("utf8");
}

function recordRequest(step: RenderedStep, secrets: string[]): RecordedRequest {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(step.request.headers)) putOwn(headers, k, redact(v, secrets));
  return {
    method: step.request.method,
    url: redact(step.request.url, secrets),
    headers,
    body: redact(step.request.body ?? "", secrets),
  };
}

/** Responses read only in part, so their stored record says "more than" the size read. */
const partlyRead = new WeakSet<RecordedResponse>();

function recordResponse(response: ExchangeResponse, secrets: string[]): RecordedResponse {
  const recorded = {
    status: response.status,
    headers: Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k, redact(v, secrets)])),
    // Kept whole until `finish` has redacted what later steps captured; capped there.
    body: redact(response.body, secrets),
  };
  if (!response.complete) partlyRead.add(recorded);
  return recorded;
}

/** Redacts a step's record again, with every secret now known, then caps its bodies for storage. */
function rerecord(step: StepRecord, secrets: string[]) {
  const r = (text: string) => redact(text, secrets);
  step.request = {
    ...step.request,
    url: r(step.request.url),
    body: capStoredBody(r(step.request.body)),
    headers: Object.fromEntries(Object.entries(step.request.headers).map(([k, v]) => [k, r(v)])),
  };
  if (step.response) {
    const headers = Object.fromEntries(Object.entries(step.response.headers).map(([k, v]) => [k, r(v)]));
    step.response = {
      ...step.response,
      headers,
      body: capStoredBody(r(step.response.body), STORED_RESPONSE_BODY_BYTES, !partlyRead.has(step.response)),
    };
  }
}

function capture(response: ExchangeResponse, from: "jsonPath" | "header", path: string): string | undefined {
  // A header named `constructor` is the receiver's header, not Object's.
  if (from === "header") return ownEntry(response.headers, path.toLowerCase());
  try {
    return captureText(readJsonPath(JSON.parse(response.body), path));
  } catch {
    return undefined;
  }
}

/**
 * A failed exchange in Alertflow's words. A network error with an OS/undici code (ECONNREFUSED,
 * ENOTFOUND…) also gets a reason naming the host of `url` (the hop that failed, a redirect's
 * target included), taken from the parsed URL so its path, query
 * and credentials (which may hold a token) never reach the reason; the code is kept as is.
 */
function describeNetworkError(
  error: unknown,
  url: string,
  secrets: readonly string[],
): { code: SendErrorCode; message: string; reason?: RefusalReason } {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return { code: "TIMEOUT", message: "The receiver did not answer in time" };
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const code = cause && "code" in cause && typeof cause.code === "string" ? cause.code : undefined;
  const base = error instanceof Error ? error.message : String(error);
  const message = [base, code ?? cause?.message].filter(Boolean).join(": ");
  const host = URL.canParse(url) ? redact(new URL(url).hostname, secrets) : "";
  const reason: RefusalReason | undefined =
    code && /^[A-Z][A-Z0-9_]*$/.test(code) && host
      ? { reason: "receiverUnreachable", values: { host, code } }
      : undefined;
  return { code: "NETWORK_ERROR", message, ...(reason ? { reason } : {}) };
}

/**
 * Runs a step definition's HTTP steps in order. Values captured from a response become
 * variables of the steps after it; the first step that fails decides the result.
 */
export async function sendHttpSteps(
  definition: StepDefinition,
  baseCtx: TemplateContext,
  secrets: string[],
  deps: SendDeps,
): Promise<SendResult> {
  const started = performance.now();
  const signal = AbortSignal.timeout(deps.timeoutMs);
  const steps: StepRecord[] = [];
  let requests = 0;
  let ctx = baseCtx;
  const redactAlso = [...secrets];

  const finish = (
    partial: Omit<SendResult, "steps" | "attemptsInfo" | "latencyMs" | "request" | "response" | "skipped">,
  ): SendResult => {
    // A token captured in step 1 is only known to be a credential once step 2 sends it.
    for (const step of steps) rerecord(step, redactAlso);
    const last = steps.at(-1);
    // Error texts quote receivers, URLs and network errors: redacted like everything stored.
    const error = partial.error && { ...partial.error, message: redact(partial.error.message, redactAlso) };
    return {
      ...partial,
      error,
      skipped: false,
      request: last?.request ?? null,
      response: last?.response ?? null,
      steps,
      attemptsInfo: { requests },
      latencyMs: Math.round(performance.now() - started),
    };
  };

  for (const [index, step] of definition.steps.entries()) {
    // Recorded as typed ("" when unnamed): a page words its own fallback ("Step 2") in its language.
    const recordedName = step.name;
    const name = step.name || `Step ${index + 1}`;
    let rendered: RenderedStep;
    try {
      rendered = renderStep(step, ctx);
    } catch (error) {
      if (error instanceof TemplateError) {
        return finish({
          ok: false,
          retryable: false,
          error: {
            code: "TEMPLATE_ERROR",
            message: `${name}: ${error.message}`,
            reason: templateFailureReason(error, { name: recordedName, number: index + 1 }, redactAlso),
          },
        });
      }
      throw error;
    }
    if (deps.idempotencyKey) {
      // Each step is a different request, so each gets its own key.
      rendered.request.headers["Idempotency-Key"] =
        index === 0 ? deps.idempotencyKey : `${deps.idempotencyKey}:${index + 1}`;
    }
    redactAlso.push(...rendered.derivedSecrets);
    const request = recordRequest(rendered, redactAlso);
    // A URL refused as written (not an address, not http/https) names its step, never the URL.
    const withStep = (why: RefusalReason | undefined): RefusalReason | undefined =>
      why && (why.reason === "urlInvalidAtSend" || why.reason === "urlSchemeRefused")
        ? { ...why, values: { ...why.values, ...partValues({ name: recordedName, number: index + 1 }) } }
        : why;
    const stepStarted = performance.now();
    let response: ExchangeResponse;
    try {
      const result = await exchange(rendered, {
        signal,
        allowList: deps.outbound.allowList,
        resolve: deps.outbound.resolve,
        secrets: redactAlso,
      });
      response = result.response;
      requests += result.requests;
    } catch (error) {
      steps.push({
        name: recordedName,
        request,
        response: null,
        latencyMs: Math.round(performance.now() - stepStarted),
      });
      if (error instanceof OutboundBlockedError) {
        return finish({
          ok: false,
          retryable: false,
          error: { code: "OUTBOUND_BLOCKED", message: error.message, reason: withStep(error.why) },
        });
      }
      requests++;
      return finish({
        ok: false,
        retryable: true,
        error: describeNetworkError(error, urlThatFailed(error) ?? rendered.request.url, redactAlso),
      });
    }
    steps.push({
      name: recordedName,
      request,
      response: recordResponse(response, redactAlso),
      latencyMs: Math.round(performance.now() - stepStarted),
    });

    if (!isSuccessStatus(response.status)) {
      const retryable = isRetryableStatus(response.status);
      return finish({
        ok: false,
        retryable,
        status: response.status,
        retryAfterMs: retryable ? parseRetryAfter(response.headers["retry-after"], Date.now()) : undefined,
        error: {
          code: "HTTP_ERROR",
          message: `${name}: HTTP ${response.status} ${truncateBytes(redact(response.body, redactAlso), 300)}`.trim(),
        },
      });
    }
    const captured: Record<string, string> = {};
    for (const c of step.captures) {
      const value = capture(response, c.from, c.path);
      if (value === undefined) {
        return finish({
          ok: false,
          retryable: false,
          status: response.status,
          error: {
            code: "CAPTURE_FAILED",
            message: `${name}: nothing found at ${c.from} "${c.path}" for {{${c.name}}}`,
          },
        });
      }
      putOwn(captured, c.name, value);
    }
    ctx = { ...ctx, variables: { ...ctx.variables, ...captured } };
    if (index === definition.steps.length - 1) return finish({ ok: true, retryable: false, status: response.status });
  }
  return finish({ ok: true, retryable: false });
}
