import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
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
import { startFakePagerDuty, type FakePagerDuty } from "~/test-support/fake-pagerduty";
import { runStatus, testCallbackDeps } from "~/test-support/callback-deps";
import { createHarness, type Harness } from "~/test-support/harness";
import { startReceiver, type Receiver } from "~/test-support/http-receiver";
import { serveRoute, type ServedHandler } from "~/test-support/serve-handler";
import { startProxiedDatabase, type ProxiedDatabase } from "~/test-support/postgres-proxy";
import { auditLog } from "~/db/schema";
import type { InboundActionDeps } from "./inbound-deps";
import { snapshotQuery } from "~/workflows/messages";
import { handlePagerDutyWebhook } from "./pagerduty-webhook";

const ROUTING_KEY = "R0UT1NGKEY0123456789abcdefABCDEF";
const WEBHOOK_SECRET = "pd-webhook-secret-for-tests";

let h: Harness;
let pd: FakePagerDuty;
let receiver: Receiver;
let alertflow: ServedHandler;
/** The handler whose database connections go through a proxy the tests close: its outage alone. */
let proxied: ProxiedDatabase;
let alertflowViaProxy: ServedHandler;

const serveWebhooks = (deps: InboundActionDeps) =>
  serveRoute(/^\/api\/pagerduty\/([^/]+)\/webhooks$/, (id, request) => handlePagerDutyWebhook(deps, id, request));

beforeAll(async () => {
  h = await createHarness();
  await h.startWorker();
  [pd, receiver, proxied] = await Promise.all([
    startFakePagerDuty(ROUTING_KEY),
    startReceiver(),
    startProxiedDatabase(testDatabaseUrl()),
  ]);
  alertflow = await serveWebhooks(testCallbackDeps(h));
  alertflowViaProxy = await serveWebhooks({ ...testCallbackDeps(h), db: proxied.db });
});
afterAll(async () => {
  await Promise.all([pd?.close(), receiver?.close(), alertflow?.close(), alertflowViaProxy?.close()]);
  await proxied?.end();
  await h?.close();
});

const statusOf = (runId: string) => runStatus(h, runId);

/** A PagerDuty integration that paged a real incident (level 1 now, a webhook at level 2 after 4 s). */
async function pagedIncident(name: string) {
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
  const key = `${name}-${randomUUID()}`;
  expect((await h.postAlert(token, errorAlert(key))).status).toBe(202);
  await eventually(async () => (pd.events().some((e) => e.event_action === "trigger") ? true : undefined), 15_000);
  expect(pd.receiver.violations).toEqual([]);
  const [run] = await runsForFlow(h, flowId);
  if (!run) throw new Error("no run");
  return { integration, key, run, path: `/api/pagerduty/${integration.id}/webhooks` };
}

it("acknowledging in PagerDuty stops a real escalation; resolving there resolves it; forged and replayed webhooks change nothing", async () => {
  const { key, run, path } = await pagedIncident("pd-two-way");
  const url = `${alertflow.url}${path}`;

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

const auditEntries = (runId: string) =>
  h.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.targetId, runId), eq(auditLog.action, "run.acknowledged")));

it("during a Postgres outage a webhook gets 503 with Retry-After and changes nothing; PagerDuty's retry once it is back is carried out", async () => {
  const { key, run, path } = await pagedIncident("pd-outage");
  const acked = pd.webhook("incident.acknowledged", key, { secret: WEBHOOK_SECRET });
  await proxied.proxy.close();
  try {
    const down = await fetch(`${alertflowViaProxy.url}${path}`, { method: "POST", ...acked });
    expect(down.status).toBe(503);
    expect(down.headers.get("retry-after")).toBe("5");
    // JSON, not an error page; the driver's text (host, port) stays on the server.
    expect(await down.json()).toEqual({ error: "database_unavailable" });
  } finally {
    await proxied.proxy.open();
  }
  expect(await statusOf(run.id)).toBe("escalating");
  const again = await pd.send(`${alertflowViaProxy.url}${path}`, acked);
  expect(again).toEqual({ status: 200, body: JSON.stringify({ acted: [run.id] }) });
  expect(await statusOf(run.id)).toBe("acknowledged");
  expect(await auditEntries(run.id)).toHaveLength(1);
});

it("a database lost after PagerDuty's acknowledge reached the workflow leaves nothing half-written: the retry records status, audit entry and sighting", async () => {
  const { key, run, path } = await pagedIncident("pd-halfway");
  // Postgres drops the connection as the audit entry is written, after the workflow took the
  // acknowledge and the status was written in the same transaction (57P01, as a terminated backend
  // reports it). Only this run's entry fails: other test files share the database.
  const fn = `fail_audit_${run.id.replaceAll("-", "")}`;
  await h.db.execute(
    sql.raw(`create function ${fn}() returns trigger language plpgsql as $$
    begin raise exception 'terminating connection due to administrator command' using errcode = '57P01'; end $$`),
  );
  await h.db.execute(
    sql.raw(
      `create trigger ${fn} before insert on audit_log for each row when (new.target_id = '${run.id}') execute function ${fn}()`,
    ),
  );
  const acked = pd.webhook("incident.acknowledged", key, { secret: WEBHOOK_SECRET });
  try {
    const down = await pd.send(`${alertflow.url}${path}`, acked);
    expect(down.status).toBe(503);
    const snapshot = await h.client.workflow.getHandle(run.workflowId).query(snapshotQuery);
    expect(snapshot.phase).toBe("acknowledged");
    expect(await statusOf(run.id)).toBe("escalating");
  } finally {
    await h.db.execute(sql.raw(`drop trigger ${fn} on audit_log; drop function ${fn}()`));
  }
  // PagerDuty sends the same event again: carried out, not refused as a replay.
  const again = await pd.send(`${alertflow.url}${path}`, acked);
  expect(again).toEqual({ status: 200, body: JSON.stringify({ acted: [run.id] }) });
  expect(await statusOf(run.id)).toBe("acknowledged");
  expect(await auditEntries(run.id)).toHaveLength(1);
  expect((await pd.send(`${alertflow.url}${path}`, acked)).status).toBe(401);
});
