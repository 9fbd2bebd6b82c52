import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "~/test-support/test-slot";
import { integrations } from "~/db/schema";
import { createHarness, TEST_KEYRING, TEST_SECRET_KEY, type Harness } from "~/test-support/harness";
import { openIntegrationSecrets } from "../integrations/integration-secrets";
import { readKeyFile } from "./load-keyring";
import { checkStoredSecrets, rotateStoredSecrets } from "./rotate-secrets";
import { sealedKeyId } from "./secret-box";
import { createKeyring, secretKeyFromPassphrase } from "./secret-keyring";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  // Other test files open the shared database's secrets with the test key: put it back.
  await rotateStoredSecrets(h.db, createKeyring([TEST_SECRET_KEY, ...extraKeys]));
  await h?.close();
});
const extraKeys: string[] = [];

const sealedOf = async (id: string) => {
  const [row] = await h.db.select().from(integrations).where(eq(integrations.id, id));
  return row?.secretsCiphertext ?? null;
};

describe("secret key rotation", () => {
  it("re-encrypts every secret under the new key, and the old key alone no longer opens them", async () => {
    const a = await h.api.integrations.create({
      type: "pagerduty",
      name: "Rotate A",
      secrets: { RoutingKey: "rk-rotate-a-0123456789" },
    });
    const b = await h.api.integrations.create({
      type: "opsgenie",
      name: "Rotate B",
      secrets: { ApiKey: "og-rotate-b-0123456789" },
    });
    expect(sealedKeyId((await sealedOf(a.id)) ?? "")).toBe(TEST_KEYRING.current.id);

    const newKey = "the new key after rotation 0123";
    extraKeys.push(newKey);
    const ring = createKeyring([newKey, TEST_SECRET_KEY]);
    const result = await rotateStoredSecrets(h.db, ring);
    expect(result.unreadable).toEqual([]);
    expect(result.rotated).toBeGreaterThanOrEqual(2);

    const onlyNew = createKeyring([newKey]);
    for (const [id, expected] of [
      [a.id, { RoutingKey: "rk-rotate-a-0123456789" }],
      [b.id, { ApiKey: "og-rotate-b-0123456789" }],
    ] as const) {
      const sealed = await sealedOf(id);
      expect(sealedKeyId(sealed ?? "")).toBe(secretKeyFromPassphrase(newKey).id);
      expect(openIntegrationSecrets(id, sealed, onlyNew)).toEqual(expected);
      expect(() => openIntegrationSecrets(id, sealed, TEST_KEYRING)).toThrow(/not configured/);
    }
    expect((await checkStoredSecrets(h.db, onlyNew)).unreadable).toEqual([]);
    // The server's view with the old key: a clear reason per integration, the list still loads.
    const report = await checkStoredSecrets(h.db, TEST_KEYRING);
    expect(report.unreadable.map((u) => u.integrationId)).toEqual(expect.arrayContaining([a.id, b.id]));
    const listed = await h.api.integrations.list();
    const shownA = listed.find((i) => i.id === a.id);
    expect(shownA?.secretsError).toMatch(/cannot be opened.*not configured/);
    await expect(h.api.integrations.preview({ integrationId: a.id, messageType: "error" })).rejects.toThrow(
      /Rotate A.*cannot be opened/,
    );
    // The page names the integration too, in its own language (app/_components/use-server-error-text.ts).
    await expect(h.api.integrations.preview({ integrationId: a.id, messageType: "error" })).rejects.toMatchObject({
      cause: { code: "SECRETS_UNREADABLE", why: { reason: "secretsUnreadable", values: { integration: a.name } } },
    });

    await rotateStoredSecrets(h.db, createKeyring([TEST_SECRET_KEY, newKey]));
    expect(openIntegrationSecrets(a.id, await sealedOf(a.id), TEST_KEYRING)).toEqual({
      RoutingKey: "rk-rotate-a-0123456789",
    });
  });

  it("npm run secrets:rotate generates a new development key, re-encrypts, and drops the old key", async () => {
    const a = await h.api.integrations.create({
      type: "pagerduty",
      name: "Rotate C",
      secrets: { RoutingKey: "rk-rotate-c-0123456789" },
    });
    const keyFile = path.join(mkdtempSync(path.join(os.tmpdir(), "alertflow-rotate-")), "secret-key");
    writeFileSync(keyFile, `${TEST_SECRET_KEY}\n`, { mode: 0o600 });
    const run = promisify(execFile);
    // The development path: no ALERTFLOW_SECRET_KEY, the key file decides.
    const inherited = Object.entries(process.env).filter(([k]) => !k.startsWith("ALERTFLOW_SECRET_KEY"));
    const env: NodeJS.ProcessEnv = {
      ...Object.fromEntries(inherited),
      NODE_ENV: "development",
      DATABASE_URL: testDatabaseUrl(),
      ALERTFLOW_SECRET_KEY_FILE: keyFile,
    };
    const { stdout } = await run(path.resolve("node_modules/.bin/tsx"), ["scripts/rotate-secrets.ts"], { env });
    expect(stdout).toMatch(/re-encrypted \d+ integration/);
    const keys = readKeyFile(keyFile) ?? [];
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toBe(TEST_SECRET_KEY);
    extraKeys.push(keys[0] ?? "");
    const sealed = await sealedOf(a.id);
    expect(openIntegrationSecrets(a.id, sealed, createKeyring(keys))).toEqual({ RoutingKey: "rk-rotate-c-0123456789" });
    expect(readFileSync(keyFile, "utf8")).not.toContain(TEST_SECRET_KEY);

    const check = await run(path.resolve("node_modules/.bin/tsx"), ["scripts/rotate-secrets.ts", "--check"], { env });
    expect(check.stdout).toContain(`current key: ${secretKeyFromPassphrase(keys[0] ?? "").id}`);
  });
});
