import os from "node:os";
import { startAlertflow } from "./bench/app-under-test";
import { startPhase } from "./bench/phase-meter";
import { loadAverage } from "./bench/proc-cpu";
import { startBenchReceiver } from "./bench/receiver";
import { loadNote, table } from "./bench/report";
import { arrangeFlows, postAlert } from "./bench/scenarios";
import { ms, pool, rate, spread } from "./bench/stats";

/**
 * `npx tsx scripts/bench-inbound.ts`: the cost of the alert endpoint's HTTP path alone. Every
 * event folds into ONE open incident (a level an hour away, so nothing is sent): the work per
 * request is the endpoint lookup, the rate-limit statement and one inbox insert, and what the web
 * process spends around them (routing, middleware, request and response objects) shows in its CPU
 * per request. Loopback only, on a production build started by `npm start`; bounded by count and
 * time. BENCH_APP_ENV="A=1 B=2" passes settings to the app (see scripts/bench.ts).
 */
const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const config = {
  databaseUrl: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/alertflow_bench",
  requests: num("BENCH_INBOUND_N", 2000),
  warmup: num("BENCH_INBOUND_WARMUP", 300),
  budgetMs: num("BENCH_PHASE_SECONDS", 60) * 1000,
};
const log = (line: string) => console.log(`[bench-inbound] ${line}`);
const database = decodeURIComponent(new URL(config.databaseUrl).pathname.slice(1));

function appEnv(): Record<string, string> {
  const pairs = (process.env.BENCH_APP_ENV ?? "").split(/\s+/).filter(Boolean);
  return Object.fromEntries(pairs.map((p) => [p.slice(0, p.indexOf("=")), p.slice(p.indexOf("=") + 1)]));
}

/** `count` posts of the same open incident's event, `senders` at a time; each one's latency. */
async function fold(base: string, token: string, key: string, count: number, senders: number) {
  const latencies: number[] = [];
  const stopAt = performance.now() + config.budgetMs;
  const elapsed = await pool(count, senders, async () => {
    if (performance.now() > stopAt) return;
    const t0 = performance.now();
    await postAlert(base, token, key);
    latencies.push(performance.now() - t0);
  });
  return { latencies, seconds: elapsed / 1000 };
}

async function main() {
  log(`load before: ${loadAverage().join(" ")}`);
  const app = await startAlertflow({ databaseUrl: config.databaseUrl, env: appEnv(), log });
  const receiver = await startBenchReceiver();
  const rows = [["phase", "requests/s", "latency", "web CPU per request", "all ours per request", "machine meanwhile"]];
  try {
    const targets = await arrangeFlows(app.base, receiver.url);
    const key = `inbound-${Date.now().toString(36)}`;
    // The first event opens the incident; the rest fold into its inbox. Warm-up fills pools and JITs.
    await postAlert(targets.base, targets.delayed, key);
    await fold(targets.base, targets.delayed, key, config.warmup, 4);
    for (const senders of [1, 20]) {
      log(`${config.requests} events at c=${senders}…`);
      const meter = startPhase(app.pids, database);
      const run = await fold(targets.base, targets.delayed, key, config.requests, senders);
      const load = meter.end();
      const n = run.latencies.length;
      const ours = load.cpu.web + load.cpu.worker + load.cpu.temporal + load.cpu.postgres;
      rows.push([
        `c=${senders}, ${n} events into one incident`,
        rate(n / run.seconds),
        spread(run.latencies, [50, 99]),
        ms(load.cpu.web / n),
        `${ms(ours / n)} (pg ${ms(load.cpu.postgres / n)}, worker ${ms(load.cpu.worker / n)})`,
        loadNote(load),
      ]);
    }
  } finally {
    await receiver.close();
    await app.stop();
  }
  console.log(`\n${new Date().toISOString()} · ${os.cpus().length} cores · load now ${loadAverage().join(" / ")}`);
  if (process.env.BENCH_APP_ENV) console.log(`App environment: ${process.env.BENCH_APP_ENV}`);
  console.log(`\n${table(rows)}\n`);
  console.log("CPU: utime+stime from /proc; web = the process answering HTTP; pg = this database's backends.");
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
