import { describe, expect, it } from "vitest";
import { decryptSecrets, encryptSecrets, keyFromPassphrase } from "./secret-box";

const key = keyFromPassphrase("correct horse battery staple");
const secrets = { RoutingKey: "R0ut1ngK3y", Password: 'p@ss "word" ✓' };

describe("secret box", () => {
  it("round-trips a record of secrets in a versioned string", () => {
    const sealed = encryptSecrets(secrets, key);
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain("R0ut1ngK3y");
    expect(decryptSecrets(sealed, key)).toEqual(secrets);
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecrets(secrets, key)).not.toBe(encryptSecrets(secrets, key));
  });

  it("refuses the wrong key, tampering and a different row", () => {
    const sealed = encryptSecrets(secrets, key, { associatedData: "integration-1" });
    const invalid = expect.objectContaining({ code: "SECRET_BOX_INVALID" });
    expect(() => decryptSecrets(sealed, keyFromPassphrase("other"), { associatedData: "integration-1" })).toThrow(
      invalid,
    );
    expect(() => decryptSecrets(sealed, key, { associatedData: "integration-2" })).toThrow(invalid);
    const [v, iv, tag, body = ""] = sealed.split(".");
    const flipped = `${body.slice(0, -2)}${body.endsWith("A") ? "B" : "A"}${body.slice(-1)}`;
    expect(() => decryptSecrets([v, iv, tag, flipped].join("."), key, { associatedData: "integration-1" })).toThrow(
      invalid,
    );
    expect(decryptSecrets(sealed, key, { associatedData: "integration-1" })).toEqual(secrets);
  });

  it("rejects unknown versions, malformed input and bad keys with codes", () => {
    expect(() => decryptSecrets("v9.a.b.c", key)).toThrow(
      expect.objectContaining({ code: "SECRET_BOX_UNSUPPORTED_VERSION" }),
    );
    expect(() => decryptSecrets("v1.abc", key)).toThrow(expect.objectContaining({ code: "SECRET_BOX_INVALID" }));
    expect(() => encryptSecrets(secrets, new Uint8Array(16))).toThrow(
      expect.objectContaining({ code: "SECRET_BOX_BAD_KEY" }),
    );
  });
});
