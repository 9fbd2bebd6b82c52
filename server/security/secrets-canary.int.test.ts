import { randomBytes } from "node:crypto";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { listIntegrationTypes, type CatalogueEntry } from "~/core/integrations/integration-catalogue";
import type { MessageType } from "~/core/message-template/message-type";
import { wireTransformer } from "~/core/wire/wire-transformer";
import { deliveries, runs } from "~/db/schema";
import type { AppRouter } from "~/server/routers/_app";
import { startApiServer, type ApiServer } from "~/test-support/api-server";
import { eventually } from "~/test-support/flow-fixtures";
import { edge, graphOf, integrationNode, levelNode, triggerNode } from "~/test-support/graph-builder";
import { createHarness, type Harness } from "~/test-support/harness";
import { startReceiver, type ReceivedRequest, type Receiver } from "~/test-support/http-receiver";
import { findLeaks, type Leak } from "~/test-support/leak-scan";
import { startMailCatcher, type MailCatcher } from "~/test-support/mail-catcher";

/**
 * The secrets canary: one integration of every type holds recognisable secrets, then goes
 * through everything that could let them out (preview, test-send, a real run through Temporal
 * with a failing receiver and a redirect to another origin, the run history, a template and its
 * export, a re-send). Afterwards no API response, log line, database row (but the ciphertext)
 * or Temporal workflow history holds a secret in any encoding.
 */
const CORE = `Cnry${randomBytes(5).toString("hex")}`;
/** Characters that URL-encoding, JSON-escaping and form encoding all change. */
const TAIL = `"/+&=\\%`;

let h: Harness;
let server: ApiServer;
let receiver: Receiver;
/** Another origin, where one receiver redirects: credentials must not follow. */
let elsewhere: Receiver;
let smtp: MailCatcher | undefined;
let smtpPort = 0;
/** Every secret value stored, and the canary core they all share. */
const secrets: string[] = [CORE];
/** Every body the API answered, in order. */
const answers: { what: string; text: string }[] = [];
const logs: string[] = [];
const streamSpies: { mock: { calls: unknown[][] } }[] = [];
const written = () =>
  streamSpies.flatMap((spy) =>
    spy.mock.calls.map(([chunk]) =>
      chunk instanceof Uint8Array ? Buffer.from(chunk).toString("utf8") : String(chunk),
    ),
  );

const recordingFetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const response = await fetch(input, init);
  answers.push({ what: `tRPC ${String(input)}`, text: await response.clone().text() });
  return response;
};
let api: ReturnType<typeof createTRPCClient<AppRouter>>;

/** Echoes what it got, secrets included, so a stored response is a leak unless it is redacted. */
function echo(req: ReceivedRequest) {
  return {
    ok: true,
    sid: "SM0001",
    result: [{ sys_id: "0123456789abcdef" }],
    echo: { headers: req.headers, body: req.body },
  };
}

beforeAll(async () => {
  // Everything the process logs while the canary is around: console and raw stdout/stderr.
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logs.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack ?? ""}` : String(a))).join(" "));
    });
  }
  // Spies call through: what is written still reaches the terminal.
  streamSpies.push(vi.spyOn(process.stdout, "write"), vi.spyOn(process.stderr, "write"));

  h = await createHarness();
  await h.startWorker();
  server = await startApiServer(h);
  api = createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${server.url}/api/trpc`, transformer: wireTransformer, fetch: recordingFetch })],
  });
  elsewhere = await startReceiver((req) => ({ status: 200, body: echo(req) }));
  receiver = await startReceiver((req) => {
    if (req.url.startsWith("/fail/")) return { status: 400, body: echo(req) };
    if (req.url.startsWith("/redirect/")) return { status: 307, headers: { location: `${elsewhere.url}/landed` } };
    return { status: 200, body: echo(req) };
  });
  smtp = await startMailCatcher({ acceptsLogin: (_user, pass) => pass.startsWith(CORE) });
  smtpPort = smtp.port;
});

afterAll(async () => {
  await server?.close();
  await receiver?.close();
  await elsewhere?.close();
  await smtp?.close();
  await h?.close();
  vi.restoreAllMocks();
});

