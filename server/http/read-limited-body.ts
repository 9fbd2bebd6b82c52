export type LimitedBody = { kind: "ok"; bytes: Buffer } | { kind: "too_large"; limit: number };

/** Reads at most `limit` bytes; a bigger body is refused without buffering the rest. */
export async function readLimitedBody(request: Request, limit: number): Promise<LimitedBody> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return { kind: "too_large", limit };
  if (!request.body) return { kind: "ok", bytes: Buffer.alloc(0) };
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
  return { kind: "ok", bytes: Buffer.concat(chunks) };
}
