import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiServerClient, startApiServer, type ApiServer } from "~/test-support/api-server";
import { publishedFlow } from "~/test-support/flow-fixtures";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { createHarness, type Harness } from "~/test-support/harness";
import { postRaw, trpcMutationRaw } from "~/test-support/raw-http";
import { storedState } from "~/test-support/stored-state";

/**
 * Property: no generated request gets a 5xx, and a refused one changes nothing stored. Real HTTP
 * on loopback; counts are small so the suite stays quick. No worker runs, so accepted alerts
 * only start workflows and the stored state moves only through the API under test.
 */
let h: Harness;
let server: ApiServer;
let token: string;
beforeAll(async () => {
  h = await createHarness();
  server = await startApiServer(h);
  const api = apiServerClient(server);
  const hook = await api.integrations.create.mutate({
    type: "webhook",
    name: "Fuzz",
    variables: { ApiUrl: "http://127.0.0.1:9/x" },
  });
  ({ token } = await publishedFlow(h, "Fuzz", singleLevelGraph(hook.id)));
});
afterAll(async () => {
  await server?.close();
  await h?.close();
});

/** Strings with the characters that broke things: NUL, lone surrogates, proto-like keys. */
const nasty = fc.oneof(
  fc.string(),
  fc.constantFrom("\u0000", "\ud800", "\udc00x", "__proto__", "constructor", "prototype", "{{@RandomChar(10000)}}"),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    nasty,
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    tie("array"),
    tie("object"),
  ),
  array: fc.array(tie("value"), { maxLength: 4 }),
  object: fc.dictionary(nasty, tie("value"), { maxKeys: 4 }),
})).value;

describe("fuzz", () => {
  it("inbound alerts: never a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(json, async (body) => {
        const answer = await postRaw(`${server.url}/api/alerts/${token}`, JSON.stringify(body));
        expect(answer.status).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });

  it("tRPC inputs: never a 5xx, and a refusal changes nothing", async () => {
    const paths = ["flows.create", "integrations.create", "integrations.preview", "templates.import"];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), json, async (path, input) => {
        const before = await storedState(h.db);
        const answer = await trpcMutationRaw(server.url, path, JSON.stringify(input));
        expect(answer.status).toBeLessThan(500);
        if (answer.status >= 400) expect(await storedState(h.db)).toEqual(before);
      }),
      {
        numRuns: 40,
        // Found by this property in CI: a refused key under `constructor` answered 500.
        examples: [
          ["flows.create", JSON.parse('{"constructor":{"\\u0000":false}}')],
          ["integrations.create", JSON.parse('{"__proto__":{"\\u0000":1},"toString":{"\\ud800":2}}')],
        ],
      },
    );
  });
});
