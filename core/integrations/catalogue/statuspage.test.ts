import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { header, jsonBody, startReceiver, type Receiver } from "../../../test-support/http-receiver";
import { hostileInput, integration, send } from "../../../test-support/send-harness";

const patchSchema = z
  .object({
    component: z
      .object({
        status: z.enum(["operational", "under_maintenance", "degraded_performance", "partial_outage", "major_outage"]),
      })
      .strict(),
  })
  .strict();

let receiver: Receiver;
const statuses: { component: string; status: string }[] = [];

beforeAll(async () => {
  receiver = await startReceiver((req) => {
    if (header(req, "authorization") !== "OAuth key-123")
      return { status: 401, body: { error: "Could not authenticate" } };
    const m = /^\/v1\/pages\/page1\/components\/([^/]+)$/.exec(req.url);
    if (req.method !== "PATCH" || !m?.[1]) throw new Error(`unexpected ${req.method} ${req.url}`);
    const { component } = patchSchema.parse(jsonBody(req));
    statuses.push({ component: m[1], status: component.status });
    return {
      status: 200,
      body: { id: m[1], page_id: "page1", name: "API", status: component.status, updated_at: new Date().toISOString() },
    };
  });
});
afterAll(() => receiver.close());

describe("Statuspage integration", () => {
  const record = () =>
    integration(
      "statuspage",
      { ApiUrl: `${receiver.url}/v1`, PageId: "page1", ComponentId: "cmp1" },
      { ApiKey: "key-123" },
    );

  it("sets the outage status on Error (per-level component and status) and operational on Ok", async () => {
    const error = await send(
      record(),
      "error",
      hostileInput("error", { ComponentId: "cmp2", OutageStatus: "partial_outage" }),
    );
    expect(receiver.violations).toEqual([]);
    expect(error).toMatchObject({ ok: true, status: 200 });
    expect(statuses.at(-1)).toEqual({ component: "cmp2", status: "partial_outage" });
    expect(await send(record(), "ok")).toMatchObject({ ok: true, status: 200 });
    expect(statuses.at(-1)).toEqual({ component: "cmp1", status: "operational" });
    expect(JSON.stringify(error.request)).not.toContain("key-123");
  });

  it("skips reminders and retries Statuspage's 420 rate limit", async () => {
    expect(await send(record(), "reminder")).toMatchObject({ skipped: true });
    const limited = await startReceiver(() => ({ status: 420, body: { error: "Rate limit exceeded" } }));
    const result = await send(
      integration("statuspage", { ApiUrl: limited.url, PageId: "p", ComponentId: "c" }, { ApiKey: "k" }),
      "error",
    );
    expect(result).toMatchObject({ ok: false, retryable: true, status: 420 });
    await limited.close();
  });
});
