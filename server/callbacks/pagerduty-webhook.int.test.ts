import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { twoLevelGraph } from "~/test-support/graph-builder";
import {
  errorAlert,
  eventsForRun,
  eventually,
  publishedFlow,
  runsForFlow,
  webhook,
} from "~/test-support/flow-fixtures";
import { startFakePagerDuty, type FakePagerDuty } from "~/test-support/fake-pagerduty";
import { runStatus, testCallbackDeps } from "~/test-support/callback-deps";
import { createHarness, type Harness } from "~/test-support/harness";
import { startReceiver, type Receiver } from "~/test-support/http-receiver";
import { serveHandler, type ServedHandler } from "~/test-support/serve-handler";
import { handlePagerDutyWebhook } from "./pagerduty-webhook";

const ROUTING_KEY = "R0UT1NGKEY0123456789abcdefABCDEF";
const WEBHOOK_SECRET = "pd-webhook-secret-for-tests";

let h: Harness;
let pd: FakePagerDuty;
let receiver: Receiver;
let alertflow: ServedHandler;
beforeAll(async () => {
  h = await createHarness();
  await h.startWorker();
  [pd, receiver] = await Promise.all([startFakePagerDuty(ROUTING_KEY), startReceiver()]);
  const deps = testCallbackDeps(h);
  alertflow = await serveHandler(async (request) => {
    const match = /^\/api\/pagerduty\/([^/]+)\/webhooks$/.exec(new URL(request.url).pathname);
    return match?.[1] ? handlePagerDutyWebhook(deps, match[1], request) : new Response(null, { status: 404 });
  });
});
afterAll(async () => {
  await Promise.all([pd?.close(), receiver?.close(), alertflow?.close()]);
  await h?.close();
});

const statusOf = (runId: string) => runStatus(h, runId);

it("acknowledging in PagerDuty stops a real escalation; resolving there resolves it; forged and replayed webhooks change nothing", async () => {
  const integration = await h.api.integrations.create({
    type: "pagerduty",
    name: `PagerDuty ${randomUUID()}`,
    variables: { ApiUrl: pd.eventsUrl },
    secrets: { RoutingKey: ROUTING_KEY, WebhookSecret: WEBHOOK_SECRET },
    customizations: {},
    enabled: true,
  });
  const l2 = await webhook(h, "PD L2", `${receiver.url}/pd-l2`);
  const graph = twoLevelGraph([integration.id, l2], { level: 1, afterSeconds: 0 }, { level: 2, afterSeconds: 4 });
  const { flowId, token } = await publishedFlow(h, `PagerDuty ${randomUUID()}`, graph);
  const key = `pd-two-way-${randomUUID()}`;
  expect((await h.postAlert(token, errorAlert(key))).status).toBe(202);
  await eventually(async () => (pd.events().some((e) => e.event_action === "trigger") ? true : undefined), 15_000);
  expect(pd.receiver.violations).toEqual([]);
  const [run] = await runsForFlow(h, flowId);
  if (!run) throw new Error("no run");
  const url = `${alertflow.url}/api/pagerduty/${integration.id}/webhooks`;

  // Signed with another secret, or not at all: refused, nothing changes.
  expect((await pd.send(url, pd.webhook("incident.acknowledged", key, { secret: "not-the-secret" }))).status).toBe(401);
  const unsigned = pd.webhook("incident.acknowledged", key, { secret: WEBHOOK_SECRET });
  expect((await pd.send(url, { ...unsigned, headers: { "content-type": "application/json" } })).status).toBe(401);
  // Another incident's key touches nothing.
  expect(
    await (
      await fetch(url, { method: "POST", ...pd.webhook("incident.acknowledged", "other", { secret: WEBHOOK_SECRET }) })
    ).json(),
  ).toEqual({ acted: [] });
  expect(await statusOf(run.id)).toBe("escalating");

  const acked = pd.webhook("incident.acknowledged", key, { secret: WEBHOOK_SECRET });
  const answer = await pd.send(url, acked);
  expect(answer.status).toBe(200);
  expect(JSON.parse(answer.body)).toEqual({ acted: [run.id] });
  expect(await statusOf(run.id)).toBe("acknowledged");
  expect((await pd.send(url, acked)).status).toBe(401); // the same event again
  const [event] = await eventually(async () => {
    const rows = await eventsForRun(h, run.id, "acknowledged");
    return rows.length > 0 ? rows : undefined;
  });
  expect(event?.detail).toEqual({ by: "Dana Ops", note: "", source: "pagerduty" });

  await new Promise((r) => setTimeout(r, 5_000));
  expect(receiver.requests.filter((r) => r.url === "/pd-l2")).toHaveLength(0);

  // Resolved in PagerDuty: Alertflow resolves too, and its Ok (a PagerDuty resolve) goes out.
  expect(
    (await pd.send(url, pd.webhook("incident.resolved", key, { secret: WEBHOOK_SECRET, agent: "Lee" }))).status,
  ).toBe(200);
  await h.client.workflow.getHandle(run.workflowId).result();
  expect(await statusOf(run.id)).toBe("resolved");
  await eventually(async () => (pd.events().some((e) => e.event_action === "resolve") ? true : undefined));
  const resolvedBy = await eventsForRun(h, run.id, "resolve.requested");
  expect(resolvedBy[0]?.detail).toEqual({ by: "Lee", note: "", source: "pagerduty" });
});
