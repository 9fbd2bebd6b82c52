import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startAlertflow } from "./bench/app-under-test";
import { startPhase, type PhaseLoad } from "./bench/phase-meter";
import { loadAverage } from "./bench/proc-cpu";
import { startBenchReceiver } from "./bench/receiver";
import { cpuPer, loadNote, table } from "./bench/report";
import { arrangeFlows, burst, closedLoop, folding } from "./bench/scenarios";
import { checkFolding, waitForWorkflowsToCatchUp } from "./bench/fold-check";
import { sampleBacklog, type Backlog } from "./bench/backlog-sampler";
import { countEscalations, waitForEscalations } from "./bench/escalation-check";
import { lastTaskFailures, level2Timing } from "./bench/escalation-histories";
import { burstWithKills } from "./bench/kill-burst";
import { measureCeiling } from "./bench/temporal-ceiling";
import { ms, rate, spread } from "./bench/stats";
import { freePort } from "./free-port";
import { findOrInstallTemporalCli } from "./temporal-cli";
import { startTemporalDevServer } from "./temporal-server";

/**
 * `npm run bench`: in one run, on loopback only, the Temporal ceiling of the best shape and
 * Alertflow end to end (production build, one worker process, Temporal dev server, a real HTTP
 * receiver), the ratio between them, and how loaded the machine was meanwhile. Every phase is
 * bounded in count and time, so the whole run stays under about ten minutes.
 */
const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const config = {
  databaseUrl: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/alertflow_bench",
  ceilingWorkflows: num("BENCH_CEILING_N", 1000),
  single: num("BENCH_SINGLE", 1000),
  sustained: num("BENCH_SUSTAINED", 2000),
  burst: num("BENCH_BURST", 1000),
  foldEvents: num("BENCH_FOLD", 10000),
  phaseBudgetMs: num("BENCH_PHASE_SECONDS", 60) * 1000,
  /** The storm's flow: level 2 due this long after each alert (its lateness is a figure). */
  level2Seconds: num("BENCH_LEVEL2_SECONDS", 20),
  /** Histories read to say where level 2's lateness went (spread over the burst). */
  historySample: num("BENCH_HISTORY_SAMPLE", 200),
  /** The burst with kills: its count and what it kills mid-burst, in order (`none`: no such phase). */
  killBurst: num("BENCH_KILL_BURST", 500),
  kills: (process.env.BENCH_BURST_KILL ?? "worker,temporal,web")
    .split(",")
    .filter((k): k is "worker" | "temporal" | "web" => k === "worker" || k === "temporal" || k === "web"),
  /** Which phases run (all by default): ceiling, single, sustained, burst, fold, kill. */
  phases: new Set((process.env.BENCH_PHASES ?? "ceiling,single,sustained,burst,fold,kill").split(",")),
};
const runs = (phase: string) => config.phases.has(phase);
const log = (line: string) => console.log(`[bench] ${line}`);
const database = decodeURIComponent(new URL(config.databaseUrl).pathname.slice(1));

/** Extra environment for the app under test: `BENCH_APP_ENV="A=1 B=2"` (levers, rate limits). */
function appEnv(): Record<string, string> {
  const pairs = (process.env.BENCH_APP_ENV ?? "").split(/\s+/).filter(Boolean);
  return Object.fromEntries(pairs.map((p) => [p.slice(0, p.indexOf("=")), p.slice(p.indexOf("=") + 1)]));
}

