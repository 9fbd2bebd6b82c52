import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { jsonBody, startReceiver, type Receiver } from "../../../test-support/http-receiver";
import { integration, send } from "../../../test-support/send-harness";

const hookSchema = z
  .object({
    service_status: z.enum(["Service disruption", "Operating normally"]),
    incident_status: z.enum(["Investigating", "Monitoring"]),
    incident_key: z.string().min(1),
    title: z.string().min(1).max(200),
  })
  .loose();

let receiver: Receiver;
const hooks: z.infer<typeof hookSchema>[] = [];

beforeAll(async () => {
  receiver = await startReceiver((req) => {
    const url = new URL(req.url, "http://x");
    if (req.method !== "POST" || url.pathname !== "/hooks/uptrends" || url.searchParams.get("token") !== "tok")
      throw new Error(`unexpected ${req.url}`);
    hooks.push(hookSchema.parse(jsonBody(req)));
    return { status: 200, body: { ok: true } };
  });
});
afterAll(() => receiver.close());

describe("StatusHub integration", () => {
  const record = () => integration("statushub", {}, { HookUrl: `${receiver.url}/hooks/uptrends?token=tok` });

  it("marks a disruption on Error and normal operation on Ok", async () => {
    expect(await send(record(), "error")).toMatchObject({ ok: true, status: 200 });
    expect(hooks.at(-1)).toMatchObject({ service_status: "Service disruption", incident_status: "Investigating" });
    expect(await send(record(), "ok")).toMatchObject({ ok: true, status: 200 });
    expect(hooks.at(-1)).toMatchObject({ service_status: "Operating normally", incident_status: "Monitoring" });
    expect(receiver.violations).toEqual([]);
  });

  it("skips reminders, which a status page has no use for", async () => {
    expect(await send(record(), "reminder")).toMatchObject({ ok: true, skipped: true });
    expect(hooks).toHaveLength(1 + 1);
  });
});
