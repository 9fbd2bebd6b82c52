import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  header,
  jsonBody,
  startReceiver,
  type Receiver,
  type ReceivedRequest,
  type Reply,
} from "../../../test-support/http-receiver";
import { hostileInput, integration, send } from "../../../test-support/send-harness";

const createSchema = z
  .object({
    short_description: z.string().min(1).max(160),
    description: z.string(),
    correlation_id: z.string().min(1).max(100),
    urgency: z.enum(["1", "2", "3"]),
    impact: z.enum(["1", "2", "3"]),
  })
  .loose();
const resolveSchema = z
  .object({ state: z.literal("6"), close_code: z.string().min(1), close_notes: z.string().min(1) })
  .strict();

interface Incident {
  sys_id: string;
  number: string;
  state: string;
  correlation_id: string;
  close_code?: string;
}

let receiver: Receiver;
const table = new Map<string, Incident>();
const AUTH = `Basic ${Buffer.from("alertflow.bot:pa55:word").toString("base64")}`;

/** The Table API as documented: 201 + Location on create, sysparm_query lookup, PATCH by sys_id. */
function tableApi(req: ReceivedRequest): Reply {
  if (header(req, "authorization") !== AUTH)
    return { status: 401, body: { error: { message: "User Not Authenticated" }, status: "failure" } };
  if (!header(req, "accept").includes("application/json")) throw new Error("Accept must be application/json");
  const url = new URL(req.url, receiver.url);
  if (req.method === "POST" && url.pathname === "/api/now/table/incident") {
    const body = createSchema.parse(jsonBody(req));
    const incident = {
      sys_id: randomBytes(16).toString("hex"),
      number: `INC00${table.size + 10001}`,
      state: "1",
      correlation_id: body.correlation_id,
    };
    table.set(incident.sys_id, incident);
    return {
      status: 201,
      headers: { Location: `${receiver.url}/api/now/table/incident/${incident.sys_id}` },
      body: { result: incident },
    };
  }
  if (req.method === "GET" && url.pathname === "/api/now/table/incident") {
    const query = /^correlation_id=(.*)\^ORDERBYDESCsys_created_on$/.exec(url.searchParams.get("sysparm_query") ?? "");
    if (!query) throw new Error(`unexpected query ${url.search}`);
    const found = [...table.values()].filter((i) => i.correlation_id === query[1]);
    const limit = Number(url.searchParams.get("sysparm_limit") ?? "10000");
    return {
      status: 200,
      body: { result: found.slice(0, limit).map(({ sys_id, number, state }) => ({ sys_id, number, state })) },
    };
  }
  const byId = /^\/api\/now\/table\/incident\/([0-9a-f]{32})$/.exec(url.pathname);
  if (req.method === "PATCH" && byId?.[1]) {
    const incident = table.get(byId[1]);
    if (!incident) return { status: 404, body: { error: { message: "No Record found" }, status: "failure" } };
    const patch = resolveSchema.parse(jsonBody(req));
    Object.assign(incident, { state: patch.state, close_code: patch.close_code });
    return { status: 200, body: { result: incident } };
  }
  throw new Error(`unexpected ${req.method} ${req.url}`);
}

beforeAll(async () => {
  receiver = await startReceiver(tableApi);
});
afterAll(() => receiver.close());

describe("ServiceNow integration", () => {
  const record = () =>
    integration("servicenow", { InstanceUrl: receiver.url, Username: "alertflow.bot" }, { Password: "pa55:word" });

  it("creates an incident on Error and resolves it on Ok by looking it up", async () => {
    const created = await send(record(), "error");
    expect(receiver.violations).toEqual([]);
    expect(created).toMatchObject({ ok: true, status: 201 });
    expect(created.response?.headers.location).toMatch(/\/api\/now\/table\/incident\/[0-9a-f]{32}$/);
    const [incident] = [...table.values()];
    expect(incident?.correlation_id).toBe(hostileInput("error").incident.key);

    const resolved = await send(record(), "ok");
    expect(receiver.violations).toEqual([]);
    expect(resolved).toMatchObject({ ok: true, status: 200, attemptsInfo: { requests: 2 } });
    expect(resolved.steps.map((s) => [s.name, s.request.method])).toEqual([
      ["Find incident", "GET"],
      ["Resolve incident", "PATCH"],
    ]);
    expect(incident).toMatchObject({ state: "6", close_code: "Solution provided" });
    expect(JSON.stringify(resolved.steps)).not.toContain(AUTH.slice(6));
  });

  it("skips reminders by default", async () => {
    expect(await send(record(), "reminder")).toMatchObject({ ok: true, skipped: true });
  });

  it("fails finally when the incident to resolve cannot be found", async () => {
    const input = hostileInput("ok");
    const result = await send(record(), "ok", { ...input, incident: { ...input.incident, key: "never-created" } });
    expect(result).toMatchObject({ ok: false, retryable: false, error: { code: "CAPTURE_FAILED" } });
  });
});
