import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "~/test-support/test-slot";
import { sampleAlert } from "~/core/alerts/fixtures/sample-alert";
import { createDb } from "~/db/client";
import { integrations, workspaces } from "~/db/schema";
import { TEST_KEYRING } from "~/test-support/harness";
import { startReceiver } from "~/test-support/http-receiver";
import { createIntegrationSender } from "./integration-sender";
import type { DeliverInput } from "./types";

const { db, pool } = createDb(testDatabaseUrl(), 2);
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver(() => ({ status: 200, body: "ok" }));
});
afterAll(async () => {
  await receiver?.close();
  await pool.end();
});

/** The local forms next to the UTC one, so each assertion shows which zone rendered what. */
const BODY =
  "at={{@alert.timestamp}} formatted={{@alert.timestampFormatted}} first={{@alert.firstError}} " +
  "firstFormatted={{@alert.firstErrorFormatted}} utc={{@alert.timestampUtc}} account={{@account.accountId}}";

async function webhookIn(timeZone: string) {
  const [workspace] = await db
    .insert(workspaces)
    .values({ name: `Zone ${timeZone}`, slug: `zone-${randomUUID()}`, timeZone })
    .returning({ id: workspaces.id });
  if (!workspace) throw new Error("no workspace");
  const [integration] = await db
    .insert(integrations)
    .values({
      workspaceId: workspace.id,
      type: "webhook",
      name: `Clock ${timeZone}`,
      variables: { ApiUrl: `${receiver.url}/${encodeURIComponent(timeZone)}` },
      customizations: {
        stepDefinitions: [
          {
            messageTypes: ["error"],
            steps: [{ method: "POST", url: "{{ApiUrl}}", body: { type: "raw", content: BODY } }],
          },
        ],
      },
    })
    .returning({ id: integrations.id });
  if (!integration) throw new Error("no integration");
  return { workspaceId: workspace.id, integrationId: integration.id };
}

const send = createIntegrationSender({
  db,
  keyring: TEST_KEYRING,
  allowList: ["127.0.0.1", "localhost"],
  publicUrl: "http://localhost:3000",
});

/** Sends one Error message for an alert at `occurredAt` whose incident began at `firstErrorAt`; returns the body received. */
async function render(
  target: { workspaceId: string; integrationId: string },
  occurredAt: string,
  firstErrorAt: string,
) {
  const before = receiver.requests.length;
  const input: DeliverInput = {
    runId: randomUUID(),
    workspaceId: target.workspaceId,
    flowId: randomUUID(),
    flowName: "Clock",
    incidentKey: "clock",
    level: 1,
    levelMessage: "",
    messageType: "error",
    reminderNumber: 0,
    target: { nodeId: "i1", integrationId: target.integrationId, variables: {} },
    alert: sampleAlert({ occurredAt }),
    firstErrorAt,
    isFallback: false,
    maxAttempts: 3,
  };
  const outcome = await send(input, `clock-${randomUUID()}`);
  expect(outcome).toMatchObject({ ok: true, status: 200 });
  await receiver.waitFor(before + 1);
  return receiver.requests[before]?.body;
}

describe("local times in messages follow the workspace's time zone", () => {
  it("renders Amsterdam summer and winter time, and UTC for a UTC workspace", async () => {
    const amsterdam = await webhookIn("Europe/Amsterdam");
    expect(await render(amsterdam, "2026-07-15T10:00:00Z", "2026-01-15T10:00:00Z")).toBe(
      "at=2026-07-15T12:00:00 formatted=7/15/2026 12:00 PM first=2026-01-15T11:00:00 " +
        `firstFormatted=1/15/2026 11:00 AM utc=2026-07-15T10:00:00 account=${amsterdam.workspaceId}`,
    );
    const utc = await webhookIn("UTC");
    expect(await render(utc, "2026-07-15T10:00:00Z", "2026-01-15T10:00:00Z")).toBe(
      "at=2026-07-15T10:00:00 formatted=7/15/2026 10:00 AM first=2026-01-15T10:00:00 " +
        `firstFormatted=1/15/2026 10:00 AM utc=2026-07-15T10:00:00 account=${utc.workspaceId}`,
    );
  });

  it("jumps an hour at the spring DST change and repeats one in the autumn", async () => {
    const amsterdam = await webhookIn("Europe/Amsterdam");
    // 29 March 2026, 02:00 CET becomes 03:00 CEST: one second apart in UTC, an hour apart on the wall.
    expect(await render(amsterdam, "2026-03-29T01:00:00Z", "2026-03-29T00:59:59Z")).toMatch(
      /^at=2026-03-29T03:00:00 formatted=3\/29\/2026 3:00 AM first=2026-03-29T01:59:59 /,
    );
    // 25 October 2026, 03:00 CEST becomes 02:00 CET: 02:30 happens twice, an hour apart in UTC.
    expect(await render(amsterdam, "2026-10-25T01:30:00Z", "2026-10-25T00:30:00Z")).toMatch(
      /^at=2026-10-25T02:30:00 formatted=10\/25\/2026 2:30 AM first=2026-10-25T02:30:00 /,
    );
  });

  it("reads an unknown stored zone as UTC rather than failing the delivery", async () => {
    const broken = await webhookIn("Mars/Olympus_Mons");
    expect(await render(broken, "2026-07-15T10:00:00Z", "2026-07-15T10:00:00Z")).toMatch(/^at=2026-07-15T10:00:00 /);
  });
});
