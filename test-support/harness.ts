import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { Client, Connection } from "@temporalio/client";
import { DefaultLogger, NativeConnection, Runtime, type Worker } from "@temporalio/worker";
import type pg from "pg";
import { inject } from "vitest";
import { testDatabaseUrl, testTemporalAddress } from "./test-slot";
import { createDb, type Db } from "~/db/client";
import { ensureDefaultWorkspace } from "~/db/seed";
import { createContextInner } from "~/server/context";
import { handleAlertRequest, type InboundDeps } from "~/server/inbound/handle-alert-request";
import { createCaller } from "~/server/routers/_app";
import { createEscalationWorker, wireActivities, type Activities } from "~/worker/create-worker";
import type { MessageSender } from "~/worker/activities/deliver";
import { createIntegrationSender } from "~/worker/activities/integration-sender";
import { createIncidentOpener } from "~/worker/activities/first-message";
import { createKeyring } from "~/server/security/secret-keyring";

declare global {
  var alertflowRuntimeInstalled: boolean | undefined;
}
// Worker state changes are noise in test output; warnings and errors still show. The runtime is
// process-wide and may be installed once, while this module can load once per test file.
if (!globalThis.alertflowRuntimeInstalled) {
  Runtime.install({ logger: new DefaultLogger("WARN") });
  globalThis.alertflowRuntimeInstalled = true;
}

export const TEST_SECRET_KEY = "test-secret-key-for-alertflow-tests";
export const TEST_KEYRING = createKeyring([TEST_SECRET_KEY]);

let bundle: Promise<{ code: string }> | undefined;
/** The run's one workflow bundle (global-setup.ts): bundling is the slow part of starting a worker. */
export const workflowBundle = () =>
  (bundle ??= readFile(inject("workflowBundlePath"), "utf8").then((code) => ({ code })));

export interface Harness {
  db: Db;
  client: Client;
  temporalAddress: string;
  taskQueue: string;
  workspaceId: string;
  api: ReturnType<typeof createCaller>;
  /** A worker on the harness's queue; `allowList` stands for OUTBOUND_ALLOW_LIST (default 127.0.0.1, localhost). */
  startWorker: (options?: { allowList?: string[] }) => Promise<{ stop: () => Promise<void> }>;
  postAlert: (token: string, body: unknown) => Promise<{ status: number; json: unknown }>;
  /** What the alert endpoint runs on here (postAlert and the test API server use it). */
  inbound: InboundDeps;
  close: () => Promise<void>;
}

export interface HarnessOptions {
  /**
   * The alert endpoint sends a new incident's first messages itself, as production does
   * (default); false: the workflow sends them, as before the endpoint could.
   */
  firstMessageAtIngress?: boolean;
  /** Stands in for the endpoint's sender (default: the worker's real sender). */
  firstSend?: MessageSender;
  firstMessageLeaseMs?: number;
  /** OUTBOUND_ALLOW_LIST of the endpoint's sender (default 127.0.0.1, localhost, as for startWorker). */
  endpointAllowList?: string[];
}

/** Runs a worker until its stop(), which also closes its connection; close() stops any left. */
function runWorker(worker: Worker, connection: NativeConnection, running: Set<() => Promise<void>>) {
  const done = worker.run();
  const stop = async () => {
    running.delete(stop);
    if (worker.getState() === "RUNNING") worker.shutdown();
    await done;
    await connection.close();
  };
  running.add(stop);
  return { stop };
}

/**
 * A worker on its own task queue with the given (fake) activities, against the tests' Temporal
 * server: for workflow tests that check the engine without Postgres or receivers.
 */
export async function startWorkflowOnlyWorker(escalation: Omit<Activities, "resendDelivery">) {
  const activities: Activities = {
    ...escalation,
    resendDelivery: () => Promise.reject(new Error("re-sends are not part of engine-only tests")),
  };
  const address = testTemporalAddress();
  const connection = await Connection.connect({ address });
  const nativeConnection = await NativeConnection.connect({ address });
  const taskQueue = `test-${randomUUID()}`;
  const worker = await createEscalationWorker({
    connection: nativeConnection,
    taskQueue,
    workflowBundle: await workflowBundle(),
    activities,
  });
  const running = new Set<() => Promise<void>>();
  const { stop } = runWorker(worker, nativeConnection, running);
  return {
    client: new Client({ connection }),
    taskQueue,
    async close() {
      await stop();
      await connection.close();
    },
  };
}

/** Real Postgres, a real Temporal server and a real worker, wired as production wires them. */
export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const databaseUrl = testDatabaseUrl();
  const address = testTemporalAddress();
  const { db, pool } = createDb(databaseUrl, 20);
  const connection = await Connection.connect({ address });
  const client = new Client({ connection });
  const taskQueue = `test-${randomUUID()}`;
  const workspaceId = await ensureDefaultWorkspace(db);
  const api = createCaller(
    createContextInner({
      db,
      temporal: client,
      taskQueue,
      workspaceId,
      role: "owner",
      actor: { userId: null, name: "operator" },
      keyring: TEST_KEYRING,
      outboundAllowList: ["127.0.0.1", "localhost"],
    }),
  );
  const workers = new Set<() => Promise<void>>();
  const opener =
    options.firstMessageAtIngress === false
      ? undefined
      : createIncidentOpener({
          db,
          send:
            options.firstSend ??
            createIntegrationSender({
              db,
              keyring: TEST_KEYRING,
              allowList: options.endpointAllowList ?? ["127.0.0.1", "localhost"],
              publicUrl: "http://localhost:3000",
              maxRateLimitWaitMs: 0,
            }),
          leaseMs: options.firstMessageLeaseMs,
        });
  const inbound: InboundDeps = {
    db,
    temporal: client,
    taskQueue,
    maxBodyBytes: 1024 * 1024,
    now: () => new Date(),
    opener,
  };

  const startWorker = async (options: { allowList?: string[] } = {}) => {
    const nativeConnection = await NativeConnection.connect({ address });
    const worker = await createEscalationWorker({
      connection: nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities: wireActivities({
        db,
        keyring: TEST_KEYRING,
        allowList: options.allowList ?? ["127.0.0.1", "localhost"],
        publicUrl: "http://localhost:3000",
      }),
    });
    return runWorker(worker, nativeConnection, workers);
  };

  return {
    db,
    client,
    temporalAddress: address,
    taskQueue,
    workspaceId,
    api,
    startWorker,
    inbound,
    async postAlert(token, body) {
      const response = await handleAlertRequest(
        inbound,
        token,
        new Request(`http://localhost/api/alerts/${token}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: typeof body === "string" ? body : JSON.stringify(body),
        }),
      );
      return { status: response.status, json: await response.json() };
    },
    async close() {
      await Promise.all([...workers].map((stop) => stop()));
      await connection.close();
      await endPool(pool);
    },
  };
}

/**
 * `pool.end()` waits for every checked-out connection to come back: a leaked one would hang the
 * test file's teardown until its hook timeout. Fail fast, saying what is missing, instead.
 */
async function endPool(pool: pg.Pool, timeoutMs = 15_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const leaked = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const checkedOut = pool.totalCount - pool.idleCount;
      reject(new Error(`the pool did not end in ${timeoutMs} ms: ${checkedOut} connection(s) never released`));
    }, timeoutMs);
  });
  try {
    await Promise.race([pool.end(), leaked]);
  } finally {
    clearTimeout(timer);
  }
}
