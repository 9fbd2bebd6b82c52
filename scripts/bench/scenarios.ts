import { apiClient } from "~/e2e/api-client";
import { signInTestOwner } from "~/e2e/sign-in-owner";
import { singleLevelGraph } from "~/test-support/graph-builder";
import type { BenchReceiver } from "./receiver";
import { pool } from "./stats";

/** The app's endpoints the scenarios post to: one flow that pages at once, one that waits an hour. */
export interface BenchTargets {
  base: string;
  immediate: string;
  delayed: string;
}

export async function arrangeFlows(base: string, receiverUrl: string): Promise<BenchTargets> {
  const api = apiClient(base, `Bearer ${(await signInTestOwner(base)).token}`);
  const integration = await api.integrations.create.mutate({
    type: "webhook",
    name: "Bench receiver",
    variables: { ApiUrl: receiverUrl },
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
  return { base, immediate: await publish("Bench: immediate", 0), delayed: await publish("Bench: folding", 3600) };
}

/** POSTs one error event; throws unless the endpoint answers 202. */
export async function postAlert(base: string, token: string, key: string): Promise<void> {
  const r = await fetch(`${base}/api/alerts/${token}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ key, status: "error", summary: `bench ${key}` }),
  });
  const text = await r.text();
  if (r.status !== 202) throw new Error(`endpoint answered ${r.status}: ${text.slice(0, 200)}`);
}

/** Alert in → first message received, for each of `count` new incidents, `senders` at a time (closed loop). */
export async function closedLoop(
  t: BenchTargets,
  receiver: BenchReceiver,
  opts: { prefix: string; count: number; senders: number; budgetMs: number },
): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  const stopAt = performance.now() + opts.budgetMs;
  const elapsed = await pool(opts.count, opts.senders, async (i) => {
    if (performance.now() > stopAt) return;
    const key = `${opts.prefix}-${i}`;
    const t0 = performance.now();
    const arrived = receiver.arrival(key);
    await postAlert(t.base, t.immediate, key);
    latencies.push((await arrived) - t0);
  });
  return { latencies, seconds: elapsed / 1000 };
}

/**
 * A storm: `count` new incidents posted by `senders` as fast as the endpoint answers, then each
 * first message's delay from its own POST. Keys never paged within `settleMs` count as lost.
 */
export async function burst(
  t: BenchTargets,
  receiver: BenchReceiver,
  opts: { prefix: string; count: number; senders: number; settleMs: number },
): Promise<{ delays: number[]; lost: number; acceptSeconds: number; allPagedSeconds: number }> {
  const sentAt = new Map<string, number>();
  const started = performance.now();
  const acceptMs = await pool(opts.count, opts.senders, async (i) => {
    const key = `${opts.prefix}-${i}`;
    sentAt.set(key, performance.now());
    await postAlert(t.base, t.immediate, key);
  });
  const deadline = performance.now() + opts.settleMs;
  while (performance.now() < deadline && [...sentAt.keys()].some((k) => receiver.arrivalOf(k) === undefined)) {
    await new Promise((r) => setTimeout(r, 50));
  }
  const delays: number[] = [];
  let lost = 0;
  let last = started;
  for (const [key, at] of sentAt) {
    const arrived = receiver.arrivalOf(key);
    if (arrived === undefined) lost++;
    else {
      delays.push(arrived - at);
      last = Math.max(last, arrived);
    }
  }
  return { delays, lost, acceptSeconds: acceptMs / 1000, allPagedSeconds: (last - started) / 1000 };
}

/** Error events folding into `incidents` open incidents (a level an hour away): accepted events/s. */
export async function folding(
  t: BenchTargets,
  opts: { prefix: string; incidents: number; events: number; senders: number; budgetMs: number },
): Promise<{ perSecond: number; events: number }> {
  const keys = Array.from({ length: opts.incidents }, (_, i) => `${opts.prefix}-${i}`);
  await pool(keys.length, 10, (i) => postAlert(t.base, t.delayed, keys[i] ?? ""));
  let accepted = 0;
  const stopAt = performance.now() + opts.budgetMs;
  const elapsed = await pool(opts.events, opts.senders, async (i) => {
    if (performance.now() > stopAt) return;
    await postAlert(t.base, t.delayed, keys[i % keys.length] ?? "");
    accepted++;
  });
  return { perSecond: (accepted * 1000) / elapsed, events: accepted };
}
