import { count, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { flows, integrations } from "~/db/schema";
import type { FlowGraph } from "~/core/flow/document";
import { createEndpoint } from "../flows/endpoint-service";
import { createFlow, publishFlow } from "../flows/flow-service";

export const DEMO_FLOW_NAME = "Demo escalation";
/** Short enough to watch: the reminder comes 15 s after the Error. */
export const DEMO_REMINDER_SECONDS = 15;

function demoGraph(inboxId: string): FlowGraph {
  return {
    schemaVersion: 1,
    nodes: [
      {
        id: "trigger",
        type: "trigger",
        position: { x: 0, y: 80 },
        data: { label: "Any alert", format: "generic", filters: [], alertKey: "" },
      },
      {
        id: "level-1",
        type: "level",
        position: { x: 320, y: 80 },
        data: {
          label: "On-call",
          level: 1,
          mode: "duration",
          afterSeconds: 0,
          errorCount: 1,
          reminderCount: 2,
          reminderEverySeconds: DEMO_REMINDER_SECONDS,
          message: "This is the demo flow: edit it, or draw your own.",
        },
      },
      {
        id: "inbox",
        type: "integration",
        position: { x: 640, y: 80 },
        data: { label: "Demo inbox", integrationId: inboxId, sendOk: true, sendReminders: true, variables: {} },
      },
    ],
    edges: [
      { id: "trigger-level-1", source: "trigger", target: "level-1", sourceHandle: "out", targetHandle: "in" },
      { id: "level-1-inbox", source: "level-1", target: "inbox", sourceHandle: "out", targetHandle: "in" },
    ],
  };
}

/**
 * A first-run demo for an empty workspace: an inbox integration and a published "Demo
 * escalation" flow that sends to it, with an endpoint token to fire alerts at. Nothing external
 * is needed: the messages show on the Inbox page. Returns null when the workspace has flows.
 */
export async function seedDemoIfEmpty(db: Db, workspaceId: string): Promise<{ flowId: string; token: string } | null> {
  const [existing] = await db.select({ n: count() }).from(flows).where(eq(flows.workspaceId, workspaceId));
  if ((existing?.n ?? 0) > 0) return null;
  // No person publishes the demo: the audit log and the version name Alertflow itself.
  const scope = { db, workspaceId, actor: { userId: null, name: "Alertflow demo" } };
  const [inbox] = await db
    .insert(integrations)
    .values({ workspaceId, type: "inbox", name: "Demo inbox", variables: {}, customizations: {} })
    .returning({ id: integrations.id });
  if (!inbox) throw new Error("insert returned no row");
  const { id: flowId } = await createFlow(scope, {
    name: DEMO_FLOW_NAME,
    description: "Fires an Error at once, a reminder every 15 s (two at most) and the Ok, into the Inbox.",
    graph: demoGraph(inbox.id),
  });
  await publishFlow(scope, { flowId, note: "Demo" });
  const { token } = await createEndpoint(scope, flowId);
  return { flowId, token };
}

/** The commands the launcher prints: an Error now, the Ok when you like. */
export function demoCurl(baseUrl: string, token: string): string[] {
  const post = (body: string) =>
    `curl -X POST ${baseUrl}/api/alerts/${token} -H 'content-type: application/json' -d '${body}'`;
  return [
    post('{"key":"checkout-api","status":"error","summary":"Checkout API is down"}'),
    post('{"key":"checkout-api","status":"ok","summary":"Checkout API is up"}'),
  ];
}
