import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "~/db/client";
import { ensureDefaultWorkspace } from "~/db/seed";
import { handleAlertRequest, type InboundDeps } from "~/server/inbound/handle-alert-request";
import { setIngressTimingSink, type IngressMarks } from "~/server/inbound/ingress-timing";
import { createEndpoint } from "~/server/flows/endpoint-service";
import { createFlow, publishFlow } from "~/server/flows/flow-service";
import { createIntegration } from "~/server/integrations/integration-service";
import { createKeyring } from "~/server/security/secret-keyring";
import { createTemporalClient } from "~/server/temporal-client";
import { singleLevelGraph, twoLevelGraph } from "~/test-support/graph-builder";
import { resetTestDatabase } from "~/test-support/test-services";
import { spawnWorkerProcess } from "~/test-support/worker-process";
import { createIncidentOpener } from "~/worker/activities/first-message";
import { createIntegrationSender } from "~/worker/activities/integration-sender";
import { createInboundTokenLeases } from "~/server/inbound/inbound-token-lease";
import { createBackgroundStarts } from "~/server/inbound/background-start";
import { freePort } from "../free-port";
import { findOrInstallTemporalCli } from "../temporal-cli";
import { startTemporalDevServer } from "../temporal-server";
import { startPhase, type PhaseLoad } from "./phase-meter";
import { startBenchReceiver } from "./receiver";
import { cpuPer, loadNote, table } from "./report";
import { ms, percentile, pool, spread } from "./stats";

/**
 * The alert endpoint's durable path without Next.js: `handleAlertRequest` called in this process
 * (as the route calls it) against real Postgres, a Temporal dev server, a worker process and a
 * loopback receiver; new incidents in a closed loop. Prints alert → 202 and alert → message, and
 * when each step of the request ended (ALERTFLOW_INGRESS_TIMING's marks), so that where the time
 * goes can be read off, and the CPU per incident of this process, the worker, Temporal and Postgres.
 *
 *   INGRESS_DATABASE_URL=… INGRESS_N=300 INGRESS_SENDERS=1,10 [INGRESS_GAP_MS=300] npx tsx --conditions=react-server scripts/bench/ingress-path.ts
 */
const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const databaseUrl = process.env.INGRESS_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/alertflow_bench";
const count = num("INGRESS_N", 300);
const senderCounts = (process.env.INGRESS_SENDERS ?? "1,10").split(",").map(Number);
/**
 * Compared in alternating blocks of the same run: `shared` (a statement per alert on the bucket
 * row), `leased` (tokens leased in chunks, as the app runs), `unprepared` (leased, and the first
 * message's reads made after the claim commits instead of while it commits).
 */
const variants = (process.env.INGRESS_VARIANTS ?? "leased").split(",");
const rounds = num("INGRESS_ROUNDS", 1);
/**
 * A pause after each message (ms; 0: none). In the closed loop the previous incident's background
 * work (its workflow's start, its first task in the worker) competes with the next alert for the
 * cores; a pause long enough for it to finish shows the path's own latency, the difference what
 * that competition costs.
 */
const gapMs = num("INGRESS_GAP_MS", 0);
/** A storm of new incidents on a two-level flow, then the lateness of each level 2 (0: no storm). */
const storm = num("INGRESS_STORM", 0);
const level2Seconds = num("INGRESS_LEVEL2_SECONDS", 20);
const secretKey = "bench-secret-key-for-the-ingress-path";
const log = (line: string) => console.log(`[ingress] ${line}`);

