import { readLimitedBody } from "../http/read-limited-body";

export type BodyResult =
  { kind: "ok"; json: unknown } | { kind: "too_large"; limit: number } | { kind: "bad_json"; message: string };

/** Reads at most `limit` bytes of JSON; a bigger body is refused without buffering the rest. */
export async function readJsonBody(request: Request, limit: number): Promise<BodyResult> {
  if (!request.body) return { kind: "bad_json", message: "The request has no body" };
  const body = await readLimitedBody(request, limit);
  if (body.kind === "too_large") return body;
  try {
    return { kind: "ok", json: JSON.parse(body.bytes.toString("utf8")) };
  } catch (err) {
    return { kind: "bad_json", message: err instanceof Error ? err.message : "Invalid JSON" };
  }
}
