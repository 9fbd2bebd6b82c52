import { performance } from "node:perf_hooks";
import { eq } from "drizzle-orm";
import pg from "pg";
import { createDb, type Db } from "~/db/client";
import { migrateDatabase } from "~/db/migrate";
import { ensureDefaultWorkspace } from "~/db/seed";
import { flows, flowVersions, integrations } from "~/db/schema";
import { compilePlan } from "~/core/flow/compile-plan";
import { threeLevelSampleGraph } from "~/test-support/sample-graphs";
import type { ListRunsInput, RunInsightsInput, RunStatsInput } from "~/server/runs/run-inputs";
import { listRuns, runInsights, runStats } from "~/server/runs/run-service";

/**
 * Run history speed: 100,000 runs (with their events and deliveries) in a database of its own,
 * then the real list and stats service functions for each filter combination.
 * Target (DESIGN.md): < 100 ms p95 for the list, its filters, free text and the charts.
 *   npx tsx --conditions=react-server scripts/bench-runs.ts [runs=100000] [iterations=50] [--reuse]
 * (react-server: the service modules are marked server-only.)
 * --reuse measures the database left by the last run (to try an index by hand) instead of
 * recreating it.
 */
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/alertflow_bench_runs";
const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const REUSE = process.argv.includes("--reuse");
const RUNS = Number(args[0] ?? 100_000);
const ITERATIONS = Number(args[1] ?? 50);
const FLOWS = 8;
const TARGET_P95_MS = 100;

async function recreateDatabase(url: string) {
  const admin = new URL(url);
  const name = decodeURIComponent(admin.pathname.slice(1));
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name.replaceAll('"', '""')}" with (force)`);
  } finally {
    await client.end();
  }
  await migrateDatabase(url);
}

async function seedFlows(db: Db, workspaceId: string): Promise<{ flowIds: string[]; integrationIds: string[] }> {
  const ids = await db
    .insert(integrations)
    .values(
      ["Team chat", "PagerDuty", "Phone"].map((name) => ({
        workspaceId,
        type: "webhook",
        name,
        variables: { ApiUrl: "https://example.com/hook" },
      })),
    )
    .returning({ id: integrations.id });
  const [l1, l2, l3] = ids.map((r) => r.id);
  if (!l1 || !l2 || !l3) throw new Error("integrations were not created");
  const graph = threeLevelSampleGraph({ l1, l2, l3 });
  const plan = compilePlan(graph);
  const flowIds: string[] = [];
  for (let i = 0; i < FLOWS; i++) {
    const [flow] = await db
      .insert(flows)
      .values({ workspaceId, name: `Service ${i + 1}`, draftGraph: graph })
      .returning({ id: flows.id });
    if (!flow) throw new Error("flow was not created");
    const [version] = await db
      .insert(flowVersions)
      .values({ flowId: flow.id, version: 1, graph, plan })
      .returning({ id: flowVersions.id });
    if (!version) throw new Error("version was not created");
    await db.update(flows).set({ publishedVersionId: version.id }).where(eq(flows.id, flow.id));
    flowIds.push(flow.id);
  }
  return { flowIds, integrationIds: [l1, l2, l3] };
}