async function main() {
  const database = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const dir = mkdtempSync(path.join(os.tmpdir(), "alertflow-ingress-bench-"));
  const cli = (await findOrInstallTemporalCli(log)).path;
  const [temporal] = await Promise.all([
    startTemporalDevServer({ cli, dataDir: dir, port: await freePort(), uiPort: null }),
    resetTestDatabase(databaseUrl),
  ]);
  const { db, pool: pgPool } = createDb(databaseUrl, 10);
  const receiver = await startBenchReceiver();
  // Level 2 of the storm's flow posts here: its first arrival per key is the level-2 message.
  const level2Receiver = await startBenchReceiver();
  const taskQueue = "alertflow";
  const worker = await spawnWorkerProcess({
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_TASK_QUEUE: taskQueue,
    ALERTFLOW_SECRET_KEY: secretKey,
    OUTBOUND_ALLOW_LIST: "127.0.0.1",
  });
  const temporalClient = createTemporalClient(temporal.address, "default");
  try {
    const keyring = createKeyring([secretKey]);
    const workspaceId = await ensureDefaultWorkspace(db);
    // The services the API calls (the tRPC router would pull the web's client modules in).
    const scope = { db, workspaceId, keyring, actor: { userId: null, name: "bench" } };
    const hook = await createIntegration(scope, {
      type: "webhook",
      name: "Bench receiver",
      variables: { ApiUrl: receiver.url },
      secrets: {},
      customizations: {},
      enabled: true,
    });
    const { id: flowId } = await createFlow(scope, {
      name: "Ingress bench",
      description: "",
      graph: singleLevelGraph(hook.id),
    });
    await publishFlow(scope, { flowId, note: "bench" });
    const { token } = await createEndpoint(scope, flowId);
    const level2Hook = await createIntegration(scope, {
      type: "webhook",
      name: "Bench receiver, level 2",
      variables: { ApiUrl: level2Receiver.url },
      secrets: {},
      customizations: {},
      enabled: true,
    });
    const { id: stormFlowId } = await createFlow(scope, {
      name: "Ingress bench storm",
      description: "",
      graph: twoLevelGraph([hook.id, level2Hook.id], { level: 1 }, { level: 2, afterSeconds: level2Seconds }),
    });
    await publishFlow(scope, { flowId: stormFlowId, note: "bench" });
    const { token: stormToken } = await createEndpoint(scope, stormFlowId);
    const rateLimit = { burst: 1_000_000, perSecond: 1_000_000 };
    // `shared`: a token per alert from the bucket row, one statement each, as before the leases.
    const perAlert = createInboundTokenLeases(db, rateLimit, { chunk: 1 });
    const leases = createInboundTokenLeases(db, rateLimit);
    const sender = createIntegrationSender({
      db,
      keyring,
      allowList: ["127.0.0.1"],
      publicUrl: "http://localhost:3000",
      maxRateLimitWaitMs: 0,
    });
    const base: InboundDeps = {
      db,
      temporal: temporalClient,
      taskQueue,
      maxBodyBytes: 1 << 20,
      now: () => new Date(),
      // As the bench's app runs it: on, far above the load.
      rateLimit,
      opener: createIncidentOpener({ db, send: sender }),
    };
    // The same sender without its `prepare`: the opener reads after the commit.
    const unprepared = createIncidentOpener({ db, send: (input, key) => sender(input, key) });
    const starts = createBackgroundStarts();
    const depsOf = (variant: string): InboundDeps =>
      variant === "shared"
        ? { ...base, tokenLeases: perAlert }
        : variant === "unprepared"
          ? { ...base, tokenLeases: leases, opener: unprepared, starts }
          : { ...base, tokenLeases: leases, starts };
    const post = (variant: string, key: string, to = token) =>
      handleAlertRequest(
        depsOf(variant),
        to,
        new Request(`http://localhost/api/alerts/${to}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ key, status: "error", summary: `bench ${key}` }),
        }),
      );

    const marks: IngressMarks[] = [];
    setIngressTimingSink((m) => marks.push(m));
    type Run = { answered: number[]; delivered: number[]; refused: number; seconds: number };
    const closedLoop = async (variant: string, prefix: string, n: number, senders: number, into?: Run) => {
      const run = into ?? { answered: [], delivered: [], refused: 0, seconds: 0 };
      const { answered, delivered } = run;
      const elapsed = await pool(n, senders, async (i) => {
        const key = `${prefix}-${i}`;
        const t0 = performance.now();
        const arrived = receiver.arrival(key);
        const response = await post(variant, key);
        answered.push(performance.now() - t0);
        await response.text();
        if (response.status !== 202) {
          run.refused++;
          return;
        }
        delivered.push((await arrived) - t0);
        if (gapMs > 0) await new Promise((r) => setTimeout(r, gapMs));
      });
      run.seconds += elapsed / 1000;
      return run;
    };
    log("warm-up…");
    for (const variant of variants) await closedLoop(variant, `warm-${variant}`, 30, 1);
    await new Promise((r) => setTimeout(r, 2_500));
    marks.length = 0;

    const rows: string[][] = [
      ["variant · senders", "alert → 202", "alert → message", "delivered/s", "CPU per incident", "machine"],
    ];
    const stepRows: string[][] = [["step ended (ms from the request's start)", "p50", "p99", "p99.9", "n"]];
    for (const senders of senderCounts) {
      const runs = new Map<string, Run>();
      const loads = new Map<string, PhaseLoad[]>();
      const marksOf = new Map<string, IngressMarks[]>();
      for (let round = 0; round < rounds; round++) {
        for (const variant of variants) {
          log(`${variant}: closed loop, ${senders} sender(s), round ${round + 1} of ${rounds}…`);
          const meter = startPhase(() => [process.pid, worker.pid, temporal.process.pid ?? 0], database);
          const into = runs.get(variant) ?? { answered: [], delivered: [], refused: 0, seconds: 0 };
          runs.set(variant, into);
          await closedLoop(variant, `c${senders}-${variant}-${round}`, Math.ceil(count / rounds), senders, into);
          // The steps after the answer (send, record) are reported 2 s after it.
          await new Promise((r) => setTimeout(r, 2_500));
          loads.set(variant, [...(loads.get(variant) ?? []), meter.end()]);
          marksOf.set(variant, [...(marksOf.get(variant) ?? []), ...marks.splice(0)]);
        }
      }
      for (const variant of variants) {
        const run = runs.get(variant);
        const phases = loads.get(variant) ?? [];
        if (!run || phases.length === 0) continue;
        const load = sumLoads(phases);
        rows.push([
          `${variant} · ${senders}`,
          spread(run.answered, [50, 99, 99.9]),
          `${spread(run.delivered, [50, 99, 99.9])} · max ${ms(Math.max(...run.delivered))}`,
          `${(run.delivered.length / run.seconds).toFixed(1)}/s${gapMs > 0 ? ` (${gapMs} ms pauses)` : ""}${run.refused ? ` · ${run.refused} refused` : ""}`,
          cpuPer({ ...load, cpu: { ...load.cpu, web: load.cpu.web + load.cpu.bench } }, run.delivered.length),
          loadNote(load),
        ]);
        const byStep = new Map<string, number[]>();
        for (const record of marksOf.get(variant) ?? []) {
          for (const [step, at] of record) byStep.set(step, [...(byStep.get(step) ?? []), at]);
        }
        const ordered = [...byStep].sort((a, b) => percentile(a[1], 50) - percentile(b[1], 50));
        for (const [step, samples] of ordered) {
          stepRows.push([
            `${variant} · c=${senders} ${step}`,
            ms(percentile(samples, 50)),
            ms(percentile(samples, 99)),
            ms(percentile(samples, 99.9)),
            String(samples.length),
          ]);
        }
      }
    }
    if (storm > 0) {
      log(`storm: ${storm} new incidents at c=50, level 2 due ${level2Seconds} s after each…`);
      const meter = startPhase(() => [process.pid, worker.pid, temporal.process.pid ?? 0], database);
      const sentAt = new Map<string, number>();
      const acceptMs = await pool(storm, 50, async (i) => {
        const key = `storm-${i}`;
        const at = performance.now();
        const response = await post(variants.at(-1) ?? "leased", key, stormToken);
        await response.text();
        if (response.status === 202) sentAt.set(key, at);
      });
      const deadline = performance.now() + level2Seconds * 1000 + 180_000;
      const missing = () => [...sentAt.keys()].filter((k) => level2Receiver.arrivalOf(k) === undefined);
      while (performance.now() < deadline && missing().length > 0) await new Promise((r) => setTimeout(r, 200));
      const load = meter.end();
      const firstDelay: number[] = [];
      const lateness: number[] = [];
      for (const [key, at] of sentAt) {
        const first = receiver.arrivalOf(key);
        const second = level2Receiver.arrivalOf(key);
        if (first !== undefined) firstDelay.push(first - at);
        if (second !== undefined) lateness.push(second - at - level2Seconds * 1000);
      }
      rows.push([
        `storm · ${storm} at c=50`,
        `accepted ${sentAt.size} in ${(acceptMs / 1000).toFixed(1)} s`,
        `first message ${spread(firstDelay, [50, 99])} · max ${ms(Math.max(...firstDelay))}`,
        `level 2 late by ${spread(lateness, [50, 99])} · max ${ms(Math.max(...lateness))} · ${missing().length} never came`,
        cpuPer({ ...load, cpu: { ...load.cpu, web: load.cpu.web + load.cpu.bench } }, sentAt.size),
        loadNote(load),
      ]);
    }
    console.log(
      `\n${new Date().toISOString()} · ${os.cpus().length} cores · load ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
    );
    console.log(`\n${table(rows)}\n\n${table(stepRows)}\n`);
    console.log("CPU: web = this process (the endpoint and the bench's client); pg = this database's backends.");
  } finally {
    setIngressTimingSink(undefined);
    await worker.stop();
    await temporalClient.connection.close();
    await receiver.close();
    await level2Receiver.close();
    await pgPool.end();
    await temporal.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

/** Phases of one variant as one: CPU and time added, the machine's figures at their worst. */
function sumLoads(phases: PhaseLoad[]): PhaseLoad {
  const [first, ...rest] = phases;
  if (!first) throw new Error("no phase");
  return rest.reduce(
    (a, b) => ({
      seconds: a.seconds + b.seconds,
      cpu: {
        web: a.cpu.web + b.cpu.web,
        worker: a.cpu.worker + b.cpu.worker,
        temporal: a.cpu.temporal + b.cpu.temporal,
        postgres: a.cpu.postgres + b.cpu.postgres,
        launcher: a.cpu.launcher + b.cpu.launcher,
        bench: a.cpu.bench + b.cpu.bench,
      },
      machineBusyCores: Math.max(a.machineBusyCores, b.machineBusyCores),
      othersBusyCores: Math.max(a.othersBusyCores, b.othersBusyCores),
      stealPercent: Math.max(a.stealPercent, b.stealPercent),
      loadMax: Math.max(a.loadMax, b.loadMax),
    }),
    first,
  );
}
