import { putOwn } from "../wire/own-record";
import { basicAuthSecrets } from "../secrets/redact";
import { renderTemplate } from "../message-template/render-template";
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
  // fetch refuses a body on GET and HEAD.
  if (step.method === "GET" || step.method === "HEAD") body = undefined;

  return { request: { method: step.method, url: r(step.url).trim(), headers, body }, digest, derivedSecrets };
}
