import { and, eq } from "drizzle-orm";
import { deliveries, flowVersions, runEvents, runs } from "~/db/schema";
import { normalizedAlertSchema } from "~/core/alerts/alert";
import type { FlowGraph } from "~/core/flow/document";
import { twoLevelGraph } from "./graph-builder";
import type { Harness } from "./harness";

/** Creates, publishes and opens an endpoint for a flow; returns what a sender needs. */
export async function publishedFlow(h: Harness, name: string, graph: FlowGraph) {
  const { id: flowId } = await h.api.flows.create({ name, description: "", graph });
  await h.api.flows.publish({ flowId, note: "test" });
  const { token } = await h.api.flows.createEndpoint({ flowId });
  return { flowId, token };
}

export async function webhook(h: Harness, name: string, url: string) {
  const integration = await h.api.integrations.create({
    type: "webhook",
    name,
    variables: { ApiUrl: url },
    secrets: {},
    customizations: {},
    enabled: true,
  });
  return integration.id;
}

/** A published two-level flow whose levels post to `<receiverUrl>/<name>/l1` and `/<name>/l2`. */
export async function twoLevelWebhookFlow(h: Harness, receiverUrl: string, name: string, level2Seconds: number) {
  const ids = await Promise.all(["l1", "l2"].map((l) => webhook(h, `${name} ${l}`, `${receiverUrl}/${name}/${l}`)));
  const graph = twoLevelGraph([ids[0] ?? "", ids[1] ?? ""], { level: 1 }, { level: 2, afterSeconds: level2Seconds });
  return publishedFlow(h, name, graph);
}

export const errorAlert = (key: string, summary = "Checkout API is down") => ({ key, status: "error", summary });
export const okAlert = (key: string) => ({ key, status: "ok", summary: "Checkout API is up" });

/**
 * The columns of a run of the flow's published version under alert key "k", for tests that write
 * run rows straight into the database (triggers, status changes) without a workflow.
 */
export async function bareRunValues(h: Harness, flowId: string) {
  const [version] = await h.db.select().from(flowVersions).where(eq(flowVersions.flowId, flowId));
  return {
    workspaceId: h.workspaceId,
    flowId,
    flowVersionId: version?.id ?? "",
    alertKey: "k",
    workflowId: "wf",
    firstErrorAt: new Date(),
    alert: normalizedAlertSchema.parse({ ...errorAlert("k"), occurredAt: new Date().toISOString() }),
  };
}

export async function runsForFlow(h: Harness, flowId: string) {
  return h.db.select().from(runs).where(eq(runs.flowId, flowId));
}

export async function deliveriesForRun(h: Harness, runId: string) {
  return h.db.select().from(deliveries).where(eq(deliveries.runId, runId));
}

export async function eventsForRun(h: Harness, runId: string, type?: string) {
  return h.db
    .select()
    .from(runEvents)
    .where(type ? and(eq(runEvents.runId, runId), eq(runEvents.type, type)) : eq(runEvents.runId, runId));
}

/** Polls until `check` returns a value (not undefined), or fails with the last state. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 30_000,
  label = "condition",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${label} did not hold within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The shape of a request from the default webhook body. */
export function messageOf(json: unknown): { type: string; level: string } {
  if (typeof json !== "object" || json === null) return { type: "", level: "" };
  const alert = "alert" in json && typeof json.alert === "object" && json.alert !== null ? json.alert : {};
  const level =
    "escalationLevel" in json && typeof json.escalationLevel === "object" && json.escalationLevel !== null
      ? json.escalationLevel
      : {};
  return {
    type: "type" in alert ? String(alert.type) : "",
    level: "id" in level ? String(level.id) : "",
  };
}

/**
 * With RECORD_HISTORIES=1, saves a finished workflow's history under workflows/histories/ for
 * the replay test, which guards determinism when the interpreter changes. An existing file is
 * kept: it is the record of what older code wrote (a run of the engine tests once replaced the
 * older workflow type's histories with the new type's), so a new behaviour gets a new name.
 */
export async function recordHistory(h: Harness, workflowId: string, name: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== "1") return;
  const { execFileSync } = await import("node:child_process");
  const { existsSync, writeFileSync } = await import("node:fs");
  const target = new URL(`../workflows/histories/${name}.json`, import.meta.url);
  if (existsSync(target)) {
    console.warn(
      `recordHistory: workflows/histories/${name}.json exists and is kept; delete it first to record it again`,
    );
    return;
  }
  const { requireTemporalCli } = await import("~/scripts/temporal-cli");
  const json = execFileSync(requireTemporalCli(), [
    "workflow",
    "show",
    "--workflow-id",
    workflowId,
    "--output",
    "json",
    "--address",
    h.temporalAddress,
  ]);
  writeFileSync(target, json);
}

/** Ends the workflows a test left running (ignoring those that already ended), so none outlives it. */
export async function terminateWorkflows(h: Harness, workflowIds: readonly string[]): Promise<void> {
  for (const id of workflowIds)
    await h.client.workflow
      .getHandle(id)
      .terminate("test done")
      .catch(() => undefined);
}
