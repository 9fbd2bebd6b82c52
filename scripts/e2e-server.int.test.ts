import { spawn } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { TEST_DATABASE_URL } from "~/test-support/test-services";
import { freePort } from "./free-port";

const root = path.resolve(import.meta.dirname, "..");
const distDir = `.next-e2e-signal-test-${process.pid}`;

/** Every live process that inherited this test's NEXT_DIST_DIR: all the e2e server started. */
function started(): { pid: number; command: string }[] {
  const found: { pid: number; command: string }[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, "utf8").split("\0");
      if (!environ.includes(`NEXT_DIST_DIR=${distDir}`)) continue;
      const command = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" ");
      found.push({ pid: Number(entry), command });
    } catch {
      // The process ended while being read.
    }
  }
  return found;
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not seen within ${timeoutMs} ms: ${JSON.stringify(started())}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

afterAll(() => {
  for (const { pid } of started()) process.kill(pid, "SIGKILL");
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
    stdio: "ignore",
  });
  const exited = new Promise<number | null>((resolve) => server.once("exit", resolve));
  const find = (pattern: RegExp) => () => started().find((p) => pattern.test(p.command));
  const temporal = await waitFor(find(/temporal server start-dev/), 60_000);
  const build = await waitFor(find(/next build|next-build/), 60_000);

  server.kill("SIGTERM");
  expect(await exited).toBe(0);
  await waitFor(() => (started().length === 0 ? true : undefined), 20_000);
  expect(started().map((p) => p.pid)).not.toContain(temporal.pid);
  expect(started().map((p) => p.pid)).not.toContain(build.pid);
});
