export const REDACTED = "[REDACTED]";

function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Secrets shorter than this are only masked raw: their encodings would match ordinary text. */
const MIN_ENCODED_LENGTH = 4;

/**
 * The forms a secret takes on the wire, so a secret cannot slip through a log just because it
 * was encoded: raw, URL-encoded (also with `+` for spaces, lower-case escapes, and as a form value), JSON-escaped
 * (once, and twice as in an echoed JSON body),
 * base64 (padded and not), base64url, hex (either case), and XML-escaped.
 */
export function secretForms(secret: string): string[] {
  const forms = new Set([secret]);
  if (secret.length < MIN_ENCODED_LENGTH) return [...forms];
  const url = encodeURIComponent(secret);
  forms.add(url);
  forms.add(url.replace(/%20/g, "+"));
  forms.add(url.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()));
  // A form body encodes more than encodeURIComponent does (' ( ) ! ~ and spaces as +).
  forms.add(new URLSearchParams({ v: secret }).toString().slice(2));
  const json = JSON.stringify(secret).slice(1, -1);
  forms.add(json);
  // A receiver that echoes the request back inside a JSON string escapes a JSON body again.
  forms.add(JSON.stringify(json).slice(1, -1));
  const xml = secret.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  forms.add(xml);
  // XmlEncode also escapes the apostrophe.
  forms.add(xml.replace(/'/g, "&apos;"));
  const bytes = bytesOf(secret);
  const b64 = base64(bytes);
  forms.add(b64);
  forms.add(b64.replace(/=+$/, ""));
  forms.add(b64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""));
  forms.add(hex(bytes));
  forms.add(hex(bytes).toUpperCase());
  return [...forms];
}

/**
 * Masks every occurrence of every secret in `text`. Longer secrets go first so one secret that
 * contains another is masked whole.
 */
export function redact(text: string, secrets: Iterable<string>): string {
  const forms = [...new Set([...secrets].filter((s) => s !== "").flatMap(secretForms))].sort(
    (a, b) => b.length - a.length,
  );
  let out = text;
  for (const form of forms) out = out.split(form).join(REDACTED);
  return out;
}

/** The values to redact for credentials sent as HTTP Basic auth (the base64 of `user:password`). */
export function basicAuthSecrets(username: string, password: string): string[] {
  if (password === "") return [];
  return [password, base64(bytesOf(`${username}:${password}`))];
}
