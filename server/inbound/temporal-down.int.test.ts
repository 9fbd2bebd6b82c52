import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { createHarness, type Harness } from "~/test-support/harness";
import { errorAlert, okAlert, publishedFlow, runsForFlow, webhook } from "~/test-support/flow-fixtures";
import { unreachableTemporal, type UnreachableTemporal } from "~/test-support/unreachable-temporal";
import { handleAlertRequest } from "./handle-alert-request";

let h: Harness;
let unreachable: UnreachableTemporal;
beforeAll(async () => {
  h = await createHarness();
  unreachable = unreachableTemporal();
});
afterAll(async () => {
  await unreachable?.close();
  await h?.close();
});

async function post(token: string, body: unknown) {
  const started = performance.now();
  const response = await handleAlertRequest(
    { db: h.db, temporal: unreachable.client, taskQueue: h.taskQueue, maxBodyBytes: 1 << 20, now: () => new Date() },
    token,
    new Request(`http://localhost/api/alerts/${token}`, { method: "POST", body: JSON.stringify(body) }),
  );
  return { response, ms: performance.now() - started };
}

describe("the inbound endpoint while Temporal is unreachable", () => {
  it("answers 503 with Retry-After within 2 s, for an error and for an Ok, and starts nothing", async () => {
    const id = await webhook(h, "Down", "http://127.0.0.1:9/never");
    const { flowId, token } = await publishedFlow(h, "Temporal down", singleLevelGraph(id));
    for (const body of [errorAlert("down"), okAlert("down")]) {
      const { response, ms } = await post(token, body);
      expect(response.status).toBe(503);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await response.json()).toMatchObject({ error: "unavailable" });
      expect(ms).toBeLessThan(2_000);
    }
    expect(await runsForFlow(h, flowId)).toHaveLength(0);
  });
});
