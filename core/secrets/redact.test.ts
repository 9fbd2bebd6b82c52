import { describe, expect, it } from "vitest";
import { REDACTED, basicAuthSecrets, redact } from "./redact";

describe("redact", () => {
  it("masks raw, URL-encoded and JSON-escaped forms", () => {
    const secret = 'a b/"c"';
    const text = `raw=${secret} url=${encodeURIComponent(secret)} json=${JSON.stringify(secret)}`;
    expect(redact(text, [secret])).toBe(`raw=${REDACTED} url=${REDACTED} json="${REDACTED}"`);
  });

  it("masks a JSON body echoed back inside a JSON string (escaped twice)", () => {
    const secret = 'rk"/+&=\\%';
    const echoed = JSON.stringify({ body: JSON.stringify({ routing_key: secret }) });
    expect(echoed).not.toContain(JSON.stringify(secret).slice(1, -1));
    expect(redact(echoed, [secret])).toBe(JSON.stringify({ body: JSON.stringify({ routing_key: REDACTED }) }));
  });

  it("masks the longer of overlapping secrets whole and ignores empty ones", () => {
    expect(redact("token=abcdef and abc", ["abc", "abcdef", ""])).toBe(`token=${REDACTED} and ${REDACTED}`);
  });

  it("masks basic auth credentials", () => {
    const header = `Basic ${Buffer.from("user:s3cret").toString("base64")}`;
    expect(redact(header, basicAuthSecrets("user", "s3cret"))).toBe(`Basic ${REDACTED}`);
  });

  it("masks base64, base64url, hex and XML forms, and leaves short secrets' encodings alone", () => {
    const secret = "s3cr?t>>token~";
    const b = Buffer.from(secret);
    const forms = [
      b.toString("base64"),
      b.toString("base64").replace(/=+$/, ""),
      b.toString("base64url"),
      b.toString("hex"),
      b.toString("hex").toUpperCase(),
      encodeURIComponent(secret).toLowerCase(),
      "s3cr?t&gt;&gt;token~",
    ];
    const text = forms.join(" | ");
    expect(redact(text, [secret])).toBe(forms.map(() => REDACTED).join(" | "));
    expect(redact("abc 616263", ["abc"])).toBe(`${REDACTED} 616263`);
  });
});

describe("redact, forms a body may carry", () => {
  it("masks a secret sent as a form value and one XML-escaped with its apostrophe", () => {
    const secret = "it's (a) t0ken!~ now";
    const form = new URLSearchParams({ Token: secret }).toString();
    const xml = "it&apos;s (a) t0ken!~ now";
    expect(redact(`${form} <Say>${xml}</Say>`, [secret])).toBe(`Token=${REDACTED} <Say>${REDACTED}</Say>`);
  });
});