/** Set-based inserts: generating 100k rows in SQL takes seconds, row by row it takes minutes. */
async function seedRuns(url: string, workspaceId: string, flowIds: string[], integrationIds: string[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // The hourly rollup's triggers (migrations 0015/0016) take one statement's rows as arrays, which
  // grows worse than linearly for 100,000 rows at once; the seed counts the rollup afterwards the
  // way migration 0017 backfills it (alertflow_rollup_recount: set-based).
  const rollupTriggers = [
    "runs runs_inserted_rollup",
    "runs runs_updated_rollup",
    "deliveries deliveries_inserted_rollup",
    "deliveries deliveries_updated_rollup",
  ];
  try {
    for (const trigger of rollupTriggers) {
      const [table, name] = trigger.split(" ");
      await client.query(`alter table ${table} disable trigger ${name}`);
    }
    await client.query(
      `insert into runs (workspace_id, flow_id, flow_version_id, alert_key, workflow_id, status, current_level,
                         first_error_at, acknowledged_at, resolved_at, alert, created_at)
       select $1, f.id, f.published_version_id, k.key, 'flow:' || f.id || ':alert:' || k.key, s.status::run_status,
              1 + (i % 3), t.at,
              case when s.status = 'acknowledged' or (s.status = 'resolved' and i % 2 = 0)
                   then t.at + ((1 + i % 30) || ' minutes')::interval end,
              case when s.status = 'resolved' then t.at + ((i % 180) || ' minutes')::interval end,
              jsonb_build_object('key', k.key, 'status', 'error', 'summary', k.key || ' is failing',
                'description', 'Check ' || (i % 5000) || ' failed: ' || repeat('details ', 40), 'severity', 'error',
                'source', 'bench', 'monitor', jsonb_build_object('name', 'Monitor ' || (i % 500)),
                'labels', jsonb_build_object('service', 'svc-' || (i % 40), 'env', (array['prod','staging'])[1 + i % 2]),
                'annotations', '{}'::jsonb, 'details', '{}'::jsonb, 'occurredAt', t.at),
              t.at
       -- The outer reference to i makes each lateral run per row instead of once.
       from generate_series(1, $2::int) i
       cross join lateral (select now() - random() * interval '30 days' - (i % 1) * interval '1 second' as at) t
       -- hashint4 decorrelates status, key and flow, which would all follow i's residues otherwise.
       cross join lateral (select abs(hashint4(i)) % 100 as h) p
       cross join lateral (select case
            when p.h < 2 then 'escalating' when p.h < 6 then 'acknowledged' when p.h < 9 then 'failed'
            when p.h < 15 then 'cancelled' else 'resolved' end as status) s
       cross join lateral (select (array['checkout','payments','search','auth','inventory','shipping','email','cdn'])[1 + i % 8]
                                  || '/host-' || (i % 997) as key) k
       join lateral (select id, published_version_id from flows where id = ($3::uuid[])[1 + abs(hashint4(i + 7)) % $4::int]) f on true`,
      [workspaceId, RUNS, flowIds, flowIds.length],
    );
    await client.query(
      `insert into run_events (run_id, at, type, level, node_id, detail)
       select r.id, r.created_at + e.offset_s * interval '1 second', e.type, e.level, e.node_id, '{}'::jsonb
       from runs r cross join (values (0, 'alert.error', null::int, null::text), (1, 'level.fired', 1, 'level-1'),
                                      (900, 'level.fired', 2, 'level-2')) e(offset_s, type, level, node_id)`,
    );
    await client.query(
      `insert into run_events (run_id, at, type, detail)
       select id, resolved_at, 'resolved', '{"by":"alert"}'::jsonb from runs where resolved_at is not null`,
    );
    await client.query(
      `insert into deliveries (run_id, integration_id, node_id, message_type, level, idempotency_key, status, attempts,
                               status_code, latency_ms, request, response, created_at, updated_at)
       select r.id, ($1::uuid[])[1 + abs(hashint4(hashtext(r.id::text))) % 3], 'notify-team', 'error', 1,
              r.id || ':1:error:0:notify-team',
              case when r.status = 'failed' then 'failed' else 'delivered' end::delivery_status, 1, 200,
              20 + abs(hashint4(hashtext(r.id::text) + 1)) % 2000,
              '{"method":"POST","url":"https://example.com/hook","headers":{},"body":"{}"}'::jsonb,
              '{"status":200,"headers":{},"body":"ok"}'::jsonb, r.created_at, r.created_at
       from runs r`,
      [integrationIds],
    );
    await client.query("select alertflow_rollup_recount()");
    for (const trigger of rollupTriggers) {
      const [table, name] = trigger.split(" ");
      await client.query(`alter table ${table} enable trigger ${name}`);
    }
    // Readers add the deltas the fold job has not taken yet (migration 0020): leave a backlog of
    // them, one statement per incident as the worker writes them, larger than the ~1,000 rows two
    // seconds between folds gather at 100 incidents/s.
    await client.query(`do $$ declare r record; begin
      for r in select id from runs where status = 'escalating' limit 2000 loop
        update runs set status = 'acknowledged', acknowledged_at = first_error_at + interval '3 minutes' where id = r.id;
      end loop; end $$`);
    const pending = await client.query<{ n: string }>("select count(*) as n from run_rollup_deltas");
    console.log(`left ${pending.rows[0]?.n ?? 0} rollup deltas unfolded`);
    await client.query(
      "vacuum analyze runs, run_events, deliveries, run_rollups, run_latency_rollups, run_rollup_deltas, run_latency_rollup_deltas",
    );
  } finally {
    await client.end();
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function measure(name: string, fn: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
}

async function main() {
  const started = performance.now();
  if (!REUSE) await recreateDatabase(DATABASE_URL);
  const { db, pool } = createDb(DATABASE_URL, 4);
  try {
    const workspaceId = await ensureDefaultWorkspace(db);
    let flowIds: string[];
    let integrationIds: string[];
    if (REUSE) {
      flowIds = (await db.select({ id: flows.id }).from(flows).orderBy(flows.name)).map((f) => f.id);
      integrationIds = (await db.select({ id: integrations.id }).from(integrations).orderBy(integrations.name)).map(
        (i) => i.id,
      );
    } else {
      ({ flowIds, integrationIds } = await seedFlows(db, workspaceId));
      await seedRuns(DATABASE_URL, workspaceId, flowIds, integrationIds);
      console.log(`seeded ${RUNS} runs over ${FLOWS} flows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }

    const scope = { db, workspaceId };
    const flowId = flowIds[0];
    const listCases: [string, Omit<ListRunsInput, "limit">][] = [
      ["list: no filter", {}],
      ["list: flow", { flowId }],
      ["list: status=escalating (2%)", { status: "escalating" }],
      ["list: status=resolved (85%)", { status: "resolved" }],
      ["list: key prefix 'checkout' (12%)", { alertKey: "checkout" }],
      ["list: key prefix 'checkout/host-12' (rare)", { alertKey: "checkout/host-12" }],
      ["list: key prefix 'nomatch' (none)", { alertKey: "nomatch" }],
      ["list: flow + status=escalating", { flowId, status: "escalating" }],
      ["list: flow + status=failed", { flowId, status: "failed" }],
      ["list: flow + key prefix", { flowId, alertKey: "checkout" }],
      ["list: status=escalating + key prefix", { status: "escalating", alertKey: "payments" }],
      ["list: flow + status + key prefix", { flowId, status: "acknowledged", alertKey: "checkout" }],
      ["list: status=cancelled + key 'nomatch'", { status: "cancelled", alertKey: "nomatch" }],
      ["list: text 'payments' (12%)", { q: "payments" }],
      ["list: text 'monitor 42' (0.2%)", { q: "monitor 42" }],
      ["list: text 'check 4711 failed' (rare)", { q: "check 4711 failed" }],
      ["list: text 'nomatch' (none)", { q: "nomatch" }],
      ["list: flow + text 'host-12'", { flowId, q: "host-12" }],
      ["list: status=escalating + text 'checkout'", { status: "escalating", q: "checkout" }],
      ["list: label service=svc-7 (2.5%)", { labels: [{ key: "service", value: "svc-7" }] }],
      [
        "list: labels service=svc-7 + env=staging (none)",
        {
          labels: [
            { key: "service", value: "svc-7" },
            { key: "env", value: "staging" },
          ],
        },
      ],
      ["list: label + status=failed", { labels: [{ key: "env", value: "prod" }], status: "failed" }],
      ["list: last 24 h", { from: new Date(Date.now() - 86_400_000).toISOString() }],
      [
        "list: a day two weeks ago",
        {
          from: new Date(Date.now() - 15 * 86_400_000).toISOString(),
          to: new Date(Date.now() - 14 * 86_400_000).toISOString(),
        },
      ],
      [
        "list: flow + text + label + time",
        {
          flowId,
          q: "checkout",
          labels: [{ key: "env", value: "prod" }],
          from: new Date(Date.now() - 7 * 86_400_000).toISOString(),
        },
      ],
    ];
    const results = [];
    for (const [name, filters] of listCases) {
      results.push(await measure(name, () => listRuns(scope, { limit: 50, ...filters })));
      // Page 3, through the cursor, as "Load more" asks for it.
      const first = await listRuns(scope, { limit: 50, ...filters });
      const second = first.nextCursor
        ? await listRuns(scope, { limit: 50, ...filters, cursor: first.nextCursor })
        : null;
      const cursor = second?.nextCursor;
      if (cursor)
        results.push(await measure(`${name} · page 3`, () => listRuns(scope, { limit: 50, ...filters, cursor })));
    }
    const statsCases: [string, RunStatsInput][] = [
      ["stats: 24h", { range: "24h" }],
      ["stats: 7d", { range: "7d" }],
      ["stats: 30d", { range: "30d" }],
      ["stats: 24h + flow", { range: "24h", flowId }],
      ["stats: 30d + flow", { range: "30d", flowId }],
      ["stats: 24h + key prefix", { range: "24h", alertKey: "checkout" }],
      ["stats: 30d + key prefix", { range: "30d", alertKey: "checkout" }],
      ["stats: 30d + text 'monitor 42'", { range: "30d", q: "monitor 42" }],
      ["stats: 30d + label service=svc-7", { range: "30d", labels: [{ key: "service", value: "svc-7" }] }],
    ];
    for (const [name, input] of statsCases) results.push(await measure(name, () => runStats(scope, input)));
    const integrationId = integrationIds[0];
    const insightCases: [string, RunInsightsInput][] = [
      ["insights: 24h", { range: "24h" }],
      ["insights: 7d", { range: "7d" }],
      ["insights: 30d", { range: "30d" }],
      ["insights: 7d + flow", { range: "7d", flowId }],
      ["insights: 30d + flow", { range: "30d", flowId }],
      ["insights: 7d + integration", { range: "7d", integrationId }],
      ["insights: 30d + integration", { range: "30d", integrationId }],
    ];
    for (const [name, input] of insightCases) results.push(await measure(name, () => runInsights(scope, input)));

    const width = Math.max(...results.map((r) => r.name.length));
    console.log(
      `\n${"query".padEnd(width)}    p50 ms   p95 ms   p99 ms   (${ITERATIONS} runs each, ${RUNS} runs in the table)`,
    );
    for (const r of results) {
      const flag = r.p95 >= TARGET_P95_MS ? "  ✗ over target" : "";
      console.log(
        `${r.name.padEnd(width)}  ${r.p50.toFixed(2).padStart(7)}  ${r.p95.toFixed(2).padStart(7)}  ${r.p99.toFixed(2).padStart(7)}${flag}`,
      );
    }
    const worst = results.reduce((a, b) => (b.p95 > a.p95 ? b : a));
    console.log(`\nworst p95: ${worst.p95.toFixed(2)} ms (${worst.name}); target < ${TARGET_P95_MS} ms`);
    if (worst.p95 >= TARGET_P95_MS) process.exitCode = 1;
  } finally {
    await pool.end();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
