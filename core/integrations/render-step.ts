import { putOwn } from "../own-entry";
import { basicAuthSecrets } from "../secrets/redact";
import { renderTemplate } from "../message-template/render-template";
import { TemplateError } from "../message-template/template-error";
import type { TemplateContext } from "../message-template/template-context";
import type { HttpStep } from "./customizations-schema";

export interface RenderedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export interface RenderedStep {
  request: RenderedRequest;
  digest?: { username: string; password: string };
  /** Credential forms produced while rendering (e.g. the basic-auth base64) to redact as well. */
  derivedSecrets: string[];
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((h) => h.toLowerCase() === name.toLowerCase());
}

function guessContentType(body: string): string {
  const start = body.trimStart().charAt(0);
  if (start === "{" || start === "[") return "application/json";
  if (start === "<") return "application/xml";
  return "text/plain; charset=utf-8";
}

/**
 * A header value HTTP can carry: no line breaks or NUL (they would end the header, and fetch
 * refuses them) and nothing above Latin-1 (fetch sends bytes). Refused with the header's name,
 * never its value (it may hold a secret), so the delivery fails once instead of retrying a
 * request that can never be sent.
 */
function checkHeaderValue(name: string, value: string): void {
  const codes = Array.from(value, (c) => c.codePointAt(0) ?? 0);
  const problem = codes.some((c) => c === 0x0a || c === 0x0d || c === 0)
    ? "contains a line break"
    : codes.some((c) => c > 0xff)
      ? "contains characters outside Latin-1, which HTTP headers cannot carry"
      : undefined;
  if (problem) throw new TemplateError("INVALID_ARGUMENT", `Header "${name}" ${problem}`, 0);
}

/** Renders one HTTP step's templates. Throws `TemplateError`. */
export function renderStep(step: HttpStep, ctx: TemplateContext): RenderedStep {
  const r = (src: string) => renderTemplate(src, ctx);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(step.headers)) putOwn(headers, name, r(value));
  const derivedSecrets: string[] = [];
  let digest: RenderedStep["digest"];

  switch (step.auth.type) {
    case "basic": {
      const username = r(step.auth.username);
      const password = r(step.auth.password);
      // RFC 7617: the first colon ends the user-id, so the receiver would read another name.
      if (username.includes(":")) throw new TemplateError("INVALID_ARGUMENT", 'Basic auth username contains ":"', 0);
      headers.Authorization = `Basic ${Buffer.from(`${username}:${password}`, "utf8").toString("base64")}`;
      derivedSecrets.push(...basicAuthSecrets(username, password));
      break;
    }
    case "bearer": {
      const token = r(step.auth.token);
      headers.Authorization = `Bearer ${token}`;
      derivedSecrets.push(token);
      break;
    }
    case "digest":
      digest = { username: r(step.auth.username), password: r(step.auth.password) };
      derivedSecrets.push(digest.password);
      break;
    case "none":
      break;
  }

  let body: string | undefined;
  if (step.body.type === "raw") {
    body = r(step.body.content);
    if (!hasHeader(headers, "content-type") && body !== "") headers["Content-Type"] = guessContentType(body);
  } else if (step.body.type === "form") {
    const form = new URLSearchParams();
    for (const [name, value] of Object.entries(step.body.fields)) form.append(name, r(value));
    body = form.toString();
    if (!hasHeader(headers, "content-type")) headers["Content-Type"] = "application/x-www-form-urlencoded";
  }
  for (const [name, value] of Object.entries(headers)) checkHeaderValue(name, value);
  // fetch refuses a body on GET and HEAD.
  if (step.method === "GET" || step.method === "HEAD") body = undefined;

  return { request: { method: step.method, url: r(step.url).trim(), headers, body }, digest, derivedSecrets };
}
