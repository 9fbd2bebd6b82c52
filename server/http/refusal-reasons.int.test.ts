import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiServerClient, startApiServer, type ApiServer } from "~/test-support/api-server";
import { errorAlert, eventually, publishedFlow, runsForFlow } from "~/test-support/flow-fixtures";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { createHarness, type Harness } from "~/test-support/harness";
import { startReceiver, type Receiver } from "~/test-support/http-receiver";
import { postRaw } from "~/test-support/raw-http";

/**
 * Refusals over real tRPC HTTP carry what a page needs to word them in its language: a domain
 * refusal its reason and values, a rejected input each field's code and rule. The English
 * message stays for API clients.
 */
let h: Harness;
let server: ApiServer;
let receiver: Receiver;
let api: ReturnType<typeof apiServerClient>;

beforeAll(async () => {
  h = await createHarness();
  server = await startApiServer(h);
  receiver = await startReceiver();
  api = apiServerClient(server);
  await h.startWorker();
});
afterAll(async () => {
  await server?.close();
  await receiver?.close();
  await h?.close();
});

/** The tRPC error a call is refused with. */
async function refusalOf(call: Promise<unknown>) {
  const error = await call.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof TRPCClientError)) throw new Error(`expected a tRPC refusal, got ${String(error)}`);
  return { message: error.message, data: Object(error.data) };
}

describe("refusals carry their reason", () => {
  it("acting on a resolved run: runAlreadyEnded with its status", async () => {
    const hook = await api.integrations.create.mutate({
      type: "webhook",
      name: "Hook",
      variables: { ApiUrl: receiver.url },
    });
    const { flowId, token } = await publishedFlow(h, "Reasons", singleLevelGraph(hook.id));
    expect((await postRaw(`${server.url}/api/alerts/${token}`, JSON.stringify(errorAlert("disk")))).status).toBe(202);
    const run = await eventually(async () => (await runsForFlow(h, flowId))[0], 30_000, "run started");
    await api.runs.resolve.mutate({ runId: run.id });
    await eventually(async () => ((await runsForFlow(h, flowId))[0]?.status === "resolved" ? true : undefined));

    const refused = await refusalOf(api.runs.resolve.mutate({ runId: run.id }));
    expect(refused.message).toBe(`Run ${run.id} is already resolved`);
    expect(refused.data.code).toBe("CONFLICT");
    expect(refused.data.domain).toMatchObject({
      code: "CONFLICT",
      reason: "runAlreadyEnded",
      values: { status: "resolved" },
    });
  });

  it("an unknown integration type: unknownIntegrationType naming it", async () => {
    const refused = await refusalOf(api.integrations.create.mutate({ type: "carrier-pigeon", name: "Coo" }));
    expect(refused.message).toBe('Unknown integration type "carrier-pigeon"');
    expect(refused.data.domain).toMatchObject({ reason: "unknownIntegrationType", values: { type: "carrier-pigeon" } });
  });

  it("a URL that is not http(s): urlNotHttp naming the field", async () => {
    const refused = await refusalOf(
      api.integrations.create.mutate({ type: "webhook", name: "Sneaky", variables: { ApiUrl: "javascript:alert(1)" } }),
    );
    expect(refused.data.domain).toMatchObject({ reason: "urlNotHttp", values: { path: "variables.ApiUrl", more: 0 } });
  });

  it("a broken message template: templateError with where, and the problem's own code", async () => {
    const refused = await refusalOf(
      api.integrations.create.mutate({
        type: "webhook",
        name: "Broken",
        variables: { ApiUrl: receiver.url },
        customizations: {
          stepDefinitions: [
            {
              messageTypes: ["error"],
              steps: [{ method: "POST", url: "{{ApiUrl}}", body: { type: "raw", content: "a\n {{@alert.nope}}" } }],
            },
          ],
        },
      }),
    );
    expect(refused.message).toMatch(/^Template error: /);
    expect(refused.data.domain).toMatchObject({
      reason: "templateError",
      values: { path: "stepDefinitions.0.steps.0.body.content", line: 2, column: 2 },
      issues: [expect.objectContaining({ templateCode: "UNKNOWN_VARIABLE" })],
    });
  });

  it("a rejected input: each field with its code and rule, the English message kept", async () => {
    const refused = await refusalOf(api.flows.create.mutate({ name: "x".repeat(201), description: "" }));
    expect(refused.message).toBe("name: Too big: expected string to have <=200 characters");
    expect(refused.data.inputIssues).toEqual([
      {
        path: "name",
        message: "Too big: expected string to have <=200 characters",
        code: "too_big",
        values: { origin: "string", maximum: 200, inclusive: true },
      },
    ]);
  });
});
