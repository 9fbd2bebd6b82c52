import { count, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { flows, integrations } from "~/db/schema";
import type { FlowGraph } from "~/core/flow/document";
import { createEndpoint } from "../flows/endpoint-service";
import { createFlow, publishFlow } from "../flows/flow-service";
import { DEMO_REMINDER_SECONDS, demoWords, type DemoWords } from "./demo-words";

/** The demo flow, worded in `words`; the same shape in every language. */
function demoGraph(inboxId: string, words: DemoWords): FlowGraph {
  return {
    schemaVersion: 1,
    nodes: [
      {
        id: "trigger",
        type: "trigger",
        position: { x: 0, y: 80 },
        data: { label: words.trigger, format: "generic", filters: [], alertKey: "" },
      },
      {
        id: "level-1",
        type: "level",
        position: { x: 320, y: 80 },
        data: {
          label: words.level,
          level: 1,
          mode: "duration",
          afterSeconds: 0,
          errorCount: 1,
          reminderCount: 2,
          reminderEverySeconds: DEMO_REMINDER_SECONDS,
          message: words.levelMessage,
        },
      },
      {
        id: "inbox",
        type: "integration",
        position: { x: 640, y: 80 },
        data: { label: words.inbox, integrationId: inboxId, sendOk: true, sendReminders: true, variables: {} },
      },
    ],
    edges: [
      { id: "trigger-level-1", source: "trigger", target: "level-1", sourceHandle: "out", targetHandle: "in" },
      { id: "level-1-inbox", source: "level-1", target: "inbox", sourceHandle: "out", targetHandle: "in" },
    ],
  };
}

/**
 * The launcher's demo author: no person publishes it, so the audit log and the version name
 * Alertflow itself; a product name, so it reads the same in every language.
 */
const DEMO_ACTOR = { userId: null, name: "Alertflow" };

/**
 * A first-run demo for an empty workspace: an inbox integration and a published "Demo
 * escalation" flow that sends to it, with an endpoint token to fire alerts at. Nothing external
 * is needed: the messages show on the Inbox page. Returns null when the workspace has flows.
 * It is seeded in English: the launcher runs before anyone chose a language; the first-run
 * setup rewords it in the first owner's language while it is untouched (localize-demo.ts).
 */
export async function seedDemoIfEmpty(db: Db, workspaceId: string): Promise<{ flowId: string; token: string } | null> {
  const [existing] = await db.select({ n: count() }).from(flows).where(eq(flows.workspaceId, workspaceId));
  if ((existing?.n ?? 0) > 0) return null;
  const scope = { db, workspaceId, actor: DEMO_ACTOR };
  const words = await demoWords("en");
  const [inbox] = await db
    .insert(integrations)
    .values({ workspaceId, type: "inbox", name: words.inbox, variables: {}, customizations: {} })
    .returning({ id: integrations.id });
  if (!inbox) throw new Error("insert returned no row");
  const { id: flowId } = await createFlow(scope, {
    name: words.flowName,
    description: words.description,
    graph: demoGraph(inbox.id, words),
  });
  await publishFlow(scope, { flowId, note: words.publishNote });
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