/** A value for each variable of a type: secrets are canaries, URLs lead to the receiver. */
function settingsFor(entry: CatalogueEntry) {
  const variables: Record<string, string> = {};
  const stored: Record<string, string> = {};
  const route = entry.type === "opsgenie" ? "fail" : entry.type === "statuspage" ? "redirect" : "ok";
  for (const v of entry.variables) {
    const isUrl = /url$/i.test(v.name);
    if (v.secret) {
      stored[v.name] = isUrl
        ? `${receiver.url}/${route}/${entry.type}/${CORE}-${v.name}`
        : `${CORE}-${entry.type}-${v.name}${TAIL}`;
      continue;
    }
    if (isUrl) variables[v.name] = `${receiver.url}/${route}/${entry.type}`;
    else if (entry.type === "email") {
      variables[v.name] =
        {
          SmtpHost: "127.0.0.1",
          SmtpPort: String(smtpPort),
          SmtpUser: "mailer",
          DisableTls: "true",
          From: "alertflow@example.test",
          To: "ops@example.test",
        }[v.name] ??
        v.defaultValue ??
        "";
    } else variables[v.name] = { From: "+15005550006", To: "+15005550001" }[v.name] ?? v.defaultValue ?? "value-1";
  }
  // Types without a secret of their own get a custom one.
  if (Object.keys(stored).length === 0 && entry.type !== "inbox")
    stored.SigningToken = `${CORE}-${entry.type}-custom${TAIL}`;
  secrets.push(...Object.values(stored));
  return { variables, secrets: stored };
}

/** Tries to pull every stored secret out through a level message: raw and encoded. */
const extraction = (names: string[]) =>
  names.map((n) => `{{${n}}} {{@Base64Encode({{${n}}})}} {{@UrlEncode({{${n}}})}}`).join(" | ");

async function tableRows(): Promise<{ table: string; text: string }[]> {
  const tables = await h.db.execute<{ name: string }>(
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const out: { table: string; text: string }[] = [];
  for (const { name } of tables.rows) {
    // Every column but the ciphertext, which is the one place a secret may be.
    const rows = await h.db.execute<{ row: string }>(
      sql`select (to_jsonb(t) - 'secrets_ciphertext')::text as row from ${sql.identifier(name)} t`,
    );
    for (const { row } of rows.rows) out.push({ table: name, text: row });
  }
  return out;
}

/** Every string and byte array in a history, bytes decoded as UTF-8 (payloads are JSON). */
function textsOf(value: unknown, out: string[] = []): string[] {
  if (value instanceof Uint8Array) out.push(Buffer.from(value).toString("utf8"), Buffer.from(value).toString("base64"));
  else if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) textsOf(v, out);
  else if (value !== null && typeof value === "object") for (const v of Object.values(value)) textsOf(v, out);
  return out;
}

