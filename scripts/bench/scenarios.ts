import { apiClient } from "~/e2e/api-client";
import { signInTestOwner } from "~/e2e/sign-in-owner";
import { singleLevelGraph, twoLevelGraph } from "~/test-support/graph-builder";
import type { BenchReceiver } from "./receiver";
import { pool } from "./stats";

/**
 * The app's endpoints the scenarios post to: one flow that pages at once, one that waits an hour,
 * and the storm's: level 1 at once, level 2 (to the second receiver) `level2Seconds` later.
 */
export interface BenchTargets {
  base: string;
  immediate: string;
  delayed: string;
  storm: string;
}

export async function arrangeFlows(
  base: string,
  receiverUrl: string,
  level2: { url: string; seconds: number } = { url: receiverUrl, seconds: 60 },
): Promise<BenchTargets> {
  const api = apiClient(base, `Bearer ${(await signInTestOwner(base)).token}`);
  const webhook = (name: string, url: string) =>
    api.integrations.create.mutate({
      type: "webhook",
      name,
      variables: { ApiUrl: url },
      secrets: {},
      customizations: {},
      enabled: true,
    });
  const integration = await webhook("Bench receiver", receiverUrl);
  const level2Integration = await webhook("Bench receiver, level 2", level2.url);
  const publish = async (name: string, graph: ReturnType<typeof singleLevelGraph>) => {
    const { id: flowId } = await api.flows.create.mutate({ name, description: "benchmark", graph });
    await api.flows.publish.mutate({ flowId, note: "bench" });
    return (await api.flows.createEndpoint.mutate({ flowId })).token;
  };
  return {
    base,
    immediate: await publish("Bench: immediate", singleLevelGraph(integration.id, { level: 1, afterSeconds: 0 })),
    delayed: await publish("Bench: folding", singleLevelGraph(integration.id, { level: 1, afterSeconds: 3600 })),
    storm: await publish(
      "Bench: storm",
      twoLevelGraph([integration.id, level2Integration.id], { level: 1 }, { level: 2, afterSeconds: level2.seconds }),
    ),
  };
}

/** POSTs one error event; throws unless the endpoint answers 202. */
export async function postAlert(base: string, token: string, key: string): Promise<void> {
  const { status, text } = await post(base, token, key);
  if (status !== 202) throw new Error(`endpoint answered ${status}: ${text.slice(0, 200)}`);
}

async function post(base: string, token: string, key: string) {
  const r = await fetch(`${base}/api/alerts/${token}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ key, status: "error", summary: `bench ${key}` }),
    // A request to a killed web process ends with a reset; one that hangs must not stall a sender.
    signal: AbortSignal.timeout(60_000),
  });
  return { status: r.status, text: await r.text() };
}

/**
 * Answers other than 202, by status ("500": 2), counted instead of ending the phase: whether a
 * load makes the endpoint refuse is one of the figures. The first body of each status is kept.
 */
export class Refusals {
  readonly byStatus = new Map<number, number>();
  readonly firstBody = new Map<number, string>();
  note(status: number, text: string) {
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
    if (!this.firstBody.has(status)) this.firstBody.set(status, text.slice(0, 200));
  }
  get total() {
    return [...this.byStatus.values()].reduce((a, b) => a + b, 0);
  }
  toString() {
    if (this.total === 0) return "0 non-202";
    return [...this.byStatus].map(([status, n]) => `${n}× ${status} (${this.firstBody.get(status)})`).join(", ");
  }
}

/** Alert in → first message received, for each of `count` new incidents, `senders` at a time (closed loop). */
export async function closedLoop(
  t: BenchTargets,
  receiver: BenchReceiver,
  opts: { prefix: string; count: number; senders: number; budgetMs: number },
): Promise<{ latencies: number[]; seconds: number; refused: Refusals }> {
  const latencies: number[] = [];
  const refused = new Refusals();
  const stopAt = performance.now() + opts.budgetMs;
  const elapsed = await pool(opts.count, opts.senders, async (i) => {
    if (performance.now() > stopAt) return;
    const key = `${opts.prefix}-${i}`;
    const t0 = performance.now();
    const arrived = receiver.arrival(key);
    const { status, text } = await post(t.base, t.immediate, key);
    if (status !== 202) return refused.note(status, text);
    latencies.push((await arrived) - t0);
  });
  return { latencies, seconds: elapsed / 1000, refused };
}

/**
 * A storm: `count` new incidents posted by `senders` as fast as the endpoint answers, then each
 * first message's delay from its own POST. Keys never paged within `settleMs` count as lost.
 */
export async function burst(
  t: BenchTargets,
  receiver: BenchReceiver,
  opts: { prefix: string; count: number; senders: number; settleMs: number },
): Promise<{
  delays: number[];
  lost: number;
  acceptSeconds: number;
  allPagedSeconds: number;
  refused: Refusals;
  accepted: string[];
}> {
  const sentAt = new Map<string, number>();
  const refused = new Refusals();
  const started = performance.now();
  const acceptMs = await pool(opts.count, opts.senders, async (i) => {
    const key = `${opts.prefix}-${i}`;
    const at = performance.now();
    const { status, text } = await post(t.base, t.storm, key);
    // A refused alert was not accepted: not waited for, not lost.
    if (status === 202) sentAt.set(key, at);
    else refused.note(status, text);
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
  return {
    delays,
    lost,
    acceptSeconds: acceptMs / 1000,
    allPagedSeconds: (last - started) / 1000,
    refused,
    accepted: [...sentAt.keys()],
  };
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
