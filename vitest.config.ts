import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "~": root,
      // Tests call the routers directly, outside Next's react-server graph; the marker's own
      // server build is an empty module.
      "server-only": `${root}node_modules/server-only/empty.js`,
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["{core,server,worker,workflows,db,app,scripts,test-support}/**/*.test.{ts,tsx}"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
          // Every core: vitest's default leaves one to its main process, which on 2 cores meant
          // one file at a time (unit project alone, 30 Nov: 41-42 s with one worker, 24-26 s with two).
          maxWorkers: "100%",
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["{core,server,worker,workflows,db,app,scripts,test-support}/**/*.int.test.ts"],
          environment: "node",
          globalSetup: ["./test-support/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Most of an integration file's time is spent waiting (timers, receivers, processes
          // starting), so three files run at once, each with a database and a Temporal server of
          // its own (test-support/test-slot.ts). On 2 cores, files ordered as in a clean clone
          // (30 Nov): 463 s one at a time, 242 s two, 175 s three. A group of its own, after the
          // unit files, as vitest wants for a project with a maxWorkers of its own.
          maxWorkers: 3,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
