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
import { startFakeTwilio, type FakeTwilio } from "~/test-support/fake-twilio";
import { runStatus, testCallbackDeps } from "~/test-support/callback-deps";
import { createHarness, type Harness } from "~/test-support/harness";
import { startReceiver, type Receiver } from "~/test-support/http-receiver";
import { serveRoute, type ServedHandler } from "~/test-support/serve-handler";
import { createDb } from "~/db/client";
import { signAckToken } from "~/server/ack-links/ack-token";
import { handlePhoneGather } from "./phone-gather";

const ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
const AUTH_TOKEN = "twilio-auth-token-for-tests";

let h: Harness;
let twilio: FakeTwilio;
let receiver: Receiver;
let alertflow: ServedHandler;
beforeAll(async () => {
  h = await createHarness();
  await h.startWorker();
  [twilio, receiver] = await Promise.all([startFakeTwilio(ACCOUNT_SID, AUTH_TOKEN), startReceiver()]);
  const deps = testCallbackDeps(h);
  alertflow = await serveRoute(/^\/ack\/([^/]+)\/phone$/, (token, request) => handlePhoneGather(deps, token, request));
});
afterAll(async () => {
  await Promise.all([twilio?.close(), receiver?.close(), alertflow?.close()]);
  await h?.close();
});

const statusOf = (runId: string) => runStatus(h, runId);

it('a phone call reads the alert, and "1" stops a real escalation; badly signed or replayed key presses change nothing', async () => {
  const phone = await h.api.integrations.create({
    type: "phone",
    name: `On-call phone ${randomUUID()}`,
    variables: { ApiUrl: twilio.url, AccountSid: ACCOUNT_SID, From: "+15550001111", To: "+31612345678" },
    secrets: { AuthToken: AUTH_TOKEN },
    customizations: {},
    enabled: true,
  });
  const l2 = await webhook(h, "Phone L2", `${receiver.url}/phone-l2`);
  const graph = twoLevelGraph([phone.id, l2], { level: 1, afterSeconds: 0 }, { level: 2, afterSeconds: 4 });
  const { flowId, token } = await publishedFlow(h, `Phone ${randomUUID()}`, graph);
  expect((await h.postAlert(token, errorAlert("phone-stop", 'Checkout <API> & "cart" down'))).status).toBe(202);
  const call = await eventually(async () => twilio.calls()[0], 15_000, "a call");
  expect(twilio.receiver.violations).toEqual([]);
  expect(call.to).toBe("+31612345678");
  expect(call.spoken).toContain('Checkout <API> & "cart" down');
  expect(call.spoken).toContain("Press 1 to acknowledge.");
  expect(call.gatherAction).toMatch(/^http:\/\/localhost:3000\/ack\/v1\.[\w-]+\.[\w-]+\/phone$/);
  const [run] = await runsForFlow(h, flowId);
  if (!run) throw new Error("no run");
  const press = (digits: string, options: { authToken?: string; accountSid?: string } = {}) =>
    twilio.press(call, digits, { authToken: AUTH_TOKEN, deliverTo: alertflow.url, ...options });

  // Signed with another token, unsigned, or for another account: refused, nothing changes.
  expect((await twilio.send(press("1", { authToken: "someone-elses-token" }))).status).toBe(401);
  const unsigned = press("1");
  expect(
    (await twilio.send({ ...unsigned, headers: { "content-type": "application/x-www-form-urlencoded" } })).status,
  ).toBe(401);
  // Another key changes nothing either.
  const other = await twilio.send(press("9"));
  expect(other).toMatchObject({ status: 200 });
  expect(other.body).toContain("Not acknowledged");
  expect(await statusOf(run.id)).toBe("escalating");

  const good = press("1");
  const answer = await twilio.send(good);
  expect(answer.status).toBe(200);
  expect(answer.body).toContain("<Say>Acknowledged.");
  expect(await statusOf(run.id)).toBe("acknowledged");
  expect((await twilio.send(good)).status).toBe(401); // the same request again
  const [event] = await eventually(async () => {
    const rows = await eventsForRun(h, run.id, "acknowledged");
    return rows.length > 0 ? rows : undefined;
  });
  expect(event?.detail).toEqual({ by: "+31612345678", note: "", source: "phone" });

  await new Promise((r) => setTimeout(r, 5_000));
  expect(receiver.requests.filter((r) => r.url === "/phone-l2")).toHaveLength(0);
  // Resolve from the UI: a phone sends no Ok, so still one call.
  await h.api.runs.resolve({ runId: run.id });
  await h.client.workflow.getHandle(run.workflowId).result();
  expect(twilio.calls()).toHaveLength(1);
});

it("a key pressed during a database outage is answered with spoken TwiML and a 503, not an application error", async () => {
  // Nothing listens on port 9: every connection is refused, as with a stopped Postgres.
  const unreachable = createDb("postgres://postgres@127.0.0.1:9/alertflow", 1);
  const deps = { ...testCallbackDeps(h), db: unreachable.db };
  const token = signAckToken(deps.linkKey, {
    runId: randomUUID(),
    workspaceId: h.workspaceId,
    integrationId: randomUUID(),
    action: "acknowledge",
    expiresAtMs: Date.now() + 60_000,
  });
  try {
    const answer = await handlePhoneGather(
      deps,
      token,
      new Request(`http://localhost:3000/ack/${token}/phone`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "Digits=1",
      }),
    );
    expect(answer.status).toBe(503);
    expect(answer.headers.get("content-type")).toBe("text/xml; charset=utf-8");
    const text = await answer.text();
    expect(text).toMatch(/^<\?xml .*<Response><Say>Alertflow cannot record your answer right now/);
    expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
  } finally {
    await unreachable.pool.end();
  }
});
