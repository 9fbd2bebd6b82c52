import { isIP } from "node:net";
import { getSystemErrorName } from "node:util";
import type { RefusalReason } from "~/core/domain-error";
import { templateFailureReason } from "~/core/delivery/send-failure-reason";
import nodemailer from "nodemailer";
import { OutboundBlockedError, assertHostAllowed } from "../security/outbound-guard";
import { redact } from "~/core/secrets/redact";
import type { TemplateContext } from "~/core/message-template/template-context";
import { TemplateError } from "~/core/message-template/template-error";
import { renderEmail, type RenderedEmail } from "~/core/integrations/render-email";
import type { EmailTemplate } from "~/core/integrations/customizations-schema";
import type { RecordedRequest, SendErrorCode, SendResult } from "~/core/integrations/send-result";
import type { SendDeps } from "./send-deps";
import { capStoredBody, STORED_RESPONSE_BODY_BYTES } from "~/core/delivery/stored-body";

const truthy = (value: string | undefined) => /^(true|1|yes|on)$/i.test(value?.trim() ?? "");

/** Message-ID from the idempotency key: receivers and archives dedupe a retried email on it. */
function messageId(idempotencyKey: string): string | undefined {
  const local = idempotencyKey.replace(/[^A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]/g, ".");
  return local ? `<${local}@alertflow>` : undefined;
}

function smtpFailure(error: unknown): { code: SendErrorCode; retryable: boolean; status?: number; message: string } {
  const message = error instanceof Error ? error.message : String(error);
  const status =
    error instanceof Error && "responseCode" in error && typeof error.responseCode === "number"
      ? error.responseCode
      : undefined;
  const code = error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : "";
  // SMTP's own rule: 4xx replies are transient, 5xx permanent; bad credentials stay bad.
  if (status !== undefined) return { code: "SMTP_ERROR", retryable: status < 500, status, message };
  if (code === "EAUTH" || code === "EENVELOPE" || code === "EMESSAGE")
    return { code: "SMTP_ERROR", retryable: false, message };
  if (code === "ETIMEDOUT") return { code: "TIMEOUT", retryable: true, message };
  return { code: "NETWORK_ERROR", retryable: true, message };
}

/** An SMTP server that could not be reached, for pages to word: its host as typed and the OS code. */
function unreachableReason(host: string, error: unknown, secrets: string[]): RefusalReason | undefined {
  // nodemailer replaces a socket error's code with its own (ESOCKET); the errno still names the OS's.
  const errno = error instanceof Error && "errno" in error && typeof error.errno === "number" ? error.errno : 0;
  const own = error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : "";
  const code = errno < 0 ? getSystemErrorName(errno) : own;
  return /^E[A-Z0-9_]+$/.test(code) && host
    ? { reason: "receiverUnreachable", values: { host: redact(host, secrets), code } }
    : undefined;
}

/**
 * The alert key is the sender's text: its line breaks become spaces, so it stays one header
 * whatever it holds (nodemailer does the same today; this does not depend on it). Non-ASCII is
 * sent as RFC 2047 words and long values are folded, by nodemailer.
 */
const oneHeaderLine = (text: string) => text.replace(/\r\n|\r|\n/g, " ");

type BaseKeys = "skipped" | "steps" | "attemptsInfo" | "request" | "response";

