import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { bundleWorkflowCode } from "@temporalio/worker";
import type { TestProject } from "vitest/node";
import { workflowsPath } from "~/worker/worker-options";
import { startTestServices, TEST_DATABASE_URL, workerDatabaseUrl, type TestServices } from "./test-services";

declare module "vitest" {
  export interface ProvidedContext {
    /** One per integration worker, picked by test-slot.ts. */
    databaseUrls: string[];
    temporalAddresses: string[];
    /** The workflows bundled once for the whole run: bundling took 2–3 s in every file that ran a worker. */
    workflowBundlePath: string;
  }
}

const noop = () => undefined;
const quietLogger = { trace: noop, debug: noop, info: noop, warn: noop, error: console.error, log: noop };

export default async function setup(project: TestProject) {
  const workers = project.config.maxWorkers;
  const bundleDir = mkdtempSync(path.join(os.tmpdir(), "alertflow-test-bundle-"));
  const workflowBundlePath = path.join(bundleDir, "workflows.js");
  const bundled = bundleWorkflowCode({ workflowsPath, logger: quietLogger }).then(({ code }) =>
    writeFileSync(workflowBundlePath, code),
  );
  bundled.catch(() => undefined); // awaited below, after the services
  const sets: TestServices[] = [];
  const stop = async () => {
    await Promise.all(sets.map((s) => s.stop()));
    rmSync(bundleDir, { recursive: true, force: true });
  };
  try {
    // One after the other, so that two dev servers never pick free ports at the same moment.
    for (let i = 0; i < workers; i++) sets.push(await startTestServices(workerDatabaseUrl(TEST_DATABASE_URL, i)));
    await bundled;
  } catch (error) {
    await stop();
    throw error;
  }
  project.provide(
    "databaseUrls",
    sets.map((s) => s.databaseUrl),
  );
  project.provide(
    "temporalAddresses",
    sets.map((s) => s.temporal.address),
  );
  project.provide("workflowBundlePath", workflowBundlePath);
  return stop;
}
