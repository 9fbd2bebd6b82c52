import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client, Connection } from "@temporalio/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../test-support/flow-fixtures";
import { freePort } from "./free-port";
import { findOrInstallTemporalCli } from "./temporal-cli";
import { startTemporalDevServer, type TemporalServer } from "./temporal-server";

/**
 * The dev server as tuned (temporal-dev-tuning.ts) still does what Alertflow, its tests and the
 * Web UI ask of it: visibility lists and counts workflows, and the Go settings reach the process.
 */
let dir: string;
let server: TemporalServer;
let connection: Connection;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "alertflow-temporal-tuning-"));
  server = await startTemporalDevServer({
    cli: (await findOrInstallTemporalCli()).path,
    dataDir: dir,
    port: await freePort(),
    uiPort: null,
  });
  connection = await Connection.connect({ address: server.address });
});
afterAll(async () => {
  await connection?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("the Temporal dev server, tuned", () => {
  it.runIf(process.platform === "linux")("runs with Go's collector settings", () => {
    const environ = readFileSync(`/proc/${server.process.pid}/environ`, "utf8").split("\0");
    expect(environ).toContain(`GOGC=${process.env.GOGC ?? "400"}`);
    expect(environ).toContain(`GOMEMLIMIT=${process.env.GOMEMLIMIT ?? "1GiB"}`);
  });

  it("lists and counts workflows by task queue, as the Web UI and the secrets canary do", async () => {
    const client = new Client({ connection });
    const taskQueue = `tuning-${Date.now()}`;
    // No worker polls this queue: the workflows stay open, which is all visibility needs.
    const ids = ["tuned-a", "tuned-b"].map((id) => `${id}-${taskQueue}`);
    for (const workflowId of ids) await client.workflow.start("notRegistered", { taskQueue, workflowId });
    const query = `TaskQueue="${taskQueue}"`;
    const listed = await eventually(async () => {
      const found: string[] = [];
      for await (const wf of client.workflow.list({ query })) found.push(wf.workflowId);
      return found.length === ids.length ? found.sort() : undefined;
    }, 15_000);
    expect(listed).toEqual(ids);
    expect((await client.workflow.count(query)).count).toBe(ids.length);
    for (const workflowId of ids) await client.workflow.getHandle(workflowId).terminate("test over");
    const closed = await eventually(async () => {
      const { count } = await client.workflow.count(`${query} AND ExecutionStatus="Terminated"`);
      return count === ids.length ? count : undefined;
    }, 15_000);
    expect(closed).toBe(ids.length);
  });
});
