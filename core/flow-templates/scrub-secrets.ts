import { redact, REDACTED } from "../secrets/redact";
import type { FlowTemplateDocument } from "./template-document";

/**
 * Inbound endpoint tokens (`af_` and 32 base64url characters, see server/flows/endpoint-service)
 * are stored only as hashes, so they cannot be looked up; their shape is distinctive enough to
 * find one pasted into a message or label.
 */
const ENDPOINT_TOKEN = /af_[A-Za-z0-9_-]{32}/g;

/** Secret values shorter than this would mask ordinary words; the catalogue's are all longer. */
const MIN_SECRET_LENGTH = 4;

/**
 * Masks, in every string of the document, any secret value of the workspace and anything shaped
 * like an endpoint token. Structural stripping (secret variables, integration ids) happens before
 * this; this pass catches what a person pasted into a label, message or filter. The result is
 * untyped on purpose: read it with `readTemplateDocument`, which also refuses a document a
 * mask has broken (a secret that was also an id).
 */
export function scrubSecrets(document: FlowTemplateDocument, secretValues: Iterable<string>): unknown {
  const secrets = [...secretValues].filter((s) => s.length >= MIN_SECRET_LENGTH);
  const clean = (text: string) => redact(text, secrets).replace(ENDPOINT_TOKEN, REDACTED);
  return mapStrings(document, clean);
}

function mapStrings(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === "string") return f(value);
  if (Array.isArray(value)) return value.map((item: unknown) => mapStrings(item, f));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [f(key), mapStrings(item, f)]));
  }
  return value;
}
