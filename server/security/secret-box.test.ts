import { describe, expect, it } from "vitest";
import { decryptSecrets, encryptSecrets, sealedKeyId } from "./secret-box";
import { createKeyring } from "./secret-keyring";
import { createCipheriv, createHash, randomBytes } from "node:crypto";

const ring = createKeyring(["correct horse battery staple"]);
const secrets = { RoutingKey: "R0ut1ngK3y", Password: 'p@ss "word" ✓' };

describe("secret box", () => {
  it("round-trips a record of secrets in a string that names its format and key", () => {
    const sealed = encryptSecrets(secrets, ring.current);
    expect(sealed).toMatch(/^v2\.[\w-]{10}\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealedKeyId(sealed)).toBe(ring.current.id);
    expect(sealed).not.toContain("R0ut1ngK3y");
    expect(decryptSecrets(sealed, ring)).toEqual(secrets);
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecrets(secrets, ring.current)).not.toBe(encryptSecrets(secrets, ring.current));
  });

  it("opens secrets sealed under a previous key of the ring by its id", () => {
    const old = createKeyring(["the key before the rotation"]);
    const sealed = encryptSecrets(secrets, old.current);
    const rotated = createKeyring(["the key after the rotation", "the key before the rotation"]);
    expect(decryptSecrets(sealed, rotated)).toEqual(secrets);
    expect(rotated.current.id).not.toBe(old.current.id);
  });

  it("names the missing key instead of calling the data corrupt", () => {
    const sealed = encryptSecrets(secrets, createKeyring(["a key this server lacks"]).current);
    expect(() => decryptSecrets(sealed, ring)).toThrow(
      expect.objectContaining({ code: "SECRET_BOX_UNKNOWN_KEY", message: expect.stringContaining("not configured") }),
    );
  });

  it("refuses tampering and a different row", () => {
    const sealed = encryptSecrets(secrets, ring.current, { associatedData: "integration-1" });
    const invalid = expect.objectContaining({ code: "SECRET_BOX_INVALID" });
    expect(() => decryptSecrets(sealed, ring, { associatedData: "integration-2" })).toThrow(invalid);
    const [v, kid, iv, tag, body = ""] = sealed.split(".");
    const flipped = `${body.slice(0, -2)}${body.endsWith("A") ? "B" : "A"}${body.slice(-1)}`;
    expect(() =>
      decryptSecrets([v, kid, iv, tag, flipped].join("."), ring, { associatedData: "integration-1" }),
    ).toThrow(invalid);
    expect(decryptSecrets(sealed, ring, { associatedData: "integration-1" })).toEqual(secrets);
  });

  it("still reads the v1 format (no key id) by trying each configured key", () => {
    // v1 as the previous code wrote it: sha256(passphrase) key, iv.tag.body.
    const key = createHash("sha256").update("the key before the rotation", "utf8").digest();
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", key, iv);
    cipher.setAAD(Buffer.from("integration-1", "utf8"));
    const body = Buffer.concat([cipher.update(JSON.stringify(secrets), "utf8"), cipher.final()]);
    const v1 = ["v1", iv, cipher.getAuthTag(), body]
      .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
      .join(".");
    expect(sealedKeyId(v1)).toBeNull();
    const rotated = createKeyring(["the key after the rotation", "the key before the rotation"]);
    expect(decryptSecrets(v1, rotated, { associatedData: "integration-1" })).toEqual(secrets);
    expect(() => decryptSecrets(v1, ring, { associatedData: "integration-1" })).toThrow(
      expect.objectContaining({ code: "SECRET_BOX_INVALID" }),
    );
  });

  it("rejects unknown versions and malformed input with codes", () => {
    expect(() => decryptSecrets("v9.a.b.c", ring)).toThrow(
      expect.objectContaining({ code: "SECRET_BOX_UNSUPPORTED_VERSION" }),
    );
    expect(() => decryptSecrets("v2.abc", ring)).toThrow(expect.objectContaining({ code: "SECRET_BOX_INVALID" }));
    expect(() => decryptSecrets("v1.abc", ring)).toThrow(expect.objectContaining({ code: "SECRET_BOX_INVALID" }));
  });
});