async function main() {
  const rows: string[][] = [["measurement", "figure", "CPU per unit (our processes)", "machine meanwhile"]];
  const idle = startPhase(() => [], database);
  await new Promise((r) => setTimeout(r, 3000));
  const before = idle.end();
  log(
    `before: load ${loadAverage().join(" ")}, ${before.othersBusyCores.toFixed(2)} cores busy, steal ${before.stealPercent.toFixed(1)} %`,
  );
  const cli = (await findOrInstallTemporalCli(log)).path;

  // (a) The ceiling: its own Temporal dev server, stopped before the app starts.
  let ceilingRate = Number.NaN;
  if (runs("ceiling")) {
    const ceilingDir = mkdtempSync(path.join(os.tmpdir(), "alertflow-bench-temporal-"));
    const temporal = await startTemporalDevServer({ cli, dataDir: ceilingDir, port: await freePort(), uiPort: null });
    try {
      log("Temporal ceiling: client and worker in one process, eager start, local activity…");
      const meter = startPhase(() => [temporal.process.pid ?? 0], database);
      const ceiling = await measureCeiling({
        address: temporal.address,
        workflows: config.ceilingWorkflows,
        concurrency: 10,
        latencySamples: 200,
      });
      const load = meter.end();
      ceilingRate = ceiling.perSecond;
      // Every workflow the phase ran: the 20 warm-ups, the closed loop's and the c=10 ones.
      const ceilingWorkflows = ceiling.workflows + ceiling.startToActivity.length + 20;
      rows.push([
        `Temporal ceiling: ${ceiling.workflows} workflows at c=10`,
        `${rate(ceiling.perSecond)}; start → activity (c=1) ${spread(ceiling.startToActivity)}; eager starts ${ceiling.eagerlyStarted}/${ceiling.total}`,
        // The client and its worker run in the bench's own process: their CPU is not Temporal's.
        `${ms(load.cpu.temporal / ceilingWorkflows)} Temporal + ${ms(load.cpu.bench / ceilingWorkflows)} client and worker`,
        loadNote(load),
      ]);
    } finally {
      await temporal.stop();
      rmSync(ceilingDir, { recursive: true, force: true });
    }
  }

  // (b) Alertflow end to end.
  log("Alertflow: npm start on the production build (web + 1 worker), fresh database and Temporal dev server…");
  const app = await startAlertflow({ databaseUrl: config.databaseUrl, env: appEnv(), log });
  const receiver = await startBenchReceiver();
  // The storm's level 2 posts here: its arrivals per key are the level-2 messages.
  const level2Receiver = await startBenchReceiver();
  const phases: { name: string; load: PhaseLoad }[] = [];
  try {
    const targets = await arrangeFlows(app.base, receiver.url, {
      url: level2Receiver.url,
      seconds: config.level2Seconds,
    });
    const runId = Date.now().toString(36);
    const measure = async <T>(name: string, work: () => Promise<T>): Promise<[T, PhaseLoad]> => {
      log(`${name}…`);
      const meter = startPhase(app.pids, database);
      const result = await work();
      const load = meter.end();
      phases.push({ name, load });
      return [result, load];
    };
    // Level 2 of a storm's accepted keys: waited for (the phase's CPU includes the workflows that
    // send them), counted at the receivers, and where the lateness went read from the histories.
    const escalations = async (name: string, accepted: readonly string[], backlog: Backlog) => {
      const [count, load] = await measure(`${name}: waiting for level 2`, async () => {
        await waitForEscalations(
          accepted,
          receiver,
          level2Receiver,
          config.level2Seconds * 1000 + 420_000,
          performance.now() + config.level2Seconds * 1000,
        );
        return countEscalations({
          databaseUrl: config.databaseUrl,
          keys: accepted,
          level1: receiver,
          level2: level2Receiver,
          level2Seconds: config.level2Seconds,
        });
      });
      const queue = await backlog.stop();
      log(`${name}: reading ${Math.min(config.historySample, accepted.length)} histories…`);
      const timing = await level2Timing({
        databaseUrl: config.databaseUrl,
        temporalAddress: app.temporalAddress,
        keys: accepted,
        level2Seconds: config.level2Seconds,
        sample: config.historySample,
      });
      const failures = await lastTaskFailures({
        databaseUrl: config.databaseUrl,
        temporalAddress: app.temporalAddress,
        keys: count.lostKeys,
      });
      return { count, load, queue, timing, failures };
    };
    const escalationRows = (name: string, e: Awaited<ReturnType<typeof escalations>>) => {
      const { count, timing, queue, failures } = e;
      const p = (xs: number[]) => `${spread(xs, [50, 99])} · max ${ms(Math.max(...xs))}`;
      rows.push([
        `${name}: level 2 (due ${config.level2Seconds} s after each alert), counted at the receivers`,
        `**late by ${p(count.level2Late)}**; ${count.accepted - count.level2Missing}/${count.accepted} level-2 and ` +
          `${count.accepted - count.firstMissing}/${count.accepted} level-1 messages came · **lost ${count.lost}**` +
          (failures ? ` (their workflows' last failed task: ${failures})` : "") +
          " · " +
          `${count.repeatedMessages} repeated (same Idempotency-Key again) · ${count.pagedAsTwo} keys paged under two keys · ` +
          `${count.openedTwice} opened twice; first message ${p(count.firstDelay)} after the alert`,
        cpuPer(e.load, count.accepted) + " (the wait for level 2: the workflows' tasks)",
        loadNote(e.load),
      ]);
      rows.push([
        `${name}: where level 2's lateness went (${timing.sampled} histories; Temporal's event times)`,
        `workflow started ${p(timing.startedAfterAlert)} after its alert; first task waited ${p(timing.firstTaskWait)} ` +
          `in the queue, ran ${p(timing.firstTaskRun)}; ${timing.firstTaskAfterDue}/${timing.sampled} first tasks ended after level 2 was due; ` +
          `level-2 task scheduled ${p(timing.level2TaskScheduledLate)} after due (${timing.timerFiredLate.length} by a timer, fired ${p(timing.timerFiredLate)} after due), ` +
          `waited ${p(timing.level2TaskWait)}, ran ${p(timing.level2TaskRun)}; workflow queue backlog ≤ ${queue.maxCount} tasks, ` +
          `oldest ${ms(queue.maxAgeMs)} (${queue.samples} samples)`,
        "",
        "",
      ]);
    };
    // Warm-up: the worker bundles its workflows and the first requests fill pools.
    await closedLoop(targets, receiver, { prefix: `warm-${runId}`, count: 30, senders: 1, budgetMs: 120_000 });

    if (runs("single")) {
      // Like c=10, the phase waits for the workflows: work the endpoint leaves for later is counted.
      const [one, oneLoad] = await measure("closed loop, 1 sender", async () => {
        const loop = await closedLoop(targets, receiver, {
          prefix: `one-${runId}`,
          count: config.single,
          senders: 1,
          budgetMs: config.phaseBudgetMs,
        });
        return { ...loop, catchUpMs: await waitForWorkflowsToCatchUp(config.databaseUrl, 120_000) };
      });
      rows.push([
        `Alertflow closed loop c=1 (${one.latencies.length} incidents): alert in → message received`,
        spread(one.latencies, [50, 99, 99.9]) +
          ` · max ${ms(Math.max(...one.latencies))} · ${one.refused}; the last workflow started ${ms(one.catchUpMs)} after the last message`,
        cpuPer(oneLoad, one.latencies.length) + " (workflows' first tasks included)",
        loadNote(oneLoad),
      ]);
    }

    // The first messages go out at the endpoint; the phase also waits for the incidents' workflows
    // (which own every later level), so its CPU and its durable rate include their first tasks.
    let tenRate = Number.NaN;
    let tenWorkflowRate = Number.NaN;
    if (runs("sustained")) {
      const [ten, tenLoad] = await measure("sustained, 10 senders", async () => {
        const loop = await closedLoop(targets, receiver, {
          prefix: `ten-${runId}`,
          count: config.sustained,
          senders: 10,
          budgetMs: config.phaseBudgetMs,
        });
        return { ...loop, catchUpMs: await waitForWorkflowsToCatchUp(config.databaseUrl, 120_000) };
      });
      tenRate = ten.latencies.length / ten.seconds;
      tenWorkflowRate = ten.latencies.length / (ten.seconds + ten.catchUpMs / 1000);
      rows.push([
        `Alertflow c=10 (${ten.latencies.length} incidents): delivered/s, alert → message; workflows started/s`,
        `${rate(tenRate)} · ${spread(ten.latencies, [50, 99, 99.9])} · ${ten.refused}; ` +
          `the last workflow started ${ms(ten.catchUpMs)} after the last message: ${rate(tenWorkflowRate)} incidents through to their workflows`,
        cpuPer(tenLoad, ten.latencies.length) + " (workflows' first tasks included)",
        loadNote(tenLoad),
      ]);
    }

    if (runs("burst")) {
      const backlog = await sampleBacklog(app.temporalAddress, "alertflow");
      const [storm, stormLoad] = await measure("burst of new incidents, 50 senders", () =>
        burst(targets, receiver, { prefix: `burst-${runId}`, count: config.burst, senders: 50, settleMs: 120_000 }),
      );
      rows.push([
        `Alertflow burst: ${config.burst} new incidents at c=50: first message delay`,
        `${spread(storm.delays, [50, 99])} · max ${ms(Math.max(...storm.delays))} · accepted in ${storm.acceptSeconds.toFixed(1)} s, all paged in ${storm.allPagedSeconds.toFixed(1)} s · lost ${storm.lost} · ${storm.refused}`,
        cpuPer(stormLoad, config.burst),
        loadNote(stormLoad),
      ]);
      escalationRows("burst", await escalations("burst", storm.accepted, backlog));
    }

    if (runs("fold")) {
      const caughtUpMs = await waitForWorkflowsToCatchUp(config.databaseUrl, 120_000);
      log(`the earlier phases' workflows caught up ${ms(caughtUpMs)} after the previous phase`);
      const [fold, foldLoad] = await measure("folding into 50 open incidents, 20 senders", () =>
        folding(targets, {
          prefix: `fold-${runId}`,
          incidents: 50,
          events: config.foldEvents,
          senders: 20,
          budgetMs: config.phaseBudgetMs / 2,
        }),
      );
      // Not part of the phase's CPU: the workflows apply the last batches, then histories are read.
      const applied = await checkFolding({
        databaseUrl: config.databaseUrl,
        temporalAddress: app.temporalAddress,
        prefix: `fold-${runId}`,
        expected: fold.events + 50,
        timeoutMs: 60_000,
      });
      rows.push([
        `Alertflow folding: ${fold.events} events into 50 open incidents, c=20`,
        `${rate(fold.perSecond)} accepted; ${applied.applied - 50}/${fold.events} applied ${ms(applied.appliedAfterMs)} after the last 202; ` +
          `${applied.signals} signals in their histories (${applied.pokes} inbox pokes); ` +
          `${applied.drains} drains read ${(applied.drained / Math.max(1, applied.drains)).toFixed(1)} events each ` +
          `(${applied.emptyDrains} more found none); ` +
          `started once the earlier workflows caught up (${ms(caughtUpMs)} after the previous phase)`,
        cpuPer(foldLoad, fold.events),
        loadNote(foldLoad),
      ]);
    }

    // Durability under load, last (a killed web process restarts `npm start`): a burst on the
    // storm's flow while the worker, Temporal and the web process are SIGKILLed in turn.
    if (runs("kill") && config.kills.length > 0 && config.killBurst > 0) {
      await waitForWorkflowsToCatchUp(config.databaseUrl, 120_000);
      const killers = { worker: app.killWorker, temporal: app.killTemporal, web: app.killWeb };
      const steps = config.kills.map((part, i) => ({
        afterAccepted: Math.floor((config.killBurst * (i + 1)) / (config.kills.length + 1)),
        kill: killers[part],
      }));
      const backlog = await sampleBacklog(app.temporalAddress, "alertflow");
      const [crashed, crashLoad] = await measure(
        `burst of ${config.killBurst} at c=50, killing ${config.kills.join(", ")} mid-burst`,
        () =>
          burstWithKills(targets, {
            prefix: `kill-${runId}`,
            count: config.killBurst,
            senders: 50,
            steps,
            retryBudgetMs: 180_000,
          }),
      );
      const killed = crashed.kills
        .map(
          (k) =>
            `${k.part} pid ${k.pid} SIGKILLed (its group) at ${k.atSeconds.toFixed(1)} s after ${k.acceptedBefore} accepted, ` +
            `gone in ${ms(k.goneMs)}, back (pid ${k.next}) ${ms(k.backMs)} later`,
        )
        .join("; ");
      rows.push([
        `Alertflow burst with kills: ${config.killBurst} new incidents at c=50, senders retrying until 202`,
        `${killed}; ${crashed.accepted.length} accepted in ${crashed.acceptSeconds.toFixed(1)} s, ${crashed.notAccepted} given up; ` +
          `${crashed.retries} retries (no answer = "0": ${crashed.refused})`,
        cpuPer(crashLoad, crashed.accepted.length),
        loadNote(crashLoad),
      ]);
      escalationRows("burst with kills", await escalations("burst with kills", crashed.accepted, backlog));
    }

    // (c) The ratio to the ceiling.
    if (Number.isFinite(ceilingRate) && Number.isFinite(tenRate)) {
      rows.push([
        "Alertflow c=10 ÷ Temporal ceiling",
        `${((100 * tenRate) / ceilingRate).toFixed(0)} % (${rate(tenRate)} of ${rate(ceilingRate)}); ` +
          `through to the workflows ${((100 * tenWorkflowRate) / ceilingRate).toFixed(0)} %`,
        "",
        "",
      ]);
    }
  } finally {
    await receiver.close();
    await level2Receiver.close();
    await app.stop();
  }

  // (d) Was the machine loaded?
  const worst = Math.max(before.othersBusyCores, ...phases.map((p) => p.load.othersBusyCores));
  console.log(`\n${new Date().toISOString()} · ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"})`);
  console.log(
    `Machine before the bench: load ${loadAverage().join(" / ")} now; others used ${before.othersBusyCores.toFixed(2)} cores, steal ${before.stealPercent.toFixed(1)} %.` +
      ` During: others used up to ${worst.toFixed(2)} cores → ${worst > 0.3 ? "LOADED: figures are pessimistic" : "quiet"}.`,
  );
  if (Object.keys(appEnv()).length > 0) console.log(`App environment: ${process.env.BENCH_APP_ENV}`);
  console.log(`\n${table(rows)}\n`);
  console.log(
    "CPU per unit: utime+stime from /proc of web, worker, Temporal and this database's Postgres backends " +
      "(Postgres background processes are shared with other databases and left out).",
  );
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
