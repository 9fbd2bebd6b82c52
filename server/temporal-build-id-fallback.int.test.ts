import { Client, Connection, ServiceError, WorkflowExecutionAlreadyStartedError } from "@temporalio/client";
import { defineSearchAttributeKey, SearchAttributeType, TypedSearchAttributes } from "@temporalio/common";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildIdsKey, isBuildIdsRefusal, startSearchAttributes, startWithBuildIds } from "~/server/temporal-build-id";
import { startTemporalServerWith } from "~/test-support/temporal-server-with";
import { INCIDENT_WORKFLOW } from "~/workflows/messages";

/**
 * A Temporal server that refuses `BuildIds` at start still starts every incident: the starts
 * retry without it and stop offering it. The refusing server is a real dev server whose
 * validator turns the value down (each search attribute value limited to 8 bytes), answering
 * INVALID_ARGUMENT naming BuildIds as an older or stricter server does.
 */
let server: Awaited<ReturnType<typeof startTemporalServerWith>>;
let connection: Connection;
let client: Client;

beforeAll(async () => {
  server = await startTemporalServerWith(["frontend.searchAttributesSizeOfValueLimit=8"]);
  connection = await Connection.connect({ address: server.address });
  client = new Client({ connection });
});
afterAll(async () => {
  await connection?.close();
  await server?.stop();
});

const taskQueue = "build-ids-refused";
const startOptions = (workflowId: string) => ({ workflowId, taskQueue, args: [] });

describe("a server that refuses BuildIds at start", () => {
  it("refuses it as INVALID_ARGUMENT naming the attribute, which the fallback recognises", async () => {
    const start = client.workflow.start(INCIDENT_WORKFLOW, {
      ...startOptions("refused-raw"),
      typedSearchAttributes: startSearchAttributes,
    });
    const error: unknown = await start.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(isBuildIdsRefusal(error)).toBe(true);
  });

  it("starts without it, warns once, and stops offering it for every later start", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const offered: boolean[] = [];
    try {
      const started = await startWithBuildIds((buildIds) => {
        offered.push(buildIds.typedSearchAttributes !== undefined);
        return client.workflow.start(INCIDENT_WORKFLOW, { ...startOptions("refused-start"), ...buildIds });
      });
      expect((await started.describe()).typedSearchAttributes.get(buildIdsKey)).toBeUndefined();
      expect(offered).toEqual([true, false]);

      await startWithBuildIds((buildIds) => {
        offered.push(buildIds.typedSearchAttributes !== undefined);
        return client.workflow.signalWithStart(INCIDENT_WORKFLOW, {
          ...startOptions("refused-signal-with-start"),
          signal: "nothing",
        });
      });
      expect(offered).toEqual([true, false, false]);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toMatch(/refuses the BuildIds search attribute.*BuildIds value size/);
    } finally {
      warn.mockRestore();
    }
  });

  it("lets every other error through as before", async () => {
    const again = startWithBuildIds((buildIds) =>
      client.workflow.start(INCIDENT_WORKFLOW, { ...startOptions("refused-start"), ...buildIds }),
    );
    await expect(again).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
    // INVALID_ARGUMENT about another attribute: not a refusal of BuildIds, so not retried.
    const unknown = defineSearchAttributeKey("AlertflowUnknown", SearchAttributeType.INT);
    const other = startWithBuildIds((buildIds) =>
      client.workflow.start(INCIDENT_WORKFLOW, {
        ...startOptions("refused-other"),
        ...buildIds,
        typedSearchAttributes: new TypedSearchAttributes([{ key: unknown, value: 1 }]),
      }),
    );
    const invalid: unknown = await other.catch((e: unknown) => e);
    if (!(invalid instanceof ServiceError)) throw new Error(`expected a ServiceError, got ${String(invalid)}`);
    expect(String(invalid.cause)).toMatch(/INVALID_ARGUMENT.*search attribute AlertflowUnknown/);
    expect(isBuildIdsRefusal(invalid)).toBe(false);
  });
});
