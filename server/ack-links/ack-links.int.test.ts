import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runs } from "~/db/schema";
import { compilePlan } from "~/core/flow/compile-plan";
import { normalizedAlertSchema } from "~/core/alerts/alert";
import { twoLevelGraph } from "~/test-support/graph-builder";
import {
  errorAlert,
  eventsForRun,
  eventually,
  messageOf,
  publishedFlow,
  runsForFlow,
  webhook,
} from "~/test-support/flow-fixtures";
import { createHarness, TEST_KEYRING, type Harness } from "~/test-support/harness";
import { startReceiver, type Receiver } from "~/test-support/http-receiver";
import {
  alertEventSignal,
  ESCALATION_WORKFLOW,
  type EscalationInput,
  type EscalationSnapshot,
} from "~/workflows/messages";
import { createDb } from "~/db/client";
import { actOnAckLink, answerUnlessDatabaseUnavailable, showAckLink, type AckLinkDeps } from "./ack-link-request";
import { ackLinkKey, signAckToken } from "./ack-token";
import { tokenFromLink } from "./ack-links";

let h: Harness;
let receiver: Receiver;
let deps: AckLinkDeps;
beforeAll(async () => {
  h = await createHarness();
  await h.startWorker();
  receiver = await startReceiver();
  deps = {
    db: h.db,
    temporal: h.client,
    key: ackLinkKey(TEST_KEYRING.current.key),
    publicUrl: "http://localhost:3000",
    viewer: null,
  };
});
afterAll(async () => {
  await receiver?.close();
  await h?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const at = (path: string) => receiver.requests.filter((r) => r.url === path);
const statusOf = async (runId: string) =>
  (await h.db.select({ status: runs.status }).from(runs).where(eq(runs.id, runId)))[0]?.status;

/** The links from a message of the default webhook body. */
function linksOf(json: unknown): { acknowledge: string; resolve: string } {
  const alert = typeof json === "object" && json !== null && "alert" in json ? json.alert : null;
  const get = (name: string) =>
    typeof alert === "object" && alert !== null && name in alert ? String(Reflect.get(alert, name)) : "";
  const acknowledge = tokenFromLink(get("acknowledgeUrl"));
  const resolve = tokenFromLink(get("resolveUrl"));
  if (!acknowledge || !resolve) throw new Error(`no links in ${JSON.stringify(json)}`);
  return { acknowledge, resolve };
}

const post = (token: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  actOnAckLink(
    deps,
    token,
    new Request(`http://localhost:3000/ack/${token}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams(fields).toString(),
    }),
  );

/** Level 1 at once to `<name>/l1`, level 2 after `secondAfterSeconds` to `<name>/l2`. */
async function twoLevels(name: string, secondAfterSeconds: number) {
  const ids: [string, string] = [
    await webhook(h, `${name} L1`, `${receiver.url}/${name}/l1`),
    await webhook(h, `${name} L2`, `${receiver.url}/${name}/l2`),
  ];
  return twoLevelGraph(ids, { level: 1, afterSeconds: 0 }, { level: 2, afterSeconds: secondAfterSeconds });
}

describe("acknowledge and resolve links", () => {
  it("stops a real escalation from the delivered Error's link; refuses forged and expired links", async () => {
    const { flowId, token } = await publishedFlow(h, `Links ${randomUUID()}`, await twoLevels("stop", 4));
    expect((await h.postAlert(token, errorAlert("link-stop"))).status).toBe(202);
    const error = await eventually(async () => at("/stop/l1")[0], 15_000, "level 1 Error");
    expect(messageOf(error.json).type).toBe("Alert");
    const links = linksOf(error.json);
    const [run] = await runsForFlow(h, flowId);
    if (!run) throw new Error("no run");

    // Forged (another signature), expired and garbled links are refused and change nothing.
    const forged = `${links.acknowledge.slice(0, -2)}${links.acknowledge.endsWith("AA") ? "BB" : "AA"}`;
    expect((await post(forged, { name: "Mallory" })).status).toBe(403);
    const expired = signAckToken(deps.key, {
      runId: run.id,
      workspaceId: h.workspaceId,
      action: "acknowledge",
      expiresAtMs: Date.now() - 1000,
    });
    expect((await post(expired, { name: "Mallory" })).status).toBe(410);
    const otherKey = signAckToken(ackLinkKey("another-secret-key-entirely"), {
      runId: run.id,
      workspaceId: h.workspaceId,
      action: "acknowledge",
      expiresAtMs: Date.now() + 60_000,
    });
    expect((await post(otherKey, { name: "Mallory" })).status).toBe(403);
    expect((await post("v1.garbage", { name: "Mallory" })).status).toBe(404);

    // Opening the link shows the incident and a confirm button; it changes nothing.
    const page = await showAckLink(deps, links.acknowledge);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain("link-stop");
    expect(text).toContain('<form method="post"');
    // In the visitor's language: the page's own words, never the alert's.
    const french = await (await showAckLink({ ...deps, locale: "fr" }, links.acknowledge)).text();
    expect(french).toContain('<html lang="fr">');
    expect(french).toContain("Prendre en compte cet incident ?");
    expect(french).toContain("link-stop");
    const dutch = await (await post(expired, { name: "Mallory" })).text();
    expect(dutch).toContain("This link has expired");
    expect(
      await (
        await actOnAckLink(
          { ...deps, locale: "nl" },
          expired,
          new Request("http://localhost:3000/x", {
            method: "POST",
            headers: { "sec-fetch-site": "same-origin" },
            body: "",
          }),
        )
      ).text(),
    ).toContain("Deze link is verlopen");
    expect(await statusOf(run.id)).toBe("escalating");
    // Another site's form cannot post it with the visitor's session cookie; the page's own form
    // (Origin null under its no-referrer policy, Sec-Fetch-Site same-origin) can.
    const cookie = "alertflow.session_token=whatever";
    expect((await post(links.acknowledge, { name: "Eve" }, { cookie, origin: "https://evil.example" })).status).toBe(
      403,
    );
    expect((await post(links.acknowledge, { name: "Eve" }, { cookie, "sec-fetch-site": "cross-site" })).status).toBe(
      403,
    );
    expect(await statusOf(run.id)).toBe("escalating");
    const ownForm = { cookie, origin: "null", "sec-fetch-site": "same-origin" };
    expect((await post(links.acknowledge, { name: "  " }, ownForm)).status).toBe(400);
    // A name is required when nobody is signed in.
    expect((await post(links.acknowledge, { name: "  " })).status).toBe(400);
    expect(await statusOf(run.id)).toBe("escalating");

    const acked = await post(links.acknowledge, { name: "Dana", note: "on it" });
    expect(acked.status).toBe(200);
    expect(await statusOf(run.id)).toBe("acknowledged");
    const [event] = await eventually(async () => {
      const rows = await eventsForRun(h, run.id, "acknowledged");
      return rows.length > 0 ? rows : undefined;
    });
    expect(event?.detail).toEqual({ by: "Dana", note: "on it", source: "link" });

    // Level 2 (due at 4 s) never fires.
    await sleep(5_000);
    expect(at("/stop/l2")).toHaveLength(0);

    // The resolve link from the same message ends it; the Ok goes out on level 1.
    expect((await post(links.resolve, { name: "Dana" })).status).toBe(200);
    await h.client.workflow.getHandle(run.workflowId).result();
    expect(await statusOf(run.id)).toBe("resolved");
    await eventually(async () => (at("/stop/l1").some((r) => messageOf(r.json).type === "Ok") ? true : undefined));
    const after = await showAckLink(deps, links.acknowledge);
    expect(after.status).toBe(409);
    expect(await after.text()).toContain("already ended");
  });

  it("survives continue-as-new, and never acts on the next incident of the same alert", async () => {
    const graph = await twoLevels("long", 30);
    const { flowId } = await publishedFlow(h, `Long links ${randomUUID()}`, graph);
    const flow = await h.api.flows.get({ flowId });
    const alert = normalizedAlertSchema.parse({ ...errorAlert("long-link"), occurredAt: new Date().toISOString() });
    const event = { alert, receivedAt: new Date().toISOString() };
    const input: EscalationInput = {
      runId: randomUUID(),
      workspaceId: h.workspaceId,
      flowId,
      flowName: "Long links",
      flowVersionId: flow.published?.id ?? "",
      alertKey: "long-link",
      plan: compilePlan(graph),
      firstEvent: event,
      continueAsNewAfterEvents: 40,
    };
    const workflowId = `test-links-can-${randomUUID()}`;
    const handle = await h.client.workflow.signalWithStart(ESCALATION_WORKFLOW, {
      workflowId,
      taskQueue: h.taskQueue,
      args: [input],
      signal: alertEventSignal,
      signalArgs: [event],
    });
    for (let i = 0; i < 30; i++)
      await handle.signal(alertEventSignal, { ...event, receivedAt: new Date().toISOString() });
    const latest = h.client.workflow.getHandle(workflowId);
    await eventually(async () => ((await latest.describe()).runId !== handle.signaledRunId ? true : undefined));
    await eventually(async () => (await statusOf(input.runId)) ?? undefined, 10_000, "run row");

    const sign = (action: "acknowledge" | "resolve") =>
      signAckToken(deps.key, {
        runId: input.runId,
        workspaceId: h.workspaceId,
        action,
        expiresAtMs: Date.now() + 60_000,
      });
    expect((await post(sign("acknowledge"), { name: "Lee" })).status).toBe(200);
    expect((await latest.query<EscalationSnapshot>("snapshot")).phase).toBe("acknowledged");

    // The Ok ends it; a new error opens the next incident under the same workflow id.
    await latest.signal(alertEventSignal, { alert: { ...alert, status: "ok" }, receivedAt: new Date().toISOString() });
    await eventually(async () => ((await statusOf(input.runId)) === "resolved" ? true : undefined));
    // The status is written just before the workflow completes: an error signalled in between
    // would go to this run (which carries it on under a run id of its own), not start `nextRunId`.
    await latest.result();
    // As the alert endpoint does: signalWithStart on the same workflow id opens the next incident.
    const nextRunId = randomUUID();
    await h.client.workflow.signalWithStart(ESCALATION_WORKFLOW, {
      workflowId,
      taskQueue: h.taskQueue,
      args: [{ ...input, runId: nextRunId, continueAsNewAfterEvents: undefined }],
      signal: alertEventSignal,
      signalArgs: [event],
    });
    await eventually(async () => ((await statusOf(nextRunId)) === "escalating" ? true : undefined));
    const stale = await post(sign("resolve"), { name: "Lee" });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("already ended");
    const now = await h.client.workflow.getHandle(workflowId).query<EscalationSnapshot>("snapshot");
    expect(now).toMatchObject({ runId: nextRunId, phase: "escalating" });
    expect(await statusOf(nextRunId)).toBe("escalating");
    await h.client.workflow.getHandle(workflowId).signal(alertEventSignal, {
      alert: { ...alert, status: "ok" },
      receivedAt: new Date().toISOString(),
    });
    await h.client.workflow.getHandle(workflowId).result();
  });
});

describe("an acknowledge link during a database outage", () => {
  it("answers 503 in the visitor's language and opens the link again by itself, then shows it once the database answers", async () => {
    // Nothing listens on port 9: every connection is refused, as with a stopped Postgres.
    const unreachable = createDb("postgres://postgres@127.0.0.1:9/alertflow", 1);
    const token = signAckToken(deps.key, {
      runId: randomUUID(),
      workspaceId: h.workspaceId,
      action: "acknowledge",
      expiresAtMs: Date.now() + 60_000,
    });
    const request = new Request(`http://localhost:3000/ack/${token}`, { headers: { "accept-language": "fr-BE,fr" } });
    try {
      const down = await answerUnlessDatabaseUnavailable(request, () =>
        showAckLink({ ...deps, db: unreachable.db }, token),
      );
      expect(down.status).toBe(503);
      expect(down.headers.get("retry-after")).toBe("5");
      expect(down.headers.get("refresh")).toBe(`5;url=/ack/${token}`);
      const text = await down.text();
      expect(text).toContain('<html lang="fr">');
      expect(text).toContain("Base de données indisponible, nouvel essai en cours…");
      expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    } finally {
      await unreachable.pool.end();
    }
    // The database answers again: the link's own page (this run does not exist).
    const up = await answerUnlessDatabaseUnavailable(request, () => showAckLink(deps, token));
    expect(up.status).toBe(404);
  });
});