describe("the secrets canary", () => {
  it("appears in no response, log, row or workflow history, in any encoding", async () => {
    const types = listIntegrationTypes();
    const created: { id: string; type: string; secretNames: string[] }[] = [];
    for (const entry of types) {
      const settings = settingsFor(entry);
      const row = await api.integrations.create.mutate({ type: entry.type, name: `Canary ${entry.type}`, ...settings });
      created.push({ id: row.id, type: entry.type, secretNames: Object.keys(settings.secrets) });
    }

    // Preview and test-send of each, asking for the secrets in the message; a draft that moves
    // a URL or template to elsewhere is refused without the secret typed again.
    for (const integration of created) {
      const levelMessage = extraction(integration.secretNames);
      await api.integrations.preview.mutate({ integrationId: integration.id, messageType: "error", levelMessage });
      await api.integrations.testSend
        .mutate({ integrationId: integration.id, messageType: "error", levelMessage })
        .catch((error: unknown) => answers.push({ what: `test-send ${integration.type}`, text: String(error) }));
    }
    const pager = created.find((c) => c.type === "pagerduty");
    if (!pager) throw new Error("no pagerduty type");
    // A secret changed later (the audit log names the field, never the value).
    const rotated = `${CORE}-pagerduty-rotated${TAIL}`;
    secrets.push(rotated);
    await api.integrations.update.mutate({ integrationId: pager.id, secrets: { RoutingKey: rotated } });
    await api.integrations.testSend
      .mutate({
        integrationId: pager.id,
        messageType: "error",
        draft: { type: "pagerduty", variables: { ApiUrl: `${elsewhere.url}/stolen` }, secrets: {}, customizations: {} },
      })
      .then(
        () => expect.unreachable("a draft to another origin got the stored routing key"),
        (error: unknown) => answers.push({ what: "moved test-send", text: String(error) }),
      );

    // A real run: every integration at level 1, through the inbound endpoint and Temporal.
    const nodes = created.map((c, i) => integrationNode(`i${i}`, { integrationId: c.id }));
    const allNames = [...new Set(created.flatMap((c) => c.secretNames))];
    const graph = graphOf(
      [triggerNode("t"), levelNode("l1", { level: 1, message: `Level 1: ${extraction(allNames)}` }), ...nodes],
      [edge("t", "out", "l1"), ...nodes.map((n) => edge("l1", "out", n.id))],
    );
    const { id: flowId } = await api.flows.create.mutate({ name: "Canary flow", description: "", graph });
    await api.flows.publish.mutate({ flowId, note: "canary" });
    const { token } = await api.flows.createEndpoint.mutate({ flowId });
    const post = async (status: "error" | "ok") => {
      const response = await fetch(`${server.url}/api/alerts/${token}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ key: "canary", status, summary: "Canary incident" }),
      });
      answers.push({ what: `alert ${status}`, text: await response.text() });
      expect(response.status).toBe(202);
    };
    await post("error");
    const run = await eventually(async () => (await h.db.select().from(runs).where(eq(runs.flowId, flowId)))[0]);
    const settled = async (messageType: MessageType) =>
      eventually(
        async () => {
          const rows = await h.db
            .select({ id: deliveries.id, status: deliveries.status, integrationId: deliveries.integrationId })
            .from(deliveries)
            .where(and(eq(deliveries.runId, run.id), eq(deliveries.messageType, messageType)));
          return rows.length >= created.length && rows.every((r) => r.status !== "pending") ? rows : undefined;
        },
        90_000,
        `${messageType} deliveries`,
      );
    const errors = await settled("error");
    const failed = errors.filter((d) => d.status === "failed").map((d) => d.id);
    // Only the receiver that answers 400 failed; every other type delivered its Error.
    const opsgenie = created.find((c) => c.type === "opsgenie")?.id;
    expect(errors.filter((d) => d.status === "failed").map((d) => d.integrationId)).toEqual([opsgenie]);

    // Re-send the failed ones, acknowledge, and close the incident (Ok messages).
    await api.runs.resend.mutate({ deliveryIds: failed });
    await api.runs.acknowledge.mutate({ runId: run.id, note: "on it" });
    await post("ok");
    await h.client.workflow.getHandle(run.workflowId).result();

    // What the people who look read: run history, integrations, flows, templates and their export.
    await api.runs.get.query({ runId: run.id });
    await api.runs.list.query({});
    await api.integrations.list.query();
    for (const c of created) await api.integrations.get.query({ integrationId: c.id });
    await api.flows.get.query({ flowId });
    await api.inbox.list.query();
    const template = await api.templates.saveFromFlow.mutate({
      flowId,
      name: "Canary flow",
      description: "",
      tags: [],
    });
    await api.templates.export.query({ ref: { kind: "workspace", templateId: template.templateId } });
    await api.templates.get.query({ templateId: template.templateId });

    // The secrets were real: the receivers and the mail server got them (where they belong).
    expect(receiver.requests.some((r) => JSON.stringify(r).includes(CORE))).toBe(true);
    expect(receiver.requests.some((r) => r.body.includes(`${CORE}-pagerduty-rotated`))).toBe(true);
    const reached = new Set(receiver.requests.map((r) => r.url.split("/")[2]));
    const httpTypes = types.filter((t) => t.transport === "http").map((t) => t.type);
    expect(httpTypes.filter((t) => !reached.has(t))).toEqual([]);
    expect(smtp?.received.length).toBeGreaterThan(0);
    // The redirect to another origin was followed, without the credentials.
    expect(elsewhere.requests.some((r) => r.url === "/landed")).toBe(true);
    const leaks: Leak[] = elsewhere.requests.flatMap((r, i) =>
      findLeaks(`elsewhere #${i}`, JSON.stringify(r), secrets),
    );

    // The scan.
    for (const a of answers) leaks.push(...findLeaks(a.what, a.text, secrets));
    leaks.push(...findLeaks("logs", [...logs, ...written()].join("\n"), secrets));
    for (const row of await tableRows()) leaks.push(...findLeaks(`table ${row.table}`, row.text, secrets));
    const workflows = h.client.workflow.list({ query: `TaskQueue="${h.taskQueue}"` });
    let histories = 0;
    for await (const wf of workflows) {
      const history = await h.client.workflow.getHandle(wf.workflowId, wf.runId).fetchHistory();
      histories++;
      leaks.push(...findLeaks(`history ${wf.workflowId}`, textsOf(history).join("\n"), secrets));
    }
    expect(histories).toBeGreaterThan(0);
    expect(answers.length).toBeGreaterThan(created.length * 2);
    expect(leaks.map((l) => `${l.where}: ${l.form} … ${l.excerpt}`)).toEqual([]);
  });
});
