import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "~/test-support/test-slot";
import { presetLanguageCustomizations } from "~/core/integrations/preset-language";
import { createDb } from "~/db/client";
import { flowVersions, flows, integrations, workspaces } from "~/db/schema";
import { seedDemoIfEmpty } from "./demo-seed";
import { localizeUntouchedDemo } from "./localize-demo";

const { db, pool } = createDb(testDatabaseUrl(), 2);
afterAll(() => pool.end());

async function seededWorkspace() {
  const [row] = await db
    .insert(workspaces)
    .values({ name: "Demo", slug: `demo-${randomUUID()}` })
    .returning({ id: workspaces.id });
  if (!row) throw new Error("workspace not created");
  const seeded = await seedDemoIfEmpty(db, row.id);
  if (!seeded) throw new Error("demo not seeded");
  return { workspaceId: row.id, flowId: seeded.flowId };
}

async function demoOf(flowId: string) {
  const flow = await db.query.flows.findFirst({ where: eq(flows.id, flowId) });
  const [version, ...more] = await db.select().from(flowVersions).where(eq(flowVersions.flowId, flowId));
  const inboxNode = flow?.draftGraph.nodes.find((n) => n.id === "inbox");
  const inboxId = inboxNode?.type === "integration" ? (inboxNode.data.integrationId ?? "") : "";
  const inbox = await db.query.integrations.findFirst({ where: eq(integrations.id, inboxId) });
  return { flow, version, versions: more.length + 1, inbox };
}

const labels = (graph: { nodes: { data: { label: string } }[] } | undefined) => graph?.nodes.map((n) => n.data.label);

describe("the seeded demo in the first owner's language", () => {
  it("is reworded in French while untouched: flow, published version, plan and inbox messages", async () => {
    const { workspaceId, flowId } = await seededWorkspace();
    expect(await localizeUntouchedDemo(db, workspaceId, "fr")).toBe(true);
    const { flow, version, versions, inbox } = await demoOf(flowId);
    expect(flow?.name).toBe("Escalade de démonstration");
    expect(flow?.description).toContain("un rappel toutes les 15 s");
    expect(labels(flow?.draftGraph)).toEqual(["Toute alerte", "Astreinte", "Réception de démonstration"]);
    expect(versions).toBe(1);
    expect(labels(version?.graph)).toEqual(labels(flow?.draftGraph));
    const level = version?.graph.nodes.find((n) => n.type === "level");
    expect(level?.type === "level" && level.data.message).toBe(
      "Ceci est le flux de démonstration : modifiez-le, ou dessinez le vôtre.",
    );
    // The plan the worker runs carries the level's message too.
    expect(JSON.stringify(version?.plan)).toContain("Ceci est le flux de démonstration");
    expect(JSON.stringify(version?.plan)).not.toContain("This is the demo flow");
    expect(version?.note).toBe("Version de démonstration");
    expect(inbox?.name).toBe("Réception de démonstration");
    expect(inbox?.customizations).toEqual(presetLanguageCustomizations("inbox", "fr"));
  });

  it("is reworded in Dutch too, and left English for an English owner", async () => {
    const dutch = await seededWorkspace();
    expect(await localizeUntouchedDemo(db, dutch.workspaceId, "nl")).toBe(true);
    expect((await demoOf(dutch.flowId)).flow?.name).toBe("Demo-escalatie");

    const english = await seededWorkspace();
    expect(await localizeUntouchedDemo(db, english.workspaceId, "en")).toBe(false);
    const { flow, inbox } = await demoOf(english.flowId);
    expect(flow?.name).toBe("Demo escalation");
    expect(labels(flow?.draftGraph)).toEqual(["Any alert", "On-call", "Demo inbox"]);
    expect(inbox?.customizations).toEqual({});
  });

  it("leaves a demo someone edited as they left it", async () => {
    const edited = await seededWorkspace();
    await db.update(flows).set({ draftRevision: 1 }).where(eq(flows.id, edited.flowId));
    expect(await localizeUntouchedDemo(db, edited.workspaceId, "fr")).toBe(false);
    expect((await demoOf(edited.flowId)).flow?.name).toBe("Demo escalation");

    const renamedInbox = await seededWorkspace();
    const { inbox } = await demoOf(renamedInbox.flowId);
    await db
      .update(integrations)
      .set({ name: "Our inbox" })
      .where(eq(integrations.id, inbox?.id ?? ""));
    expect(await localizeUntouchedDemo(db, renamedInbox.workspaceId, "fr")).toBe(false);
    expect((await demoOf(renamedInbox.flowId)).flow?.name).toBe("Demo escalation");
  });
});
