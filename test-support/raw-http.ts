/**
 * Requests written as raw text, the way a hostile client sends them: bodies the typed client
 * could never produce (NUL escapes, unpaired surrogates, nesting thousands deep, wrong shapes).
 */
export interface RawAnswer {
  status: number;
  text: string;
  json: unknown;
}

function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

async function answerOf(response: Response): Promise<RawAnswer> {
  const text = await response.text();
  return { status: response.status, text, json: parseOrNull(text) };
}

export async function postRaw(url: string, body: string, contentType = "application/json"): Promise<RawAnswer> {
  return answerOf(await fetch(url, { method: "POST", headers: { "content-type": contentType }, body }));
}

/** A tRPC mutation with `inputJson` as the raw text of the transformer's `json` field. */
export function trpcMutationRaw(baseUrl: string, path: string, inputJson: string): Promise<RawAnswer> {
  return postRaw(`${baseUrl}/api/trpc/${path}`, `{"json":${inputJson}}`);
}

/** The message of a tRPC error answer (`{"error":{"json":{"message":…}}}`), or undefined. */
export function trpcErrorMessage(answer: RawAnswer): string | undefined {
  const message: unknown = Object(Object(Object(answer.json).error).json).message;
  return typeof message === "string" ? message : undefined;
}

/** `{"a":{"a":…"leaf"…}}` nested `depth` objects deep, as text (building it as a value would be slow). */
export function nestedJsonText(depth: number, leaf = '"leaf"'): string {
  return '{"a":'.repeat(depth) + leaf + "}".repeat(depth);
}
