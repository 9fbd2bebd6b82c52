import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { nextDevSandbox } from "~/test-support/next-dev-sandbox";
import { freePort } from "../free-port";
import { waitForPort } from "../temporal-server";
import { devHost, devPublicUrl } from "./dev-host";
import type { GroupChild } from "./process-group";
import { spawnWeb } from "./start-app";

/**
 * `npm run dev` listens on loopback unless HOST says otherwise: a real `next dev` started as the
 * launcher starts it answers on 127.0.0.1 and refuses another address of this machine. On Linux
 * all of 127.0.0.0/8 reaches a server bound to every interface, so 127.0.0.2 stands for "the
 * network" without needing a second interface.
 */
const { distDir, restore } = await nextDevSandbox("dev-host-test");
let web: GroupChild | undefined;
afterAll(async () => {
  await web?.stop();
  await restore();
});

const connects = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host, port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });

describe("the dev server's address", () => {
  it("defaults to loopback and follows HOST", () => {
    expect(devHost(undefined)).toBe("127.0.0.1");
    expect(devHost("  ")).toBe("127.0.0.1");
    expect(devHost("0.0.0.0")).toBe("0.0.0.0");
  });

  it("is opened at localhost on its own port unless PUBLIC_URL says otherwise", () => {
    expect(devPublicUrl(undefined, 3100)).toBe("http://localhost:3100");
    expect(devPublicUrl("http://192.168.1.20:3000", 3000)).toBe("http://192.168.1.20:3000");
  });

  it("a real next dev on the default answers on 127.0.0.1 and not on another address", async () => {
    const port = await freePort();
    // As `npm run dev` without HOST.
    const { HOST: _host, ...inherited } = process.env;
    web = spawnWeb({
      mode: "dev",
      port,
      hostname: devHost(undefined),
      env: { ...inherited, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
    });
    await waitForPort("127.0.0.1", port, 90_000);
    expect(await connects("127.0.0.1", port)).toBe(true);
    expect(await connects("127.0.0.2", port)).toBe(false);
  });
});
