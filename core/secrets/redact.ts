export const REDACTED = "[REDACTED]";

/**
 * The forms a secret takes on the wire, so a secret cannot slip through a log just because it
 * was URL- or JSON-encoded, or sent as basic auth.
 */
function variants(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
  forms.add(encodeURIComponent(secret).replace(/%20/g, "+"));
  return [...forms];
}

/**
 * Masks every occurrence of every secret in `text`. Longer secrets go first so one secret that
 * contains another is masked whole.
 */
export function redact(text: string, secrets: Iterable<string>): string {
  const forms = [...new Set([...secrets].filter((s) => s !== "").flatMap(variants))].sort(
    (a, b) => b.length - a.length,
  );
  let out = text;
  for (const form of forms) out = out.split(form).join(REDACTED);
  return out;
}

/** The values to redact for credentials sent as HTTP Basic auth (the base64 of `user:password`). */
export function basicAuthSecrets(username: string, password: string): string[] {
  if (password === "") return [];
  return [password, Buffer.from(`${username}:${password}`, "utf8").toString("base64")];
}