/** Sends one email through the integration's SMTP server. */
export async function sendEmail(
  template: EmailTemplate,
  ctx: TemplateContext,
  secrets: string[],
  deps: SendDeps,
): Promise<SendResult> {
  const started = performance.now();
  const v = ctx.variables;
  const host = v.SmtpHost?.trim() ?? "";
  const port = Number(v.SmtpPort ?? "587");
  const base: Pick<SendResult, BaseKeys> = {
    skipped: false,
    steps: [],
    attemptsInfo: { requests: 0 },
    request: null,
    response: null,
  };
  const done = (
    partial: Omit<SendResult, "latencyMs" | BaseKeys> & Partial<Pick<SendResult, BaseKeys>>,
  ): SendResult => ({
    ...base,
    ...partial,
    latencyMs: Math.round(performance.now() - started),
  });

  const missing = ["SmtpHost", "From", "To"].filter((name) => !v[name]?.trim());
  if (missing.length > 0 || !Number.isInteger(port) || port <= 0 || port > 65535) {
    const message = missing.length > 0 ? `Missing ${missing.join(", ")}` : `"${v.SmtpPort ?? ""}" is not a port`;
    return done({ ok: false, retryable: false, error: { code: "MISSING_VARIABLE", message } });
  }
  let email: RenderedEmail;
  try {
    email = renderEmail(template, ctx);
  } catch (error) {
    if (error instanceof TemplateError)
      return done({
        ok: false,
        retryable: false,
        error: {
          code: "TEMPLATE_ERROR",
          message: error.message,
          reason: templateFailureReason(error, "email", secrets),
        },
      });
    throw error;
  }
  const id = messageId(deps.idempotencyKey);
  const request: RecordedRequest = {
    method: "SMTP",
    url: `smtp://${host}:${port}`,
    headers: {
      From: v.From ?? "",
      To: v.To ?? "",
      Subject: redact(email.subject, secrets),
      ...(id ? { "Message-ID": id } : {}),
    },
    body: capStoredBody(redact(email.text, secrets)),
  };
  let checked: string[];
  try {
    checked = await assertHostAllowed(host, port, {
      allowList: deps.outbound.allowList,
      resolve: deps.outbound.resolve,
    });
  } catch (error) {
    if (error instanceof OutboundBlockedError) {
      return done({
        ok: false,
        retryable: false,
        request,
        error: { code: "OUTBOUND_BLOCKED", message: error.message, reason: error.why },
      });
    }
    return done({
      ok: false,
      retryable: true,
      request,
      error: { code: "NETWORK_ERROR", message: String(error), reason: unreachableReason(host, error, secrets) },
    });
  }

  // Connect to the address that was checked, not to the name (which nodemailer would resolve again,
  // with its own resolver); the certificate is still verified against the name.
  const pinned = checked[0];
  const transport = nodemailer.createTransport({
    host: pinned ?? host,
    port,
    ...(pinned !== undefined && isIP(host) === 0 ? { servername: host } : {}),
    secure: truthy(v.SmtpSecure),
    ignoreTLS: truthy(v.DisableTls),
    auth: v.SmtpUser ? { user: v.SmtpUser, pass: v.SmtpPassword ?? "" } : undefined,
    tls: { rejectUnauthorized: !truthy(v.AllowInsecureTls) },
    connectionTimeout: deps.timeoutMs,
    greetingTimeout: deps.timeoutMs,
    socketTimeout: deps.timeoutMs,
  });
  try {
    const info = await transport.sendMail({
      from: v.From,
      to: v.To,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: id,
      headers: { "X-Alertflow-Incident": oneHeaderLine(ctx.system["incident.key"]) },
    });
    const status = Number(/^\d{3}/.exec(info.response)?.[0] ?? 250);
    return done({
      ok: true,
      retryable: false,
      status,
      request,
      attemptsInfo: { requests: 1 },
      response: {
        status,
        headers: {},
        body: capStoredBody(redact(info.response, secrets), STORED_RESPONSE_BODY_BYTES),
      },
    });
  } catch (error) {
    const failure = smtpFailure(error);
    return done({
      ok: false,
      retryable: failure.retryable,
      status: failure.status,
      request,
      attemptsInfo: { requests: 1 },
      response:
        failure.status === undefined
          ? null
          : {
              status: failure.status,
              headers: {},
              body: capStoredBody(redact(failure.message, secrets), STORED_RESPONSE_BODY_BYTES),
            },
      error: {
        code: failure.code,
        message: redact(failure.message, secrets),
        reason: failure.code === "NETWORK_ERROR" ? unreachableReason(host, error, secrets) : undefined,
      },
    });
  } finally {
    transport.close();
  }
}
