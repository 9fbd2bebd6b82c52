import { createHash, randomBytes } from "node:crypto";

/**
 * HTTP Digest (RFC 7616) for steps with auth "digest": the request goes out without
 * credentials, and a 401 `WWW-Authenticate: Digest …` challenge is answered once.
 *
 * Written here rather than taken from npm: the Digest clients there hash MD5 only (or MD5 and
 * SHA-256), read one challenge per header, and none answers SHA-512-256 or `userhash`.
 */

export interface AuthChallenge {
  /** Lower-cased, e.g. "digest", "basic". */
  scheme: string;
  /** auth-params with lower-cased names and unquoted values. */
  params: Record<string, string>;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+/;

/**
 * Every challenge in a `WWW-Authenticate` value (RFC 9110 §11.6.1): a server may offer several,
 * in one field or in several that fetch joins with ", ", e.g.
 * `Digest realm="a", nonce="1", algorithm=SHA-256, Digest realm="a", nonce="2", Basic realm="a"`.
 */
export function parseAuthChallenges(header: string): AuthChallenge[] {
  const challenges: AuthChallenge[] = [];
  let rest = header;
  const skip = (pattern: RegExp) => {
    rest = rest.replace(pattern, "");
  };
  for (;;) {
    skip(/^[\s,]+/);
    const scheme = TOKEN.exec(rest)?.[0];
    if (!scheme) return challenges;
    rest = rest.slice(scheme.length);
    const challenge: AuthChallenge = { scheme: scheme.toLowerCase(), params: {} };
    challenges.push(challenge);
    // auth-params until the next token that is not followed by "=": that one starts a challenge.
    for (;;) {
      const param = /^[\s,]*([!#$%&'*+\-.^_`|~0-9A-Za-z]+)[ \t]*=[ \t]*/.exec(rest);
      if (!param?.[1] || /^[\s,]*[^\s=,]+[ \t]*==/.test(rest)) break;
      rest = rest.slice(param[0].length);
      const quoted = /^"((?:[^"\\]|\\.)*)"/.exec(rest);
      const value = quoted ? (quoted[1] ?? "").replace(/\\(.)/g, "$1") : (TOKEN.exec(rest)?.[0] ?? "");
      rest = rest.slice(quoted ? quoted[0].length : value.length);
      challenge.params[param[1].toLowerCase()] = value;
    }
    // A token68 (e.g. `Negotiate abc==`) is skipped up to the next comma.
    if (!/^\s*(,|$)/.test(rest)) skip(/^[^,]*/);
  }
}

/** RFC 7616 §6.1's algorithms, by the name in the challenge, with Node's hash for each. */
const HASHES: Record<string, string> = { MD5: "md5", "SHA-256": "sha256", "SHA-512-256": "sha512-256" };

function hashOf(algorithm: string): string | undefined {
  return HASHES[algorithm.toUpperCase().replace(/-SESS$/, "")];
}

/**
 * The Digest challenge to answer: the first one (servers list their preferred first, RFC 7616
 * §3.7) with a nonce, an algorithm we hash, and qop absent or offering "auth".
 */
export function pickDigestChallenge(header: string): Record<string, string> | undefined {
  return parseAuthChallenges(header).find(({ scheme, params }) => {
    if (scheme !== "digest" || !params.nonce || params.realm === undefined) return false;
    if (!hashOf(params.algorithm ?? "MD5")) return false;
    return params.qop === undefined || qopList(params.qop).includes("auth");
  })?.params;
}

const qopList = (qop: string) => qop.split(",").map((q) => q.trim().toLowerCase());

/** RFC 8187 ext-value: percent-encoded UTF-8, leaving only attr-chars as they are. */
const extValue = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** A quoted-string: backslash before `"` and `\`. */
const quote = (value: string) => `"${value.replace(/["\\]/g, "\\$&")}"`;

export function digestAuthorization(options: {
  challenge: Record<string, string>;
  method: string;
  uri: string;
  username: string;
  password: string;
  cnonce?: string;
}): string {
  const { challenge, method, uri, username, password } = options;
  const algorithm = challenge.algorithm ?? "MD5";
  const hashName = hashOf(algorithm);
  if (!hashName) throw new Error(`Digest algorithm ${algorithm} is not supported`);
  // Strings are hashed as UTF-8, which is also what `charset=UTF-8` asks for.
  const h = (text: string) => createHash(hashName).update(text, "utf8").digest("hex");
  const realm = challenge.realm ?? "";
  const nonce = challenge.nonce ?? "";
  const cnonce = options.cnonce ?? randomBytes(16).toString("base64url");
  const qop = challenge.qop !== undefined && qopList(challenge.qop).includes("auth") ? "auth" : undefined;
  const nc = "00000001";
  let ha1 = h(`${username}:${realm}:${password}`);
  if (/-sess$/i.test(algorithm)) ha1 = h(`${ha1}:${nonce}:${cnonce}`);
  const ha2 = h(`${method}:${uri}`);
  const response = qop ? h(`${ha1}:${nonce}:${nc}:${cnonce}:${qop}:${ha2}`) : h(`${ha1}:${nonce}:${ha2}`);

  const userhash = challenge.userhash?.toLowerCase() === "true";
  const parts: string[] = [];
  if (userhash) parts.push(`username=${quote(h(`${username}:${realm}`))}`, "userhash=true");
  // A username a quoted-string cannot carry goes in RFC 8187's extended notation (§3.4).
  else if (/^[\x20-\x7e]*$/.test(username)) parts.push(`username=${quote(username)}`);
  else parts.push(`username*=UTF-8''${extValue(username)}`);
  parts.push(
    `realm=${quote(realm)}`,
    `uri=${quote(uri)}`,
    `algorithm=${algorithm}`,
    `nonce=${quote(nonce)}`,
    `response=${quote(response)}`,
  );
  if (challenge.opaque !== undefined) parts.push(`opaque=${quote(challenge.opaque)}`);
  if (qop) parts.push(`qop=${qop}`, `nc=${nc}`, `cnonce=${quote(cnonce)}`);
  return `Digest ${parts.join(", ")}`;
}
