import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { testDatabaseUrl } from "~/test-support/test-slot";
import { twoLevelGraph } from "~/test-support/graph-builder";
import {
  errorAlert,
  eventsForRun,
  eventually,
  publishedFlow,
  runsForFlow,
  webhook,
} from "~/test-support/flow-fixtures";
import { startFakeSlack, type FakeSlack } from "~/test-support/fake-slack";
import { runStatus, testCallbackDeps } from "~/test-support/callback-deps";
import { createHarness, type Harness } from "~/test-support/harness";
import { startReceiver, type Receiver } from "~/test-support/http-receiver";
import { serveRoute, type ServedHandler } from "~/test-support/serve-handler";
import { startProxiedDatabase, type ProxiedDatabase } from "~/test-support/postgres-proxy";
import { snapshotQuery } from "~/workflows/messages";
import type { InboundActionDeps } from "./inbound-deps";
import { handleSlackInteraction, SLACK_DATABASE_UNAVAILABLE } from "./slack-interaction";

const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

let h: Harness;
let slack: FakeSlack;
let receiver: Receiver;
let alertflow: ServedHandler;
/** The handler whose database connections go through a proxy the test closes: its outage alone. */
let proxied: ProxiedDatabase;
let alertflowViaProxy: ServedHandler;

// Alertflow's route, over real HTTP, for the fake Slack to call.
const serveInteractions = (deps: InboundActionDeps) =>
  serveRoute(/^\/api\/slack\/([^/]+)\/interactions$/, (id, request) => handleSlackInteraction(deps, id, request));

beforeAll(async () => {
  h = await createHarness();
  await h.startWorker();
  [slack, receiver, proxied] = await Promise.all([
    startFakeSlack(),
    startReceiver(),
    startProxiedDatabase(testDatabaseUrl()),
  ]);
  alertflow = await serveInteractions(testCallbackDeps(h));
  // The fake Slack's response_urls stand for https://hooks.slack.com.
  const slackOrigin = new URL(slack.receiver.url).origin;
  alertflowViaProxy = await serveInteractions({
    ...testCallbackDeps(h),
    db: proxied.db,
    slackResponseOrigin: slackOrigin,
  });
});
afterAll(async () => {
  await Promise.all([slack?.close(), receiver?.close(), alertflow?.close(), alertflowViaProxy?.close()]);
  await proxied?.end();
  await h?.close();
});

const statusOf = (runId: string) => runStatus(h, runId);

/** A Slack integration whose message about a real incident is in the fake Slack (a webhook pages level 2 after 4 s). */
async function postedIncident(name: string) {
  const before = slack.messages().length;
  const integration = await h.api.integrations.create({
    type: "slack",
    name: `Slack ${randomUUID()}`,
    variables: {},
    secrets: { WebhookUrl: slack.webhookUrl, SigningSecret: SIGNING_SECRET },
    customizations: {},
    enabled: true,
  });
  const l2 = await webhook(h, "Slack L2", `${receiver.url}/slack-l2`);
  const graph = twoLevelGraph([integration.id, l2], { level: 1, afterSeconds: 0 }, { level: 2, afterSeconds: 4 });
  const { flowId, token } = await publishedFlow(h, `Slack ${randomUUID()}`, graph);
  expect((await h.postAlert(token, errorAlert(name))).status).toBe(202);
  const message = await eventually(async () => slack.messages()[before], 15_000);
  const [run] = await runsForFlow(h, flowId);
  if (!run) throw new Error("no run");
  const path = `/api/slack/${integration.id}/interactions`;
  const click = (options: Partial<Parameters<FakeSlack["click"]>[0]> = {}) =>
    slack.click({
      interactionUrl: `${alertflow.url}${path}`,
      signingSecret: SIGNING_SECRET,
      message,
      actionId: "alertflow_acknowledge",
      ...options,
    });
  return { run, click, path };
}

it("a click on Acknowledge in Slack stops a real escalation; forged, stale and replayed callbacks change nothing", async () => {
  const { run, click } = await postedIncident("slack-stop");

  // Refused, and nothing changes: another app's secret, a timestamp 6 minutes old, no signature,
  // a validly signed click whose button value is not a link this server signed.
  expect((await slack.send(click({ signingSecret: "not-the-signing-secret" }))).status).toBe(401);
  expect((await slack.send(click({ timestamp: Math.floor(Date.now() / 1000) - 360 }))).status).toBe(401);
  const unsigned = click();
  expect(
    (await slack.send({ ...unsigned, headers: { "content-type": "application/x-www-form-urlencoded" } })).status,
  ).toBe(401);
  expect(
    (await slack.send(click({ value: "http://localhost:3000/ack/v1.e30.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" })))
      .status,
  ).toBe(403);
  expect(await statusOf(run.id)).toBe("escalating");

  const good = click();
  expect((await slack.send(good)).status).toBe(200);
  expect(await statusOf(run.id)).toBe("acknowledged");
  // The same signed request again is a replay.
  expect((await slack.send(good)).status).toBe(401);
  const [event] = await eventually(async () => {
    const rows = await eventsForRun(h, run.id, "acknowledged");
    return rows.length > 0 ? rows : undefined;
  });
  expect(event?.detail).toEqual({ by: "@dana", note: "", source: "slack" });

  // The message was updated through response_url: buttons gone, who acknowledged shown.
  const [update] = slack.updates();
  expect(update).toMatchObject({ replace_original: true });
  expect(JSON.stringify(update)).toContain("Acknowledged by @dana");
  expect(JSON.stringify(update)).not.toContain('"type":"actions"');

  await new Promise((r) => setTimeout(r, 5_000));
  expect(receiver.requests.filter((r) => r.url === "/slack-l2")).toHaveLength(0);

  // Resolve from the same message ends the incident and sends the Ok to Slack.
  expect((await slack.send(click({ actionId: "alertflow_resolve", user: "lee" }))).status).toBe(200);
  await h.client.workflow.getHandle(run.workflowId).result();
  expect(await statusOf(run.id)).toBe("resolved");
  await eventually(async () => (slack.messages().some((m) => m.text.includes("Ok")) ? true : undefined));
  // A click after the end changes nothing and says so.
  expect((await slack.send(click())).status).toBe(200);
  expect(JSON.stringify(slack.updates().at(-1))).toContain("already ended");
  expect(await statusOf(run.id)).toBe("resolved");
});

it("a click during a Postgres outage is answered at once and the clicker is told nothing changed; a click once it is back acknowledges", async () => {
  const { run, click, path } = await postedIncident("slack-outage");
  const clickViaProxy = () => click({ interactionUrl: `${alertflowViaProxy.url}${path}` });
  const updatesBefore = slack.updates().length;
  await proxied.proxy.close();
  try {
    expect((await slack.send(clickViaProxy())).status).toBe(200);
  } finally {
    await proxied.proxy.open();
  }
  // Only the clicker sees it, and the message keeps its buttons to click again.
  expect(slack.updates().slice(updatesBefore)).toEqual([
    { response_type: "ephemeral", replace_original: false, text: SLACK_DATABASE_UNAVAILABLE },
  ]);
  expect(await statusOf(run.id)).toBe("escalating");
  expect((await h.client.workflow.getHandle(run.workflowId).query(snapshotQuery)).phase).toBe("escalating");

  expect((await slack.send(clickViaProxy())).status).toBe(200);
  expect(await statusOf(run.id)).toBe("acknowledged");
  expect(JSON.stringify(slack.updates().at(-1))).toContain("Acknowledged by @dana");
});
