import type { Client } from "@temporalio/client";
import { and, eq } from "drizzle-orm";
import { flows, runs } from "~/db/schema";
import { DomainError } from "~/core/domain-error";
import { actOnRun } from "./act-on-run";
import { ackPage } from "./ack-page";
import { isOpen } from "./run-actions";
import type { RunScope } from "./run-scope";

export type AckDeps = RunScope & { temporal: Client };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const html = (status: number, body: string) =>
  new Response(body, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });

/** A browser submitting the confirmation form gets a page back; API callers get JSON. */
const wantsHtml = (request: Request) =>
  (request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded");

async function findRun({ db, workspaceId }: RunScope, runId: string) {
  if (!UUID.test(runId)) return undefined;
  const [row] = await db
    .select({ status: runs.status, alertKey: runs.alertKey, flowName: flows.name })
    .from(runs)
    .innerJoin(flows, eq(flows.id, runs.flowId))
    .where(and(eq(runs.id, runId), eq(runs.workspaceId, workspaceId)))
    .limit(1);
  return row;
}

/** `GET /api/runs/<id>/ack`: a confirmation page; it never changes anything. */
export async function ackConfirmation(deps: AckDeps, runId: string, request: Request): Promise<Response> {
  const run = await findRun(deps, runId);
  if (!run) return html(404, ackPage({ title: "Run not found", message: `No run with id ${runId}.` }));
  const what = `${run.flowName}: ${run.alertKey}`;
  if (!isOpen(run.status)) return html(409, ackPage({ title: `Already ${run.status}`, message: what }));
  if (run.status === "acknowledged") return html(200, ackPage({ title: "Already acknowledged", message: what }));
  return html(
    200,
    ackPage({ title: "Acknowledge this incident?", message: what, formAction: new URL(request.url).pathname }),
  );
}

/** `POST /api/runs/<id>/ack`: acknowledges through the same path as the UI. */
export async function acknowledgeByLink(deps: AckDeps, runId: string, request: Request): Promise<Response> {
  const page = wantsHtml(request);
  const reply = (status: number, body: { status?: string; error?: string; message?: string }, title: string) =>
    page ? html(status, ackPage({ title, message: body.message ?? "" })) : json(status, body);
  if (!UUID.test(runId)) return reply(404, { error: "not_found", message: `No run with id ${runId}` }, "Run not found");
  try {
    const { status } = await actOnRun(deps, runId, "acknowledge", "link");
    return reply(200, { status, message: "Escalation and reminders have stopped." }, "Acknowledged");
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    if (err.code === "NOT_FOUND") return reply(404, { error: "not_found", message: err.message }, "Run not found");
    if (err.code === "CONFLICT") return reply(409, { error: "not_open", message: err.message }, "No longer open");
    throw err;
  }
}
