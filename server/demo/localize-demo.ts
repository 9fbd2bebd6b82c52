import { and, count, eq, isNull } from "drizzle-orm";
import { compilePlan } from "~/core/flow/compile-plan";
import type { FlowGraph, FlowNode } from "~/core/flow/document";
import type { Locale } from "~/core/i18n/locales";
import { presetLanguageCustomizations } from "~/core/integrations/preset-language";
import type { Db, Tx } from "~/db/client";
import { flowVersions, flows, integrations, runs } from "~/db/schema";
import { demoWords, type DemoWords } from "./demo-words";

/** The seeded demo's words on its nodes (demo-seed.ts), by node id. */
function rewordNode(node: FlowNode, words: DemoWords): FlowNode {
  if (node.type === "trigger" && node.id === "trigger")
    return { ...node, data: { ...node.data, label: words.trigger } };
  if (node.type === "level" && node.id === "level-1") {
    return { ...node, data: { ...node.data, label: words.level, message: words.levelMessage } };
  }
  if (node.type === "integration" && node.id === "inbox")
    return { ...node, data: { ...node.data, label: words.inbox } };
  return node;
}

const reword = (graph: FlowGraph, words: DemoWords): FlowGraph => ({
  ...graph,
  nodes: graph.nodes.map((node) => rewordNode(node, words)),
});

const isEmptyRecord = (value: Record<string, unknown>) => Object.keys(value).length === 0;

/**
 * The launcher seeds the demo in English before anyone has chosen a language (it prints the
 * demo's endpoint at start-up, before the setup page is opened). The first owner's setup then
 * rewords it in the language they set up in: the flow's name, description, node labels and
 * level message, its one published version, and the inbox's name and default messages. Only
 * while nobody has touched it: a demo that was edited, published again or already ran an alert
 * is someone's, and stays as it is. The flow, its endpoint token and its history keep their ids,
 * so the launcher's printed curl commands still reach it. Returns whether it reworded.
 */
export async function localizeUntouchedDemo(db: Db | Tx, workspaceId: string, locale: Locale): Promise<boolean> {
  if (locale === "en") return false;
  const english = await demoWords("en");
  const flow = await db.query.flows.findFirst({
    where: and(
      eq(flows.workspaceId, workspaceId),
      eq(flows.name, english.flowName),
      eq(flows.description, english.description),
      eq(flows.draftRevision, 0),
      isNull(flows.archivedAt),
    ),
  });
  if (!flow) return false;
  const versions = await db.select().from(flowVersions).where(eq(flowVersions.flowId, flow.id));
  const [{ n: runCount } = { n: 0 }] = await db.select({ n: count() }).from(runs).where(eq(runs.flowId, flow.id));
  const [version] = versions;
  if (!version || versions.length !== 1 || runCount > 0) return false;
  const inboxNode = flow.draftGraph.nodes.find((node) => node.id === "inbox" && node.type === "integration");
  const inboxId = inboxNode?.type === "integration" ? inboxNode.data.integrationId : null;
  const inbox = inboxId
    ? await db.query.integrations.findFirst({
        where: and(eq(integrations.id, inboxId), eq(integrations.workspaceId, workspaceId)),
      })
    : undefined;
  if (!inbox || inbox.type !== "inbox" || inbox.name !== english.inbox || !isEmptyRecord(inbox.customizations)) {
    return false;
  }

  const words = await demoWords(locale);
  await db
    .update(integrations)
    .set({ name: words.inbox, customizations: presetLanguageCustomizations("inbox", locale) ?? {} })
    .where(eq(integrations.id, inbox.id));
  await db
    .update(flows)
    .set({ name: words.flowName, description: words.description, draftGraph: reword(flow.draftGraph, words) })
    .where(eq(flows.id, flow.id));
  const published = reword(version.graph, words);
  await db
    .update(flowVersions)
    .set({ graph: published, plan: compilePlan(published), note: words.publishNote })
    .where(eq(flowVersions.id, version.id));
  return true;
}
