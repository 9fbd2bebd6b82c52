import { spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { apiClient } from "~/e2e/api-client";
import { signInTestOwner } from "~/e2e/sign-in-owner";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { freePort } from "./free-port";
import { stopChild, waitForPort } from "./temporal-server";

/**
 * Drives the real endpoint of a production build (scripts/e2e-server.ts: Next.js, worker,
 * Temporal dev server, Postgres) and prints: POST → receiver latency for a level with no delay
 * (1 and 10 senders), incidents delivered per second, and events/s folded into open incidents.
 */
const root = path.resolve(import.meta.dirname, "..");
const SINGLE = Number(process.env.BENCH_SINGLE ?? 200);
const CONCURRENT = Number(process.env.BENCH_CONCURRENT ?? 2000);
const FOLD = Number(process.env.BENCH_FOLD ?? 5000);
const SENDERS = Number(process.env.BENCH_SENDERS ?? 10);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const fmt = (xs: number[]) =>
  `p50 ${pct(xs, 50).toFixed(1)} ms · p95 ${pct(xs, 95).toFixed(1)} ms · p99 ${pct(xs, 99).toFixed(1)} ms`;

async function main() {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(path.join(root, "node_modules/.bin/tsx"), ["scripts/e2e-server.ts"], {
    cwd: root,
    env: {
      ...process.env,
      E2E_PORT: String(port),
      E2E_DATABASE_URL: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/alertflow_bench",
      NEXT_DIST_DIR: ".next-bench",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitForPort("127.0.0.1", port, 600_000);
    for (;;) {
      const ok = await fetch(`${base}/api/health`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    await run(base);
  } finally {
    await stopChild(server, 15_000);
  }
}

async function run(base: string) {
  const arrivals = new Map<string, number>();
  const waiters = new Map<string, () => void>();
  const receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const key = /"key":\s*"([^"]+)"/.exec(Buffer.concat(chunks).toString())?.[1] ?? "";
      arrivals.set(key, performance.now());
      waiters.get(key)?.();
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  const address = receiver.address();
  if (!address || typeof address === "string") throw new Error("receiver did not bind");
  const api = apiClient(base, `Bearer ${(await signInTestOwner(base)).token}`);
  const integration = await api.integrations.create.mutate({
    type: "webhook",
    name: "Bench receiver",
    variables: { ApiUrl: `http://127.0.0.1:${address.port}/hook` },
    secrets: {},
    customizations: {},
    enabled: true,
  });
  const publish = async (name: string, afterSeconds: number) => {
    const { id: flowId } = await api.flows.create.mutate({
      name,
      description: "benchmark",
      graph: singleLevelGraph(integration.id, { level: 1, afterSeconds }),
    });
    await api.flows.publish.mutate({ flowId, note: "bench" });
    return (await api.flows.createEndpoint.mutate({ flowId })).token;
  };
  const immediate = await publish("Bench: immediate", 0);
  const delayed = await publish("Bench: folding", 3600);

  const post = (token: string, key: string) =>
    fetch(`${base}/api/alerts/${token}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ key, status: "error", summary: `bench ${key}` }),
    }).then(async (r) => {
      await r.arrayBuffer();
      if (r.status !== 202) throw new Error(`endpoint answered ${r.status}`);
    });

  const incident = async (key: string): Promise<number> => {
    const delivered = new Promise<void>((resolve) => waiters.set(key, resolve));
    const t0 = performance.now();
    await post(immediate, key);
    await delivered;
    waiters.delete(key);
    return (arrivals.get(key) ?? NaN) - t0;
  };

  const runId = Date.now().toString(36);
  // Warm-up: first requests compile routes and fill pools.
  for (let i = 0; i < 20; i++) await incident(`warm-${runId}-${i}`);

  const single: number[] = [];
  for (let i = 0; i < SINGLE; i++) single.push(await incident(`one-${runId}-${i}`));
  console.log(`\nAlert in → Error message out (level with no delay), 1 sender, ${SINGLE} incidents:\n  ${fmt(single)}`);

  const many: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: SENDERS }, async () => {
      while (next < CONCURRENT) {
        const i = next++;
        many.push(await incident(`many-${runId}-${i}`));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `Alert in → Error message out, ${SENDERS} senders, ${CONCURRENT} incidents:\n  ${(CONCURRENT / seconds).toFixed(0)} incidents/s delivered · ${fmt(many)}`,
  );

  // Events that fold into open incidents (signals to running workflows).
  const keys = Array.from({ length: 50 }, (_, i) => `fold-${runId}-${i}`);
  for (const key of keys) await post(delayed, key);
  let sent = 0;
  const foldStart = performance.now();
  await Promise.all(
    Array.from({ length: SENDERS * 2 }, async () => {
      while (sent < FOLD) {
        const i = sent++;
        await post(delayed, keys[i % keys.length] ?? "");
      }
    }),
  );
  const foldSeconds = (performance.now() - foldStart) / 1000;
  console.log(
    `Events accepted into ${keys.length} open incidents, ${SENDERS * 2} senders: ${(FOLD / foldSeconds).toFixed(0)} events/s\n`,
  );
  receiver.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
