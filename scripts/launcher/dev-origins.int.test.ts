import { afterAll, describe, expect, it } from "vitest";
import { nextDevSandbox } from "~/test-support/next-dev-sandbox";
import { freePort } from "../free-port";
import { waitForPort } from "../temporal-server";
import { devHost } from "./dev-host";
import type { GroupChild } from "./process-group";
import { spawnWeb } from "./start-app";

/**
 * `next dev` refuses its own dev resources (`/_next/*`, the HMR socket) to pages opened from an
 * origin it does not know: opened as http://127.0.0.1:3000 the app never hydrated ("Loading…"
 * forever, buttons dead). `allowedDevOrigins` in next.config.ts names the loopback addresses.
 * A real `next dev`, started as the launcher starts it, is asked as a browser on each origin asks.
 */
const { distDir, restore } = await nextDevSandbox("dev-origins-test");
let web: GroupChild | undefined;
afterAll(async () => {
  await web?.stop();
  await restore();
});

/** A request for a dev resource as a page on `origin` makes it (the HMR socket's upgrade request). */
async function devResourceStatus(port: number, origin: string): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/_next/static/chunks/not-there.js`, {
    headers: { origin, "sec-fetch-mode": "cors", "sec-fetch-site": "same-origin" },
  });
  await response.body?.cancel();
  return response.status;
}

describe("the dev server's allowed origins", () => {
  it("serves its dev resources to pages opened on 127.0.0.1 or localhost, and refuses other sites", async () => {
    const port = await freePort();
    const { HOST: _host, ...inherited } = process.env;
    web = spawnWeb({
      mode: "dev",
      port,
      hostname: devHost(undefined),
      env: { ...inherited, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
    });
    await waitForPort("127.0.0.1", port, 90_000);
    const blocked = 403;
    expect(await devResourceStatus(port, `http://127.0.0.1:${port}`)).not.toBe(blocked);
    expect(await devResourceStatus(port, `http://localhost:${port}`)).not.toBe(blocked);
    expect(await devResourceStatus(port, `http://[::1]:${port}`)).not.toBe(blocked);
    expect(await devResourceStatus(port, "http://evil.example")).toBe(blocked);
  }, 180_000);
});
