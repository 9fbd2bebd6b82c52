import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { TEST_DATABASE_URL } from "~/test-support/test-services";
import { freePort } from "./free-port";

const root = path.resolve(import.meta.dirname, "..");
const distDir = `.next-e2e-signal-test-${process.pid}`;
const leftovers: number[] = [];

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function answers(address: string): Promise<boolean> {
  const [host = "", port = ""] = address.split(":");
  return new Promise((resolve) => {
    const socket = net.connect({ host, port: Number(port) }, () => {
      socket.end();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

afterAll(() => {
  for (const pid of leftovers) if (alive(pid)) process.kill(pid, "SIGKILL");
  rmSync(path.join(root, distDir), { recursive: true, force: true });
});

it("stopping the e2e server during `next build` stops the build and the Temporal server", async () => {
  const server = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/e2e-server.ts"], {
    cwd: root,
    env: {
      ...process.env,
      E2E_PORT: String(await freePort()),
      E2E_DATABASE_URL: TEST_DATABASE_URL.replace(/\/[^/]+$/, (name) => `${name}_e2e_signals`),
      NEXT_DIST_DIR: distDir,
      E2E_SKIP_BUILD: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const seen = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = output.match(pattern);
        if (match) resolve(match);
      };
      server.stdout.on("data", (d: Buffer) => {
        output += d.toString();
        check();
      });
      server.once("exit", (code) => reject(new Error(`e2e server exited (${code}) before ${pattern}:\n${output}`)));
      check();
    });
  const [, temporalAddress = "", temporalPid] = await seen(/temporal at (\S+) \(pid (\d+)\)/);
  leftovers.push(Number(temporalPid));
  const [, buildPid] = await seen(/next build started \(pid (\d+)\)/);
  leftovers.push(Number(buildPid));
  expect(await answers(temporalAddress)).toBe(true);

  const exited = new Promise<number | null>((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  expect(await exited).toBe(0);
  expect(alive(Number(buildPid))).toBe(false);
  expect(alive(Number(temporalPid))).toBe(false);
  expect(await answers(temporalAddress)).toBe(false);
});
