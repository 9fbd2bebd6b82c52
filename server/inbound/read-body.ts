export type BodyResult =
  { kind: "ok"; json: unknown } | { kind: "too_large"; limit: number } | { kind: "bad_json"; message: string };

/** Reads at most `limit` bytes; a bigger body is refused without buffering the rest. */
export async function readJsonBody(request: Request, limit: number): Promise<BodyResult> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return { kind: "too_large", limit };
  if (!request.body) return { kind: "bad_json", message: "The request has no body" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return { kind: "too_large", limit };
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return { kind: "ok", json: JSON.parse(text) };
  } catch (err) {
    return { kind: "bad_json", message: err instanceof Error ? err.message : "Invalid JSON" };
  }
}
