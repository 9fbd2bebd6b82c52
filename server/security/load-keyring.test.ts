import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadKeyring, type KeyringSource } from "./load-keyring";
import { secretKeyFromPassphrase } from "./secret-keyring";

/** The folders the tests made, removed after them. */
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
const tempFile = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "alertflow-key-"));
  made.push(dir);
  return path.join(dir, "data", "secret-key");
};
const source = (over: Partial<KeyringSource>): KeyringSource => ({
  nodeEnv: "development",
  previousKeys: [],
  keyFile: tempFile(),
  ...over,
});

describe("loading the secret keyring", () => {
  it("refuses to start in production without ALERTFLOW_SECRET_KEY, and writes no key file", () => {
    const keyFile = tempFile();
    expect(() => loadKeyring(source({ nodeEnv: "production", keyFile }))).toThrow(/ALERTFLOW_SECRET_KEY is not set/);
    expect(() => statSync(keyFile)).toThrow();
  });

  it("uses the environment's key first and keeps previous keys for opening only", () => {
    const ring = loadKeyring(
      source({ nodeEnv: "production", secretKey: "new-key-0123456789", previousKeys: ["old-key-0123456789"] }),
    );
    expect(ring.current.id).toBe(secretKeyFromPassphrase("new-key-0123456789").id);
    expect([...ring.byId.keys()]).toEqual([ring.current.id, secretKeyFromPassphrase("old-key-0123456789").id]);
  });

  it("generates a random development key once, owner-only, and reads the same key afterwards", () => {
    const keyFile = tempFile();
    const first = loadKeyring(source({ keyFile }));
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(keyFile)).mode & 0o066).toBe(0);
    expect(loadKeyring(source({ keyFile })).current.id).toBe(first.current.id);
    const other = loadKeyring(source({}));
    expect(other.current.id).not.toBe(first.current.id);
    const key = readFileSync(keyFile, "utf8")
      .split("\n")
      .find((l) => l !== "" && !l.startsWith("#"));
    expect(key).toMatch(/^[\w-]{43}$/);
  });

  it("says clearly what is wrong with a key file it cannot use", () => {
    const keyFile = tempFile();
    loadKeyring(source({ keyFile }));
    chmodSync(keyFile, 0o644);
    expect(() => loadKeyring(source({ keyFile }))).toThrow(/can be read by other users.*chmod 600/);
    chmodSync(keyFile, 0o600);
    writeFileSync(keyFile, "# only a comment\n");
    expect(() => loadKeyring(source({ keyFile }))).toThrow(/holds no key/);
  });
});
