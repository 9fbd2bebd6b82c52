import { defineConfig, devices } from "@playwright/test";
import { OWNER_STATE } from "./e2e/test-owner";

const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  globalSetup: "./e2e/global-setup.ts",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // Signed in as the test owner (global-setup.ts); a spec that needs a stranger clears it.
    storageState: OWNER_STATE,
    trace: "on-first-retry",
    ...devices["Desktop Chrome"],
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    // The production mode as a user runs it (`npm run build`, `npm start`), beside a fresh
    // database and a Temporal dev server; see scripts/e2e-server.ts.
    command: "node --import tsx scripts/e2e-server.ts",
    // Without this Playwright SIGKILLs the server's process group, and the web server and
    // workers, each in a group of its own, were left running.
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 600_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(port) },
  },
});
