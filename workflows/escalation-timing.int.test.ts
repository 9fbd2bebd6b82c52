import { randomUUID } from "node:crypto";
import { Context } from "@temporalio/activity";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { minimalAlert } from "../core/alerts/alert";
import { previewTiming, type PreviewMessage, type TimingScenario } from "../core/escalation/timing-preview";
import type { FlowPlan } from "../core/flow/plan";
import { startWorkflowOnlyWorker } from "../test-support/harness";
import { planArbitrary, scenarioArbitrary } from "../test-support/random-escalations";
import type { DeliverInput, DeliverResult, OpenRunInput } from "../worker/activities/types";
import {
  acknowledgeUpdate,
  alertEventSignal,
  INCIDENT_WORKFLOW,
  type AlertEvent,
  type EscalationInput,
} from "./messages";

/**
 * The real workflow on the real Temporal server, with fake activities and one "second" of the
 * random plans stretched to UNIT_MS. Temporal's time-skipping test server is not available
 * offline (the CLI's dev server has no time skipping), so delays are real but short.
 */
const UNIT_MS = 4000;
const CASES = 6;

interface Sent {
  runId: string;
  key: string;
  atMs: number;
}
const sent: Sent[] = [];
/** Each run's first-error time, as the workflow told whichever write opened the run. */
const started = new Map<string, (firstErrorAtMs: number) => void>();
const opened = (input: OpenRunInput | undefined) => {
  if (input) started.get(input.runId)?.(Date.parse(input.firstErrorAt));
};
let worker: Awaited<ReturnType<typeof startWorkflowOnlyWorker>>;

function deliverFake(input: DeliverInput): DeliverResult {
  opened(input.runRecord?.open);
  // When the workflow scheduled the message: its decision, not this fake's latency.
  sent.push({ runId: input.runId, key: keyOf(input), atMs: Context.current().info.scheduledTimestampMs });
  return { outcome: "delivered", deliveryId: randomUUID(), attempts: 1 };
}

beforeAll(async () => {
  worker = await startWorkflowOnlyWorker({
    async openRun(input) {
      opened(input);
    },
    async updateRun(input) {
      opened(input.open);
    },
    async deliver(input: DeliverInput) {
      return deliverFake(input);
    },
    async deliverFirstAttempt(input: DeliverInput) {
      return { kind: "settled", result: deliverFake(input) };
    },
    // Events reach these incidents as signals: no inbox holds any.
    async takeInboxEvents(input) {
      return { events: [], lastSeq: input.afterSeq, closedBefore: false };
    },
    // Started by signal, never opened at the endpoint: nothing to adopt.
    async adoptOpening() {
      return Promise.reject(new Error("no incident here was opened at the endpoint"));
    },
  });
});
afterAll(async () => {
  await worker?.close();
});

const key = (level: number, type: string, reminderNumber: number, nodeId: string) =>
  `L${level} ${type}#${reminderNumber} ${nodeId}`;
const keyOf = (d: DeliverInput) => key(d.level, d.messageType, d.reminderNumber, d.target.nodeId);
const previewKey = (m: PreviewMessage) => key(m.level, m.type, m.reminderNumber, m.nodeId);
const sleepUntil = (at: number) => new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));

const alert = (status: "error" | "ok"): AlertEvent => ({
  alert: minimalAlert({ key: "timing", status, summary: status, occurredAt: new Date().toISOString() }),
  receivedAt: new Date().toISOString(),
});

/** The plan with every delay in units of UNIT_MS, as the workflow gets it. */
const stretched = (plan: FlowPlan): FlowPlan => ({
  ...plan,
  levels: plan.levels.map((l) => ({
    ...l,
    afterSeconds: (l.afterSeconds * UNIT_MS) / 1000,
    reminderEverySeconds: (l.reminderEverySeconds * UNIT_MS) / 1000,
  })),
});

/** Plays the scenario against a real workflow; returns each message's time in units. */
async function runIncident(plan: FlowPlan, scenario: TimingScenario & { incidentSeconds: number }) {
  const runId = randomUUID();
  const input: EscalationInput = {
    runId,
    workspaceId: randomUUID(),
    flowId: randomUUID(),
    flowName: "timing",
    flowVersionId: randomUUID(),
    alertKey: "timing",
    plan: stretched(plan),
    firstEvent: alert("error"),
  };
  const firstErrorAt = new Promise<number>((resolve) => started.set(runId, resolve));
  const handle = await worker.client.workflow.signalWithStart(INCIDENT_WORKFLOW, {
    workflowId: `timing-${runId}`,
    taskQueue: worker.taskQueue,
    args: [input],
    signal: alertEventSignal,
    signalArgs: [input.firstEvent],
  });
  const every = scenario.checkIntervalSeconds;
  const moments: { at: number; act: () => Promise<unknown> }[] = [
    { at: scenario.incidentSeconds, act: () => handle.signal(alertEventSignal, alert("ok")) },
  ];
  for (let n = 1; every !== undefined && n * every < scenario.incidentSeconds; n++) {
    moments.push({ at: n * every, act: () => handle.signal(alertEventSignal, alert("error")) });
  }
  const ack = scenario.acknowledgedAtSeconds;
  if (ack !== undefined && ack < scenario.incidentSeconds) {
    moments.push({ at: ack, act: () => handle.executeUpdate(acknowledgeUpdate, { args: [{ by: "test" }] }) });
  }
  // The incident's clock starts when the workflow first runs; events are timed from there.
  const start = await firstErrorAt;
  for (const moment of moments.sort((a, b) => a.at - b.at)) {
    await sleepUntil(start + moment.at * UNIT_MS);
    await moment.act();
  }
  await handle.result();
  return sent.filter((s) => s.runId === runId).map((s) => ({ key: s.key, at: (s.atMs - start) / UNIT_MS }));
}

describe("the escalation workflow sends what the timing preview shows", () => {
  it(`for ${CASES} random plans and incidents`, { timeout: 120_000 }, async () => {
    const cases = fc.sample(fc.tuple(planArbitrary, scenarioArbitrary), { numRuns: CASES, seed: 3 });
    const results = await Promise.all(cases.map(([plan, scenario]) => runIncident(plan, scenario)));
    // The seed is fixed so a failure reproduces; these cases send 37 messages of every type.
    expect(cases.flatMap(([plan, scenario]) => previewTiming(plan, scenario)).length).toBeGreaterThanOrEqual(30);
    cases.forEach(([plan, scenario], i) => {
      const expected = previewTiming(plan, scenario).map((m) => ({ key: previewKey(m), at: m.atSeconds }));
      const actual = results[i] ?? [];
      const byKey = (list: { key: string }[]) => list.map((m) => m.key).sort();
      expect(byKey(actual), JSON.stringify({ plan, scenario })).toEqual(byKey(expected));
      for (const message of actual) {
        const want = expected.find((m) => m.key === message.key)?.at ?? NaN;
        // Timers never fire early; under load they and events land up to a little under half a
        // unit late (the scenario keeps events half a unit away from due times).
        expect(message.at, message.key).toBeGreaterThan(want - 0.1);
        expect(message.at, message.key).toBeLessThan(want + 0.45);
      }
    });
  });
});
