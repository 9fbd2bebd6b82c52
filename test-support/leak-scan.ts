/**
 * Finds a secret in text in the forms it takes on the way out: raw, URL-encoded (also form
 * encoding), JSON-escaped (once and twice), hex (either case), and base64 / base64url at each of
 * the three byte alignments, so a secret inside a larger encoded value (`user:password` in Basic
 * auth, a JSON document in a Temporal payload) is found too.
 */
export function leakForms(secret: string): string[] {
  const forms = new Set<string>([secret]);
  forms.add(encodeURIComponent(secret));
  forms.add(new URLSearchParams({ s: secret }).toString().slice(2));
  const json = JSON.stringify(secret).slice(1, -1);
  forms.add(json);
  forms.add(JSON.stringify(json).slice(1, -1));
  const bytes = Buffer.from(secret, "utf8");
  forms.add(bytes.toString("hex"));
  forms.add(bytes.toString("hex").toUpperCase());
  for (const encoding of ["base64", "base64url"] as const) {
    for (let shift = 0; shift < 3; shift++) {
      const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString(encoding);
      // Only the characters made of the secret's bits alone: the same wherever it sits.
      const core = encoded.slice(Math.ceil((shift * 8) / 6), Math.floor(((shift + bytes.length) * 8) / 6));
      if (core.length >= 8) forms.add(core);
    }
  }
  return [...forms];
}

export interface Leak {
  where: string;
  secret: string;
  form: string;
  excerpt: string;
}

/** Every form of every secret found in `text`, with a little context to find it by. */
export function findLeaks(where: string, text: string, secrets: readonly string[]): Leak[] {
  const leaks: Leak[] = [];
  for (const secret of secrets) {
    for (const form of leakForms(secret)) {
      const at = text.indexOf(form);
      if (at >= 0)
        leaks.push({ where, secret, form, excerpt: text.slice(Math.max(0, at - 80), at + form.length + 80) });
    }
  }
  return leaks;
}
