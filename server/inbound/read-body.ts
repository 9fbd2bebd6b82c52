import { cleanJsonInPlace } from "~/core/wire/storable-text";
import { assertDepth } from "~/core/wire/wire-transformer";
import type { AlertRequest } from "./alert-exchange";

export type BodyResult =
  /** `bytes`: the body as received, which an `Idempotency-Key` is bound to (by its hash). */
  /** `uncleaned`: the body as sent, when cleaning changed it, to refuse keys it would merge. */
  | { kind: "ok"; json: unknown; cleaned: number; bytes: Uint8Array; uncleaned?: unknown }
  | { kind: "too_large"; limit: number }
  | { kind: "bad_json"; message: string };

/** No alert format nests beyond a handful of levels; deeper bodies are refused before any walk. */
export const MAX_ALERT_JSON_DEPTH = 32;

/**
 * Reads at most `limit` bytes of JSON; a bigger body is refused without buffering the rest.
 * Text Postgres cannot store (NUL, unpaired surrogates) is replaced by U+FFFD: an alert is
 * cleaned rather than refused, since its sender cannot fix it, and never accepted then lost.
 * Alert keys, labels and monitor names are the exception (checked on `uncleaned`): cleaned, two
 * different keys would become one incident.
 */
export async function readJsonBody(request: AlertRequest, limit: number): Promise<BodyResult> {
  const body = await request.readBody(limit);
  if (body === null) return { kind: "bad_json", message: "The request has no body" };
  if (body.kind === "too_large") return body;
  let json: unknown;
  const text = body.bytes.toString("utf8");
  try {
    json = JSON.parse(text);
    assertDepth(json, MAX_ALERT_JSON_DEPTH);
  } catch (err) {
    // JSON.parse's SyntaxError and the depth refusal both name what is wrong without any secret.
    return { kind: "bad_json", message: err instanceof Error ? err.message : "Invalid JSON" };
  }
  const { value, cleaned } = cleanJsonInPlace(json);
  // Rare (NUL or a lone surrogate was sent): a second parse keeps the text as sent for the
  // identity fields (alert keys, labels), which are refused rather than cleaned.
  if (cleaned > 0) return { kind: "ok", json: value, cleaned, bytes: body.bytes, uncleaned: JSON.parse(text) };
  return { kind: "ok", json: value, cleaned, bytes: body.bytes };
}
