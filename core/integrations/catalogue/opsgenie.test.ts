import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { MESSAGE_TYPES } from "../../message-template/message-type";
import { header, jsonBody, startReceiver, type Receiver } from "../../../test-support/http-receiver";
import { hostileInput, integration, send } from "../../../test-support/send-harness";

const API_KEY = "eb243592-faa2-4ba2-a551q-1afdf565c889";

const createSchema = z.object({
  message: z.string().min(1).max(130),
  alias: z.string().max(512).optional(),
  description: z.string().max(15_000).optional(),
  priority: z.enum(["P1", "P2", "P3", "P4", "P5"]).optional(),
  source: z.string().max(100).optional(),
  entity: z.string().max(512).optional(),
  tags: z.array(z.string()).optional(),
  details: z.record(z.string(), z.string()).optional(),
});
const closeSchema = z
  .object({
    source: z.string().max(100).optional(),
    user: z.string().optional(),
    note: z.string().max(25_000).optional(),
  })
  .strict();

let receiver: Receiver;
const seen: { kind: "create" | "close"; alias: string }[] = [];

beforeAll(async () => {
  receiver = await startReceiver((req) => {
    if (header(req, "authorization") !== `GenieKey ${API_KEY}`)
      return { status: 401, body: { message: "Could not authenticate" } };
    const url = new URL(req.url, "http://x");
    if (req.method === "POST" && url.pathname === "/v2/alerts") {
      const alert = createSchema.parse(jsonBody(req));
      seen.push({ kind: "create", alias: alert.alias ?? "" });
    } else {
      const close = /^\/v2\/alerts\/([^/]+)\/close$/.exec(url.pathname);
      if (req.method !== "POST" || !close?.[1] || url.searchParams.get("identifierType") !== "alias")
        throw new Error(`unexpected ${req.method} ${req.url}`);
      closeSchema.parse(jsonBody(req));
      seen.push({ kind: "close", alias: decodeURIComponent(close[1]) });
    }
    return { status: 202, body: { result: "Request will be processed", took: 0.107, requestId: randomUUID() } };
  });
});
afterAll(() => receiver.close());

describe("Opsgenie integration", () => {
  it.each(MESSAGE_TYPES)("sends %s: create with alias, close by alias", async (type) => {
    const result = await send(
      integration("opsgenie", { ApiUrl: `${receiver.url}/v2/alerts` }, { ApiKey: API_KEY }),
      type,
    );
    expect(receiver.violations).toEqual([]);
    expect(result).toMatchObject({ ok: true, status: 202 });
    expect(JSON.parse(result.response?.body ?? "{}")).toHaveProperty("requestId");
    expect(seen.at(-1)).toEqual({ kind: type === "ok" ? "close" : "create", alias: hostileInput(type).incident.key });
    expect(JSON.stringify(result.request?.headers)).not.toContain(API_KEY);
  });

  it("encodes an alias that needs it in the close URL", async () => {
    const input = hostileInput("ok");
    await send(integration("opsgenie", { ApiUrl: `${receiver.url}/v2/alerts` }, { ApiKey: API_KEY }), "ok", {
      ...input,
      incident: { ...input.incident, key: "host-1/cpu high?" },
    });
    expect(receiver.violations).toEqual([]);
    expect(seen.at(-1)).toEqual({ kind: "close", alias: "host-1/cpu high?" });
  });
});
