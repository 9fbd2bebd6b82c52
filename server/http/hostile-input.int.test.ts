import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiServerClient, startApiServer, type ApiServer } from "~/test-support/api-server";
import { eventually, publishedFlow, runsForFlow } from "~/test-support/flow-fixtures";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { createHarness, type Harness } from "~/test-support/harness";
import { startReceiver, type Receiver } from "~/test-support/http-receiver";
import { nestedJsonText, postRaw, trpcErrorMessage, trpcMutationRaw } from "~/test-support/raw-http";
import { storedState } from "~/test-support/stored-state";
import { MAX_TRPC_BATCH, MAX_TRPC_BODY_BYTES } from "./trpc-endpoint";

/**
 * One test per class of hostile input, over real HTTP: each gets a clear 4xx naming what is
 * wrong and changes nothing stored, or (alerts) is cleaned and becomes a run.
 */
let h: Harness;
let server: ApiServer;
let receiver: Receiver;
let api: ReturnType<typeof apiServerClient>;
let token: string;
let flowId: string;

beforeAll(async () => {
  h = await createHarness();
  server = await startApiServer(h);
  receiver = await startReceiver();
  api = apiServerClient(server);
  const hook = await api.integrations.create.mutate({
    type: "webhook",
    name: "Hostile hook",
    variables: { ApiUrl: receiver.url },
  });
  ({ flowId, token } = await publishedFlow(h, "Hostile input", singleLevelGraph(hook.id)));
});
afterAll(async () => {
  await server?.close();
  await receiver?.close();
  await h?.close();
});

/** Runs `send` and checks that nothing stored changed. */
async function unchanged<T>(send: () => Promise<T>): Promise<T> {
  const before = await storedState(h.db);
  const result = await send();
  expect(await storedState(h.db)).toEqual(before);
  return result;
}

const alertUrl = () => `${server.url}/api/alerts/${token}`;

describe("unknown endpoints", () => {
  it("answer the same 401 for an unknown token, a flow id and a made-up flow id", async () => {
    const answers = await Promise.all(
      ["not-a-token", flowId, "00000000-0000-4000-8000-000000000000"].map((guess) =>
        unchanged(() => postRaw(`${server.url}/api/alerts/${guess}`, '{"key":"k","status":"error"}')),
      ),
    );
    expect(answers.map((a) => [a.status, a.text])).toEqual(answers.map(() => [401, answers[0]?.text]));
  });
});

describe("JSON nested thousands deep", () => {
  it("is refused by the inbound endpoint with a 400 that says so", async () => {
    const body = `{"key":"deep","status":"error","summary":"s","details":${nestedJsonText(5000)}}`;
    const answer = await unchanged(() => postRaw(alertUrl(), body));
    expect(answer.status).toBe(400);
    expect(answer.text).toContain("nested deeper than 32 levels");
  });

  it("is refused by tRPC with a 400 that says so", async () => {
    const input = `{"name":"Deep","description":"","graph":${nestedJsonText(5000)}}`;
    const answer = await unchanged(() => trpcMutationRaw(server.url, "flows.create", input));
    expect(answer.status).toBe(400);
    expect(trpcErrorMessage(answer)).toMatch(/nested deeper than 100 levels/);
  });
});

describe("NUL and unpaired surrogates", () => {
  it("are refused in API input with a 400 naming the field", async () => {
    const nul = await unchanged(() =>
      trpcMutationRaw(server.url, "integrations.create", '{"type":"webhook","name":"a\\u0000b"}'),
    );
    expect(nul.status).toBe(400);
    expect(trpcErrorMessage(nul)).toBe("name: contains U+0000 (NUL), which cannot be stored");
    // The field and the check, for the page to word in its language (app/_components/input-issue-text.ts).
    expect(Object(Object(Object(nul.json).error).json).data.inputIssues).toEqual([
      {
        path: "name",
        message: "contains U+0000 (NUL), which cannot be stored",
        code: "custom",
        values: { check: "unstorable", character: "nul", inKey: false },
      },
    ]);

    const surrogate = await unchanged(() =>
      trpcMutationRaw(server.url, "flows.create", '{"name":"Flow","description":"broken \\ud800 text"}'),
    );
    expect(surrogate.status).toBe(400);
    expect(trpcErrorMessage(surrogate)).toMatch(/^description: contains an unpaired UTF-16 surrogate/);

    const key = await unchanged(() =>
      trpcMutationRaw(
        server.url,
        "integrations.create",
        '{"type":"webhook","name":"n","variables":{"ApiUrl":"http://x","bad\\udc00":"v"}}',
      ),
    );
    expect(key.status).toBe(400);
    expect(trpcErrorMessage(key)).toMatch(/^variables\.bad.*: has a key that contains an unpaired/);
  });

  // Alert keys, labels and monitor names are refused instead (server/inbound/identity-text.int.test.ts):
  // cleaned, two different keys would land on one incident.
  it("are cleaned in an alert, which is accepted and becomes a run", async () => {
    const worker = await h.startWorker();
    try {
      const body =
        '{"key":"nul-key","status":"error","summary":"disk \\u0000 full \\ud800",' +
        '"annotations":{"team\\u0000":"ops\\udc00"},"details":{"body":"\\u0000\\u0000"}}';
      const answer = await postRaw(alertUrl(), body);
      expect(answer.status).toBe(202);
      const run = await eventually(async () => (await runsForFlow(h, flowId))[0], 30_000, "the run");
      expect(run.alert.summary).toBe("disk \uFFFD full \uFFFD");
      expect(run.alert.annotations).toEqual({ "team\uFFFD": "ops\uFFFD" });
      expect(run.alert.details).toEqual({ body: "\uFFFD\uFFFD" });
      await receiver.waitFor(1);
    } finally {
      await worker.stop();
    }
  });
});

describe("a rejected tRPC input", () => {
  it("says which field is wrong in words, not as a JSON dump, and in zodError", async () => {
    const answer = await unchanged(() =>
      trpcMutationRaw(server.url, "flows.create", JSON.stringify({ name: "n".repeat(5_000) })),
    );
    expect(answer.status).toBe(400);
    expect(trpcErrorMessage(answer)).toMatch(/^name: .*200/);
    const data: unknown = Object(Object(Object(answer.json).error).json).data;
    expect(Object(Object(data).zodError).fieldErrors).toEqual({ name: [expect.stringContaining("200")] });
  });
});

describe("tRPC limits", () => {
  it("refuses a body over the size limit with 413", async () => {
    const name = "x".repeat(MAX_TRPC_BODY_BYTES);
    const answer = await unchanged(() =>
      trpcMutationRaw(server.url, "integrations.create", `{"type":"webhook","name":"${name}"}`),
    );
    expect(answer.status).toBe(413);
    expect(trpcErrorMessage(answer)).toBe("The request body is larger than 2097152 bytes");
  });

  it("refuses a batch of more calls than any page makes", async () => {
    const paths = Array.from({ length: MAX_TRPC_BATCH + 1 }, () => "integrations.list").join(",");
    const response = await fetch(`${server.url}/api/trpc/${paths}?batch=1&input={}`);
    expect(response.status).toBe(400);
  });
});

describe("/api/health", () => {
  it("reports each part's state and no raw error", async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", ok: true, checks: { database: "ok", temporal: "ok" } });
  });
});
