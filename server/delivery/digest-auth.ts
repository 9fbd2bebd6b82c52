import { createHash, randomBytes } from "node:crypto";

/**
 * HTTP Digest (RFC 7616) for steps with auth "digest": the request goes out without
 * credentials, and a 401 `WWW-Authenticate: Digest …` challenge is answered once.
 */
export function parseDigestChallenge(header: string): Record<string, string> | undefined {
  const match = /^\s*Digest\s+(.*)$/is.exec(header);
  if (!match?.[1]) return undefined;
  const params: Record<string, string> = {};
  const re = /([a-zA-Z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g;
  for (const m of match[1].matchAll(re)) {
    const key = m[1]?.toLowerCase();
    if (key) params[key] = (m[2] ?? m[3] ?? "").replace(/\\(.)/g, "$1");
  }
  return params.nonce && params.realm !== undefined ? params : undefined;
}

export function digestAuthorization(options: {
  challenge: Record<string, string>;
  method: string;
  uri: string;
  username: string;
  password: string;
  cnonce?: string;
}): string {
  const { challenge, method, uri, username, password } = options;
  const algorithm = (challenge.algorithm ?? "MD5").toUpperCase();
  const hashName = algorithm.startsWith("SHA-256") ? "sha256" : "md5";
  const h = (text: string) => createHash(hashName).update(text).digest("hex");
  const realm = challenge.realm ?? "";
  const nonce = challenge.nonce ?? "";
  const cnonce = options.cnonce ?? randomBytes(8).toString("hex");
  const qop = (challenge.qop ?? "")
    .split(",")
    .map((q) => q.trim())
    .includes("auth")
    ? "auth"
    : undefined;
  const nc = "00000001";
  let ha1 = h(`${username}:${realm}:${password}`);
  if (algorithm.endsWith("-SESS")) ha1 = h(`${ha1}:${nonce}:${cnonce}`);
  const ha2 = h(`${method}:${uri}`);
  const response = qop ? h(`${ha1}:${nonce}:${nc}:${cnonce}:${qop}:${ha2}`) : h(`${ha1}:${nonce}:${ha2}`);
  const parts = [
    `username="${username}"`,
    `realm="${realm}"`,
    `nonce="${nonce}"`,
    `uri="${uri}"`,
    `algorithm=${challenge.algorithm ?? "MD5"}`,
    `response="${response}"`,
  ];
  if (challenge.opaque !== undefined) parts.push(`opaque="${challenge.opaque}"`);
  if (qop) parts.push(`qop=${qop}`, `nc=${nc}`, `cnonce="${cnonce}"`);
  return `Digest ${parts.join(", ")}`;
}
